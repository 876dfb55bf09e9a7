package io.venvmux.internal.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands that build an env with one tool (uv or pip). Commands only: running them, logging
 * and failing are {@link ProcessRunner}'s job, so each installer is a few argument lists.
 */
abstract class Installer {
  /** Inherited variables that would point the installer at another env or interpreter. */
  static final Set<String> CLEARED =
      Set.of("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "UV_PROJECT_ENVIRONMENT");

  /** The longest one installer command may run before it is killed. */
  static final Duration TIMEOUT = Duration.ofHours(1);

  private final Path workDir;

  Installer(Path workDir) {
    this.workDir = workDir;
  }

  /** {@code uv} or {@code pip}, as recorded in the manifest. */
  abstract String name();

  /** The tool as a person would want it named in a log line. */
  abstract String describe();

  abstract Command createVenv(Path basePython, VenvLayout venv);

  /**
   * Installs into the venv; {@code args} are what follows {@code install} (specifiers, -r files, -e
   * dir).
   */
  abstract Command install(VenvLayout venv, List<String> args, String activity);

  /**
   * Installs requirement specifiers. They follow {@code --}, which pip and uv both read as the end
   * of options: a string that starts with {@code -} is refused as a requirement, never run as an
   * option.
   */
  final Command installSpecifiers(VenvLayout venv, List<String> specifiers, String activity) {
    List<String> args = new java.util.ArrayList<>(specifiers.size() + 1);
    args.add("--");
    args.addAll(specifiers);
    return install(venv, args, activity);
  }

  /** Prints the venv's packages as pip's JSON list. */
  abstract Command list(VenvLayout venv);

  /** Whether {@link #sync} exists: uv can install a project exactly as its uv.lock says. */
  boolean syncsLockfiles() {
    return false;
  }

  Command sync(Path project, Path basePython, VenvLayout venv) {
    throw new UnsupportedOperationException(name() + " cannot sync a uv.lock");
  }

  final Command command(List<String> args, String activity, Map<String, String> env) {
    return new Command(args, env, CLEARED, workDir, activity, TIMEOUT);
  }

  final Command command(List<String> args, String activity) {
    return command(args, activity, Map.of());
  }

  /** pip: {@code python -m venv}, then {@code <venv>/bin/python -m pip install ...}. */
  static final class Pip extends Installer {
    Pip(Path workDir) {
      super(workDir);
    }

    @Override
    String name() {
      return "pip";
    }

    @Override
    String describe() {
      return "pip";
    }

    @Override
    Command createVenv(Path basePython, VenvLayout venv) {
      return command(
          List.of(basePython.toString(), "-m", "venv", venv.root().toString()),
          "creating the venv with " + basePython);
    }

    @Override
    Command install(VenvLayout venv, List<String> args, String activity) {
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(venv.python().toString(), "-m", "pip", "install", "--no-input"));
      cmd.addAll(args);
      return command(cmd, activity);
    }

    @Override
    Command list(VenvLayout venv) {
      return command(
          List.of(venv.python().toString(), "-m", "pip", "list", "--format", "json"),
          "listing the installed packages");
    }
  }

  /**
   * uv: {@code uv venv}, {@code uv pip install --python <venv python>}, and {@code uv sync
   * --frozen} into our env folder (UV_PROJECT_ENVIRONMENT) for a project with uv.lock. pip's index
   * and find-links variables are handed to uv under its own names when those are not set, so both
   * installers read from the same index.
   */
  static final class Uv extends Installer {
    private final Path uv;
    private final Map<String, String> env;

    Uv(Path uv, Path workDir, Map<String, String> env) {
      super(workDir);
      this.uv = uv;
      this.env = env;
    }

    Path executable() {
      return uv;
    }

    @Override
    String name() {
      return "uv";
    }

    @Override
    String describe() {
      return "uv (" + uv + ")";
    }

    @Override
    Command createVenv(Path basePython, VenvLayout venv) {
      return uvCommand(
          List.of("venv", "--python", basePython.toString(), venv.root().toString()),
          "creating the venv with " + basePython);
    }

    @Override
    Command install(VenvLayout venv, List<String> args, String activity) {
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of("pip", "install", "--python", venv.python().toString()));
      cmd.addAll(args);
      return uvCommand(cmd, activity);
    }

    @Override
    Command list(VenvLayout venv) {
      return uvCommand(
          List.of("pip", "list", "--python", venv.python().toString(), "--format", "json"),
          "listing the installed packages");
    }

    @Override
    boolean syncsLockfiles() {
      return true;
    }

    /**
     * Installs exactly what uv.lock pins (frozen: the lock is not re-resolved), without dev groups.
     */
    @Override
    Command sync(Path project, Path basePython, VenvLayout venv) {
      Command c =
          uvCommand(
              List.of(
                  "sync",
                  "--frozen",
                  "--no-dev",
                  "--project",
                  project.toString(),
                  "--python",
                  basePython.toString()),
              "syncing the project with its uv.lock");
      return c.withEnv(Map.of("UV_PROJECT_ENVIRONMENT", venv.root().toString()));
    }

    private Command uvCommand(List<String> args, String activity) {
      List<String> cmd = new java.util.ArrayList<>();
      cmd.add(uv.toString());
      cmd.addAll(args);
      return command(cmd, activity, uvEnvironment(env));
    }

    /**
     * uv's variables derived from pip's, when uv's own are not set; never downloads an interpreter.
     */
    static Map<String, String> uvEnvironment(Map<String, String> env) {
      Map<String, String> out = new HashMap<>();
      out.put("UV_PYTHON_DOWNLOADS", "never");
      boolean uvIndexSet = has(env, "UV_DEFAULT_INDEX") || has(env, "UV_INDEX_URL");
      if (!uvIndexSet && has(env, "PIP_INDEX_URL")) {
        out.put("UV_DEFAULT_INDEX", env.get("PIP_INDEX_URL").strip());
      }
      if (!has(env, "UV_INDEX")
          && !has(env, "UV_EXTRA_INDEX_URL")
          && has(env, "PIP_EXTRA_INDEX_URL")) {
        out.put("UV_INDEX", env.get("PIP_EXTRA_INDEX_URL").strip());
      }
      if (!has(env, "UV_FIND_LINKS") && has(env, "PIP_FIND_LINKS")) {
        out.put("UV_FIND_LINKS", String.join(",", env.get("PIP_FIND_LINKS").strip().split("\\s+")));
      }
      if (!has(env, "SSL_CERT_FILE") && has(env, "PIP_CERT")) {
        out.put("SSL_CERT_FILE", env.get("PIP_CERT").strip());
      }
      return out;
    }

    private static boolean has(Map<String, String> env, String name) {
      String v = env.get(name);
      return v != null && !v.isBlank();
    }
  }
}
