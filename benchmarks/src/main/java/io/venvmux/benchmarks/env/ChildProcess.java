package io.venvmux.benchmarks.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short process to its end and returns its standard output; a non-zero exit is an
 * exception.
 */
final class ChildProcess {
  private static final long TIMEOUT_SECONDS = 120;

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

  static String run(List<String> command, Map<String, String> environment) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(environment);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream out = p.getInputStream()) {
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "still running after " + TIMEOUT_SECONDS + " s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "exit code " + p.exitValue() + ", output '" + text + "': " + command);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
