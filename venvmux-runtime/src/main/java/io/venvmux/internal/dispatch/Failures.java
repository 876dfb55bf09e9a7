package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.EnvBuildException;
import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.ProtocolMismatchException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the exceptions calls end with. */
final class Failures {
  private Failures() {}

  /**
   * A fresh instance of a start failure, so each call that fails because of it gets its own
   * exception (and its own suppressed caller stack).
   */
  static CallException copy(CallException e) {
    CallException copy;
    if (e instanceof EnvStartException) {
      EnvStartException s = (EnvStartException) e;
      String tb = s.pythonTraceback();
      String msg = s.getMessage();
      String base =
          tb.isEmpty() ? msg : msg.substring(0, Math.max(0, msg.length() - tb.length() - 1));
      copy = new EnvStartException(base, tb, e.getCause());
    } else if (e instanceof ProtocolMismatchException) {
      copy = new ProtocolMismatchException(e.getMessage());
    } else if (e instanceof EnvBuildException) {
      EnvBuildException b = (EnvBuildException) e;
      copy = new EnvBuildException(b.getMessage(), b.command(), b.outputTail());
    } else if (e instanceof PoolClosedException) {
      copy = new PoolClosedException(e.getMessage());
    } else {
      copy = new CallException(e.code(), e.getMessage(), e.getCause());
    }
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** The CallException behind a future's failure; anything else becomes a generic CallException. */
  static CallException unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof CallException) {
      return (CallException) c;
    }
    if (c instanceof CancellationException) {
      return new CallException("cancelled", "the call was cancelled", c);
    }
    return new CallException("internal", "venvmux failed internally: " + c, c);
  }
}
