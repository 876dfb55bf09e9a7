package com.example.gen;

import javax.annotation.processing.Generated;

/**
 * Python: namedtuple <code>stubfix.entry.Span</code>, as <code>stubfix.entry</code>'s functions use it.
 *
 * @param start Python: <code>start: int</code>
 * @param end Python: <code>end: int</code>
 */
@Generated("io.venvmux.stubgen.StubGen")
public record Span(long start, long end) {
}
