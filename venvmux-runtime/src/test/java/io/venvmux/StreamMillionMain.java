package io.venvmux;

import java.util.Map;
import java.util.stream.Stream;

/** Run in a child JVM with a small heap: streams a million items and prints their count and sum. */
final class StreamMillionMain {
  private StreamMillionMain() {}

  public static void main(String[] args) {
    try (Pool pool =
            TestEnvs.pool().env("m", StreamsTest.spec().build(), StreamsTest.STREAM_MOD).build();
        Stream<Long> items = pool.venv("m").stream("count", Map.of("n", 1_000_000), Long.class)) {
      long[] countAndSum = new long[2];
      items.forEach(
          i -> {
            countAndSum[0]++;
            countAndSum[1] += i;
          });
      System.out.println("items " + countAndSum[0] + " sum " + countAndSum[1]);
    }
  }
}
