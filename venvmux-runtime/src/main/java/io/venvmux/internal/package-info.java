/**
 * Runtime internals: never part of the API; may change in any release. This package holds what
 * several internal packages share and nothing depends on back: the venvmux home and the lookup of
 * classes the processor generated. The internal packages depend one way only: dispatch → worker →
 * wire → codec, and client → codec.
 */
@NullMarked
package io.venvmux.internal;

import org.jspecify.annotations.NullMarked;
