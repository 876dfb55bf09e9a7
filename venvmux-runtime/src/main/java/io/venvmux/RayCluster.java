package io.venvmux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A Ray cluster an env's workers run on, as Ray actors, and what each actor asks of it. Immutable:
 * every setter returns a new value. Give it to {@link EnvSpec.Builder#ray(RayCluster)}.
 *
 * <p>{@link #at(String)} names an existing cluster ({@code "auto"}, {@code "ray://head:10001"}, or
 * a head node's {@code host:port}); {@link #local()} starts a local Ray for the pool's life (shared
 * by the pool's envs, stopped when the pool closes), for tests, demos and laptops.
 *
 * <p>Each worker of the env is one actor behind a local proxy process; the env's packages become
 * the actors' {@code runtime_env}. The proxy's env holds {@code ray} at {@link #rayVersion()},
 * which must match the cluster's Ray (and the cluster's Python minor version the env's {@code
 * python}).
 */
public final class RayCluster {
  /** The Ray version installed into the proxy's env unless {@link #rayVersion(String)} says. */
  public static final String DEFAULT_RAY_VERSION = "2.60.0";

  private final @Nullable String address;
  private final @Nullable Double numCpus;
  private final @Nullable Double numGpus;
  private final Map<String, Double> resources;
  private final String rayVersion;

  private RayCluster(
      @Nullable String address,
      @Nullable Double numCpus,
      @Nullable Double numGpus,
      Map<String, Double> resources,
      String rayVersion) {
    this.address = address;
    this.numCpus = numCpus;
    this.numGpus = numGpus;
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    this.rayVersion = rayVersion;
  }

  /**
   * An existing cluster: {@code "auto"} (the one this machine belongs to), {@code
   * "ray://host:10001"} (Ray Client), or a head node's GCS address {@code host:6379}.
   */
  public static RayCluster at(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("a Ray address must not be blank");
    }
    return new RayCluster(address.strip(), null, null, Map.of(), DEFAULT_RAY_VERSION);
  }

  /** A local Ray started when the pool first needs it and stopped when the pool closes. */
  public static RayCluster local() {
    return new RayCluster(null, null, null, Map.of(), DEFAULT_RAY_VERSION);
  }

  /** CPUs each actor reserves (Ray's {@code num_cpus}); unset: Ray's default for actors. */
  public RayCluster numCpus(double cpus) {
    return new RayCluster(address, nonNegative("numCpus", cpus), numGpus, resources, rayVersion);
  }

  /** GPUs each actor reserves (Ray's {@code num_gpus}); unset: none. */
  public RayCluster numGpus(double gpus) {
    return new RayCluster(address, numCpus, nonNegative("numGpus", gpus), resources, rayVersion);
  }

  /** A custom resource each actor reserves, such as {@code resource("TPU", 1)}. */
  public RayCluster resource(String name, double amount) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a resource name must not be blank");
    }
    Map<String, Double> more = new LinkedHashMap<>(resources);
    more.put(name, nonNegative("resource " + name, amount));
    return new RayCluster(address, numCpus, numGpus, more, rayVersion);
  }

  /** The Ray version for the proxy's env (and a local cluster); must match the cluster's. */
  public RayCluster rayVersion(String version) {
    if (version == null || !version.matches("[0-9][0-9A-Za-z.+-]*")) {
      throw new IllegalArgumentException("not a Ray version: '" + version + "'");
    }
    return new RayCluster(address, numCpus, numGpus, resources, version);
  }

  /** The cluster's address; empty for {@link #local()}. */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** Whether this is a local Ray the pool starts and stops. */
  public boolean isLocal() {
    return address == null;
  }

  /** CPUs each actor reserves, if set. */
  public OptionalDouble numCpus() {
    return numCpus == null ? OptionalDouble.empty() : OptionalDouble.of(numCpus);
  }

  /** GPUs each actor reserves, if set. */
  public OptionalDouble numGpus() {
    return numGpus == null ? OptionalDouble.empty() : OptionalDouble.of(numGpus);
  }

  /** Custom resources each actor reserves. */
  public Map<String, Double> resources() {
    return resources;
  }

  /** The Ray version of the proxy's env. */
  public String rayVersion() {
    return rayVersion;
  }

  private static double nonNegative(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RayCluster r
        && Objects.equals(address, r.address)
        && Objects.equals(numCpus, r.numCpus)
        && Objects.equals(numGpus, r.numGpus)
        && resources.equals(r.resources)
        && rayVersion.equals(r.rayVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, numCpus, numGpus, resources, rayVersion);
  }

  @Override
  public String toString() {
    return "RayCluster{"
        + (address == null ? "local" : address)
        + (numCpus == null ? "" : ", numCpus=" + numCpus)
        + (numGpus == null ? "" : ", numGpus=" + numGpus)
        + (resources.isEmpty() ? "" : ", resources=" + resources)
        + ", ray "
        + rayVersion
        + "}";
  }
}
