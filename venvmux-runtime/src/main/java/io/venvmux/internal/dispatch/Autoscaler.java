package io.venvmux.internal.dispatch;

import io.venvmux.EnvSpec;

/**
 * The sizing decisions of an auto-sized env: grow by one worker under sustained saturation (a
 * majority of the last {@link EnvSpec#saturationWindowLen} checks, at most once per {@link
 * EnvSpec#scaleUpCooldown}, up to {@link EnvSpec#maxWorkers}), and stop the workers above {@link
 * EnvSpec#minWorkers} once the env has been idle for {@link EnvSpec#scaleDownIdle}. A fixed-size
 * env never changes size.
 *
 * <p>It only decides; its env applies the decisions. Times are {@link System#nanoTime} values
 * passed in by the caller, so tests can drive it with a fake clock. Not thread-safe: its env calls
 * it under its lock.
 */
final class Autoscaler {
  /** What the env looks like at one check. */
  record Observed(int live, int busy, int starting, boolean allSaturated, boolean queued) {}

  /**
   * What to do: {@code growTo} workers (0: do not grow), and how many of the oldest idle workers to
   * stop (0: none). An env applies a stop only if no worker is starting after growing.
   */
  record Decision(int growTo, int stop) {
    static final Decision NONE = new Decision(0, 0);

    boolean grows() {
      return growTo > 0;
    }
  }

  private final boolean fixed;
  private final boolean autogrow;
  private final int minWorkers;
  private final int maxWorkers;
  private final long cooldownNanos;
  private final long idleNanos;
  private final SaturationWindow window;
  private boolean scaledUp;
  private long lastScaleUpNanos;
  private long lastActivityNanos;

  Autoscaler(EnvSpec spec, long nowNanos) {
    this.fixed = spec.workers().isPresent();
    this.autogrow = spec.autogrow();
    this.minWorkers = spec.minWorkers();
    this.maxWorkers = spec.maxWorkers();
    this.cooldownNanos = spec.scaleUpCooldown().toNanos();
    this.idleNanos = spec.scaleDownIdle().toNanos();
    this.window = new SaturationWindow(spec.saturationWindowLen());
    this.lastActivityNanos = nowNanos;
  }

  /** A call was submitted or ended: the env is not idle. */
  void activity(long nowNanos) {
    lastActivityNanos = nowNanos;
  }

  /** Forgets the saturation seen so far (the env was stopped). */
  void reset() {
    window.clear();
  }

  /** One periodic check: records whether the env is saturated and decides. */
  Decision decide(Observed o, long nowNanos) {
    if (fixed) {
      return Decision.NONE;
    }
    int growTo = 0;
    if (autogrow) {
      window.record(o.live() > 0 && o.allSaturated() && o.queued());
      if (window.majoritySaturated()
          && o.starting() == 0
          && o.live() < maxWorkers
          && (!scaledUp || nowNanos - lastScaleUpNanos >= cooldownNanos)) {
        growTo = o.live() + 1;
        scaledUp = true;
        lastScaleUpNanos = nowNanos;
        window.clear();
      }
    }
    int stop = 0;
    if (!o.queued()
        && o.busy() == 0
        && o.starting() == 0
        && o.live() > minWorkers
        && nowNanos - lastActivityNanos >= idleNanos) {
      stop = o.live() - minWorkers;
    }
    return new Decision(growTo, stop);
  }
}
