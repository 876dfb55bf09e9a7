package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void percentilesAreWithinABucketOfTheExactValue() {
    LatencyHistogram h = new LatencyHistogram();
    for (long micros = 1; micros <= 10_000; micros++) {
      h.record(micros * 1000);
    }
    assertThat(h.count()).isEqualTo(10_000);
    assertThat(h.percentile(0.50).toNanos()).isCloseTo(5_000_000L, within(0.04));
    assertThat(h.percentile(0.99).toNanos()).isCloseTo(9_900_000L, within(0.04));
    assertThat(new LatencyHistogram().percentile(0.5)).isEqualTo(Duration.ZERO);
  }

  @Test
  void bucketsCoverEveryLongInOrder() {
    int last = -1;
    for (long v : new long[] {0, 1, 31, 32, 33, 63, 64, 1000, 1L << 40, Long.MAX_VALUE}) {
      int b = LatencyHistogram.bucketOf(v);
      assertThat(b).isGreaterThanOrEqualTo(last);
      assertThat(LatencyHistogram.lowerBoundOf(b)).isLessThanOrEqualTo(v);
      last = b;
    }
  }

  private static org.assertj.core.data.Percentage within(double fraction) {
    return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
  }
}
