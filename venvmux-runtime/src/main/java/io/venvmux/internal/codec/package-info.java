/**
 * The one Jackson configuration of the wire ({@link io.venvmux.internal.codec.WireMapper}) and the
 * pieces it is made of: names, strict numbers, bytes, paths, required record components.
 */
@NullMarked
package io.venvmux.internal.codec;

import org.jspecify.annotations.NullMarked;
