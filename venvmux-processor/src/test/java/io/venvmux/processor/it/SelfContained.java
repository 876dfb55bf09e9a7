package io.venvmux.processor.it;

import io.venvmux.annotations.PyName;
import io.venvmux.annotations.VenvModule;

/** Everything its env needs is in the annotation: VenvMux.bind adds the env from it. */
@VenvModule(value = "typed_fixture", workerPaths = "src/test/python", workers = 1)
public interface SelfContained {
  int legacyName(String text);

  /** Nested interfaces get clients too: VenvMux_SelfContained_Nested. */
  @VenvModule(value = "typed_fixture", workerPaths = "src/test/python", workers = 1)
  interface Nested {
    @PyName("legacy_name")
    int length(String text);
  }
}
