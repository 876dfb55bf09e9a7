package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reply the host cannot read fails its own call only; the worker and its other calls live on. */
class UnreadableRepliesTest {

  @Test
  void anIntBeyondTheParserLimitFailsItsCallAndFreesTheSlot() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).inflight(1).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      for (CompletableFuture<?> f :
          List.of(
              e.callAsync("enormous_int", Map.of()),
              e.callAsync("enormous_int", Map.of(), Long.class))) {
        ExecutionException x =
            catchThrowableOfType(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertThat(x.getCause())
            .isInstanceOf(InvalidJsonException.class)
            .hasMessageContaining("enormous_int")
            .hasMessageContaining("string");
      }
      // the single slot is free again, on the same worker
      assertThat(e.call("add", Map.of("a", 1, "b", 2))).isEqualTo(3);
      assertThat(TestEnvs.workerPids(e)).containsExactly(pid);
    }
  }

  @Test
  void aThousandDigitIntReadsAsBigIntegerInlineOrSpilledButNeverWrapsIntoALong() {
    try (Pool pool =
        TestEnvs.pool()
            .maxResultBytes(600)
            .env("e", TestEnvs.spec().workers(1).build(), "vmx_fixture")
            .build()) {
      VenvHandle e = pool.venv("e");
      BigInteger expected = BigInteger.TEN.pow(1000);
      assertThat(e.call("huge_int", Map.of()))
          .isEqualTo(expected); // over 600 bytes: through a spill file
      InvalidJsonException x =
          catchThrowableOfType(
              InvalidJsonException.class, () -> e.call("huge_int", Map.of(), Long.class));
      assertThat(x).hasMessageContaining("huge_int").hasMessageContaining("Long");
    }
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      assertThat(pool.venv("e").call("huge_int", Map.of())).isEqualTo(BigInteger.TEN.pow(1000));
    }
  }

  @Test
  void aStringLongerThanJacksonsDefaultLimitArrives() {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).build())) {
      int n = 21_000_000;
      assertThat(pool.venv("e").call("big", Map.of("n", n), String.class)).hasSize(n);
    }
  }

  @Test
  void aBytesValueWithBadBase64FailsItsCallOnlyAndTheNeighbourFinishes() throws Exception {
    try (Pool pool = TestEnvs.fixturePool(TestEnvs.spec().workers(1).inflight(2).build())) {
      VenvHandle e = TestEnvs.started(pool, "e");
      long pid = TestEnvs.workerPids(e).get(0);
      CompletableFuture<Object> neighbour = e.callAsync("nap", Map.of("seconds", 1));
      InvalidJsonException bad =
          catchThrowableOfType(InvalidJsonException.class, () -> e.call("fake_bytes", Map.of()));
      assertThat(bad).hasMessageContaining("fake_bytes").hasMessageContaining("base64");
      assertThat(((Number) neighbour.get(30, TimeUnit.SECONDS)).longValue()).isEqualTo(pid);
      assertThat(TestEnvs.workerPids(e)).containsExactly(pid);
    }
  }
}
