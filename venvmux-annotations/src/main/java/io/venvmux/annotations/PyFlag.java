package io.venvmux.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java enum as the counterpart of a Python {@code enum.Flag} / {@code IntFlag}: each
 * constant is one single-bit member whose JSON value (its {@code @JsonValue}) is the member's int.
 * A combination such as {@code Perm.R | Perm.W} is an {@code EnumSet<Perm>} (or {@code Set<Perm>})
 * in Java and crosses the wire as the int OR of its members' values ({@code 3}); the empty set is
 * {@code 0}. A bit no constant has is an error when read, never dropped.
 *
 * <p>Unlike the other venvmux annotations it is read at run time, by the wire's mapper.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PyFlag {}
