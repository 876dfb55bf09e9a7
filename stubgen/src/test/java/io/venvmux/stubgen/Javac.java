package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a source tree the way a user's build would: javac with the venvmux processor. */
final class Javac {
  private Javac() {}

  /** Compiles every .java under {@code src} into {@code classes}; fails the test on any error. */
  static List<Diagnostic<? extends JavaFileObject>> compile(Path src, Path classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(src)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Files.createDirectories(classes);
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(collector, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-Xlint:all,-processing",
              "-classpath",
              System.getProperty("java.class.path"),
              "-processor",
              "io.venvmux.processor.VenvModuleProcessor",
              "-d",
              classes.toString());
      boolean ok =
          javac
              .getTask(
                  null, files, collector, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(ok).as("javac: %s", collector.getDiagnostics()).isTrue();
      return collector.getDiagnostics();
    }
  }

  /** The warnings among {@code diagnostics}. */
  static Stream<String> warnings(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .filter(
            d ->
                d.getKind() == Diagnostic.Kind.WARNING
                    || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getMessage(Locale.ROOT));
  }
}
