package io.venvmux.stubgen;

import io.venvmux.EnvSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What stubgen is asked to do, option by option as the command line and the Maven plugin name them.
 * Paths stay as the user typed them: they go into the generated {@code @VenvModule} that way, and
 * {@link #baseDir} resolves them only for building the env now (the command line's working
 * directory, or a Maven project's folder).
 */
public final class StubGenOptions {
  private final String module;
  private final String javaPackage;
  private @Nullable String interfaceName;
  private @Nullable String python;
  private @Nullable String project;
  private List<String> requirements = List.of();
  private List<String> packages = List.of();
  private @Nullable String venv;
  private List<String> workerPaths = List.of();
  private @Nullable Path home;
  private String dateTimes = "local";
  private boolean strict;
  private boolean asyncTwins;
  private Duration timeout = Duration.ofSeconds(300);
  private Path baseDir = Path.of("");

  /** Options for {@code module} whose Java goes into {@code javaPackage}; the rest has defaults. */
  public StubGenOptions(String module, String javaPackage) {
    this.module = module;
    this.javaPackage = javaPackage;
  }

  /** The interface's name; default: the module's last segment in PascalCase. */
  public StubGenOptions interfaceName(@Nullable String name) {
    this.interfaceName = name;
    return this;
  }

  /** The interpreter: a path or a version such as 3.12; default: python3 on PATH. */
  public StubGenOptions python(@Nullable String python) {
    this.python = python;
    return this;
  }

  /** A folder with pyproject.toml to install into the env. */
  public StubGenOptions project(@Nullable String project) {
    this.project = project;
    return this;
  }

  /** Requirements files to install. */
  public StubGenOptions requirements(List<String> files) {
    this.requirements = List.copyOf(files);
    return this;
  }

  /** Requirement specifiers to install, e.g. {@code numpy>=2}. */
  public StubGenOptions packages(List<String> specs) {
    this.packages = List.copyOf(specs);
    return this;
  }

  /** An existing venv to use as is. */
  public StubGenOptions venv(@Nullable String venv) {
    this.venv = venv;
    return this;
  }

  /** Folders put on the worker's PYTHONPATH. */
  public StubGenOptions workerPaths(List<String> folders) {
    this.workerPaths = List.copyOf(folders);
    return this;
  }

  /** The venvmux home; default: $VENV_MUX_HOME, else ~/.venvmux. */
  public StubGenOptions home(@Nullable Path home) {
    this.home = home;
    return this;
  }

  /** {@code local} (LocalDateTime, the default) or {@code offset} (OffsetDateTime). */
  public StubGenOptions dateTimes(String kind) {
    this.dateTimes = kind;
    return this;
  }

  /** Whether an approximated hint or a left-out function fails the run instead of a warning. */
  public StubGenOptions strict(boolean strict) {
    this.strict = strict;
    return this;
  }

  /** Whether every method also gets a CompletableFuture twin ({@code nameAsync}). */
  public StubGenOptions asyncTwins(boolean asyncTwins) {
    this.asyncTwins = asyncTwins;
    return this;
  }

  /** How long describing (importing) the module may take. */
  public StubGenOptions timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** The folder that relative paths are read from while the env is built now. */
  public StubGenOptions baseDir(Path baseDir) {
    this.baseDir = baseDir;
    return this;
  }

  String module() {
    return module;
  }

  boolean strict() {
    return strict;
  }

  Duration timeout() {
    return timeout;
  }

  @Nullable Path home() {
    return home;
  }

  StubRenderer renderer() {
    TypeMapper.DateTimes dt =
        switch (dateTimes.toLowerCase(Locale.ROOT)) {
          case "offset" -> TypeMapper.DateTimes.OFFSET;
          case "local" -> TypeMapper.DateTimes.LOCAL;
          default ->
              throw new StubGenException(
                  "--datetime must be offset or local, not "
                      + dateTimes
                      + " (<datetime> in the Maven plugin)");
        };
    String name =
        interfaceName != null
            ? interfaceName
            : TypeNamer.unreserved(JavaNames.interfaceFor(module));
    ModuleSettings settings =
        new ModuleSettings(python, project, requirements, packages, workerPaths, venv);
    return new StubRenderer(javaPackage, name, settings, dt, asyncTwins);
  }

  EnvSpec envSpec() {
    EnvSpec.Builder b =
        EnvSpec.builder()
            .requirements(resolved(requirements))
            .packages(packages)
            .workerPaths(resolved(workerPaths));
    if (python != null) {
      b.python(python);
    }
    if (project != null) {
      b.project(baseDir.resolve(project));
    }
    if (venv != null) {
      b.venv(baseDir.resolve(venv));
    }
    return b.build();
  }

  private List<Path> resolved(List<String> paths) {
    List<Path> out = new ArrayList<>();
    for (String p : paths) {
      out.add(baseDir.resolve(p));
    }
    return out;
  }
}
