/**
 * One worker process: its launch line, the extracted worker sources, its lifecycle (start, stdin,
 * stop, kill, reap), the calls it holds and what its exit tells them, and its stderr log. Parsing
 * what it writes is the wire's job.
 */
@NullMarked
package io.venvmux.internal.worker;

import org.jspecify.annotations.NullMarked;
