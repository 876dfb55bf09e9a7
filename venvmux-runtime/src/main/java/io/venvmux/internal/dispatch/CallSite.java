package io.venvmux.internal.dispatch;

/**
 * Records where a blocking call was made. The error itself was raised on a venvmux thread, so this
 * is attached to it as a suppressed exception to show the caller's stack.
 */
final class CallSite extends Exception {
  CallSite(String what) {
    super("the call of " + what + " was made here");
  }
}
