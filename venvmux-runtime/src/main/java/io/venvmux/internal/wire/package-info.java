/**
 * Protocol v1 on the host side: encoding requests, parsing replies and hellos, and mapping wire
 * errors to exceptions.
 */
@NullMarked
package io.venvmux.internal.wire;

import org.jspecify.annotations.NullMarked;
