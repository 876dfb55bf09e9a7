/**
 * Annotations of venvmux typed clients: {@link io.venvmux.annotations.VenvModule} on an interface,
 * {@link io.venvmux.annotations.PyName} and {@link io.venvmux.annotations.CallTimeout} on its
 * methods. They are read at compile time by the venvmux annotation processor, never at run time;
 * except {@link io.venvmux.annotations.PyFlag} on an enum, which the wire's mapper reads at run
 * time to send a set of the enum as Python's combined {@code Flag} value.
 */
package io.venvmux.annotations;
