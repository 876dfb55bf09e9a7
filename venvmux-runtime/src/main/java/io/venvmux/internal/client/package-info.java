/**
 * What generated typed clients call: {@link io.venvmux.internal.client.PyFunction} (one per method,
 * all constants), {@link io.venvmux.internal.client.ClientDescriptor} (one per interface, read by
 * {@code VenvMux.bind}), and the binding itself. Internal: only generated code uses it.
 */
@NullMarked
package io.venvmux.internal.client;

import org.jspecify.annotations.NullMarked;
