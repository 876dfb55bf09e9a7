package io.venvmux.stubgen;

import com.palantir.javapoet.JavaFile;
import io.venvmux.EnvSpec;
import io.venvmux.internal.VenvMuxHome;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.ResolvedEnv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * stubgen's one entry point, shared by the command line and the Maven plugin: resolves the env,
 * describes the module in it and renders its Java, reporting every function left out and every hint
 * approximated (or, with {@code strict}, failing on them).
 */
public final class StubGenerator {
  private StubGenerator() {}

  /**
   * Generates the sources for {@code options}; each warning (a function left out, a hint
   * approximated, a module without functions) goes to {@code warnings} as one line.
   *
   * @throws StubGenException when the env, the module or an option fails, or when {@code strict} is
   *     set and there was something to warn about (the warnings are given first)
   */
  public static GeneratedSources generate(StubGenOptions options, Consumer<String> warnings) {
    StubRenderer renderer = options.renderer();
    EnvSpec envSpec = options.envSpec();
    Path home = VenvMuxHome.resolve(options.home());
    ResolvedEnv env = new EnvResolver(home).resolve(envSpec);
    ModuleDescription description =
        new ModuleDescriber(home, options.timeout()).describe(options.module(), envSpec, env);
    StubRenderer.Rendered rendered = renderer.render(description);
    List<String> problems = new ArrayList<>();
    rendered.skipped().forEach(s -> problems.add("left out " + s));
    rendered.approximations().forEach(a -> problems.add("approximated " + a));
    problems.forEach(warnings);
    if (options.strict() && !problems.isEmpty()) {
      throw new StubGenException(
          "--strict: nothing written; change the hints, or drop --strict to accept what is named"
              + " above");
    }
    if (description.functions().isEmpty()) {
      warnings.accept(
          "note: "
              + options.module()
              + " has no public functions (imported names count only when listed in __all__);"
              + " the interface is empty");
    }
    return new GeneratedSources(rendered.files().stream().map(StubGenerator::source).toList());
  }

  private static GeneratedSources.Source source(JavaFile file) {
    String folder = file.packageName().replace('.', '/');
    String name = file.typeSpec().name() + ".java";
    return new GeneratedSources.Source(
        folder.isEmpty() ? name : folder + "/" + name, file.toString());
  }
}
