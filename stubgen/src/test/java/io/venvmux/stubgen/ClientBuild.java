package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A user's build, end to end: stubgen writes the client sources of a fixture module, a driver
 * written against them is added, javac compiles both with the venvmux processor, and the driver
 * runs against a pool whose env serves the module in real workers.
 */
final class ClientBuild implements AutoCloseable {
  final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  final URLClassLoader loader;
  final Pool pool;

  private ClientBuild(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, URLClassLoader loader, Pool pool) {
    this.diagnostics = diagnostics;
    this.loader = loader;
    this.pool = pool;
  }

  /**
   * @param driver a resource {@code /driver/<driver>.java} in package com.example.gen implementing
   *     {@code Function<Pool, Map<String, String>>}
   */
  static ClientBuild of(Path work, String module, String driver, String... options)
      throws IOException {
    Path src = work.resolve("src");
    assertThat(StubGen.run(Fixtures.cliArgsFor(module, src, options))).isZero();
    try (InputStream in = ClientBuild.class.getResourceAsStream("/driver/" + driver + ".java")) {
      Files.write(src.resolve("com/example/gen/" + driver + ".java"), in.readAllBytes());
    }
    Path classes = work.resolve("classes");
    List<Diagnostic<? extends JavaFileObject>> diagnostics = Javac.compile(src, classes);
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClientBuild.class.getClassLoader());
    Pool pool =
        Pool.builder().home(Fixtures.home()).env("stubfix", Fixtures.spec(), module).build();
    return new ClientBuild(diagnostics, loader, pool);
  }

  /** Runs the driver class; returns what it reports. */
  @SuppressWarnings("unchecked")
  Map<String, String> run(String driver) throws ReflectiveOperationException {
    Object instance = loader.loadClass("com.example.gen." + driver).getConstructor().newInstance();
    return ((Function<Pool, Map<String, String>>) instance).apply(pool);
  }

  @Override
  public void close() throws IOException {
    pool.close();
    loader.close();
  }
}
