/**
 * venvmux: call Python functions in warm worker processes, each in its own virtual environment.
 *
 * <p>Start with {@link io.venvmux.Pool} (untyped calls) or {@code VenvMux.bind} (typed clients).
 */
@NullMarked
package io.venvmux;

import org.jspecify.annotations.NullMarked;
