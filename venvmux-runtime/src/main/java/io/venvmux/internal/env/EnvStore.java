package io.venvmux.internal.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder {@code <home>/envs}: one folder per env hash, its {@code <hash>.lock} beside it, a
 * last-used mark inside, and {@code build-history.log} with one line per finished build.
 */
public final class EnvStore {
  /** Touched on every resolve of a cached env; its modification time is the env's last use. */
  public static final String LAST_USED = "venvmux-last-used";

  public static final String HISTORY = "build-history.log";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + EnvHash.LENGTH + "}");

  private final Path envs;

  public EnvStore(Path home) {
    this.envs = home.toAbsolutePath().resolve("envs");
  }

  public Path root() {
    return envs;
  }

  public Path envDir(String hash) {
    return envs.resolve(requireHash(hash));
  }

  public Path lockFile(String hash) {
    return envs.resolve(requireHash(hash) + ".lock");
  }

  /** The running build's installer pids (see {@link InstallerPids}). */
  Path pidsFile(String hash) {
    return envs.resolve(requireHash(hash) + ".pids");
  }

  /** Whether a string is shaped like an env hash (guards removal against arbitrary paths). */
  public static boolean isHash(String s) {
    return HASH.matcher(s).matches();
  }

  /** A built env has its manifest; without it the folder is an unfinished build. */
  public boolean isComplete(String hash) {
    return Files.isRegularFile(envDir(hash).resolve(EnvManifest.FILE_NAME));
  }

  /** The hashes of every env folder, complete or not, sorted. */
  public List<String> hashes() {
    if (!Files.isDirectory(envs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(envs)) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(EnvStore::isHash)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates {@code <home>/envs}, private to the user where the file system allows it. */
  void createRoot() throws IOException {
    PrivateFiles.createFolders(envs, envs);
  }

  /** Creates an env's folder (and {@code envs/}) private, before the installer fills it. */
  void createEnvDir(String hash) throws IOException {
    PrivateFiles.createFolders(envDir(hash), envs);
  }

  void markUsed(String hash) {
    Path mark = envDir(hash).resolve(LAST_USED);
    try {
      Files.setLastModifiedTime(mark, FileTime.from(Instant.now()));
    } catch (NoSuchFileException e) {
      try {
        Files.createFile(mark, PrivateFiles.fileAttributes());
      } catch (IOException ignored) {
        // a read-only home: last use is just not tracked
      }
    } catch (IOException e) {
      // as above
    }
  }

  /** When the env was last resolved (or built), if known. */
  public Optional<Instant> lastUsed(String hash) {
    for (String name : List.of(LAST_USED, EnvManifest.FILE_NAME)) {
      try {
        return Optional.of(Files.getLastModifiedTime(envDir(hash).resolve(name)).toInstant());
      } catch (IOException e) {
        // try the next
      }
    }
    return Optional.empty();
  }

  /** Bytes on disk under the env folder (links not followed). */
  public long sizeOnDisk(String hash) {
    AtomicLong total = new AtomicLong();
    try {
      Files.walkFileTree(
          envDir(hash),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              total.addAndGet(attrs.size());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // what was counted stands
    }
    return total.get();
  }

  /**
   * Removes an env when no build holds its lock: the manifest first (so the folder reads as
   * unfinished at once), then the rest. False when a build is running on it.
   */
  public boolean removeIfIdle(String hash) {
    return removeIfIdle(hash, h -> true);
  }

  /**
   * As {@link #removeIfIdle(String)}, when {@code stillRemovable} holds once the lock is taken:
   * what the caller saw before may have changed meanwhile (a build finished), and only the lock
   * makes it stay as seen.
   */
  public boolean removeIfIdle(String hash, Predicate<String> stillRemovable) {
    Optional<BuildLock> lock = BuildLock.tryAcquire(lockFile(hash));
    if (lock.isEmpty()) {
      return false;
    }
    try (BuildLock held = lock.get()) {
      if (!stillRemovable.test(hash)) {
        return false;
      }
      new InstallerPids(pidsFile(hash)).killLeftovers();
      deleteTree(envDir(hash));
      deleteLockFile(hash);
      return true;
    }
  }

  /**
   * Lock files whose env folder is gone (a failed or removed build), and that nobody holds, are
   * deleted.
   */
  public void removeOrphanLocks() {
    if (!Files.isDirectory(envs)) {
      return;
    }
    List<String> orphans;
    try (Stream<Path> s = Files.list(envs)) {
      orphans =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".lock"))
              .map(n -> n.substring(0, n.length() - ".lock".length()))
              .filter(h -> isHash(h) && !Files.exists(envs.resolve(h)))
              .toList();
    } catch (IOException e) {
      return;
    }
    for (String hash : orphans) {
      BuildLock.tryAcquire(lockFile(hash))
          .ifPresent(
              held -> {
                try (held) {
                  deleteLockFile(hash);
                }
              });
    }
  }

  /**
   * Deleted while held: a waiter on the old file notices it is gone and locks the new one (see
   * BuildLock).
   */
  private void deleteLockFile(String hash) {
    try {
      Files.deleteIfExists(lockFile(hash));
    } catch (IOException e) {
      // Windows keeps open files: the empty lock file just stays
    }
  }

  /**
   * Appends one line to the build history (a small append is atomic, so JVMs can share the file).
   */
  void recordBuild(String line) {
    try {
      PrivateFiles.append(envs.resolve(HISTORY), line + System.lineSeparator());
    } catch (IOException e) {
      // the history is informative only
    }
  }

  /** Deletes a folder tree, its manifest first; a missing folder is fine. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(EnvManifest.FILE_NAME));
      List<IOException> failures = new ArrayList<>();
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              delete(file, failures);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              delete(file, failures);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) {
              delete(d, failures);
              return FileVisitResult.CONTINUE;
            }
          });
      if (!failures.isEmpty()) {
        throw new UncheckedIOException("could not delete all of " + dir, failures.get(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }

  private static void delete(Path p, List<IOException> failures) {
    try {
      Files.deleteIfExists(p);
    } catch (AccessDeniedException e) {
      // read-only files (Windows): make writable and retry once
      p.toFile().setWritable(true);
      try {
        Files.deleteIfExists(p);
      } catch (IOException again) {
        failures.add(again);
      }
    } catch (DirectoryNotEmptyException e) {
      failures.add(e);
    } catch (IOException e) {
      failures.add(e);
    }
  }

  private static String requireHash(String hash) {
    if (!isHash(hash)) {
      throw new IllegalArgumentException(
          "not an env hash: '" + hash + "' (expected " + EnvHash.LENGTH + " hex digits)");
    }
    return hash;
  }
}
