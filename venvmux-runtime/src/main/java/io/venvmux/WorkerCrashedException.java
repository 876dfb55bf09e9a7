package io.venvmux;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The worker process died while the call was in flight. A replacement is started. */
public class WorkerCrashedException extends CallException {
  private final @Nullable Integer exitCode;
  private final List<String> lastStderr;

  public WorkerCrashedException(
      String message, @Nullable Integer exitCode, List<String> lastStderr) {
    super("worker_crashed", message);
    this.exitCode = exitCode;
    this.lastStderr = List.copyOf(lastStderr);
  }

  /** The worker's exit code (negative: killed by that signal on POSIX), or null if unknown. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** The last lines the worker wrote to stderr before it died. */
  public List<String> lastStderr() {
    return lastStderr;
  }
}
