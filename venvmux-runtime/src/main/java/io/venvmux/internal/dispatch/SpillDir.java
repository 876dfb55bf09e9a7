package io.venvmux.internal.dispatch;

import io.venvmux.internal.codec.SpillFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A pool's private spill folder (0700, unpredictable name) for payloads and results too large for a
 * pipe line; its files are 0600 with unpredictable names. Created on first use, removed on close.
 *
 * <p>Its name carries the JVM's pid ({@code venvmux-spill-<pid>-<random>}): a JVM killed before it
 * could close its pools leaves its folder behind, and the next spill folder made in the same temp
 * folder sweeps the folders whose JVM is gone.
 */
final class SpillDir {
  static final String PREFIX = "venvmux-spill-";
  private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.+");

  private final Path parent;
  private @Nullable Path dir;
  private @Nullable SpillFolder folder;
  private boolean closed;

  SpillDir() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** A spill folder made in {@code parent} (tests use their own). */
  SpillDir(Path parent) {
    this.parent = parent;
  }

  /** The folder, created on first use. */
  synchronized Path dir() {
    if (closed) {
      throw new IllegalStateException("the pool is closed");
    }
    if (dir == null) {
      try {
        // createTempDirectory and createTempFile make 0700 / 0600 entries with random names on
        // POSIX.
        sweepLeftovers(parent);
        dir = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a spill folder", e);
      }
    }
    return dir;
  }

  /** Removes the spill folders whose JVM no longer runs from this folder's parent. */
  void sweepLeftovers() {
    sweepLeftovers(parent);
  }

  /**
   * Removes the spill folders in {@code parent} whose JVM no longer runs. Best effort: a folder of
   * another user, or one that vanishes meanwhile, is left to its owner.
   */
  static void sweepLeftovers(Path parent) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path p : entries) {
        Matcher m = OWNED.matcher(p.getFileName().toString());
        if (m.matches() && !running(Long.parseLong(m.group(1))) && Files.isDirectory(p)) {
          try {
            deleteTree(p);
          } catch (IOException | UncheckedIOException e) {
            // not ours, or going away by itself
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // an unreadable temp folder: nothing to sweep
    }
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The folder as the wire's readers and writers of files see it. */
  synchronized SpillFolder folder() {
    if (folder == null) {
      folder = new SpillFolder(dir());
    }
    return folder;
  }

  /** Writes a payload to a new private file and returns its absolute path. */
  Path write(byte[] content) throws IOException {
    Path f = Files.createTempFile(dir(), "payload-", ".json");
    Files.write(f, content);
    return f.toAbsolutePath();
  }

  /** Removes the folder and anything left in it. */
  synchronized void close() {
    closed = true;
    if (dir == null) {
      return;
    }
    try {
      deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the spill folder " + dir, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
