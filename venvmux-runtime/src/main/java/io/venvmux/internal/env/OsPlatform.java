package io.venvmux.internal.env;

import java.util.List;
import java.util.Locale;

/**
 * The operating system and CPU architecture this JVM runs on, in the few forms env code needs: venv
 * layout, executable names, and the platform part of an env's hash.
 *
 * @param os normalized os name: {@code linux}, {@code macos}, {@code windows} or the raw lowercased
 *     name
 * @param arch the JVM's {@code os.arch}, lowercased
 */
record OsPlatform(String os, String arch) {
  private static final OsPlatform CURRENT =
      of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));

  static OsPlatform current() {
    return CURRENT;
  }

  /** Normalizes the JVM's {@code os.name} and {@code os.arch}. */
  static OsPlatform of(String osName, String osArch) {
    String n = osName.toLowerCase(Locale.ROOT);
    String os;
    if (n.startsWith("windows")) {
      os = "windows";
    } else if (n.startsWith("mac") || n.startsWith("darwin")) {
      os = "macos";
    } else if (n.startsWith("linux")) {
      os = "linux";
    } else {
      os = n.replace(' ', '_');
    }
    return new OsPlatform(os, osArch.toLowerCase(Locale.ROOT));
  }

  boolean isWindows() {
    return os.equals("windows");
  }

  /** The file names a command may have on disk: {@code uv} or, on Windows, {@code uv.exe} first. */
  List<String> executableNames(String command) {
    if (!isWindows() || command.toLowerCase(Locale.ROOT).endsWith(".exe")) {
      return List.of(command);
    }
    return List.of(command + ".exe", command);
  }

  /** The platform tag that goes into an env's hash. */
  String tag() {
    return os + "-" + arch;
  }
}
