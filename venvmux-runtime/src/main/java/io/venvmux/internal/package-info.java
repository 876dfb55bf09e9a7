/** Runtime internals: never part of the API; may change in any release. */
@NullMarked
package io.venvmux.internal;

import org.jspecify.annotations.NullMarked;
