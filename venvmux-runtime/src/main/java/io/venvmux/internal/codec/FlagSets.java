package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sets of a {@code @PyFlag} enum cross as Python's combined {@code Flag} value, the int OR of their
 * members' values: written so from any {@code Set} whose elements are of one flag enum (an empty
 * {@code EnumSet} too), read so into {@code EnumSet<E>} / {@code Set<E>}. Other sets stay JSON
 * arrays; an array is still read into a flag set (the members, as for any enum set).
 */
final class FlagSets {
  private FlagSets() {}

  static SimpleModule module() {
    return new SimpleModule("venvmux-flags")
        .setSerializerModifier(new Writing())
        .setDeserializerModifier(new Reading());
  }

  private static final class Writing extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonSerializer<?> modifyCollectionSerializer(
        SerializationConfig config,
        CollectionType type,
        BeanDescription description,
        JsonSerializer<?> serializer) {
      return type.isTypeOrSubTypeOf(Set.class) ? new FlagSetSerializer(serializer) : serializer;
    }
  }

  private static final class Reading extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(
        DeserializationConfig config,
        CollectionType type,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      FlagBits bits = FlagBits.of(type.getContentType().getRawClass());
      // Set<E> arrives here as HashSet<E>: the delegate's instantiator builds that kind of set
      return bits != null && type.isTypeOrSubTypeOf(Set.class)
          ? new FlagSetDeserializer(deserializer, bits)
          : deserializer;
    }
  }

  /** A set of a flag enum as its int; any other set by Jackson's serializer. */
  private static final class FlagSetSerializer extends StdSerializer<Collection<?>>
      implements ContextualSerializer, ResolvableSerializer {
    private static final long serialVersionUID = 1L;

    private final transient JsonSerializer<Object> delegate;

    @SuppressWarnings("unchecked")
    FlagSetSerializer(JsonSerializer<?> delegate) {
      super(Collection.class, false);
      this.delegate = (JsonSerializer<Object>) delegate;
    }

    @Override
    public void serialize(Collection<?> set, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      FlagBits bits = FlagBits.ofElements(set);
      if (bits != null) {
        g.writeNumber(bits.combine(set));
      } else {
        delegate.serialize(set, g, provider);
      }
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      if (delegate instanceof ContextualSerializer c) {
        JsonSerializer<?> contextual = c.createContextual(provider, property);
        return contextual == delegate ? this : new FlagSetSerializer(contextual);
      }
      return this;
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
      if (delegate instanceof ResolvableSerializer r) {
        r.resolve(provider);
      }
    }
  }

  /** An int into the members it combines; an array as Jackson reads any enum set. */
  private static final class FlagSetDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final transient FlagBits bits;

    FlagSetDeserializer(JsonDeserializer<?> delegate, FlagBits bits) {
      super(delegate);
      this.bits = bits;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new FlagSetDeserializer(delegate, bits);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        return super.deserialize(p, ctxt);
      }
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw ctxt.weirdNumberException(
            p.getNumberValue(), EnumSet.class, "too big for the flags of " + bits.typeName());
      }
      EnumSet<?> members;
      try {
        members = bits.split(p.getLongValue());
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdNumberException(p.getNumberValue(), EnumSet.class, e.getMessage());
      }
      if (handledType().isInstance(members)) {
        return members;
      }
      @SuppressWarnings("unchecked")
      Collection<Object> set =
          (Collection<Object>)
              ((ValueInstantiator.Gettable) _delegatee)
                  .getValueInstantiator()
                  .createUsingDefault(ctxt);
      set.addAll(members);
      return set;
    }
  }
}
