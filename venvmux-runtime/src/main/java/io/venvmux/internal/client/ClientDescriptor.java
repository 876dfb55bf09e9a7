package io.venvmux.internal.client;

import io.venvmux.EnvSpec;
import io.venvmux.VenvHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What {@code VenvMux.bind} needs to know of one {@code @VenvModule} interface, written by the
 * processor into the generated client as its {@code public static final ClientDescriptor<Compute>
 * DESCRIPTOR}: the module, the annotation's env settings (annotations have class retention, so they
 * are copied here), the Python functions the client calls and a factory for the client.
 *
 * @param <T> the interface
 */
public final class ClientDescriptor<T> {
  /** Name of the static field of a generated client that holds its descriptor. */
  static final String FIELD = "DESCRIPTOR";

  private final Class<T> type;
  private final String module;
  private final String env;
  private final List<String> packages;
  private final List<String> requirements;
  private final String project;
  private final String python;
  private final List<String> workerPaths;
  private final int workers;
  private final String ray;
  private final List<PyFunction> functions;
  private final Function<VenvHandle, ? extends T> factory;

  private ClientDescriptor(Builder<T> b) {
    this.type = b.type;
    this.module = b.module;
    this.env = b.env;
    this.packages = List.copyOf(b.packages);
    this.requirements = List.copyOf(b.requirements);
    this.project = b.project;
    this.python = b.python;
    this.workerPaths = List.copyOf(b.workerPaths);
    this.workers = b.workers;
    this.ray = b.ray;
    this.functions = List.copyOf(b.functions);
    this.factory = Objects.requireNonNull(b.factory, "factory");
  }

  /** Starts the descriptor of a client of {@code type} for the Python module {@code module}. */
  public static <T> Builder<T> builder(Class<T> type, String module) {
    return new Builder<>(type, module);
  }

  /** The {@code @VenvModule} interface. */
  public Class<T> type() {
    return type;
  }

  /** The Python module the client calls. */
  public String module() {
    return module;
  }

  /** The env named in the annotation, or empty. */
  public String env() {
    return env;
  }

  /** One entry per Java method: the Python function it calls. */
  List<PyFunction> functions() {
    return functions;
  }

  /** The env the annotation describes, for a pool that has none serving the module yet. */
  public EnvSpec envSpec() {
    EnvSpec.Builder spec = EnvSpec.builder();
    if (!python.isEmpty()) {
      spec.python(python);
    }
    if (!project.isEmpty()) {
      spec.project(Path.of(project));
    }
    requirements.forEach(r -> spec.requirements(Path.of(r)));
    spec.packages(packages);
    workerPaths.forEach(p -> spec.workerPaths(Path.of(p)));
    if (workers > 0) {
      spec.workers(workers);
    }
    RaySetting.cluster(ray).ifPresent(spec::ray);
    return spec.build();
  }

  /** A client calling through {@code handle}. */
  T create(VenvHandle handle) {
    return factory.apply(handle);
  }

  @Override
  public String toString() {
    return "client of " + type.getName() + " for module " + module;
  }

  /** Builds a descriptor; generated clients call it once, at class init. */
  public static final class Builder<T> {
    private final Class<T> type;
    private final String module;
    private String env = "";
    private final List<String> packages = new ArrayList<>();
    private final List<String> requirements = new ArrayList<>();
    private String project = "";
    private String python = "";
    private final List<String> workerPaths = new ArrayList<>();
    private int workers;
    private String ray = "";
    private final List<PyFunction> functions = new ArrayList<>();
    private @Nullable Function<VenvHandle, ? extends T> factory;

    private Builder(Class<T> type, String module) {
      this.type = Objects.requireNonNull(type, "type");
      this.module = Objects.requireNonNull(module, "module");
    }

    public Builder<T> env(String env) {
      this.env = env;
      return this;
    }

    public Builder<T> packages(String... packages) {
      this.packages.addAll(List.of(packages));
      return this;
    }

    public Builder<T> requirements(String... files) {
      this.requirements.addAll(List.of(files));
      return this;
    }

    public Builder<T> project(String project) {
      this.project = project;
      return this;
    }

    public Builder<T> python(String python) {
      this.python = python;
      return this;
    }

    public Builder<T> workerPaths(String... paths) {
      this.workerPaths.addAll(List.of(paths));
      return this;
    }

    /** Where the workers run: see {@code @VenvModule(ray = ..)}. */
    public Builder<T> ray(String ray) {
      this.ray = ray;
      return this;
    }

    /** A fixed worker count; 0: auto. */
    public Builder<T> workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder<T> functions(PyFunction... functions) {
      this.functions.addAll(List.of(functions));
      return this;
    }

    public Builder<T> factory(Function<VenvHandle, ? extends T> factory) {
      this.factory = factory;
      return this;
    }

    public ClientDescriptor<T> build() {
      return new ClientDescriptor<>(this);
    }
  }
}
