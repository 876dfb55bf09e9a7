package io.venvmux.stubgen;

import io.venvmux.EnvSpec;
import io.venvmux.internal.env.EnvResolver;
import java.nio.file.Path;
import java.time.Duration;

/** The fixture modules under src/test/python, and how tests reach them. */
final class Fixtures {
  static final Path PYTHON_DIR = Path.of("src/test/python").toAbsolutePath();
  static final String MODULE = "stubfix.entry";

  private Fixtures() {}

  static String python() {
    return System.getProperty("venvmux.test.python", "python3");
  }

  static Path home() {
    return Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")).toAbsolutePath();
  }

  static EnvSpec spec() {
    return EnvSpec.builder().python(python()).workerPaths(PYTHON_DIR).build();
  }

  /** The fixture module described by the real worker code on the test interpreter. */
  static ModuleDescription describe(String module) {
    EnvSpec spec = spec();
    return new ModuleDescriber(home(), Duration.ofSeconds(60))
        .describe(module, spec, new EnvResolver(home()).resolve(spec));
  }

  /** The CLI's arguments that every end-to-end run shares, for the fixture module. */
  static String[] cliArgs(Path out, String... more) {
    return cliArgsFor(MODULE, out, more);
  }

  /** The CLI's arguments that every end-to-end run shares. */
  static String[] cliArgsFor(String module, Path out, String... more) {
    String[] base = {
      "--module",
      module,
      "--package",
      "com.example.gen",
      "--out",
      out.toString(),
      "--python",
      python(),
      "--worker-path",
      PYTHON_DIR.toString(),
      "--home",
      home().toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
