package io.venvmux.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.venvmux.annotations.PyFlag;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The bits of a {@link PyFlag} enum: each constant's int value (its JSON value), so a set of
 * constants is one int, the OR of theirs, as Python's {@code enum.Flag} holds a combination.
 */
final class FlagBits {
  private static final ClassValue<@Nullable FlagBits> BITS =
      new ClassValue<>() {
        @Override
        protected @Nullable FlagBits computeValue(Class<?> type) {
          return type.isEnum() && type.isAnnotationPresent(PyFlag.class)
              ? new FlagBits(type)
              : null;
        }
      };

  private final Class<?> type;
  private final Enum<?>[] constants;
  private final long[] values;
  private final long known;

  private FlagBits(Class<?> type) {
    this.type = type;
    this.constants = (Enum<?>[]) type.getEnumConstants();
    this.values = new long[constants.length];
    long all = 0;
    for (int i = 0; i < constants.length; i++) {
      values[i] = valueOf(constants[i]);
      all |= values[i];
    }
    this.known = all;
  }

  /** The bits of {@code type}, or null when it is not an enum marked {@code @PyFlag}. */
  static @Nullable FlagBits of(Class<?> type) {
    return BITS.get(type);
  }

  /**
   * The flag enum a set holds, or null: an {@code EnumSet} says even when empty (its complement is
   * not); another set by its elements, all of one flag enum.
   */
  static @Nullable FlagBits ofElements(Collection<?> set) {
    if (set instanceof EnumSet<?> enums) {
      EnumSet<?> some = enums.isEmpty() ? complement(enums) : enums;
      return some.isEmpty() ? null : of(some.iterator().next().getDeclaringClass());
    }
    if (!(set instanceof Set<?>)
        || set.isEmpty()
        || !(set.iterator().next() instanceof Enum<?> e)) {
      return null;
    }
    FlagBits bits = of(e.getDeclaringClass());
    return bits != null && set.stream().allMatch(bits.type::isInstance) ? bits : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static EnumSet<?> complement(EnumSet<?> set) {
    return EnumSet.complementOf((EnumSet) set);
  }

  /** The OR of the members' values. */
  long combine(Collection<?> members) {
    long bits = 0;
    for (Object member : members) {
      bits |= values[((Enum<?>) member).ordinal()];
    }
    return bits;
  }

  /**
   * The members whose bits {@code value} has.
   *
   * @throws IllegalArgumentException when {@code value} has a bit no member has
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <E extends Enum<E>> EnumSet<E> split(long value) {
    if ((value & ~known) != 0) {
      throw new IllegalArgumentException(
          value
              + " is no combination of "
              + type.getSimpleName()
              + "'s flags ("
              + members()
              + "): bits "
              + (value & ~known)
              + " have no member");
    }
    EnumSet<E> set = EnumSet.noneOf((Class<E>) (Class) type);
    for (int i = 0; i < constants.length; i++) {
      if ((value & values[i]) == values[i]) {
        set.add((E) constants[i]);
      }
    }
    return set;
  }

  String typeName() {
    return type.getName();
  }

  private String members() {
    StringJoiner joined = new StringJoiner(", ");
    for (int i = 0; i < constants.length; i++) {
      joined.add(constants[i].name() + "=" + values[i]);
    }
    return joined.toString();
  }

  private static long valueOf(Enum<?> constant) {
    JsonNode value = WireMapper.mapper().valueToTree(constant);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
      throw new IllegalStateException(
          "@PyFlag enum "
              + constant.getDeclaringClass().getName()
              + ": constant "
              + constant.name()
              + " crosses as "
              + value
              + ", not a positive int (give it the Python member's value with @JsonValue)");
    }
    return value.asLong();
  }
}
