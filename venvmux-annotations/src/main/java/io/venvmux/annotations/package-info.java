/**
 * Annotations of venvmux typed clients: {@link io.venvmux.annotations.VenvModule} on an interface,
 * {@link io.venvmux.annotations.PyName} and {@link io.venvmux.annotations.CallTimeout} on its
 * methods. They are read at compile time by the venvmux annotation processor, never at run time.
 */
package io.venvmux.annotations;
