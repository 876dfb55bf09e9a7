package io.venvmux.internal.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one folder whose files a worker's replies may name (spilled results, binary data). A path
 * anywhere else, or a link, is never read nor deleted: a reply cannot make the host open or remove
 * a file of its choosing.
 */
public final class SpillFolder {
  private static final Logger LOG = LoggerFactory.getLogger(SpillFolder.class);

  private final Path dir;

  public SpillFolder(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /**
   * The file a reply names, when it lies directly in this folder.
   *
   * @throws IOException when it does not
   */
  public Path inside(@Nullable String file) throws IOException {
    Path p = file == null ? null : Path.of(file);
    if (p == null
        || !p.isAbsolute()
        || !p.normalize().equals(p)
        || !dir.equals(p.getParent())
        || Files.isSymbolicLink(p)) {
      throw new IOException("the file " + file + " is not in the spill folder " + dir);
    }
    return p;
  }

  /**
   * Reads a file of this folder whole, straight into one array, then deletes it.
   *
   * @param expected the length the reply announced, or -1
   * @throws IOException when the file is outside the folder, unreadable, or not that long
   */
  public byte[] readAndDelete(@Nullable String file, long expected) throws IOException {
    Path p = inside(file);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      if (expected >= 0 && size != expected) {
        throw new IOException("the file " + p + " holds " + size + " bytes, not " + expected);
      }
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException("the file " + p + " is too big for one Java array: " + size);
      }
      byte[] data = new byte[(int) size];
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          throw new IOException("the file " + p + " ended early");
        }
      }
      return data;
    } finally {
      Files.deleteIfExists(p);
    }
  }

  /** Deletes a file a reply named that nobody reads; a path outside the folder is left alone. */
  public void delete(@Nullable String file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(inside(file));
    } catch (IOException e) {
      LOG.warn("cannot delete spill file {}: {}", file, e.toString());
    }
  }

  /** A new private file (0600, unpredictable name) in this folder. */
  public Path newFile(String prefix) throws IOException {
    Files.createDirectories(dir);
    return Files.createTempFile(dir, prefix, ".bin");
  }
}
