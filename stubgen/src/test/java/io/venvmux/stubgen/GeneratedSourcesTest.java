package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Maven plugin's check reports: nothing when in sync, else each file and line. */
class GeneratedSourcesTest {
  @TempDir Path root;

  private static final String ENTRY =
      """
      package com.example;

      /**
       * Typed client (Python 3.12.1).
       */
      @Generated("io.venvmux.stubgen.StubGen")
      public interface Entry {
        long add(long a, long b);
      }
      """;

  private static GeneratedSources sources(String entry) {
    return new GeneratedSources(
        List.of(
            new GeneratedSources.Source("com/example/Entry.java", entry),
            new GeneratedSources.Source("com/example/Point.java", "record Point(long x) {}")));
  }

  @Test
  void writtenSourcesMatchThemselvesAndAnotherPythonPatchRelease() {
    sources(ENTRY).writeTo(root);
    assertThat(sources(ENTRY).differencesFrom(root)).isEmpty();
    assertThat(sources(ENTRY.replace("3.12.1", "3.12.4")).differencesFrom(root)).isEmpty();
    // indentation and blank lines, as a formatter changes them, are no drift
    assertThat(sources(ENTRY.replace("  long add", "\n    long add")).differencesFrom(root))
        .isEmpty();
  }

  @Test
  void aNewFunctionIsNamedWithItsLine() {
    sources(ENTRY).writeTo(root);
    String grown =
        ENTRY.replace(
            "  long add(long a, long b);", "  long add(long a, long b);\n  long count();");
    assertThat(sources(grown).differencesFrom(root))
        .containsExactly("com/example/Entry.java: differs\n    + long count();");
  }

  @Test
  void missingAndStaleFilesAreNamed() throws IOException {
    sources(ENTRY).writeTo(root);
    Files.delete(root.resolve("com/example/Point.java"));
    Files.writeString(
        root.resolve("com/example/Old.java"),
        "@Generated(\"io.venvmux.stubgen.StubGen\") record Old() {}");
    Files.writeString(root.resolve("com/example/Handwritten.java"), "class Handwritten {}");
    assertThat(sources(ENTRY).differencesFrom(root))
        .containsExactly(
            "com/example/Point.java: missing (the module now produces it)",
            "com/example/Old.java: no longer generated (its type is not used any more)");
  }
}
