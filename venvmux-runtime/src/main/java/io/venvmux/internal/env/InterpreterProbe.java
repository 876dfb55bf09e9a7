package io.venvmux.internal.env;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks an interpreter its exact version, once: the answer is kept in memory and in {@code
 * <home>/interpreters/}, keyed by the executable's real path, size and modification time, so a
 * later JVM resolving a cached env starts no process. Reinstalling the interpreter changes the key.
 */
final class InterpreterProbe {
  private static final String SCRIPT = "import platform; print(platform.python_version())";
  private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

  private final Path cacheDir;
  private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(10));

  InterpreterProbe(Path home) {
    this.cacheDir = home.resolve("interpreters");
  }

  /** The version of the interpreter at this real path; empty when it does not run as Python 3. */
  Optional<String> version(Path executable) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(executable, BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.empty();
    }
    String key = executable + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
    // Remembered per home, so every home gets its file even when another home asked first.
    String memoKey = cacheDir + "|" + key;
    String known = MEMO.get(memoKey);
    if (known != null) {
      return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }
    Path file =
        cacheDir.resolve(EnvHash.sha256Hex(executable.toString()).substring(0, 16) + ".properties");
    // "" records "not a Python 3", so a python2 next to the wanted one is asked only once
    String version = readCache(file, key).orElse(null);
    if (version == null) {
      Optional<String> asked = run(executable);
      if (asked.isEmpty()) {
        return Optional.empty(); // did not run at all: maybe transient, so nothing is remembered
      }
      version = asked.get();
      writeCache(file, key, executable, version);
    }
    MEMO.put(memoKey, version);
    return version.isEmpty() ? Optional.empty() : Optional.of(version);
  }

  /** The version, "" when it ran but is no Python 3, empty when it failed to run. */
  private Optional<String> run(Path executable) {
    Command probe =
        new Command(
            List.of(executable.toString(), "-c", SCRIPT),
            Map.of(),
            Set.of("PYTHONHOME", "PYTHONPATH"),
            executable.getParent() == null ? Path.of(".") : executable.getParent(),
            "asking " + executable + " its version",
            Duration.ofSeconds(30));
    try {
      String out = runner.output(probe).strip();
      return Optional.of(out.matches("3\\.\\d+\\.\\d+.*") ? out : "");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> readCache(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return key.equals(p.getProperty("key"))
        ? Optional.ofNullable(p.getProperty("version"))
        : Optional.empty();
  }

  private void writeCache(Path file, String key, Path executable, String version) {
    Properties p = new Properties();
    p.setProperty("key", key);
    p.setProperty("executable", executable.toString());
    p.setProperty("version", version);
    try {
      Files.createDirectories(cacheDir);
      Path tmp = Files.createTempFile(cacheDir, "probe", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          p.store(w, "an interpreter's version, keyed by its real path, size and mtime");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // only a cache: the next resolve asks again
    }
  }
}
