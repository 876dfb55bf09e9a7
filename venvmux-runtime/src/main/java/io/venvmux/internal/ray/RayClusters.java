package io.venvmux.internal.ray;

import io.venvmux.EnvSpec;
import io.venvmux.PoolClosedException;
import io.venvmux.RayCluster;
import io.venvmux.Serializer;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerSources;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pool's way onto Ray: builds the launch of a Ray-backed worker (a proxy process, see {@code
 * venvmux_ray.proxy}) and owns the local Rays it started, one per proxy interpreter, shared by the
 * pool's envs and stopped by {@link #close()}.
 */
public final class RayClusters implements AutoCloseable {
  /** The proxy's module, run with the worker's command line plus the Ray arguments. */
  static final String PROXY_MODULE = WorkerSources.RAY_PACKAGE + ".proxy";

  private final EnvResolver resolver;
  private final Map<EnvSpec, ResolvedEnv> proxyEnvs = new HashMap<>(); // guarded by this
  private final Map<Path, LocalRay> locals = new HashMap<>(); // guarded by this
  private boolean closed; // guarded by this

  public RayClusters(EnvResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * How to start one Ray-backed worker of an env whose spec names a cluster: builds the proxy's env
   * and starts the local Ray on first use (blocking).
   */
  public WorkerLaunch launch(
      String env,
      String module,
      EnvSpec spec,
      Path workerSources,
      Serializer serializer,
      @Nullable Long maxResultBytes,
      @Nullable Path spillDir) {
    RayCluster cluster = spec.ray().orElseThrow();
    String runtimeEnv = RuntimeEnv.of(env, spec);
    ResolvedEnv proxy = proxyEnv(ProxyEnv.of(spec, cluster));
    Path raySources = WorkerSources.pythonPathEntry(resolver.home(), WorkerSources.RAY_PACKAGE);
    Map<String, String> vars = new LinkedHashMap<>();
    String address;
    if (cluster.isLocal()) {
      LocalRay local = local(proxy, raySources);
      address = local.address();
      vars.putAll(local.clientVariables());
    } else {
      address = cluster.address().orElseThrow();
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "--address",
                address,
                "--runtime-env",
                runtimeEnv,
                "--actor-options",
                RuntimeEnv.actorOptions(cluster),
                "--py-path",
                workerSources.toString(),
                "--py-path",
                raySources.toString()));
    spec.workerPaths()
        .forEach(p -> args.addAll(List.of("--py-path", p.toAbsolutePath().toString())));
    WorkerLaunch worker =
        WorkerLaunch.forEnv(
            env, module, spec, proxy, workerSources, serializer, maxResultBytes, spillDir);
    vars.put(
        "PYTHONPATH",
        raySources + File.pathSeparator + worker.environment().getOrDefault("PYTHONPATH", ""));
    vars.put("RAY_USAGE_STATS_ENABLED", "0");
    return worker.runningModule(PROXY_MODULE, args, vars);
  }

  private ResolvedEnv proxyEnv(EnvSpec proxySpec) {
    synchronized (this) {
      ResolvedEnv known = proxyEnvs.get(proxySpec);
      if (known != null) {
        return known;
      }
    }
    ResolvedEnv resolved = resolver.resolve(proxySpec); // concurrent builds share one lock
    synchronized (this) {
      proxyEnvs.put(proxySpec, resolved);
    }
    return resolved;
  }

  private synchronized LocalRay local(ResolvedEnv proxy, Path raySources) {
    if (closed) {
      throw new PoolClosedException("the pool closed while its local Ray was starting");
    }
    LocalRay local = locals.get(proxy.python());
    if (local == null) {
      local = LocalRay.start(proxy, raySources);
      locals.put(proxy.python(), local);
    }
    return local;
  }

  /** Stops the local Rays this started; call once the proxies ended. */
  @Override
  public void close() {
    List<LocalRay> started;
    synchronized (this) {
      closed = true;
      started = new ArrayList<>(locals.values());
      locals.clear();
    }
    started.forEach(LocalRay::close);
  }
}
