package io.venvmux.benchmarks.env;

import io.venvmux.Pool;
import io.venvmux.internal.codec.WireMapper;
import io.venvmux.internal.env.EnvResolver;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a program does the first time it needs Python: builds a Pool on one env of a given home,
 * makes one call, prints the result and exits. {@link ColdFirstCallBenchmark} runs it in a fresh
 * JVM per measurement.
 *
 * <p>Arguments: {@code <home> <python dir> <SIX|NUMPY>}. To tell apart where a first call's time
 * goes: {@value #RESOLVE_ONLY} before those three resolves the env and exits; {@value #JVM_ONLY}
 * alone exits at once (the bare JVM start); {@value #WIRE_MAPPER_ONLY} alone builds the wire's
 * Jackson mapper and exits.
 */
public final class FirstCallMain {
  static final String JVM_ONLY = "--jvm-only";
  static final String WIRE_MAPPER_ONLY = "--wire-mapper-only";
  static final String RESOLVE_ONLY = "--resolve-only";

  private FirstCallMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals(JVM_ONLY)) {
      System.out.println("started");
    } else if (args.length == 1 && args[0].equals(WIRE_MAPPER_ONLY)) {
      System.out.println(WireMapper.mapper().getRegisteredModuleIds().size() + " modules");
    } else if (args.length == 4 && args[0].equals(RESOLVE_ONLY)) {
      BenchEnv env = BenchEnv.valueOf(args[3]);
      System.out.println(
          new EnvResolver(Path.of(args[1])).resolve(env.spec(Path.of(args[2]))).python());
    } else if (args.length == 3) {
      BenchEnv env = BenchEnv.valueOf(args[2]);
      try (Pool pool =
          Pool.builder()
              .home(Path.of(args[0]))
              .env("bench", env.spec(Path.of(args[1])), env.module())
              .build()) {
        System.out.println(pool.call("bench", BenchEnv.FUNCTION, Map.of()));
      }
    } else {
      System.err.println(
          "usage: FirstCallMain ["
              + RESOLVE_ONLY
              + "] <home> <python dir> <SIX|NUMPY> | "
              + JVM_ONLY
              + " | "
              + WIRE_MAPPER_ONLY);
      System.exit(2);
    }
  }
}
