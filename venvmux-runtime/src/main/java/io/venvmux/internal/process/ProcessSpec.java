package io.venvmux.internal.process;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What to start: an argument list (never a shell line), environment variables set on top of or
 * removed from the inherited ones, a working folder, and how stdin, stdout and stderr are handled.
 * Immutable; each {@code with}-method returns a changed copy.
 *
 * <p>Defaults: stdin reads the null device (EOF at once), stdout is {@linkplain Output#capture()
 * captured}, stderr goes {@linkplain Output#lines() line by line into the tail}, which keeps the
 * last {@value #DEFAULT_TAIL_LINES} lines.
 */
public final class ProcessSpec {
  /** How many lines the output tail keeps unless {@link #tailLines(int)} says otherwise. */
  public static final int DEFAULT_TAIL_LINES = 30;

  private final List<String> command;
  private final Map<String, String> setEnv;
  private final Set<String> unsetEnv;
  private final @Nullable Path workDir;
  private final boolean stdinPiped;
  private final Output stdout;
  private final Output stderr;
  private final int tailLines;
  private final String threadName;

  private ProcessSpec(
      List<String> command,
      Map<String, String> setEnv,
      Set<String> unsetEnv,
      @Nullable Path workDir,
      boolean stdinPiped,
      Output stdout,
      Output stderr,
      int tailLines,
      String threadName) {
    this.command = List.copyOf(command);
    this.setEnv = Map.copyOf(setEnv);
    this.unsetEnv = Set.copyOf(unsetEnv);
    this.workDir = workDir;
    this.stdinPiped = stdinPiped;
    this.stdout = stdout;
    this.stderr = stderr;
    this.tailLines = tailLines;
    this.threadName = threadName;
  }

  /** The program and its arguments, with the defaults above. */
  public static ProcessSpec of(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
    return new ProcessSpec(
        command,
        Map.of(),
        Set.of(),
        null,
        false,
        Output.capture(),
        Output.lines(),
        DEFAULT_TAIL_LINES,
        "venvmux-process");
  }

  /** Also sets these variables (on top of the inherited environment and earlier calls). */
  public ProcessSpec withEnv(Map<String, String> variables) {
    Map<String, String> merged = new HashMap<>(setEnv);
    merged.putAll(variables);
    return new ProcessSpec(
        command, merged, unsetEnv, workDir, stdinPiped, stdout, stderr, tailLines, threadName);
  }

  /** Also removes these inherited variables (a variable also set stays set). */
  public ProcessSpec withoutEnv(Set<String> names) {
    Set<String> merged = new HashSet<>(unsetEnv);
    merged.addAll(names);
    return new ProcessSpec(
        command, setEnv, merged, workDir, stdinPiped, stdout, stderr, tailLines, threadName);
  }

  /** Runs in this folder instead of this JVM's working folder. */
  public ProcessSpec withWorkDir(Path folder) {
    return new ProcessSpec(
        command, setEnv, unsetEnv, folder, stdinPiped, stdout, stderr, tailLines, threadName);
  }

  /** Gives the process a stdin pipe, written through {@link RunningProcess#stdin()}. */
  public ProcessSpec withStdinPipe() {
    return new ProcessSpec(
        command, setEnv, unsetEnv, workDir, true, stdout, stderr, tailLines, threadName);
  }

  /** How stdout is handled; anything but {@link Output#intoStdout()}. */
  public ProcessSpec withStdout(Output output) {
    if (output.mode() == Output.Mode.INTO_STDOUT) {
      throw new IllegalArgumentException("stdout cannot go into itself");
    }
    return new ProcessSpec(
        command, setEnv, unsetEnv, workDir, stdinPiped, output, stderr, tailLines, threadName);
  }

  /** How stderr is handled; anything but {@link Output#pipe()} or {@link Output#capture()}. */
  public ProcessSpec withStderr(Output output) {
    if (output.mode() == Output.Mode.PIPE || output.mode() == Output.Mode.CAPTURE) {
      throw new IllegalArgumentException("stderr is drained by lines, inherited or discarded");
    }
    return new ProcessSpec(
        command, setEnv, unsetEnv, workDir, stdinPiped, stdout, output, tailLines, threadName);
  }

  /**
   * How many of the last lines of the streams read {@linkplain Output#lines() by lines} to keep.
   */
  public ProcessSpec tailLines(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("tail lines: " + lines);
    }
    return new ProcessSpec(
        command, setEnv, unsetEnv, workDir, stdinPiped, stdout, stderr, lines, threadName);
  }

  /** The name its drain threads start with; they add the pid and the stream. */
  public ProcessSpec threadName(String name) {
    return new ProcessSpec(
        command, setEnv, unsetEnv, workDir, stdinPiped, stdout, stderr, tailLines, name);
  }

  /** The program and its arguments. */
  public List<String> command() {
    return command;
  }

  /** The command as one line a person can read and paste into a shell. */
  public String display() {
    return display(command);
  }

  /** An argument list as one line a person can read and paste into a POSIX shell. */
  public static String display(List<String> args) {
    return args.stream().map(ProcessSpec::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=@+,-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  Map<String, String> setEnv() {
    return setEnv;
  }

  Set<String> unsetEnv() {
    return unsetEnv;
  }

  @Nullable Path workDir() {
    return workDir;
  }

  boolean stdinPiped() {
    return stdinPiped;
  }

  Output stdout() {
    return stdout;
  }

  Output stderr() {
    return stderr;
  }

  int tailLines() {
    return tailLines;
  }

  String threadName() {
    return threadName;
  }
}
