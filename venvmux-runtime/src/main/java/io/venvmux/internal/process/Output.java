package io.venvmux.internal.process;

/**
 * What happens to one output stream of a child process. Every stream that is not {@link #pipe()}d
 * is read to its end by the process package itself, so a child never blocks on a full pipe.
 */
public final class Output {
  /** A line longer than this many bytes is cut, with a note of how much was left out. */
  public static final int MAX_LINE_BYTES = 8 * 1024;

  /** {@link #capture()} keeps at most this many bytes; more fails the run. */
  public static final int MAX_CAPTURED_BYTES = 64 * 1024 * 1024;

  enum Mode {
    LINES,
    CAPTURE,
    PIPE,
    INHERIT,
    DISCARD,
    INTO_STDOUT
  }

  private static final LineListener NO_LISTENER = (pid, line) -> {};

  private final Mode mode;
  private final LineListener listener;

  private Output(Mode mode, LineListener listener) {
    this.mode = mode;
    this.listener = listener;
  }

  /**
   * Read line by line into the process's output tail (see {@link ProcessSpec#tailLines(int)}), each
   * line also told to {@code listener} (to log it, say).
   */
  public static Output lines(LineListener listener) {
    return new Output(Mode.LINES, listener);
  }

  /** Read line by line into the process's output tail only. */
  public static Output lines() {
    return lines(NO_LISTENER);
  }

  /** Read whole (up to {@link #MAX_CAPTURED_BYTES}) into {@link ProcessResult#stdout()}. */
  public static Output capture() {
    return new Output(Mode.CAPTURE, NO_LISTENER);
  }

  /** Left to the caller, who reads it from {@link RunningProcess#stdout()}. Only for stdout. */
  public static Output pipe() {
    return new Output(Mode.PIPE, NO_LISTENER);
  }

  /** Written to this JVM's own stream. */
  public static Output inherit() {
    return new Output(Mode.INHERIT, NO_LISTENER);
  }

  /** Thrown away unread. */
  public static Output discard() {
    return new Output(Mode.DISCARD, NO_LISTENER);
  }

  /** Merged into stdout, in the order written. Only for stderr. */
  public static Output intoStdout() {
    return new Output(Mode.INTO_STDOUT, NO_LISTENER);
  }

  Mode mode() {
    return mode;
  }

  LineListener listener() {
    return listener;
  }
}
