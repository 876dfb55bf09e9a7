package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB bytes result and a 100 MB bytes argument round trip intact in a JVM of 448 MB heap (a
 * child JVM runs {@link #main}), and leave no file in the spill folder.
 */
class SmallHeapBinaryTest {
  static final int MB100 = 100 << 20;

  @Test
  void hundredMegabytesBothWaysInA448MegabyteHeap() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx448m",
                "-Dvenvmux.test.home=" + TestEnvs.home(),
                "-Dvenvmux.test.python=" + TestEnvs.python(),
                "-cp",
                System.getProperty("java.class.path"),
                SmallHeapBinaryTest.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("result intact", "argument intact", "no file left");
  }

  /** Runs in the child JVM; exits non-zero on any failure. */
  public static void main(String[] args) throws Exception {
    try (Pool pool =
        TestEnvs.pool().env("b", TestEnvs.spec().workers(1).build(), "vmx_binary").build()) {
      VenvHandle env = TestEnvs.started(pool, "b");
      byte[] expected = BinaryDataTest.pattern(MB100);
      byte[] got = (byte[]) env.call("blob", Map.of("n", MB100));
      check(Arrays.equals(got, expected), "result intact");
      got = null;
      check(
          env.call("blob_ok", Map.of("data", expected)).equals(List.of(MB100, true)),
          "argument intact");
      try (Stream<Path> files = Files.list(BinaryDataTest.spillDir(env))) {
        check(files.findAny().isEmpty(), "no file left");
      }
    }
    System.exit(0);
  }

  private static void check(boolean ok, String what) {
    System.out.println((ok ? "" : "NOT ") + what);
    if (!ok) {
      System.exit(1);
    }
  }
}
