package io.venvmux.stubgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.venvmux.EnvSpec;
import io.venvmux.Serializer;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerSources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python -m venvmux_worker.describe --module X} in a resolved env, with the same
 * PYTHONPATH and environment a worker of that env gets, and reads the description it prints. The
 * process starts from an argument list, is killed when it outlives the timeout, and every failure
 * says what the module printed last.
 */
final class ModuleDescriber {
  /** Exit code of the worker (and of describe) when the module does not import. */
  private static final int EXIT_IMPORT_FAILED = 3;

  private static final int STDERR_TAIL_LINES = 30;
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path home;
  private final Duration timeout;

  ModuleDescriber(Path home, Duration timeout) {
    this.home = home;
    this.timeout = timeout;
  }

  ModuleDescription describe(String module, EnvSpec spec, ResolvedEnv env) {
    Path sources = WorkerSources.pythonPathEntry(home);
    WorkerLaunch launch =
        WorkerLaunch.forEnv("stubgen", module, spec, env, sources, Serializer.JSON, null, null);
    List<String> command =
        List.of(env.python().toString(), "-u", "-m", "venvmux_worker.describe", "--module", module);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(launch.environment());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new StubGenException(
          "cannot start " + env.python() + ": " + e.getMessage() + ". Check --python or the env.",
          e);
    }
    closeQuietly(process);
    Drain stdout = new Drain(process.getInputStream(), false);
    Drain stderr = new Drain(process.getErrorStream(), true);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new StubGenException(
            "describing "
                + module
                + " took longer than "
                + timeout.toSeconds()
                + " s (does importing it wait on something?); it was killed. Raise --timeout if the"
                + " import is just slow."
                + stderr.tailText());
      }
      stdout.join();
      stderr.join();
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new StubGenException("interrupted while describing " + module, e);
    }
    return parse(module, env, process.exitValue(), stdout.text(), stderr);
  }

  private static ModuleDescription parse(
      String module, ResolvedEnv env, int exit, String out, Drain stderr) {
    if (exit == EXIT_IMPORT_FAILED) {
      throw new StubGenException(importFailure(module, env, out) + stderr.tailText());
    }
    if (exit != 0) {
      throw new StubGenException(
          "describing "
              + module
              + " with "
              + env.python()
              + " failed with exit code "
              + exit
              + stderr.tailText());
    }
    try {
      return JSON.readValue(out, ModuleDescription.class);
    } catch (JsonProcessingException e) {
      throw new StubGenException(
          "describing "
              + module
              + " printed no valid description ("
              + e.getOriginalMessage()
              + "); is the worker older than stubgen?"
              + stderr.tailText(),
          e);
    }
  }

  private static String importFailure(String module, ResolvedEnv env, String out) {
    String what = "module " + module + " does not import in " + env.python();
    try {
      JsonNode error = JSON.readTree(out).path("error");
      return what
          + ": "
          + error.path("type").asText("?")
          + ": "
          + error.path("message").asText("")
          + "\n"
          + error.path("traceback").asText("")
          + "\n"
          + "Check --worker-path (the folder holding the module's package) and the env's packages.";
    } catch (JsonProcessingException e) {
      return what;
    }
  }

  /** describe reads no input: its stdin is closed at once, so a module reading it sees EOF. */
  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the process already exited; its exit code tells the story
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads one of the process's streams to its end on a thread of its own. */
  private static final class Drain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    Drain(InputStream in, boolean keepTail) {
      thread =
          new Thread(
              () -> read(in, keepTail), "stubgen-describe-" + (keepTail ? "stderr" : "stdout"));
      thread.setDaemon(true);
      thread.start();
    }

    private void read(InputStream in, boolean keepTail) {
      try (in) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          synchronized (this) {
            bytes.write(buffer, 0, n);
            if (keepTail && bytes.size() > 1 << 20) {
              keepLastLines();
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Bounded memory for a chatty module: keep only the last lines of stderr. */
    private void keepLastLines() {
      String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
      bytes.reset();
      int from = Math.max(0, lines.length - STDERR_TAIL_LINES);
      bytes.writeBytes(
          String.join("\n", List.of(lines).subList(from, lines.length))
              .getBytes(StandardCharsets.UTF_8));
    }

    void join() throws InterruptedException {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The last lines written, as a paragraph to append to an error message, or nothing. */
    synchronized String tailText() {
      String[] lines = text().strip().split("\n");
      if (lines.length == 1 && lines[0].isEmpty()) {
        return "";
      }
      int from = Math.max(0, lines.length - STDERR_TAIL_LINES);
      return "\nLast lines of its stderr:\n  "
          + String.join("\n  ", List.of(lines).subList(from, lines.length));
    }
  }
}
