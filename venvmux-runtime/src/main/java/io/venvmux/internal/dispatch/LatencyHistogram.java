package io.venvmux.internal.dispatch;

import java.time.Duration;

/**
 * Call latencies in fixed memory: each power of two of nanoseconds is split into {@value #SUB}
 * linear buckets, so a percentile is read within about 1/{@value #SUB} of its value, whatever the
 * range (an HDR histogram's idea, without the dependency). Not thread-safe: its env's lock guards
 * it.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;

  /** Octaves 0..63 of a long, {@link #SUB} buckets each. */
  private final long[] counts = new long[64 * SUB];

  private long total;

  void record(long nanos) {
    counts[bucketOf(Math.max(0, nanos))]++;
    total++;
  }

  long count() {
    return total;
  }

  /** The value at quantile {@code q} (0..1): the midpoint of its bucket; zero when empty. */
  Duration percentile(double q) {
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Duration.ofNanos(midpointOf(i));
      }
    }
    return Duration.ofNanos(Long.MAX_VALUE);
  }

  /**
   * Values below {@link #SUB} have a bucket each; above, the octave is the highest bit and the
   * bucket the next {@value #SUB_BITS} bits.
   */
  static int bucketOf(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int octave = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
    int sub = (int) (v >>> (octave - SUB_BITS)) & (SUB - 1);
    return (octave - SUB_BITS + 1) * SUB + sub;
  }

  /** The lower bound of bucket {@code i}. */
  static long lowerBoundOf(int i) {
    if (i < SUB) {
      return i;
    }
    int octave = i / SUB + SUB_BITS - 1;
    long sub = i % SUB;
    return (1L << octave) | (sub << (octave - SUB_BITS));
  }

  private static long midpointOf(int i) {
    if (i < SUB) {
      return i;
    }
    int octave = i / SUB + SUB_BITS - 1;
    return lowerBoundOf(i) + (1L << (octave - SUB_BITS)) / 2;
  }
}
