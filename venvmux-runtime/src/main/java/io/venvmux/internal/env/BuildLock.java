package io.venvmux.internal.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that makes one build of an env happen once: a {@link FileLock} on {@code
 * <home>/envs/<hash>.lock} keeps other JVMs out, and since such locks belong to the whole JVM, an
 * in-JVM lock per file keeps this JVM's other threads out. The OS drops the file lock when a
 * process dies, so a killed build never blocks the next one.
 */
public final class BuildLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BuildLock.class);
  private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private BuildLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Waits for the lock, logging once at INFO when someone else holds it. */
  static BuildLock acquire(Path lockFile, String what) throws InterruptedException {
    Path key;
    try {
      key = key(lockFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    if (threadLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("this thread already holds " + key);
    }
    if (!threadLock.tryLock()) {
      LOG.info("waiting: another thread of this JVM is building {}", what);
      threadLock.lockInterruptibly();
    }
    try {
      while (true) {
        FileChannel ch = open(key);
        Object identity = identity(key);
        try {
          FileLock fl = ch.tryLock();
          if (fl == null) {
            LOG.info("waiting: another process is building {} (lock {})", what, key);
            fl = ch.lock();
          }
          // the lock file may have been removed and recreated while we waited: lock the current one
          if (identity != null && identity.equals(identity(key))) {
            return new BuildLock(threadLock, ch, fl);
          }
          fl.release();
          ch.close();
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
      }
    } catch (IOException e) {
      threadLock.unlock();
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for " + key);
      }
      throw new UncheckedIOException("cannot lock " + key, e);
    } catch (RuntimeException e) {
      threadLock.unlock();
      throw e;
    }
  }

  /** The lock if nobody holds it now (used by maintenance, which never waits for a build). */
  public static Optional<BuildLock> tryAcquire(Path lockFile) {
    Path key;
    try {
      key = key(lockFile);
    } catch (IOException e) {
      return Optional.empty();
    }
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    if (threadLock.isHeldByCurrentThread() || !threadLock.tryLock()) {
      return Optional.empty();
    }
    try {
      FileChannel ch = open(key);
      FileLock fl = ch.tryLock();
      if (fl == null) {
        ch.close();
        threadLock.unlock();
        return Optional.empty();
      }
      return Optional.of(new BuildLock(threadLock, ch, fl));
    } catch (IOException | RuntimeException e) {
      threadLock.unlock();
      return Optional.empty();
    }
  }

  /**
   * The lock file by its real folder: file locks belong to the file, so two spellings of one home
   * (a symlink) must share the in-JVM lock too, or the second one's file lock would throw
   * OverlappingFileLockException instead of waiting.
   */
  private static Path key(Path lockFile) throws IOException {
    Path absolute = lockFile.toAbsolutePath();
    Path folder = absolute.getParent();
    if (!Files.isDirectory(folder)) { // createDirectories refuses a folder that is itself a symlink
      PrivateFiles.createFolders(folder, folder);
    }
    return folder.toRealPath().resolve(absolute.getFileName());
  }

  private static FileChannel open(Path key) throws IOException {
    if (!Files.isDirectory(key.getParent())) {
      PrivateFiles.createFolders(key.getParent(), key.getParent());
    }
    return FileChannel.open(
        key,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
        PrivateFiles.fileAttributes());
  }

  private static Object identity(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return Objects.requireNonNullElse(a.fileKey(), "exists");
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      fileLock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      threadLock.unlock();
    }
  }
}
