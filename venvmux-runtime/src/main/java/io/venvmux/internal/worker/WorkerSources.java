package io.venvmux.internal.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Extracts the {@code venvmux_worker} Python package from the classpath into {@code
 * <home>/worker/<content hash>/venvmux_worker}, once per content. The folder {@code
 * <home>/worker/<hash>} goes on the worker's PYTHONPATH.
 *
 * <p>Extraction writes a temporary folder and renames it into place, so a worker never sees a
 * half-written package; another thread or JVM extracting the same content at once is harmless.
 */
public final class WorkerSources {
  /** The package's resource folder on the classpath. */
  static final String PACKAGE = "venvmux_worker";

  /** The Ray proxy's package (it imports ray), extracted the same way into a folder of its own. */
  public static final String RAY_PACKAGE = "venvmux_ray";

  private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

  private WorkerSources() {}

  /** The folder to put on PYTHONPATH, extracting the package under {@code home} if needed. */
  public static Path pythonPathEntry(Path home) {
    return pythonPathEntry(home, PACKAGE);
  }

  /** The folder holding the package {@code pkg} (a resource folder), extracting it if needed. */
  public static Path pythonPathEntry(Path home, String pkg) {
    Path h = home.toAbsolutePath();
    return EXTRACTED.computeIfAbsent(
        pkg + "|" + h, k -> extract(h, WorkerSources.class.getClassLoader(), pkg));
  }

  /** Extracts the package as {@code loader} sees it; returns the folder holding it. */
  static Path extract(Path home, ClassLoader loader) {
    return extract(home, loader, PACKAGE);
  }

  static Path extract(Path home, ClassLoader loader, String pkg) {
    Optional<String> jar =
        jarStamp(loader, pkg).map(stamp -> PACKAGE.equals(pkg) ? stamp : pkg + "|" + stamp);
    Path index = home.resolve("worker").resolve(".jars");
    if (jar.isPresent()) {
      Optional<Path> known = knownExtraction(index, jar.get(), home, pkg);
      if (known.isPresent()) {
        return known.get();
      }
    }
    Map<String, byte[]> files = readPackage(loader, pkg);
    String hash = contentHash(files);
    Path target = home.resolve("worker").resolve(hash);
    Path extracted = Files.isDirectory(target.resolve(pkg)) ? target : write(target, files, pkg);
    jar.ifPresent(stamp -> remember(index, stamp, hash));
    return extracted;
  }

  /**
   * The jar holding the package as {@code path|size|mtime}, or empty when the package is not in a
   * jar. A later JVM on the same jar finds its extraction by this stamp without opening the jar.
   */
  private static Optional<String> jarStamp(ClassLoader loader, String pkg) {
    URL marker = loader.getResource(pkg + "/__init__.py");
    if (marker == null || !"jar".equals(marker.getProtocol())) {
      return Optional.empty();
    }
    try {
      String spec = marker.toURI().getRawSchemeSpecificPart();
      int bang = spec.indexOf("!/");
      if (bang < 0) {
        return Optional.empty();
      }
      Path jar = Path.of(new URI(spec.substring(0, bang)));
      BasicFileAttributes attrs = Files.readAttributes(jar, BasicFileAttributes.class);
      return Optional.of(
          jar.toAbsolutePath() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis());
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return Optional.empty(); // not a plain file jar: read it the long way
    }
  }

  /** The extraction an earlier run made from the jar with this stamp, if it is still there. */
  private static Optional<Path> knownExtraction(Path index, String stamp, Path home, String pkg) {
    try {
      List<String> lines =
          Files.readAllLines(index.resolve(indexName(stamp)), StandardCharsets.UTF_8);
      if (lines.size() == 2 && lines.get(0).equals(stamp) && lines.get(1).matches("[0-9a-f]{16}")) {
        Path target = home.resolve("worker").resolve(lines.get(1));
        if (Files.isDirectory(target.resolve(pkg))) {
          return Optional.of(target);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no entry, or an unreadable one: extract the long way and write it again
    }
    return Optional.empty();
  }

  private static void remember(Path index, String stamp, String hash) {
    Path tmp = null;
    try {
      Files.createDirectories(index);
      tmp = Files.createTempFile(index, ".entry-", "");
      Files.writeString(tmp, stamp + "\n" + hash + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          index.resolve(indexName(stamp)),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // only a shortcut for the next run
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // a stray temp entry is harmless
      }
    }
  }

  // The stamp itself is the first line of the entry, so a colliding name is only a miss.
  private static String indexName(String stamp) {
    return String.format("%08x", stamp.hashCode());
  }

  private static Path write(Path target, Map<String, byte[]> files, String pkg) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempDirectory(target.getParent(), ".extract-");
      try {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          Path out = tmp.resolve(pkg).resolve(f.getKey());
          Files.createDirectories(out.getParent());
          Files.write(out, f.getValue());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Someone else extracted the same content first (the rename fails with "exists" or "not
        // empty"): theirs is complete and identical.
        if (!Files.isDirectory(target.resolve(pkg))) {
          throw e;
        }
      } finally {
        deleteTree(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the venvmux worker into " + target, e);
    }
  }

  /** The package's .py files, keyed by their path inside the package ('/'-separated). */
  static Map<String, byte[]> readPackage(ClassLoader loader) {
    return readPackage(loader, PACKAGE);
  }

  static Map<String, byte[]> readPackage(ClassLoader loader, String pkg) {
    URL marker = loader.getResource(pkg + "/__init__.py");
    if (marker == null) {
      throw new IllegalStateException(
          "the venvmux worker ("
              + pkg
              + "/__init__.py) is missing from the classpath; is the venvmux-runtime jar complete?");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        return readFromJar(uri);
      }
      return readTree(Path.of(uri).getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the venvmux worker from " + marker, e);
    }
  }

  private static Map<String, byte[]> readFromJar(URI uri) throws IOException {
    FileSystem fs;
    boolean opened = false;
    try {
      fs = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      fs = FileSystems.getFileSystem(uri);
    }
    try {
      return readTree(fs.provider().getPath(uri).getParent());
    } finally {
      if (opened) {
        fs.close();
      }
    }
  }

  private static Map<String, byte[]> readTree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (Files.isRegularFile(p) && rel.endsWith(".py") && !rel.contains("__pycache__")) {
          try (InputStream in = Files.newInputStream(p)) {
            files.put(rel, in.readAllBytes());
          }
        }
      }
    }
    return files;
  }

  static String contentHash(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(f.getValue());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
