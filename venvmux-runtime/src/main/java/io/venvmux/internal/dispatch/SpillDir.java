package io.venvmux.internal.dispatch;

import io.venvmux.internal.codec.SpillFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A pool's private spill folder (0700, unpredictable name) for payloads and results too large for a
 * pipe line; its files are 0600 with unpredictable names. Created on first use, removed on close.
 */
final class SpillDir {
  private @Nullable Path dir;
  private @Nullable SpillFolder folder;
  private boolean closed;

  /** The folder, created on first use. */
  synchronized Path dir() {
    if (closed) {
      throw new IllegalStateException("the pool is closed");
    }
    if (dir == null) {
      try {
        // createTempDirectory and createTempFile make 0700 / 0600 entries with random names on
        // POSIX.
        dir = Files.createTempDirectory("venvmux-spill-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a spill folder", e);
      }
    }
    return dir;
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
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the spill folder " + dir, e);
    }
  }
}
