package io.venvmux.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lock per lock file, however its path is spelled. */
class BuildLockTest {
  @TempDir Path dir;

  @Test
  void aSymlinkedHomeSharesTheLockWithTheRealOne() throws Exception {
    Path realHome = Files.createDirectory(dir.resolve("home"));
    Path linkedHome = Files.createSymbolicLink(dir.resolve("linked-home"), realHome);
    Path viaReal = realHome.resolve("envs").resolve("0123456789abcdef.lock");
    Path viaLink = linkedHome.resolve("envs").resolve("0123456789abcdef.lock");
    ExecutorService threads = Executors.newSingleThreadExecutor();
    AtomicBoolean firstReleased = new AtomicBoolean();
    AtomicReference<Thread> waiter = new AtomicReference<>();
    try {
      BuildLock first = BuildLock.acquire(viaReal, "env via its real path");
      Future<Boolean> second;
      try {
        assertThat(BuildLock.tryAcquire(viaLink)).isEmpty();
        second =
            threads.submit(
                () -> {
                  waiter.set(Thread.currentThread());
                  try (BuildLock held = BuildLock.acquire(viaLink, "env via the symlink")) {
                    return firstReleased.get();
                  }
                });
        awaitBlockedOrDone(waiter, second);
        firstReleased.set(true);
      } finally {
        first.close();
      }
      assertThat(second.get(30, TimeUnit.SECONDS))
          .as("the second got the lock only once the first let go")
          .isTrue();
    } finally {
      threads.shutdownNow();
    }
  }

  /** Until the thread waits for the lock (or has already finished, as a failure would). */
  private static void awaitBlockedOrDone(AtomicReference<Thread> thread, Future<?> task)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!task.isDone() && System.nanoTime() < deadline) {
      Thread t = thread.get();
      if (t != null
          && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED)) {
        return;
      }
      Thread.sleep(5);
    }
  }
}
