package io.venvmux.internal.process;

import java.util.List;

/**
 * A process that ran to its end.
 *
 * @param command the program and its arguments
 * @param exitCode its exit code
 * @param stdout its whole stdout when that was {@linkplain Output#capture() captured}, else empty
 * @param outputTail the last lines of the streams read {@linkplain Output#lines() by lines}
 */
public record ProcessResult(
    List<String> command, int exitCode, String stdout, List<String> outputTail) {
  public ProcessResult {
    command = List.copyOf(command);
    outputTail = List.copyOf(outputTail);
  }

  /**
   * This result, when the exit code is 0.
   *
   * @throws ProcessFailedException of kind {@code EXITED} otherwise
   */
  public ProcessResult requireSuccess() {
    if (exitCode != 0) {
      throw new ProcessFailedException(
          ProcessFailedException.Kind.EXITED,
          exitedWith(exitCode),
          command,
          exitCode,
          outputTail,
          null);
    }
    return this;
  }

  /** "exited with code 137 (killed by signal 9)": on POSIX, 128+n is the shell's "died of n". */
  static String exitedWith(int code) {
    String signal =
        code > 128 && code < 160 && !RunningProcess.WINDOWS
            ? " (killed by signal " + (code - 128) + ")"
            : "";
    return "exited with code " + code + signal;
  }
}
