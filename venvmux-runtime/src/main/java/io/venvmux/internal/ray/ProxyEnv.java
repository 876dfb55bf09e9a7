package io.venvmux.internal.ray;

import io.venvmux.EnvSpec;
import io.venvmux.RayCluster;

/** The env the proxy (and a local Ray) runs in: the env's interpreter with Ray beside it. */
final class ProxyEnv {
  private ProxyEnv() {}

  /**
   * The spec of the proxy's venv: {@code ray} at the cluster's version, {@code virtualenv} (Ray's
   * pip runtime_env needs it in the driver's env) and {@code uv} (its uv runtime_env, on a local
   * cluster whose nodes run in this env).
   */
  static EnvSpec of(EnvSpec env, RayCluster cluster) {
    EnvSpec.Builder b =
        EnvSpec.builder().packages("ray==" + cluster.rayVersion(), "virtualenv", "uv");
    env.python().ifPresent(b::python);
    return b.build();
  }
}
