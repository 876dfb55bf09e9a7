package io.venvmux.processor.it;

import io.venvmux.annotations.VenvModule;

/** A typed client whose env's cluster is read from configuration when it is bound. */
@VenvModule(
    value = "typed_fixture",
    workerPaths = "src/test/python",
    workers = 1,
    ray = "${venvmux.test.ray}")
public interface OnRay {
  int legacyName(String text);
}
