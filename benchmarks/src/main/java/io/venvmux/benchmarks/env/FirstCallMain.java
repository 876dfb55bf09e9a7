package io.venvmux.benchmarks.env;

import io.venvmux.Pool;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a program does the first time it needs Python: builds a Pool on one env of a given home,
 * makes one call, prints the result and exits. {@link ColdFirstCallBenchmark} runs it in a fresh
 * JVM per measurement.
 *
 * <p>Arguments: {@code <home> <python dir> <SIX|NUMPY>}, or {@code --jvm-only} to exit at once
 * (the bare JVM start, for comparison).
 */
public final class FirstCallMain {
  static final String JVM_ONLY = "--jvm-only";

  private FirstCallMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals(JVM_ONLY)) {
      System.out.println("started");
      return;
    }
    if (args.length != 3) {
      System.err.println("usage: FirstCallMain <home> <python dir> <SIX|NUMPY> | " + JVM_ONLY);
      System.exit(2);
    }
    BenchEnv env = BenchEnv.valueOf(args[2]);
    try (Pool pool = Pool.builder().home(Path.of(args[0])).env("bench", env.spec(Path.of(args[1])), env.module()).build()) {
      System.out.println(pool.call("bench", BenchEnv.FUNCTION, Map.of()));
    }
  }
}
