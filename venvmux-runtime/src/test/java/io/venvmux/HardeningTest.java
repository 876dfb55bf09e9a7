package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile results and arguments, with real workers: each fails its own call with the exception the
 * README names, and the worker keeps serving (same pid).
 */
class HardeningTest {
  /** Jackson's default nesting limit, and so what crosses the wire both ways. */
  private static final int MAX_DEPTH = 1000;

  private static Pool hostilePool(Pool.Builder builder) {
    return builder.env("h", TestEnvs.spec().workers(1).build(), "vmx_hostile").build();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aKeyboardInterruptIsARemoteExceptionAndTheNextCallRunsOnTheSameWorker(int inflight) {
    try (Pool pool =
        TestEnvs.pool()
            .env("h", TestEnvs.spec().workers(1).inflight(inflight).build(), "vmx_hostile")
            .build()) {
      VenvHandle h = TestEnvs.started(pool, "h");
      long pid = TestEnvs.workerPids(h).get(0);
      RemoteException x =
          catchThrowableOfType(RemoteException.class, () -> h.call("interrupt", Map.of()));
      assertThat(x.pythonType()).isEqualTo("KeyboardInterrupt");
      assertThat(((Number) h.call("pid", Map.of())).longValue()).isEqualTo(pid);
    }
  }

  @Test
  void sigintToAWorkerIsIgnored() throws Exception {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      VenvHandle h = TestEnvs.started(pool, "h");
      long pid = TestEnvs.workerPids(h).get(0);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(((Number) h.call("pid", Map.of())).longValue()).isEqualTo(pid);
    }
  }

  @Test
  void anEndlessGeneratorStopsAtMaxResultBytes() {
    try (Pool pool = hostilePool(TestEnvs.pool().maxResultBytes(20_000))) {
      VenvHandle h = TestEnvs.started(pool, "h");
      long pid = TestEnvs.workerPids(h).get(0);
      InvalidJsonException x =
          catchThrowableOfType(InvalidJsonException.class, () -> h.call("forever", Map.of()));
      assertThat(x).hasMessageContaining("forever()").hasMessageContaining("20000 bytes");
      assertThat(h.call("countdown", Map.of("n", 3))).isEqualTo(List.of(3, 2, 1));
      assertThat(TestEnvs.workerPids(h)).containsExactly(pid);
    }
  }

  @Test
  void keysThatCollideAsJsonAreAnErrorNotALostEntry() {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      InvalidJsonException x =
          catchThrowableOfType(
              InvalidJsonException.class, () -> pool.venv("h").call("colliding_keys", Map.of()));
      assertThat(x).hasMessageContaining("1 and '1'").hasMessageContaining("lost");
    }
  }

  @Test
  void valuesNestedAsDeepAsJacksonAllowsCrossBothWays() {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      VenvHandle h = pool.venv("h");
      assertThat(h.call("depth_of", Map.of("value", nested(MAX_DEPTH)))).isEqualTo(MAX_DEPTH);
      assertThat(h.call("echo", Map.of("value", nested(MAX_DEPTH)))).isEqualTo(nested(MAX_DEPTH));
      assertThat(h.call("nested", Map.of("depth", MAX_DEPTH))).isEqualTo(nested(MAX_DEPTH));
    }
  }

  @Test
  void deeperThanThatIsInvalidJsonBothWays() {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      VenvHandle h = TestEnvs.started(pool, "h");
      long pid = TestEnvs.workerPids(h).get(0);
      InvalidJsonException out =
          catchThrowableOfType(
              InvalidJsonException.class,
              () -> h.call("depth_of", Map.of("value", nested(MAX_DEPTH + 1))));
      assertThat(out).hasMessageContaining("depth_of");
      for (int depth : new int[] {MAX_DEPTH + 1, 5 * MAX_DEPTH}) {
        InvalidJsonException back =
            catchThrowableOfType(
                InvalidJsonException.class, () -> h.call("nested", Map.of("depth", depth)));
        assertThat(back).hasMessageContaining("nested deeper than the 1000 levels");
      }
      assertThat(TestEnvs.workerPids(h)).containsExactly(pid);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cyclic", "bad_repr", "too_many_digits"})
  void aResultThatCannotBeEncodedIsInvalidJson(String kind) {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      InvalidJsonException x =
          catchThrowableOfType(
              InvalidJsonException.class,
              () -> pool.venv("h").call("unencodable", Map.of("kind", kind)));
      assertThat(x).hasMessageContaining("unencodable()").hasMessageContaining("cannot be encoded");
    }
  }

  @Test
  void aJavaArgumentOutsideTheTypesTableIsRefusedBeforeSending() {
    try (Pool pool = hostilePool(TestEnvs.pool())) {
      VenvHandle h = pool.venv("h");
      for (Object odd : List.of(new Object(), Thread.currentThread())) {
        InvalidJsonException x =
            catchThrowableOfType(
                InvalidJsonException.class, () -> h.call("echo", Map.of("value", odd)));
        assertThat(x)
            .hasMessageContaining("echo")
            .hasMessageContaining(odd.getClass().getName() + " is not a value");
        InvalidJsonException nested =
            catchThrowableOfType(
                InvalidJsonException.class,
                () -> h.call("echo", Map.of("value", List.of(Map.of("x", odd)))));
        assertThat(nested).hasMessageContaining(odd.getClass().getName());
      }
      assertThat(h.call("echo", Map.of("value", "fine"))).isEqualTo("fine");
    }
  }

  private static List<Object> nested(int depth) {
    List<Object> value = new ArrayList<>();
    for (int i = 1; i < depth; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(value);
      value = outer;
    }
    return value;
  }
}
