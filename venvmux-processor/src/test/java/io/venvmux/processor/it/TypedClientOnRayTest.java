package io.venvmux.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.Pool;
import io.venvmux.RayCluster;
import io.venvmux.internal.dispatch.EnvHandle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A typed client moved to a local Ray by configuration alone: its annotation names the system
 * property {@code venvmux.test.ray}, set here to {@code local}; the interface is unchanged.
 */
class TypedClientOnRayTest {

  @Test
  void aTypedClientRunsOnRayWhenConfigurationNamesACluster() {
    System.setProperty("venvmux.test.ray", "local");
    try (Pool pool =
        Pool.builder()
            .home(Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")))
            .build()) {
      OnRay client = pool.bind(OnRay.class);
      assertThat(client.legacyName("four")).isEqualTo(4);
      EnvHandle env = (EnvHandle) pool.envServing("typed_fixture").orElseThrow();
      assertThat(env.dispatcher().spec().ray()).contains(RayCluster.local());
    } finally {
      System.clearProperty("venvmux.test.ray");
    }
  }
}
