package io.venvmux.processor.it;

import io.venvmux.annotations.VenvModule;
import java.util.List;

/** Keyword arguments typed_fixture.py's functions do not take: binding must fail. */
@VenvModule(value = "typed_fixture", env = "typed")
public interface WrongParameters {
  /** Python's parameter is named shape. */
  String describe(Shapes.Shape s);

  /** Python's x and y are positional-only, in that order. */
  String positionalPair(String y, long x);

  /** Fine: **rest takes any keyword. */
  List<Object> options(int first, int second);
}
