package io.venvmux.stubgen;

import io.venvmux.CallException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The stubgen command: describes a Python module in its env and writes a {@code @VenvModule}
 * interface, records and enums for it.
 *
 * <pre>
 * stubgen --module yourpkg.entry --package com.example.gen --out src/main/java \
 *         --packages 'numpy&gt;=2' --worker-path py
 * </pre>
 *
 * <p>The env options are {@code EnvSpec}'s; the env is resolved (built once, if needed) under the
 * venvmux home exactly as a pool would, and its settings go into the generated {@code @VenvModule}
 * so the client runs where it was generated. Exit code 0 on success, 1 when the env, the module or
 * the output fails (the message says why), 2 on bad options.
 */
@Command(
    name = "stubgen",
    mixinStandardHelpOptions = true,
    version = "venvmux stubgen 0.1.0",
    description =
        "Writes a @VenvModule interface, records and enums from a Python module's type hints.",
    sortOptions = false)
public final class StubGen implements Callable<Integer> {
  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--module",
      required = true,
      paramLabel = "pkg.entry",
      description = "The Python module to describe.")
  private String module;

  @Option(
      names = "--package",
      required = true,
      paramLabel = "com.example.gen",
      description = "The Java package of the generated types.")
  private String javaPackage;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "src/main/java",
      description = "Source root to write into (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--interface-name",
      paramLabel = "NAME",
      description =
          "The interface's name (default: the module's last segment in PascalCase, prefixed"
              + " with Py if it would shadow a JDK type, e.g. pkg.path gives PyPath).")
  private @Nullable String interfaceName;

  @Option(
      names = "--python",
      paramLabel = "PATH|VERSION",
      description = "The interpreter: a path or a version such as 3.12 (default: python3 on PATH).")
  private @Nullable String python;

  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "A folder with pyproject.toml to install into the env.")
  private @Nullable Path project;

  @Option(
      names = "--requirements",
      paramLabel = "FILE",
      description = "A requirements file to install (repeatable).")
  private List<Path> requirements = new ArrayList<>();

  @Option(
      names = "--packages",
      paramLabel = "SPEC",
      description = "A requirement specifier to install, e.g. 'numpy>=2' (repeatable).")
  private List<String> packages = new ArrayList<>();

  @Option(names = "--venv", paramLabel = "DIR", description = "Use this existing venv as is.")
  private @Nullable Path venv;

  @Option(
      names = "--worker-path",
      paramLabel = "DIR",
      description =
          "A folder put on the worker's PYTHONPATH, e.g. the one holding the module's package"
              + " (repeatable).")
  private List<Path> workerPaths = new ArrayList<>();

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "The venvmux home (default: $VENV_MUX_HOME, else ~/.venvmux).")
  private @Nullable Path home;

  @Option(
      names = "--datetime",
      paramLabel = "local|offset",
      defaultValue = "local",
      description =
          "Java type of a Python datetime hint: local (LocalDateTime, for naive datetimes such as"
              + " datetime.now()) or offset (OffsetDateTime, for aware ones such as"
              + " datetime.now(timezone.utc)). pydantic's AwareDatetime and NaiveDatetime pick"
              + " their type themselves. Default: ${DEFAULT-VALUE}.")
  private String dateTimes;

  @Option(
      names = "--strict",
      description =
          "Fail, writing nothing, when a hint would be approximated (Any, a Union, ...) or a"
              + " function left out, instead of naming them on stderr.")
  private boolean strict;

  @Option(
      names = "--async",
      description = "Also write a CompletableFuture twin (nameAsync) of every method.")
  private boolean asyncTwins;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "How long describing the module (importing it) may take (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  /** Runs the command line; returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line, for callers that redirect its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new StubGen());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    String prefix = strict ? "stubgen: error: " : "";
    try {
      GeneratedSources sources = StubGenerator.generate(options(), w -> err.println(prefix + w));
      sources.writeTo(out).forEach(f -> stdout.println("wrote " + f));
      return 0;
    } catch (StubGenException | CallException | UncheckedIOException e) {
      err.println("stubgen: " + e.getMessage());
      return 1;
    } finally {
      stdout.flush();
      err.flush();
    }
  }

  private StubGenOptions options() {
    return new StubGenOptions(module, javaPackage)
        .interfaceName(interfaceName)
        .python(python)
        .project(project == null ? null : project.toString())
        .requirements(requirements.stream().map(Path::toString).toList())
        .packages(packages)
        .venv(venv == null ? null : venv.toString())
        .workerPaths(workerPaths.stream().map(Path::toString).toList())
        .home(home)
        .dateTimes(dateTimes)
        .strict(strict)
        .asyncTwins(asyncTwins)
        .timeout(Duration.ofSeconds(timeoutSeconds));
  }
}
