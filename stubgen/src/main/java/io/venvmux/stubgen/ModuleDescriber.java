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
import io.venvmux.internal.process.ProcessFailedException;
import io.venvmux.internal.process.ProcessResult;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@code python -m venvmux_worker.describe --module X} in a resolved env, with the same
 * PYTHONPATH and environment a worker of that env gets, and reads the description it prints. The
 * process starts from an argument list with stdin at EOF, is killed with its children when it
 * outlives the timeout, and every failure says what the module printed last on stderr.
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
    RunningProcess process;
    try {
      process =
          RunningProcess.start(
              ProcessSpec.of(command)
                  .withEnv(launch.environment())
                  .tailLines(STDERR_TAIL_LINES)
                  .threadName("stubgen-describe"));
    } catch (ProcessFailedException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StubGenException(
          "cannot start "
              + env.python()
              + ": "
              + cause.getMessage()
              + ". Check --python or the env.",
          cause);
    }
    ProcessResult result;
    try {
      result = process.finish(timeout);
    } catch (ProcessFailedException e) {
      throw switch (e.kind()) {
        case TIMED_OUT ->
            new StubGenException(
                "describing "
                    + module
                    + " took longer than "
                    + timeout.toSeconds()
                    + " s (does importing it wait on something?); it was killed. Raise --timeout if"
                    + " the import is just slow."
                    + tailText(e.outputTail()));
        case INTERRUPTED -> new StubGenException("interrupted while describing " + module, e);
        default ->
            new StubGenException(
                "describing " + module + " with " + env.python() + " failed: " + e.getMessage(), e);
      };
    }
    return parse(module, env, result);
  }

  private static ModuleDescription parse(String module, ResolvedEnv env, ProcessResult result) {
    int exit = result.exitCode();
    String out = result.stdout();
    String stderrTail = tailText(result.outputTail());
    if (exit == EXIT_IMPORT_FAILED) {
      throw new StubGenException(importFailure(module, env, out) + stderrTail);
    }
    if (exit != 0) {
      throw new StubGenException(
          "describing "
              + module
              + " with "
              + env.python()
              + " failed with exit code "
              + exit
              + stderrTail);
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
              + stderrTail,
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
          + "For stubgen, workerPaths is --worker-path (the folder holding the module's package)"
          + " and the env's packages come from --packages, --requirements or --project.";
    } catch (JsonProcessingException e) {
      return what;
    }
  }

  /** The last lines of stderr, as a paragraph to append to an error message, or nothing. */
  private static String tailText(List<String> tail) {
    return tail.isEmpty() ? "" : "\nLast lines of its stderr:\n  " + String.join("\n  ", tail);
  }
}
