package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSourcesTest {
  @Test
  void extractsTheWorkerOnceIntoAContentAddressedFolder(@TempDir Path home) throws Exception {
    List<CompletableFuture<Path>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(
          CompletableFuture.supplyAsync(
              () -> WorkerSources.extract(home, WorkerSources.class.getClassLoader())));
    }
    Path dir = racing.get(0).join();
    for (CompletableFuture<Path> f : racing) {
      assertThat(f.join()).isEqualTo(dir);
    }
    assertThat(dir.getParent()).isEqualTo(home.resolve("worker"));
    assertThat(dir.resolve("venvmux_worker/__init__.py")).isRegularFile();
    assertThat(dir.resolve("venvmux_worker/__main__.py")).isRegularFile();
    try (Stream<Path> s = Files.list(home.resolve("worker"))) {
      assertThat(s.collect(Collectors.toList())).containsExactly(dir); // no temp folder left
    }
  }

  @Test
  void aLaterRunOnTheSameJarFindsItsExtractionAndAChangedJarIsExtractedAgain(@TempDir Path tmp)
      throws Exception {
    Path jar = tmp.resolve("w.jar");
    Path home = tmp.resolve("home");
    writeJar(jar, "# one\n");
    Path first;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      first = WorkerSources.extract(home, loader);
    }
    try (Stream<Path> s = Files.list(home.resolve("worker").resolve(".jars"))) {
      assertThat(s.collect(Collectors.toList()))
          .hasSize(1); // the jar's stamp, pointing at its extraction
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(WorkerSources.extract(home, loader)).isEqualTo(first);
    }

    writeJar(jar, "# two, longer\n");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Path second = WorkerSources.extract(home, loader);
      assertThat(second).isNotEqualTo(first);
      assertThat(second.resolve("venvmux_worker/__init__.py")).hasContent("# two, longer");
    }
  }

  private static void writeJar(Path jar, String init) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("venvmux_worker/__init__.py"));
      out.write(init.getBytes());
      out.closeEntry();
    }
  }

  @Test
  void readsThePackageFromAJar(@TempDir Path tmp) throws Exception {
    Path jar = tmp.resolve("w.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("venvmux_worker/__init__.py", "venvmux_worker/sub/x.py")) {
        out.putNextEntry(new JarEntry(name));
        out.write(("# " + name + "\n").getBytes());
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Map<String, byte[]> files = WorkerSources.readPackage(loader);
      assertThat(files).containsOnlyKeys("__init__.py", "sub/x.py");
      Path dir = WorkerSources.extract(tmp.resolve("home"), loader);
      assertThat(dir.resolve("venvmux_worker/sub/x.py")).hasContent("# venvmux_worker/sub/x.py");
    }
  }
}
