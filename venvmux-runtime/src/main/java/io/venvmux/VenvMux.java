package io.venvmux;

import org.jspecify.annotations.Nullable;

/**
 * Typed clients: an interface annotated {@code @VenvModule} in, a client out.
 *
 * <pre>{@code
 * @VenvModule(value = "yourpkg.entry", packages = {"numpy>=2"})
 * public interface Compute {
 *   Result compute(int n);
 *   CompletableFuture<Result> computeAsync(int n);
 * }
 *
 * Compute c = VenvMux.bind(Compute.class);        // JVM-wide default pool
 * Compute d = VenvMux.bind(Compute.class, pool);  // or a pool of your own (same as pool.bind)
 * }</pre>
 *
 * <p>The venvmux annotation processor generates the client at compile time; binding finds it by
 * name, once per interface, and fails with the Maven setup to add when the processor did not run.
 * The client is served by the pool's env named in {@code @VenvModule(env = ..)}, else by the one
 * env that serves the module, else by an env added from the annotation's settings (packages,
 * requirements, project, python, workerPaths, workers). Binding starts that env and checks that the
 * module has every function the interface calls, and that each takes the method's keyword
 * arguments: a mismatch fails here, with {@link NotFoundException} or {@link BadArgumentsException}
 * listing each, rather than at the first call.
 *
 * <p>Clients are thread-safe and cheap; keep one per interface.
 */
public final class VenvMux {
  private static final Object LOCK = new Object();
  private static @Nullable Pool defaultPool;
  private static boolean shutdownHookAdded;

  private VenvMux() {}

  /**
   * A client of {@code type} on the JVM-wide default pool, created on first use (home from {@code
   * VENV_MUX_HOME}, else {@code ~/.venvmux}) and closed when the JVM exits or on {@link
   * #shutdown()}.
   *
   * @throws IllegalArgumentException if {@code type} has no generated client
   * @throws NotFoundException if the module lacks functions the interface calls
   * @throws BadArgumentsException if a function does not take its method's keyword arguments
   * @throws CallException if the env cannot be built or started
   */
  public static <T> T bind(Class<T> type) {
    return bind(type, defaultPool());
  }

  /**
   * A client of {@code type} on {@code pool}; the same as {@code pool.bind(type)}.
   *
   * @throws IllegalArgumentException if {@code type} has no generated client
   * @throws NotFoundException if the module lacks functions the interface calls
   * @throws BadArgumentsException if a function does not take its method's keyword arguments
   * @throws CallException if the env cannot be built or started
   */
  public static <T> T bind(Class<T> type, Pool pool) {
    return pool.bind(type);
  }

  /**
   * Closes the default pool, stopping its workers; clients bound to it fail with {@link
   * PoolClosedException} from then on. A later {@link #bind(Class)} starts a fresh default pool.
   */
  public static void shutdown() {
    Pool pool;
    synchronized (LOCK) {
      pool = defaultPool;
      defaultPool = null;
    }
    if (pool != null) {
      pool.close();
    }
  }

  private static Pool defaultPool() {
    synchronized (LOCK) {
      if (defaultPool == null) {
        if (!shutdownHookAdded) {
          Runtime.getRuntime().addShutdownHook(new Thread(VenvMux::shutdown, "venvmux-shutdown"));
          shutdownHookAdded = true;
        }
        defaultPool = Pool.builder().build();
      }
      return defaultPool;
    }
  }
}
