package io.venvmux.internal.env;

import io.venvmux.internal.process.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installer processes a build started, in {@code <home>/envs/<hash>.pids} ("pid start-millis"
 * per line) until the build ends. When a JVM dies mid-build its installer may live on and keep
 * writing into the env folder; the next build of that env reads this file, kills what is still
 * running (the start time guards against a reused pid), and only then clears the folder.
 */
final class InstallerPids {
  private static final Logger LOG = LoggerFactory.getLogger(InstallerPids.class);

  private final Path file;

  InstallerPids(Path file) {
    this.file = file;
  }

  void record(ProcessHandle process) {
    long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    try {
      PrivateFiles.append(file, process.pid() + " " + start + "\n");
    } catch (IOException e) {
      LOG.debug("cannot record installer pid {} in {}: {}", process.pid(), file, e.toString());
    }
  }

  /** Kills the recorded installers that still run (with their children), then forgets them. */
  void killLeftovers() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      lines = List.of();
    }
    for (String line : lines) {
      String[] parts = line.strip().split(" ");
      if (parts.length != 2) {
        continue;
      }
      try {
        long pid = Long.parseLong(parts[0]);
        long start = Long.parseLong(parts[1]);
        Optional<ProcessHandle> p =
            ProcessHandle.of(pid)
                .filter(
                    h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-2L) == start);
        if (p.isPresent() && p.get().isAlive()) {
          LOG.info("killing installer pid {} left running by a build that did not finish", pid);
          ProcessTree.kill(p.get());
          p.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (NumberFormatException
          | java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException e) {
        // a malformed line, or a process that would not die in time: nothing more to do
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    clear();
  }

  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // stays; the next build reads it and finds nothing alive
    }
  }
}
