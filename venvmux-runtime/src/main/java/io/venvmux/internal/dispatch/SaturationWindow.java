package io.venvmux.internal.dispatch;

/** The last N saturation checks of an env; growth needs a majority of them saturated. */
final class SaturationWindow {
  private final boolean[] checks;
  private int next;
  private int filled;

  SaturationWindow(int length) {
    this.checks = new boolean[length];
  }

  void record(boolean saturated) {
    checks[next] = saturated;
    next = (next + 1) % checks.length;
    filled = Math.min(filled + 1, checks.length);
  }

  /** True when more than half of the last N checks (a full window) saw saturation. */
  boolean majoritySaturated() {
    if (filled < checks.length) {
      return false;
    }
    int n = 0;
    for (boolean c : checks) {
      if (c) {
        n++;
      }
    }
    return n * 2 > checks.length;
  }

  void clear() {
    filled = 0;
    next = 0;
  }
}
