package io.venvmux.processor.it;

import io.venvmux.annotations.VenvModule;
import java.util.concurrent.CompletableFuture;

/** Calls functions typed_fixture.py does not have: binding must fail. */
@VenvModule(value = "typed_fixture", env = "typed")
public interface Missing {
  String describe(Shapes.Shape shape);

  int notThere();

  CompletableFuture<Integer> notThereAsync();

  String alsoMissing(int x);
}
