package io.venvmux;

import io.venvmux.internal.Arguments;
import io.venvmux.internal.VenvMuxHome;
import io.venvmux.internal.client.ClientBinder;
import io.venvmux.internal.client.ClientDescriptor;
import io.venvmux.internal.client.ClientDescriptors;
import io.venvmux.internal.dispatch.EnvDispatcher;
import io.venvmux.internal.dispatch.EnvHandle;
import io.venvmux.internal.dispatch.PoolRuntime;
import io.venvmux.internal.worker.WorkerLaunch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Named envs of warm Python workers, each env serving one module. Build one with {@link
 * #builder()}; close it to stop every worker and thread it started.
 *
 * <pre>{@code
 * try (Pool pool = Pool.builder()
 *     .env("v1", EnvSpec.builder().packages("numpy<2").workers(1).build(), "yourpkg_v1.entry")
 *     .build()) {
 *   Object r = pool.venv("v1").call("compute", Map.of("n", 1));
 * }
 * }</pre>
 *
 * <p>Workers start eagerly: {@link Builder#build()} (and {@link #addEnv}) returns at once and, in
 * the background, resolves each env (building its venv if needed) and starts its minimum workers
 * ({@link EnvSpec#minWorkers()}, the fixed count with {@code workers(n)}), while the wire's JSON
 * classes load on another background thread; a first call made meanwhile waits for them. An env
 * whose eager start fails does not make {@code build()} throw: the failure is logged, nothing is
 * started again until a call asks, and that call (which tries once more) gets the error, an {@link
 * EnvStartException} or {@link EnvBuildException}. An env with {@code minWorkers(0)} starts on its
 * first call (or with {@link VenvHandle#functions()}). An env's venv is resolved once, on its first
 * start. Thread-safe.
 */
public final class Pool implements AutoCloseable {
  private final PoolRuntime rt;
  private final Map<String, EnvHandle> envs = new ConcurrentHashMap<>();
  private final List<String> order = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  private Pool(Builder b) {
    this.rt =
        new PoolRuntime(
            VenvMuxHome.resolve(b.home),
            b.serializer,
            b.maxPayloadBytes,
            b.maxResultBytes,
            b.maxReplyLineBytes,
            b.callbackExecutor);
    b.envs.forEach((name, e) -> register(name, e.spec, e.module));
    envs.values().forEach(h -> h.dispatcher().startMinWorkers());
    rt.initLogging();
  }

  /**
   * A builder with the defaults: home from $VENV_MUX_HOME or ~/.venvmux, orjson where importable,
   * no spilling.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The handle of an env.
   *
   * @throws IllegalArgumentException when the pool has no env of that name (the message lists them)
   */
  public VenvHandle venv(String name) {
    return handle(name);
  }

  /**
   * Calls {@code fn(**kwargs)} in an env; the result is natural Java values. See {@link
   * VenvHandle}.
   */
  public @Nullable Object call(String env, String fn, Map<String, ?> kwargs) {
    return handle(env).call(fn, kwargs);
  }

  /** Calls {@code fn(**kwargs)} in an env and converts the result to {@code type}. */
  public <T> T call(String env, String fn, Map<String, ?> kwargs, Class<T> type) {
    return handle(env).call(fn, kwargs, type);
  }

  /** Calls {@code fn(**kwargs)} in an env asynchronously; completes on the callback executor. */
  public CompletableFuture<@Nullable Object> callAsync(
      String env, String fn, Map<String, ?> kwargs) {
    return handle(env).callAsync(fn, kwargs);
  }

  /**
   * A typed client of a {@code @VenvModule} interface, served by this pool; the same as {@link
   * VenvMux#bind(Class, Pool)}. The client is served by the env named in {@code @VenvModule(env =
   * ..)} if the pool has it, else by the one env that serves the interface's module, else by an env
   * added from the annotation's settings (named as the annotation's env, else as the module).
   *
   * @throws IllegalArgumentException if {@code type} has no generated client
   * @throws IllegalStateException if the named env serves another module, or several envs serve the
   *     module and the annotation names none of them
   * @throws NotFoundException if the module lacks functions the interface calls
   * @throws BadArgumentsException if a function does not take its method's keyword arguments
   */
  public <T> T bind(Class<T> type) {
    ClientDescriptor<T> client = ClientDescriptors.of(type);
    return ClientBinder.bind(client, envFor(client));
  }

  /** The env that serves {@code client} (see {@link #bind}); locked so two binds add one env. */
  private synchronized VenvHandle envFor(ClientDescriptor<?> client) {
    String env = client.env();
    String module = client.module();
    EnvHandle named = env.isEmpty() ? null : envs.get(env);
    if (named != null) {
      if (!named.module().equals(module)) {
        throw new IllegalStateException(
            "env '"
                + env
                + "' serves module '"
                + named.module()
                + "', but "
                + client.type().getName()
                + " calls module '"
                + module
                + "': fix @VenvModule(env = ..) or the pool's env");
      }
      return named;
    }
    List<String> serving = envNamesServing(module);
    if (serving.size() > 1) {
      throw new IllegalStateException(
          "envs "
              + serving
              + " all serve module '"
              + module
              + "': name the one "
              + client.type().getName()
              + " should use with @VenvModule(env = ..)");
    }
    if (serving.size() == 1) {
      return handle(serving.get(0));
    }
    return addEnv(env.isEmpty() ? module : env, client.envSpec(), module);
  }

  /**
   * Adds an env to the running pool and returns its handle, starting its minimum workers in the
   * background as {@link Builder#build()} does. Adding the same name again with the same spec and
   * module returns the existing env.
   *
   * @throws IllegalArgumentException the name exists with another spec or module
   * @throws PoolClosedException the pool is closed
   */
  public synchronized VenvHandle addEnv(String name, EnvSpec spec, String module) {
    if (closed) {
      throw new PoolClosedException("the pool is closed; cannot add env '" + name + "'");
    }
    EnvHandle existing = envs.get(name);
    if (existing != null) {
      EnvDispatcher d = existing.dispatcher();
      if (d.spec().equals(spec) && d.module().equals(module)) {
        return existing;
      }
      throw new IllegalArgumentException(
          "env '"
              + name
              + "' already exists with "
              + d.spec()
              + " serving "
              + d.module()
              + "; cannot redefine it as "
              + spec
              + " serving "
              + module);
    }
    EnvHandle added = register(name, spec, module);
    added.dispatcher().startMinWorkers();
    return added;
  }

  private EnvHandle register(String name, EnvSpec spec, String module) {
    Builder.checkEnv(name, spec, module);
    EnvHandle h = new EnvHandle(new EnvDispatcher(name, module, spec, rt), rt);
    envs.put(name, h);
    order.add(name);
    return h;
  }

  /** The env names, in the order they were added. */
  public Set<String> envNames() {
    synchronized (order) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(order));
    }
  }

  /** The one env serving {@code module}; empty when none does, or several do. */
  public Optional<VenvHandle> envServing(String module) {
    List<String> serving = envNamesServing(module);
    return serving.size() == 1 ? Optional.of(handle(serving.get(0))) : Optional.empty();
  }

  private List<String> envNamesServing(String module) {
    return envNames().stream().filter(n -> handle(n).module().equals(module)).toList();
  }

  /** A snapshot of every env's {@link EnvStats}, by env name, in the order the envs were added. */
  public Map<String, EnvStats> stats() {
    Map<String, EnvStats> out = new LinkedHashMap<>();
    for (String name : envNames()) {
      out.put(name, handle(name).stats());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Stops an env's workers and waits for them. Queued calls fail with {@link PoolClosedException};
   * calls in flight get a short grace period to finish. The next call starts the env again.
   */
  public void stopEnv(String name) {
    handle(name).dispatcher().stop(false);
  }

  /**
   * Replaces an env's workers with fresh ones, keeping their number: new calls go to the new
   * workers while the old ones finish their in-flight calls and exit. Picks up changed Python code.
   */
  public void reloadEnv(String name) {
    handle(name).dispatcher().reload();
  }

  /**
   * Stops every env and releases everything the pool holds: no worker process, thread or spill file
   * remains afterwards. Queued calls fail with {@link PoolClosedException}; in-flight calls get a
   * short grace period. Idempotent; later calls fail with {@link PoolClosedException}.
   */
  public void stop() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      List<EnvDispatcher> all = new ArrayList<>();
      envs.values().forEach(h -> all.add(h.dispatcher()));
      rt.close(all);
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private EnvHandle handle(String name) {
    EnvHandle h = envs.get(name);
    if (h == null) {
      if (closed) {
        throw new PoolClosedException("the pool is closed");
      }
      throw new IllegalArgumentException("no env named '" + name + "'; the pool has " + envNames());
    }
    return h;
  }

  @Override
  public String toString() {
    return "Pool" + envNames();
  }

  /** Configures a {@link Pool}. */
  public static final class Builder {
    private @Nullable Path home;
    private final Map<String, EnvEntry> envs = new LinkedHashMap<>();
    private Serializer serializer = Serializer.ORJSON;
    private @Nullable Long maxPayloadBytes;
    private @Nullable Long maxResultBytes;
    private long maxReplyLineBytes = WorkerLaunch.DEFAULT_MAX_LINE_BYTES;
    private @Nullable Executor callbackExecutor;

    private Builder() {}

    /** Where envs and the extracted worker live (default $VENV_MUX_HOME, else ~/.venvmux). */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * Adds an env: workers built from {@code spec} serving the Python module {@code module} (e.g.
     * {@code "yourpkg.entry"}).
     */
    public Builder env(String name, EnvSpec spec, String module) {
      checkEnv(name, spec, module);
      if (envs.containsKey(name)) {
        throw new IllegalArgumentException("env '" + name + "' is defined twice");
      }
      envs.put(name, new EnvEntry(spec, module));
      return this;
    }

    /**
     * The JSON library the workers use (default {@link Serializer#ORJSON}: orjson where the env has
     * it, which envs venvmux builds do unless {@link EnvSpec.Builder#fastJson} says otherwise; else
     * the standard {@code json}). Each worker's hello says which it uses.
     */
    public Builder serializer(Serializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /** Requests larger than this many bytes go through a private temp file (default: never). */
    public Builder maxPayloadBytes(long bytes) {
      this.maxPayloadBytes = Arguments.atLeast("maxPayloadBytes", bytes, 1);
      return this;
    }

    /**
     * Results larger than this many bytes come back through a private temp file (default: never).
     */
    public Builder maxResultBytes(long bytes) {
      this.maxResultBytes = Arguments.atLeast("maxResultBytes", bytes, 1);
      return this;
    }

    /**
     * The longest reply line a worker may write, in bytes (default 64 MiB). A longer one is not
     * read into memory: its call fails with {@link InvalidJsonException} and the worker goes on
     * serving. Big {@code bytes} and numpy arrays do not count (they cross as files), nor do
     * results past {@link #maxResultBytes} (they come back through a file).
     */
    public Builder maxReplyLineBytes(long bytes) {
      this.maxReplyLineBytes = Arguments.atLeast("maxReplyLineBytes", bytes, 1);
      return this;
    }

    /**
     * Where async futures complete (default: a pool-owned daemon executor, shut down on close).
     * User callbacks never run on the pool's I/O threads.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The pool. Returns at once; each env's minimum workers start in the background (see {@link
     * Pool}); a failure there is reported to the env's first call, never thrown here.
     */
    public Pool build() {
      return new Pool(this);
    }

    static void checkEnv(String name, EnvSpec spec, String module) {
      Objects.requireNonNull(spec, "spec");
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an env needs a non-blank name");
      }
      if (module == null || module.isBlank() || module.startsWith(".") || module.endsWith(".")) {
        throw new IllegalArgumentException(
            "env '"
                + name
                + "' needs a module name such as \"yourpkg.entry\", got '"
                + module
                + "'");
      }
    }

    private static final class EnvEntry {
      final EnvSpec spec;
      final String module;

      EnvEntry(EnvSpec spec, String module) {
        this.spec = spec;
        this.module = module;
      }
    }
  }
}
