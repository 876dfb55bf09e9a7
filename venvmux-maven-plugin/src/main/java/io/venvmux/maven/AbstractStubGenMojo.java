package io.venvmux.maven;

import io.venvmux.CallException;
import io.venvmux.stubgen.GeneratedSources;
import io.venvmux.stubgen.StubGenException;
import io.venvmux.stubgen.StubGenOptions;
import io.venvmux.stubgen.StubGenerator;
import java.io.File;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * The stubgen options both goals share, named like the command line's long options in camelCase;
 * relative paths are read from the project's folder and written into the {@code @VenvModule} as
 * given.
 */
abstract class AbstractStubGenMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject mavenProject;

  /** The Python module to describe, e.g. {@code yourpkg.entry}. */
  @Parameter(property = "venvmux.module", required = true)
  String module;

  /** The Java package of the generated types. */
  @Parameter(property = "venvmux.javaPackage", required = true)
  String javaPackage;

  /** The interface's name; default: the module's last segment in PascalCase. */
  @Parameter(property = "venvmux.interfaceName")
  @Nullable String interfaceName;

  /** The interpreter: a path or a version such as 3.12; default: python3 on PATH. */
  @Parameter(property = "venvmux.python")
  @Nullable String python;

  /** Requirement specifiers to install into the env, e.g. {@code numpy>=2}. */
  @Parameter List<String> packages = new ArrayList<>();

  /** Requirements files to install into the env. */
  @Parameter List<String> requirements = new ArrayList<>();

  /** A folder with pyproject.toml to install into the env. */
  @Parameter(property = "venvmux.project")
  @Nullable String project;

  /** An existing venv to use as is. */
  @Parameter(property = "venvmux.venv")
  @Nullable String venv;

  /** Folders put on the worker's PYTHONPATH, e.g. the one holding the module's package. */
  @Parameter List<String> workerPaths = new ArrayList<>();

  /** The venvmux home; default: $VENV_MUX_HOME, else ~/.venvmux. */
  @Parameter(property = "venvmux.home")
  @Nullable File home;

  /** {@code local} (LocalDateTime, for naive datetimes) or {@code offset} (OffsetDateTime). */
  @Parameter(property = "venvmux.datetime", defaultValue = "local")
  String datetime = "local";

  /** Also write a CompletableFuture twin ({@code nameAsync}) of every method. */
  @Parameter(property = "venvmux.async", defaultValue = "false")
  boolean async;

  /** Fail instead of warning when a hint is approximated or a function left out. */
  @Parameter(property = "venvmux.strict", defaultValue = "false")
  boolean strict;

  /** How many seconds describing (importing) the module may take. */
  @Parameter(property = "venvmux.timeout", defaultValue = "300")
  long timeout = 300;

  /** Skips the goal. */
  @Parameter(property = "venvmux.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("venvmux: skipped");
      return;
    }
    run();
  }

  /** The goal's work, unless skipped. */
  abstract void run() throws MojoFailureException;

  /** Runs stubgen in process, its warnings logged; failures become build failures. */
  GeneratedSources generate() throws MojoFailureException {
    StubGenOptions options =
        new StubGenOptions(module, javaPackage)
            .interfaceName(interfaceName)
            .python(python)
            .project(project)
            .requirements(requirements)
            .packages(packages)
            .venv(venv)
            .workerPaths(workerPaths)
            .home(home == null ? null : home.toPath())
            .dateTimes(datetime)
            .strict(strict)
            .asyncTwins(async)
            .timeout(Duration.ofSeconds(timeout))
            .baseDir(mavenProject.getBasedir().toPath());
    try {
      return StubGenerator.generate(options, this::warn);
    } catch (StubGenException | CallException | UncheckedIOException e) {
      throw new MojoFailureException("stubgen: " + e.getMessage(), e);
    }
  }

  private void warn(String warning) {
    if (strict) {
      getLog().error(warning);
    } else {
      getLog().warn(warning);
    }
  }
}
