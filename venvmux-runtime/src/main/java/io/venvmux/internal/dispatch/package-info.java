/**
 * Per-env dispatch: the call queue, worker slots, timeouts, restarts and auto-sizing of each env,
 * and the pool-wide threads.
 */
@NullMarked
package io.venvmux.internal.dispatch;

import org.jspecify.annotations.NullMarked;
