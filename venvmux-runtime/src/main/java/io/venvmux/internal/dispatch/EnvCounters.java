package io.venvmux.internal.dispatch;

import java.time.Duration;

/**
 * What an env counts for {@link io.venvmux.EnvStats}: ended calls, failures, latencies, restarts.
 */
final class EnvCounters {
  private final LatencyHistogram latency = new LatencyHistogram();
  private long callsEnded;
  private long failures;
  private long timeouts;
  private long restarts;

  /** A call ended at {@code nowNanos}; a cancelled one says nothing of latency. */
  void ended(Call call, long nowNanos) {
    callsEnded++;
    if (call.failed) {
      failures++;
    }
    if (call.timedOut) {
      timeouts++;
    }
    if (!call.cancelled) {
      latency.record(nowNanos - call.submittedNanos);
    }
  }

  /** A worker was replaced after it crashed or was killed. */
  void restarted() {
    restarts++;
  }

  long callsEnded() {
    return callsEnded;
  }

  long failures() {
    return failures;
  }

  long timeouts() {
    return timeouts;
  }

  long restarts() {
    return restarts;
  }

  Duration percentile(double p) {
    return latency.percentile(p);
  }
}
