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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
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

  private static final Map<Path, Path> EXTRACTED = new ConcurrentHashMap<>();

  private WorkerSources() {}

  /** The folder to put on PYTHONPATH, extracting the package under {@code home} if needed. */
  public static Path pythonPathEntry(Path home) {
    return EXTRACTED.computeIfAbsent(
        home.toAbsolutePath(), h -> extract(h, WorkerSources.class.getClassLoader()));
  }

  /** Extracts the package as {@code loader} sees it; returns the folder holding it. */
  static Path extract(Path home, ClassLoader loader) {
    Map<String, byte[]> files = readPackage(loader);
    Path target = home.resolve("worker").resolve(contentHash(files));
    if (Files.isDirectory(target.resolve(PACKAGE))) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempDirectory(target.getParent(), ".extract-");
      try {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          Path out = tmp.resolve(PACKAGE).resolve(f.getKey());
          Files.createDirectories(out.getParent());
          Files.write(out, f.getValue());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Someone else extracted the same content first (the rename fails with "exists" or "not
        // empty"): theirs is complete and identical.
        if (!Files.isDirectory(target.resolve(PACKAGE))) {
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
    URL marker = loader.getResource(PACKAGE + "/__init__.py");
    if (marker == null) {
      throw new IllegalStateException(
          "the venvmux worker (" + PACKAGE + "/__init__.py) is missing from the classpath; is the venvmux-runtime jar complete?");
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
