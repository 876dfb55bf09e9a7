package io.venvmux;

import java.util.List;

/**
 * Building a virtual environment failed. Carries the command that ran and the installer's last
 * lines.
 */
public class EnvBuildException extends CallException {
  private final List<String> command;
  private final List<String> outputTail;

  public EnvBuildException(String message, List<String> command, List<String> outputTail) {
    super("env_build", message);
    this.command = List.copyOf(command);
    this.outputTail = List.copyOf(outputTail);
  }

  /** The command that failed, as its argument list. */
  public List<String> command() {
    return command;
  }

  /** The last lines the installer printed. */
  public List<String> outputTail() {
    return outputTail;
  }
}
