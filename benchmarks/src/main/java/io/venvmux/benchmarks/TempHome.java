package io.venvmux.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A venvmux home in a fresh temporary folder, deleted with everything in it on close. */
public final class TempHome implements AutoCloseable {
  private final Path dir;

  public TempHome() {
    try {
      dir = Files.createTempDirectory("venvmux-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
