package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** numpy arrays to and from Java arrays and {@link NdArray}, in a real numpy env. */
class NumpyArraysTest {
  static final int N = 10_000_000; // 80 MB of float64
  static Pool pool;
  static VenvHandle env;

  @BeforeAll
  static void start() {
    pool =
        TestEnvs.pool()
            .env("np", TestEnvs.spec().packages("numpy>=2").workers(1).build(), "vmx_arrays")
            .build();
    env = TestEnvs.started(pool, "np");
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  static double[] ramp(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i / 2.0;
    }
    return d;
  }

  @Test
  void anEightyMegabyteFloat64ArrayArrivesAsDoubleArrayIntact() throws Exception {
    assertThat(env.call("ramp", Map.of("n", N), double[].class)).isEqualTo(ramp(N));
    NdArray untyped = (NdArray) env.call("ramp", Map.of("n", N));
    assertThat(untyped.dtype()).isEqualTo("<f8");
    assertThat(untyped.shape()).containsExactly(N);
    assertThat(untyped.toDoubleArray()).isEqualTo(ramp(N));
    assertThat(env.call("ramp", Map.of("n", 4), double[].class)).containsExactly(0, 0.5, 1, 1.5);
    BinaryDataTest.assertNoFileLeft(env);
  }

  @Test
  void aDoubleArrayArgumentArrivesAsAFloat64Ndarray() throws Exception {
    assertThat(env.call("check_ramp", Map.of("values", ramp(N))))
        .isEqualTo(List.of("ndarray", "<f8", List.of(N), true));
    assertThat(env.call("check_ramp", Map.of("values", ramp(5))))
        .isEqualTo(List.of("ndarray", "<f8", List.of(5), true));
    BinaryDataTest.assertNoFileLeft(env);
  }

  @Test
  void ndArraysKeepDtypeAndShapeBothWays() throws Exception {
    NdArray grid = env.call("grid", Map.of("rows", 1000, "cols", 100), NdArray.class);
    assertThat(grid.dtype()).isEqualTo("<i4");
    assertThat(grid.shape()).containsExactly(1000, 100);
    assertThat(grid.toIntArray()[12_345]).isEqualTo(12_345);
    NdArray small = env.call("grid", Map.of("rows", 2, "cols", 3), NdArray.class);
    assertThat(small.shape()).containsExactly(2, 3);
    assertThat(small.toLongArray()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(env.call("describe", Map.of("values", grid)))
        .isEqualTo(List.of("<i4", List.of(1000, 100), 4_999_950_000.0));
    assertThat(env.call("describe", Map.of("values", NdArray.of(1.5f, 2.5f))))
        .isEqualTo(List.of("<f4", List.of(2), 4.0));
    float[] floats = new float[100_000];
    floats[7] = 3.5f;
    float[] doubled = env.call("as_float32", Map.of("values", floats), float[].class);
    assertThat(doubled[7]).isEqualTo(7f);
    assertThat(env.call("describe", Map.of("values", new long[] {1, 2, 3})))
        .isEqualTo(List.of("<i8", List.of(3), 6.0));
    BinaryDataTest.assertNoFileLeft(env);
  }
}
