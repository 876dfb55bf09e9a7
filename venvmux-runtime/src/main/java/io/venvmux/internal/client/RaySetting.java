package io.venvmux.internal.client;

import io.venvmux.RayCluster;
import java.util.Optional;

/**
 * Reads {@code @VenvModule(ray = ..)}: empty for local processes, {@code "local"}, a Ray address,
 * or {@code "${NAME}"} naming a system property (else an environment variable) holding one of
 * those, read when the client is bound.
 */
final class RaySetting {
  private RaySetting() {}

  static Optional<RayCluster> cluster(String setting) {
    String value = setting.strip();
    if (value.startsWith("${") && value.endsWith("}")) {
      String name = value.substring(2, value.length() - 1);
      String configured = System.getProperty(name, System.getenv(name));
      value = configured == null ? "" : configured.strip();
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("local".equals(value) ? RayCluster.local() : RayCluster.at(value));
  }
}
