package io.venvmux.benchmarks.env;

import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one short process to its end and returns its standard output; a non-zero exit is an
 * exception.
 */
final class ChildProcess {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private ChildProcess() {}

  /** {@code java -cp <this JVM's classpath> <main> <args>}. */
  static List<String> javaCommand(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Runs the command to its end and returns its stdout, stripped.
   *
   * @throws io.venvmux.internal.process.ProcessFailedException when it cannot start, outlives the
   *     timeout or exits with a non-zero code; the message holds its last stderr lines
   */
  static String run(List<String> command, Map<String, String> environment) {
    return RunningProcess.start(
            ProcessSpec.of(command).withEnv(environment).threadName("benchmark-child"))
        .finish(TIMEOUT)
        .requireSuccess()
        .stdout()
        .strip();
  }
}
