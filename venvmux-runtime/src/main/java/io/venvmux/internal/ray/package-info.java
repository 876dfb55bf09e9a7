/**
 * Envs whose workers are Ray actors: the proxy's env (with {@code ray}), the proxy's launch line
 * and the actors' {@code runtime_env}, and the local Ray a pool starts for {@link
 * io.venvmux.RayCluster#local()}. A Ray-backed worker is a proxy process speaking protocol v1, so
 * the rest of the runtime treats it as any worker.
 */
@NullMarked
package io.venvmux.internal.ray;

import org.jspecify.annotations.NullMarked;
