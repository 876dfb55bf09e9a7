package io.venvmux.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import javax.tools.JavaFileObject;

/** Test sources and their compilation with the processor. */
final class Sources {
  private Sources() {}

  /**
   * A source file {@code test/<Name>.java} in package {@code test}, imports of the usual types
   * added.
   */
  static JavaFileObject source(String simpleName, String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] =
        "package test; import io.venvmux.annotations.*; import java.util.*; import"
            + " java.util.concurrent.*; import java.time.*; import java.math.*; import"
            + " java.nio.file.Path; import com.fasterxml.jackson.databind.JsonNode;";
    System.arraycopy(lines, 0, all, 1, lines.length);
    return JavaFileObjects.forSourceLines("test." + simpleName, Arrays.asList(all));
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new VenvModuleProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(sources);
  }
}
