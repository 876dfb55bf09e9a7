package io.venvmux.internal.env;

import io.venvmux.EnvSpec;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Resolves envs from a second JVM, for the tests that need several processes on one home.
 *
 * <p>Usage: {@code ResolveMain <home> <auto|uv|pip> <start-at-epoch-ms>
 * <packages,comma,separated>...}: waits until the start time (so two JVMs really race), then
 * resolves one env per argument and prints {@code resolved <python> in <ms>} for each.
 */
public final class ResolveMain {
  private ResolveMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    org.slf4j.LoggerFactory.getLogger(ResolveMain.class)
        .debug("logging is up"); // as in any app that logs
    EnvResolver resolver =
        new EnvResolver(home, InstallerChoice.parse(args[1], "argument"), Duration.ofSeconds(5));
    long wait = Long.parseLong(args[2]) - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    for (int i = 3; i < args.length; i++) {
      long t0 = System.nanoTime();
      ResolvedEnv env = resolver.resolve(EnvSpec.builder().packages(args[i].split(",")).build());
      System.out.printf("resolved %s in %.1f ms%n", env.python(), (System.nanoTime() - t0) / 1e6);
    }
  }
}
