/**
 * The venvmux annotation processor: validates {@code @VenvModule} interfaces and writes their typed
 * clients. Internal: the generated code and its runtime support are the contract, not these
 * classes.
 */
@NullMarked
package io.venvmux.processor;

import org.jspecify.annotations.NullMarked;
