package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big bytes cross as raw files of the pool's spill folder, both ways, with real workers; no file is
 * left behind; a reply cannot make the host read or delete a file elsewhere; an oversized reply
 * line fails its own call only.
 */
class BinaryDataTest {
  static final int BIG = 3 << 20;
  static Pool pool;
  static VenvHandle env;

  @BeforeAll
  static void start() {
    pool =
        TestEnvs.pool()
            .maxReplyLineBytes(1 << 20)
            .env("b", TestEnvs.spec().workers(1).build(), "vmx_binary")
            .build();
    env = TestEnvs.started(pool, "b");
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** The spill folder the env's worker was started with. */
  static Path spillDir(VenvHandle h) {
    long pid = TestEnvs.workerPids(h).get(0);
    List<String> args =
        List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
    return Path.of(args.get(args.indexOf("--spill-dir") + 1));
  }

  static void assertNoFileLeft(VenvHandle h) throws Exception {
    try (Stream<Path> files = Files.list(spillDir(h))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void bigBytesResultsArriveIntactUntypedAndTyped() throws Exception {
    assertThat((byte[]) env.call("blob", Map.of("n", BIG))).isEqualTo(pattern(BIG));
    assertThat(env.call("blob", Map.of("n", BIG), byte[].class)).isEqualTo(pattern(BIG));
    assertThat((byte[]) env.call("blob", Map.of("n", 10))).isEqualTo(pattern(10));
    assertNoFileLeft(env);
  }

  @Test
  void bigBytesArgumentsArriveAsBytes() throws Exception {
    assertThat(env.call("blob_ok", Map.of("data", pattern(BIG)))).isEqualTo(List.of(BIG, true));
    assertThat(env.call("kind", Map.of("data", pattern(BIG)))).isEqualTo(List.of("bytes", BIG));
    assertThat(env.call("kind", Map.of("data", Map.of("nested", List.of(pattern(BIG))))))
        .isEqualTo(List.of("dict", 1));
    assertThat((byte[]) env.call("echo", Map.of("data", pattern(BIG)))).isEqualTo(pattern(BIG));
    assertNoFileLeft(env);
  }

  @Test
  void aMarkerNamingAFileOutsideTheSpillFolderIsRefusedAndTheFileKept(@TempDir Path dir)
      throws Exception {
    Path secret = Files.write(dir.resolve("secret"), new byte[] {1, 2, 3});
    Path dotted = spillDir(env).resolve("..").resolve(dir.getFileName()).resolve("secret");
    for (Path p : List.of(secret, dotted)) {
      InvalidJsonException untyped =
          assertThrows(
              InvalidJsonException.class, () -> env.call("forged", Map.of("path", p.toString())));
      assertThat(untyped).hasMessageContaining("not in the spill folder");
      assertThrows(
          InvalidJsonException.class,
          () -> env.call("forged", Map.of("path", p.toString()), byte[].class));
      // the worker refuses such an argument the same way
      Map<String, Object> marker = Map.of("__bytes__", true, "file", p.toString(), "len", 3);
      assertThat(
              assertThrows(
                  BadArgumentsException.class, () -> env.call("echo", Map.of("data", marker))))
          .hasMessageContaining("not in the spill folder");
    }
    assertThat(secret).exists().hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(env.call("blob_ok", Map.of("data", pattern(5)))).isEqualTo(List.of(5, true));
  }

  @Test
  void aReplyLinePastTheLimitFailsItsCallAndTheWorkerServesOn() {
    long pid = TestEnvs.workerPids(env).get(0);
    InvalidJsonException e =
        assertThrows(
            InvalidJsonException.class,
            () -> env.call("echo", Map.of("data", "x".repeat(2 << 20))));
    assertThat(e).hasMessageContaining("maxReplyLineBytes").hasMessageContaining("fn 'echo'");
    assertThat(env.call("echo", Map.of("data", "small"))).isEqualTo("small");
    assertThat(TestEnvs.workerPids(env)).containsExactly(pid);
  }
}
