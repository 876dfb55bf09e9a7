/**
 * The one Jackson configuration of the wire ({@link io.venvmux.internal.codec.WireMapper}) and the
 * pieces it is made of: names, strict numbers, bytes, paths, required record components; and the
 * mapper-free readers and writers of plain values ({@link io.venvmux.internal.codec.NaturalValues},
 * {@link io.venvmux.internal.codec.PlainValueWriter}). The bottom of the internal packages: it
 * depends on none of them but the generated-class lookup in {@code io.venvmux.internal}.
 */
@NullMarked
package io.venvmux.internal.codec;

import org.jspecify.annotations.NullMarked;
