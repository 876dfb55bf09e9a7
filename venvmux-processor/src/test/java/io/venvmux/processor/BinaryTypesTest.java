package io.venvmux.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.venvmux.processor.Sources.compile;
import static io.venvmux.processor.Sources.source;

import org.junit.jupiter.api.Test;

/** Binary data types cross in typed interfaces: primitive arrays and {@code NdArray}. */
class BinaryTypesTest {
  @Test
  void primitiveArraysAndNdArraysAreAccepted() {
    assertThat(
            compile(
                source(
                    "Api",
                    "@VenvModule(\"pkg.entry\") public interface Api {",
                    "  double[] ramp(int n);",
                    "  io.venvmux.NdArray grid(io.venvmux.NdArray values, float[] f, long[] l,"
                        + " int[] i, byte[] b);",
                    "  List<io.venvmux.NdArray> many(Map<String, double[]> byName);",
                    "}")))
        .succeededWithoutWarnings();
  }
}
