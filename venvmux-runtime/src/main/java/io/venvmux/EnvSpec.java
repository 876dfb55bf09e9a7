package io.venvmux;

import io.venvmux.internal.Arguments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What a worker env is made of and how its workers are sized. Immutable; build one with {@link
 * #builder()}.
 *
 * <p>Sources, highest priority first: {@code venv} (an existing venv, used as is) &gt; {@code
 * project} (a folder with pyproject.toml) &gt; {@code requirements} &gt; {@code packages}. With
 * none of them the worker runs on the interpreter itself, without a venv.
 */
public final class EnvSpec {
  /** The default of {@link Builder#pipelined(int)}. */
  public static final int DEFAULT_PIPELINED = 0;

  /** The default of {@link Builder#maxQueued(int)}. */
  public static final int DEFAULT_MAX_QUEUED = 10_000;

  /** A frozen copy of the builder it was built from: never changed, never handed out. */
  private final Builder v;

  private EnvSpec(Builder b) {
    this.v = b.copy();
    if (v.workers != null) {
      v.minWorkers = v.workers;
      v.maxWorkers = v.workers;
      v.autogrow = false;
    }
  }

  /** A new builder with the defaults: auto sizing, no venv, the {@code python3} on PATH. */
  public static Builder builder() {
    return new Builder();
  }

  /** A spec with every default: the worker runs on {@code python3} from PATH, no venv. */
  public static EnvSpec defaults() {
    return builder().build();
  }

  /** A builder that starts from this spec's values. */
  public Builder toBuilder() {
    Builder b = v.copy();
    b.autogrow = v.autogrow || v.workers == null;
    return b;
  }

  /** Interpreter path, or a version such as {@code "3.12"}; empty: {@code python3} on PATH. */
  public Optional<String> python() {
    return Optional.ofNullable(v.python);
  }

  /** A folder with pyproject.toml to install into the env. */
  public Optional<Path> project() {
    return Optional.ofNullable(v.project);
  }

  /** Requirements files to install into the env. */
  public List<Path> requirements() {
    return Collections.unmodifiableList(v.requirements);
  }

  /** Inline requirement specifiers, such as {@code "numpy<2"}. */
  public List<String> packages() {
    return Collections.unmodifiableList(v.packages);
  }

  /** An existing venv to use as is; venvmux never modifies it. */
  public Optional<Path> venv() {
    return Optional.ofNullable(v.venv);
  }

  /** Folders put on the worker's PYTHONPATH, before everything else. */
  public List<Path> workerPaths() {
    return Collections.unmodifiableList(v.workerPaths);
  }

  /** Extra environment variables for the worker processes. */
  public Map<String, String> environment() {
    return Collections.unmodifiableMap(v.environment);
  }

  /** The fixed worker count, or empty for auto sizing. */
  public OptionalInt workers() {
    return v.workers == null ? OptionalInt.empty() : OptionalInt.of(v.workers);
  }

  /** True when the env needs a venv built (project, requirements or packages given, no venv). */
  public boolean needsBuild() {
    return v.venv == null
        && (v.project != null || !v.requirements.isEmpty() || !v.packages.isEmpty());
  }

  /** Workers kept warm in auto mode; the fixed count otherwise. */
  public int minWorkers() {
    return v.minWorkers;
  }

  /** The most workers auto mode grows to; the fixed count otherwise. */
  public int maxWorkers() {
    return v.maxWorkers;
  }

  /** Whether the pool adds workers under sustained saturation. Always false in fixed mode. */
  public boolean autogrow() {
    return v.autogrow;
  }

  /** Idle time after which auto mode stops its oldest workers, down to {@link #minWorkers()}. */
  public Duration scaleDownIdle() {
    return v.scaleDownIdle;
  }

  /** How many recent saturation checks decide a scale-up (a majority must be saturated). */
  public int saturationWindowLen() {
    return v.saturationWindowLen;
  }

  /** The least time between two scale-ups. */
  public Duration scaleUpCooldown() {
    return v.scaleUpCooldown;
  }

  /** Calls one worker runs at once. */
  public int inflight() {
    return v.inflight;
  }

  /**
   * Calls that wait in each worker's pipe beyond the {@link #inflight()} it runs at once (see
   * {@link Builder#pipelined(int)}).
   */
  public int pipelined() {
    return v.pipelined;
  }

  /** Calls that may wait in the env's queue; one more fails with {@link QueueFullException}. */
  public int maxQueued() {
    return v.maxQueued;
  }

  /** Whether a venv that venvmux builds gets orjson for the worker's JSON. */
  public boolean fastJson() {
    return v.fastJson;
  }

  /** The default timeout of a call to this env; empty: none. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(v.callTimeout);
  }

  /** How long a worker may take from spawn to its hello (imports included). */
  public Duration startTimeout() {
    return v.startTimeout;
  }

  /** The Ray cluster whose actors are this env's workers; empty: local worker processes. */
  public Optional<RayCluster> ray() {
    return Optional.ofNullable(v.ray);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof EnvSpec s && values().equals(s.values()));
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  private List<@Nullable Object> values() {
    @Nullable Object[] all = {
      v.python,
      v.project,
      v.requirements,
      v.packages,
      v.venv,
      v.workerPaths,
      v.environment,
      v.workers,
      v.minWorkers,
      v.maxWorkers,
      v.autogrow,
      v.scaleDownIdle,
      v.saturationWindowLen,
      v.scaleUpCooldown,
      v.inflight,
      v.pipelined,
      v.maxQueued,
      v.fastJson,
      v.callTimeout,
      v.startTimeout,
      v.ray
    };
    return Arrays.asList(all);
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "EnvSpec{", "}");
    shown(j, "venv", v.venv);
    shown(j, "project", v.project);
    shown(j, "requirements", v.requirements.isEmpty() ? null : v.requirements);
    shown(j, "packages", v.packages.isEmpty() ? null : v.packages);
    shown(j, "python", v.python);
    String auto = "auto(" + v.minWorkers + ".." + v.maxWorkers + ")";
    shown(j, "workers", v.workers != null ? v.workers : auto);
    shown(j, "inflight", v.inflight);
    shown(j, "pipelined", v.pipelined);
    shown(j, "ray", v.ray);
    shown(j, "fastJson", v.fastJson ? null : false);
    return j.toString();
  }

  private static void shown(StringJoiner j, String name, @Nullable Object value) {
    if (value != null) {
      j.add(name + "=" + value);
    }
  }

  /** Builds an {@link EnvSpec}; every setter validates its argument at once. */
  public static final class Builder {
    private @Nullable String python;
    private @Nullable Path project;
    private final List<Path> requirements = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private @Nullable Path venv;
    private final List<Path> workerPaths = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private @Nullable Integer workers;
    private int minWorkers = 1;
    private int maxWorkers = Math.max(2, Runtime.getRuntime().availableProcessors());
    private boolean autogrow = true;
    private Duration scaleDownIdle = Duration.ofSeconds(120);
    private int saturationWindowLen = 5;
    private Duration scaleUpCooldown = Duration.ofSeconds(2);
    private int inflight = 1;
    private int pipelined = DEFAULT_PIPELINED;
    private int maxQueued = DEFAULT_MAX_QUEUED;
    private boolean fastJson = true;
    private @Nullable Duration callTimeout;
    private Duration startTimeout = Duration.ofSeconds(60);
    private @Nullable RayCluster ray;

    private Builder() {}

    /** A builder with this one's values (lists and maps copied). */
    private Builder copy() {
      Builder b = new Builder();
      b.python = python;
      b.project = project;
      b.requirements.addAll(requirements);
      b.packages.addAll(packages);
      b.venv = venv;
      b.workerPaths.addAll(workerPaths);
      b.environment.putAll(environment);
      b.workers = workers;
      b.minWorkers = minWorkers;
      b.maxWorkers = maxWorkers;
      b.autogrow = autogrow;
      b.scaleDownIdle = scaleDownIdle;
      b.saturationWindowLen = saturationWindowLen;
      b.scaleUpCooldown = scaleUpCooldown;
      b.inflight = inflight;
      b.pipelined = pipelined;
      b.maxQueued = maxQueued;
      b.fastJson = fastJson;
      b.callTimeout = callTimeout;
      b.startTimeout = startTimeout;
      b.ray = ray;
      return b;
    }

    /**
     * Runs the workers as actors on a Ray cluster instead of local processes: {@code workers},
     * {@code minWorkers}/{@code maxWorkers}, {@code inflight} and {@code callTimeout} keep their
     * meaning (a worker is an actor). The env's packages, requirements and project become the
     * actors' {@code runtime_env}; {@code workerPaths} travel as {@code py_modules}. {@code
     * startTimeout} covers building that runtime_env on the cluster.
     */
    public Builder ray(RayCluster cluster) {
      this.ray = Objects.requireNonNull(cluster, "cluster");
      return this;
    }

    /** An interpreter path, or a version such as {@code "3.12"} looked up on PATH and in pyenv. */
    public Builder python(String python) {
      this.python = Arguments.interpreter(python);
      return this;
    }

    /** A folder with pyproject.toml, installed into the env ({@code uv sync} with uv.lock). */
    public Builder project(Path project) {
      this.project = Objects.requireNonNull(project, "project");
      return this;
    }

    /** Requirements files, installed in the order given. */
    public Builder requirements(Path... files) {
      requirements.addAll(Arguments.noNulls("requirements file", files));
      return this;
    }

    /** Requirements files, installed in the order given. */
    public Builder requirements(List<Path> files) {
      return requirements(files.toArray(Path[]::new));
    }

    /**
     * Inline requirement specifiers, e.g. {@code "numpy>=2"}. Their order does not matter.
     *
     * @throws IllegalArgumentException for a blank string, or one that starts with {@code -}: an
     *     installer option ({@code --index-url}, {@code -r file}) is not a package
     */
    public Builder packages(String... specifiers) {
      for (String s : specifiers) {
        packages.add(Arguments.packageSpecifier(s));
      }
      return this;
    }

    /** Inline requirement specifiers, e.g. {@code "numpy>=2"}. Their order does not matter. */
    public Builder packages(List<String> specifiers) {
      return packages(specifiers.toArray(String[]::new));
    }

    /** An existing venv (its root folder), used as is and never modified. */
    public Builder venv(Path venv) {
      this.venv = Objects.requireNonNull(venv, "venv");
      return this;
    }

    /**
     * Folders put first on the worker's PYTHONPATH (trusted: point only to folders you control).
     */
    public Builder workerPaths(Path... paths) {
      workerPaths.addAll(Arguments.noNulls("worker path", paths));
      return this;
    }

    /**
     * Folders put first on the worker's PYTHONPATH (trusted: point only to folders you control).
     */
    public Builder workerPaths(List<Path> paths) {
      return workerPaths(paths.toArray(Path[]::new));
    }

    /** Extra environment variables for the workers. */
    public Builder environment(Map<String, String> vars) {
      vars.forEach(this::environment);
      return this;
    }

    /** One extra environment variable for the workers. */
    public Builder environment(String name, String value) {
      environment.put(Arguments.environmentName(name), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A fixed number of workers (autogrow off). */
    public Builder workers(int workers) {
      this.workers = Arguments.atLeast("workers", workers, 1);
      return this;
    }

    /** Auto sizing between {@link #minWorkers} and {@link #maxWorkers} (the default). */
    public Builder autoWorkers() {
      this.workers = null;
      return this;
    }

    /** Workers kept warm in auto mode (default 1). */
    public Builder minWorkers(int minWorkers) {
      this.minWorkers = Arguments.atLeast("minWorkers", minWorkers, 0);
      return this;
    }

    /** The most workers auto mode grows to (default max(2, CPUs)). */
    public Builder maxWorkers(int maxWorkers) {
      this.maxWorkers = Arguments.atLeast("maxWorkers", maxWorkers, 1);
      return this;
    }

    /** Whether auto mode grows under sustained saturation (default true). */
    public Builder autogrow(boolean autogrow) {
      this.autogrow = autogrow;
      return this;
    }

    /** Idle time before auto mode shrinks back to minWorkers (default 120 s). */
    public Builder scaleDownIdle(Duration idle) {
      this.scaleDownIdle = Arguments.nonNegative("scaleDownIdle", idle);
      return this;
    }

    /** Recent checks considered before growing (default 5). */
    public Builder saturationWindowLen(int len) {
      this.saturationWindowLen = Arguments.atLeast("saturationWindowLen", len, 1);
      return this;
    }

    /** Least time between two scale-ups (default 2 s). */
    public Builder scaleUpCooldown(Duration cooldown) {
      this.scaleUpCooldown = Arguments.nonNegative("scaleUpCooldown", cooldown);
      return this;
    }

    /** Calls one worker runs at once (default 1: served inline, no thread hand-off). */
    public Builder inflight(int inflight) {
      this.inflight = Arguments.atLeast("inflight", inflight, 1);
      return this;
    }

    /**
     * Calls that wait in each worker's pipe, beyond the {@link #inflight(int)} it runs at once
     * (default {@value EnvSpec#DEFAULT_PIPELINED}: a call is sent only when a worker is free to run
     * it; 16 to 64 suit many small calls). With {@code inflight(1)} a worker still runs one call at
     * a time, but the next ones are already written to it, so it never waits for the host between
     * small calls, and calls queued together share one write (a frame). A slot is refilled once
     * half its pipe drained, so frames stay large under load. The least-loaded worker is always
     * chosen first.
     *
     * <p>The price: a call in a pipe is committed to that worker. It does not move to another
     * worker that frees first, and if it is cancelled (or times out) while it waits there, Python
     * still runs it later and its result is dropped; a timeout of such a call does not kill the
     * worker. Calls still waiting in a pipe when their worker dies go back to the queue. For long
     * calls, or calls whose cancellation must mean "never run", keep {@code pipelined(0)}.
     *
     * <p>Why off by default: calls committed to one worker's pipe cannot spread to the workers that
     * auto sizing adds under load, so for calls that take long a pipe makes an env slower, not
     * faster. Turn it on for envs that serve many short calls ({@code map}, bursts of {@code
     * callAsync}).
     */
    public Builder pipelined(int depth) {
      this.pipelined = Arguments.atLeast("pipelined", depth, 0);
      return this;
    }

    /**
     * Calls that may wait in the env's queue for a worker (default {@value
     * EnvSpec#DEFAULT_MAX_QUEUED}); one more fails at once with {@link QueueFullException}. Calls
     * in workers' pipes do not count; {@link VenvHandle#map} never trips it (it holds back its own
     * calls instead).
     */
    public Builder maxQueued(int maxQueued) {
      this.maxQueued = Arguments.atLeast("maxQueued", maxQueued, 1);
      return this;
    }

    /**
     * Whether a venv that venvmux builds (from packages, requirements or a project) also gets
     * {@code orjson}, which the workers then use for JSON (default true). A version of orjson the
     * env's own inputs pin wins; a failed orjson install only logs a warning (the workers use the
     * standard {@code json} then). A venv given with {@link #venv} is never changed. With false,
     * the env is built exactly from its inputs (and hashes apart from one built with orjson).
     */
    public Builder fastJson(boolean fastJson) {
      this.fastJson = fastJson;
      return this;
    }

    /** Default timeout of every call to this env (default none). */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Arguments.positive("callTimeout", timeout);
      return this;
    }

    /** How long a worker may take to start and import its module (default 60 s). */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Arguments.positive("startTimeout", timeout);
      return this;
    }

    /** The spec; fails if the sizing bounds contradict each other. */
    public EnvSpec build() {
      if (workers == null && minWorkers > maxWorkers) {
        throw new IllegalArgumentException(
            "minWorkers (" + minWorkers + ") must not exceed maxWorkers (" + maxWorkers + ")");
      }
      return new EnvSpec(this);
    }
  }
}
