package io.venvmux.processor.it;

import io.venvmux.annotations.VenvModule;

/** Results that Python sends but these Java types must refuse. */
@VenvModule(value = "typed_fixture", env = "typed")
public interface Strict {
  /** Python returns 2**40. */
  int bigNumber();

  /** Python returns 0.5. */
  int half();

  /** Python returns {"x": 1.0}: y is missing. */
  Shapes.Point halfPoint();

  /** Python returns None. */
  int nothing(int value);
}
