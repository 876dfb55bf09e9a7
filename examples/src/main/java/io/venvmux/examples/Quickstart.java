package io.venvmux.examples;

import io.venvmux.EnvSpec;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The README's quickstart: two envs, untyped calls, sync, async and batched. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    Path src = ExamplePaths.pythonDir("yourpkg_v1/entry.py");
    try (Pool pool =
        Pool.builder()
            .env("v1", EnvSpec.builder().workers(1).workerPaths(src).build(), "yourpkg_v1.entry")
            .env("v2", EnvSpec.builder().workers(2).workerPaths(src).build(), "yourpkg_v2.entry")
            .build()) {
      VenvHandle v1 = pool.venv("v1");
      VenvHandle v2 = pool.venv("v2");
      System.out.println(v1.call("compute", Map.of("n", 1)));
      System.out.println(v2.call("compute", Map.of("n", 2)));

      CompletableFuture<Object> f = pool.callAsync("v2", "compute", Map.of("n", 21));
      System.out.println(f.join());

      List<Object> batch =
          v2.map("compute", List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)), 2);
      System.out.println(batch);
    }
  }
}
