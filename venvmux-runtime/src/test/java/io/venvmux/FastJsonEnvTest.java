package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.internal.dispatch.EnvHandle;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Envs venvmux builds get orjson unless asked not to, the env's own pin wins, and the workers use
 * it (their hello says so).
 */
class FastJsonEnvTest {
  static String serializer(VenvHandle h) {
    return ((EnvHandle) h).dispatcher().workers().get(0).hello().serializer();
  }

  @Test
  void builtEnvsGetOrjsonTheirPinWinsAndTheyCanOptOut() {
    try (Pool pool =
        TestEnvs.pool()
            .env("fast", TestEnvs.spec().packages("six").workers(1).build(), "vmx_binary")
            .env(
                "pinned",
                TestEnvs.spec().packages("six", "orjson==3.10.0").workers(1).build(),
                "vmx_binary")
            .env(
                "plain",
                TestEnvs.spec().packages("six").fastJson(false).workers(1).build(),
                "vmx_binary")
            .build()) {
      assertThat(pool.call("fast", "orjson_version", Map.of())).isNotNull();
      assertThat(serializer(pool.venv("fast"))).isEqualTo("orjson");
      assertThat(pool.call("pinned", "orjson_version", Map.of())).isEqualTo("3.10.0");
      assertThat(pool.call("plain", "orjson_version", Map.of())).isNull();
      assertThat(serializer(pool.venv("plain"))).isEqualTo("json");
      assertThat((byte[]) pool.call("fast", "blob", Map.of("n", 1 << 20))).hasSize(1 << 20);
    }
  }
}
