/**
 * One worker process: its launch line, the extracted worker sources, the protocol reader and the
 * stderr log.
 */
@NullMarked
package io.venvmux.internal.worker;

import org.jspecify.annotations.NullMarked;
