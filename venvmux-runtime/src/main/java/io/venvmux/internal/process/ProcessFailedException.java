package io.venvmux.internal.process;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A child process that could not be started, outlived its timeout, was interrupted, exited with a
 * non-zero code or wrote more than could be captured. The message reads "`<command>` <{@link
 * #reason()}>." followed by the last lines of its output; callers wrap it into their own error
 * type, with {@link #kind()} to choose their wording.
 */
public final class ProcessFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The program could not be started; the cause is the {@link java.io.IOException}. */
    NOT_STARTED,
    /** It ran longer than its timeout and was killed with its descendants. */
    TIMED_OUT,
    /** The waiting thread was interrupted; the process was killed, the interrupt flag kept. */
    INTERRUPTED,
    /** It exited with a non-zero code. */
    EXITED,
    /** It wrote more than {@link Output#MAX_CAPTURED_BYTES} to a captured stdout. */
    OUTPUT_TOO_LARGE
  }

  private final Kind kind;
  private final String reason;
  private final List<String> command;
  private final @Nullable Integer exitCode;
  private final List<String> outputTail;

  ProcessFailedException(
      Kind kind,
      String reason,
      List<String> command,
      @Nullable Integer exitCode,
      List<String> outputTail,
      @Nullable Throwable cause) {
    super(message(reason, command, outputTail), cause);
    this.kind = kind;
    this.reason = reason;
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.outputTail = List.copyOf(outputTail);
  }

  private static String message(String reason, List<String> command, List<String> tail) {
    StringBuilder msg = new StringBuilder();
    msg.append('`').append(ProcessSpec.display(command)).append("` ").append(reason).append('.');
    if (!tail.isEmpty()) {
      msg.append("\nLast ").append(tail.size()).append(" lines of its output:");
      tail.forEach(l -> msg.append("\n  ").append(l));
    }
    return msg.toString();
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /**
   * What happened, as a phrase to follow the command: "exited with code 3", "did not finish within
   * 60 s and was killed", "was interrupted and killed", "could not be started (...)".
   */
  public String reason() {
    return reason;
  }

  /** The program and its arguments. */
  public List<String> command() {
    return command;
  }

  /** The exit code, when it exited by itself; null otherwise. */
  public @Nullable Integer exitCode() {
    return exitCode;
  }

  /** The last lines of the streams read by lines, oldest first (may be empty). */
  public List<String> outputTail() {
    return outputTail;
  }

  /** Whether it was killed for outliving its timeout. */
  public boolean timedOut() {
    return kind == Kind.TIMED_OUT;
  }
}
