/**
 * Child processes, started in one way and ended in one way: {@link
 * io.venvmux.internal.process.ProcessSpec} says what to start (an argument list, never a shell
 * line, with environment changes and a working folder) and how each stream is handled; {@link
 * io.venvmux.internal.process.RunningProcess} starts it, drains its output on daemon threads into a
 * bounded tail, waits with a timeout, stops it (grace period, terminate, kill) and kills it with
 * its descendants; {@link io.venvmux.internal.process.ProcessFailedException} says neutrally what
 * went wrong, for each caller to wrap into its own error.
 */
@NullMarked
package io.venvmux.internal.process;

import org.jspecify.annotations.NullMarked;
