package io.venvmux.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a typed client of one Python module. The venvmux annotation processor
 * generates its implementation ({@code VenvMux_Compute} for {@code Compute}, {@code
 * VenvMux_Outer_Inner} for a nested {@code Outer.Inner}); {@code VenvMux.bind(Compute.class)} hands
 * it out.
 *
 * <pre>{@code
 * @VenvModule(value = "yourpkg_v2.entry", packages = {"numpy>=2"})
 * public interface Compute {
 *   Result compute(int n);                          // Python: compute(n=...)
 *   CompletableFuture<Result> computeAsync(int n);  // same Python function, asynchronously
 *   @PyName("legacy_name") @CallTimeout(2000) int legacy(String text);
 * }
 * }</pre>
 *
 * <p>Each abstract method calls the module's function named after it in snake_case ({@code
 * computeStats} calls {@code compute_stats}), passing every parameter as a keyword argument named
 * after the parameter in snake_case ({@code maxIter} is {@code max_iter}). {@link PyName} overrides
 * either name. A method returning {@code CompletableFuture<T>} whose name ends in {@code Async}
 * calls the function named without the suffix. Default methods are left as they are; static methods
 * are ignored.
 *
 * <p>The settings below describe the env the client runs in when the pool has none serving this
 * module yet: the env named {@link #env()} if the pool has it, else the one env serving {@link
 * #value()}, else a new env built from these settings.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VenvModule {
  /** The Python module the worker imports, a dotted path such as {@code "yourpkg.entry"}. */
  String value();

  /**
   * The name of the pool's env that serves this client; empty: found by module, or the module's
   * name.
   */
  String env() default "";

  /** Inline requirement specifiers installed into the env, e.g. {@code "numpy>=2"}. */
  String[] packages() default {};

  /** Requirements files installed into the env (paths relative to the working directory). */
  String[] requirements() default {};

  /** A folder with pyproject.toml installed into the env; empty: none. */
  String project() default "";

  /**
   * The interpreter: a path, or a version such as {@code "3.12"}; empty: {@code python3} on PATH.
   */
  String python() default "";

  /** Folders put first on the worker's PYTHONPATH (relative to the working directory). */
  String[] workerPaths() default {};

  /** A fixed number of workers; 0 (the default): auto sizing. */
  int workers() default 0;

  /**
   * Where the env's workers run, read when the client is bound: empty (the default) for local
   * processes, {@code "local"} for a local Ray, a Ray address ({@code "ray://head:10001"}), or
   * {@code "${NAME}"}: the system property NAME, else the environment variable NAME, holding one of
   * those (unset or empty: local processes). So {@code ray = "${VENVMUX_RAY_ADDRESS}"} moves a
   * typed client to Ray without recompiling.
   */
  String ray() default "";
}
