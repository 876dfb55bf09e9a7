package io.venvmux;

import org.jspecify.annotations.Nullable;

/**
 * A worker could not start: its module failed to import (the Python traceback is attached), or the
 * process exited before saying hello.
 */
public class EnvStartException extends CallException {
  private final String pythonTraceback;

  public EnvStartException(String message, String pythonTraceback) {
    super("env_start", message + (pythonTraceback.isEmpty() ? "" : "\n" + pythonTraceback));
    this.pythonTraceback = pythonTraceback;
  }

  public EnvStartException(String message, String pythonTraceback, @Nullable Throwable cause) {
    super("env_start", message + (pythonTraceback.isEmpty() ? "" : "\n" + pythonTraceback), cause);
    this.pythonTraceback = pythonTraceback;
  }

  /** The traceback of the failed import, or what the process wrote to stderr; may be empty. */
  public String pythonTraceback() {
    return pythonTraceback;
  }
}
