package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.EnvSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sizing decisions alone, on a fake clock (plain nanosecond values). */
class AutoscalerTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final long T0 = -5 * SECOND; // System.nanoTime may be negative

  private static EnvSpec.Builder auto() {
    return EnvSpec.builder()
        .python("python3")
        .autoWorkers()
        .minWorkers(1)
        .maxWorkers(3)
        .saturationWindowLen(3)
        .scaleUpCooldown(Duration.ofSeconds(2))
        .scaleDownIdle(Duration.ofSeconds(10));
  }

  /** live workers, all saturated, calls waiting. */
  private static Autoscaler.Observed saturated(int live) {
    return new Autoscaler.Observed(live, live, 0, true, true);
  }

  private static Autoscaler.Observed idle(int live) {
    return new Autoscaler.Observed(live, 0, 0, false, false);
  }

  /** Feeds checks 100 ms apart from {@code from}; returns the last decision. */
  private static Autoscaler.Decision checks(Autoscaler a, Autoscaler.Observed o, int n, long from) {
    Autoscaler.Decision d = Autoscaler.Decision.NONE;
    for (int i = 0; i < n; i++) {
      d = a.decide(o, from + i * SECOND / 10);
    }
    return d;
  }

  @Test
  void growsByOneOnlyOnceAMajorityOfAFullWindowWasSaturated() {
    Autoscaler a = new Autoscaler(auto().build(), T0);

    assertThat(a.decide(saturated(1), T0).grows()).isFalse();
    assertThat(a.decide(saturated(1), T0 + 1).grows()).isFalse(); // 2 of 3: window not full
    assertThat(a.decide(saturated(1), T0 + 2)).isEqualTo(new Autoscaler.Decision(2, 0));
  }

  @Test
  void aMinorityOfSaturatedChecksDoesNotGrow() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    Autoscaler.Observed calm = new Autoscaler.Observed(1, 1, 0, true, false); // nothing queued

    a.decide(saturated(1), T0);
    a.decide(calm, T0 + 1);
    assertThat(a.decide(calm, T0 + 2).grows()).isFalse();
  }

  @Test
  void theCooldownHoldsTheNextGrowthAndTheWindowRefillsAfterEach() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    assertThat(a.decide(saturated(1), T0).grows()).isFalse();
    a.decide(saturated(1), T0);
    assertThat(a.decide(saturated(1), T0).growTo()).isEqualTo(2);

    // A full, saturated window again, but within 2 s of that growth.
    assertThat(checks(a, saturated(2), 10, T0 + SECOND).grows()).isFalse();
    // Past the cooldown the (still full) window grows it at once.
    assertThat(a.decide(saturated(2), T0 + 2 * SECOND).growTo()).isEqualTo(3);
    // Cleared again: the next growth needs a full window first.
    assertThat(a.decide(saturated(3), T0 + 10 * SECOND).grows()).isFalse();
  }

  @Test
  void neverGrowsPastMaxWorkersNorWhileAWorkerStarts() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    assertThat(checks(a, saturated(3), 10, T0).grows()).isFalse();

    Autoscaler b = new Autoscaler(auto().build(), T0);
    Autoscaler.Observed starting = new Autoscaler.Observed(1, 1, 1, true, true);
    assertThat(checks(b, starting, 10, T0).grows()).isFalse();
  }

  @Test
  void withAutogrowOffItOnlyShrinks() {
    Autoscaler a = new Autoscaler(auto().autogrow(false).build(), T0);
    assertThat(checks(a, saturated(1), 10, T0).grows()).isFalse();
    assertThat(a.decide(idle(3), T0 + 10 * SECOND)).isEqualTo(new Autoscaler.Decision(0, 2));
  }

  @Test
  void stopsTheWorkersAboveMinimumOnceIdleLongEnough() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    assertThat(a.decide(idle(3), T0 + 9 * SECOND).stop()).isZero();

    a.activity(T0 + 9 * SECOND); // a call came and went: idleness counts from here
    assertThat(a.decide(idle(3), T0 + 18 * SECOND).stop()).isZero();
    assertThat(a.decide(idle(3), T0 + 19 * SECOND)).isEqualTo(new Autoscaler.Decision(0, 2));
    assertThat(a.decide(idle(1), T0 + 60 * SECOND).stop()).isZero(); // at the minimum
  }

  @Test
  void doesNotShrinkWhileCallsRunWaitOrAWorkerStarts() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    long late = T0 + 60 * SECOND;
    assertThat(a.decide(new Autoscaler.Observed(3, 1, 0, false, false), late).stop()).isZero();
    assertThat(a.decide(new Autoscaler.Observed(3, 0, 0, false, true), late).stop()).isZero();
    assertThat(a.decide(new Autoscaler.Observed(3, 0, 1, false, false), late).stop()).isZero();
  }

  @Test
  void aFixedSizeEnvNeverChangesSize() {
    Autoscaler a = new Autoscaler(EnvSpec.builder().python("python3").workers(2).build(), T0);
    assertThat(checks(a, saturated(2), 10, T0)).isEqualTo(Autoscaler.Decision.NONE);
    assertThat(a.decide(idle(2), T0 + 3600 * SECOND)).isEqualTo(Autoscaler.Decision.NONE);
  }

  @Test
  void resetForgetsTheSaturationSeen() {
    Autoscaler a = new Autoscaler(auto().build(), T0);
    a.decide(saturated(1), T0);
    a.decide(saturated(1), T0 + 1);
    a.reset();
    assertThat(a.decide(saturated(1), T0 + 2).grows()).isFalse();
  }
}
