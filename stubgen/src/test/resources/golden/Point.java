package com.example.gen;

import javax.annotation.processing.Generated;

/**
 * Python: dataclass <code>stubfix.entry.Point</code>, as <code>stubfix.entry</code>'s functions use it.
 *
 * @param x Python: <code>x: float</code>
 * @param y Python: <code>y: float</code>
 */
@Generated("io.venvmux.stubgen.StubGen")
public record Point(double x, double y) {
}
