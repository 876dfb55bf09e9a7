package io.venvmux.internal.wire;

import io.venvmux.InvalidJsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The one folder a worker may name files in: a reply's {@code result_file} is read and deleted only
 * when it is a regular file directly inside it. A worker that names any other path (a bug, or a
 * module that writes protocol lines of its own) could otherwise make the host read and delete a
 * file of its choosing.
 */
public final class SpillFolder {
  /** A worker given no spill folder: it may name no file at all. */
  public static final SpillFolder NONE = new SpillFolder(null);

  private final @Nullable Path dir;

  private SpillFolder(@Nullable Path dir) {
    this.dir = dir;
  }

  /** The folder {@code dir} (null: none). */
  public static SpillFolder of(@Nullable Path dir) {
    return dir == null ? NONE : new SpillFolder(dir.toAbsolutePath().normalize());
  }

  /**
   * The file a reply names, when the worker may name it.
   *
   * @param what names the call in the error, e.g. {@code fn 'compute' in env 'v1'}
   * @throws InvalidJsonException the path is outside the folder, a link, or not a regular file
   */
  public Path accept(String file, String what) {
    Path p = Path.of(file).toAbsolutePath().normalize();
    if (dir == null || !dir.equals(p.getParent())) {
      throw new InvalidJsonException(
          "the reply of "
              + what
              + " names the result file "
              + file
              + (dir == null
                  ? ", but its worker was given no spill folder"
                  : ", which is not in its spill folder " + dir)
              + "; it was neither read nor deleted");
    }
    // A missing file is left to the read, which says it cannot read it.
    if (Files.isSymbolicLink(p)
        || (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
            && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
      throw new InvalidJsonException(
          "the reply of " + what + " names the result file " + file + ", which is not a file");
    }
    return p;
  }

  /** Whether {@code file} may be deleted as a spill file nobody reads. */
  boolean contains(String file) {
    Path p = Path.of(file).toAbsolutePath().normalize();
    return dir != null && dir.equals(p.getParent());
  }

  /** Reads a spill file the folder accepts, then deletes it. */
  byte[] readAndDelete(String file, String what) throws IOException {
    Path p = accept(file, what);
    try {
      return Files.readAllBytes(p);
    } finally {
      Files.deleteIfExists(p);
    }
  }
}
