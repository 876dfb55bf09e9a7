package io.venvmux.internal.env;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders 0700 and files 0600 under a venvmux home (docs/reliability.md, private files), whoever
 * creates them first: the build lock creates {@code envs/} before the store does, and the umask
 * (often 022) would otherwise leave them readable by everyone. On a file system without POSIX
 * permissions (Windows) the user's profile folder is private already, and nothing is set.
 */
final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /**
   * Creates {@code dir} and its missing parents up to and including {@code top}, each 0700; parents
   * above {@code top} (the home and beyond) are created as usual.
   */
  static void createFolders(Path dir, Path top) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (!dir.equals(top) && dir.getParent() != null) {
      createFolders(dir.getParent(), top);
    } else if (dir.getParent() != null) {
      Files.createDirectories(dir.getParent());
    }
    try {
      Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return; // another thread or process was first, and set the mode
    }
    if (POSIX) {
      Files.setPosixFilePermissions(dir, FOLDER); // explicit: the umask applies at creation
    }
  }

  /** What {@code Files.createFile}, {@code FileChannel.open(.., CREATE)} take: 0600 at birth. */
  static FileAttribute<?>[] fileAttributes() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
  }

  /**
   * Appends {@code text} to {@code file}, creating it 0600 (one small write: appends from several
   * JVMs stay whole lines).
   */
  static void append(Path file, String text) throws IOException {
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            fileAttributes())) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];
}
