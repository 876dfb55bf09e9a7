package io.venvmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.internal.codec.WireMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python generators stream to Java item by item, with credit, cancel, errors and crashes. */
class StreamsTest {
  /** The generators, shared with the worker's own tests. */
  static final String STREAM_MOD = "stream_mod";

  static final Path WORKER_FIXTURES = Path.of("../python-worker/tests/fixtures").toAbsolutePath();

  private static Pool pool;
  private static VenvHandle env;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    pool = TestEnvs.pool().env("s", spec().workers(1).build(), STREAM_MOD).build();
    env = TestEnvs.started(pool, "s");
  }

  static EnvSpec.Builder spec() {
    return TestEnvs.spec().workerPaths(WORKER_FIXTURES);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Test
  void itemsArriveInOrderThroughManyCreditWindows() {
    try (Stream<Object> items = env.stream("count", Map.of("n", 2000))) {
      assertThat(items.toList())
          .containsExactlyElementsOf(
              LongStream.range(0, 2000).boxed().map(Long::intValue).toList());
    }
    try (Stream<Object> items = env.stream("acount", Map.of("n", 700))) {
      assertThat(items.count()).isEqualTo(700);
    }
  }

  @Test
  void theFirstItemArrivesWhileTheGeneratorStillRuns() {
    Path finished = tmp.resolve("finished");
    try (Stream<String> items =
        env.stream("slow_pair", Map.of("marker", finished.toString()), String.class)) {
      Iterator<String> it = items.iterator();
      assertThat(it.next()).isEqualTo("first");
      // the generator sleeps 2 s before its second yield, and writes the marker after it
      assertThat(finished).doesNotExist();
      assertThat(it.next()).isEqualTo("second");
      assertThat(it.hasNext()).isFalse();
    }
    assertThat(finished).exists();
  }

  @Test
  void limitOnAnInfiniteGeneratorClosesIt() {
    try (Stream<Long> items = env.stream("forever", Map.of(), Long.class)) {
      assertThat(items.limit(5).toList()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
    assertThat(env.call("closed", Map.of())).asList().contains("forever");
  }

  @Test
  void anErrorComesAfterTheItemsYieldedBeforeIt() {
    assertErrorComesAfterItsItems(env);
    assertThat(env.call("pid", Map.of())).isNotNull();
  }

  /** fails_after(3) streams 0, 1, 2, then its error (shared with the Ray-backed envs' test). */
  static void assertErrorComesAfterItsItems(VenvHandle env) {
    List<Object> seen = new ArrayList<>();
    try (Stream<Object> items = env.stream("fails_after", Map.of("n", 3))) {
      assertThatThrownBy(() -> items.forEach(seen::add))
          .isInstanceOf(RemoteException.class)
          .hasMessageContaining("boom after 3");
    }
    assertThat(seen).containsExactly(0, 1, 2);
  }

  @Test
  void itemsDecodeLikeResults() {
    record Dated(String name, java.time.LocalDateTime when) {}
    try (Stream<Dated> items = env.stream("dated", Map.of("n", 2), Dated.class)) {
      assertThat(items.map(Dated::when).map(java.time.LocalDateTime::getDayOfMonth).toList())
          .containsExactly(1, 2);
    }
    try (Stream<List<Long>> items =
        env.stream("count", Map.of("n", 0), new TypeReference<List<Long>>() {})) {
      assertThat(items.toList()).isEmpty();
    }
  }

  @Test
  void aGeneratorCalledPlainlyIsStillMaterialized() {
    assertThat(env.call("count", Map.of("n", 3))).isEqualTo(List.of(0, 1, 2));
  }

  @Test
  void aWaitLongerThanTheTimeoutClosesTheStream() throws Exception {
    Path closed = tmp.resolve("closed");
    JavaType object = WireMapper.mapper().constructType(Object.class);
    try (Stream<Object> items =
        env.stream(
            "sleepy",
            List.of(),
            Map.of("seconds", 3, "marker", closed.toString()),
            object,
            Duration.ofMillis(300))) {
      Iterator<Object> it = items.iterator();
      assertThat(it.next()).isEqualTo(1);
      assertThatThrownBy(it::next).isInstanceOf(CallTimeoutException.class);
    }
    assertThat(env.call("pid", Map.of())).isNotNull(); // waits for the generator to close
    assertThat(closed).exists();
  }

  @Test
  void aCrashMidStreamEndsItWithWorkerCrashed() {
    List<Object> seen = new ArrayList<>();
    try (Pool own = TestEnvs.pool().env("c", spec().build(), STREAM_MOD).build();
        Stream<Object> items = own.venv("c").stream("crashes_after", Map.of("n", 2))) {
      assertThatThrownBy(() -> items.forEach(seen::add)).isInstanceOf(WorkerCrashedException.class);
    }
    assertThat(seen).containsExactly(0, 1);
  }

  @Test
  void closingThePoolClosesAnOpenGenerator() throws Exception {
    Path closed = tmp.resolve("closed");
    Pool own = TestEnvs.pool().env("c", spec().build(), STREAM_MOD).build();
    Stream<Object> items = own.venv("c").stream("forever", Map.of("marker", closed.toString()));
    Iterator<Object> it = items.iterator();
    assertThat(it.next()).isEqualTo(0);
    own.close();
    assertThat(closed).exists();
    assertThatThrownBy(() -> it.forEachRemaining(x -> {})).isInstanceOf(CallException.class);
  }

  @Test
  void aMillionItemsStreamThroughASmallHeap() throws Exception {
    Path out = tmp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dvenvmux.test.python=" + TestEnvs.python(),
                "-Dvenvmux.test.home=" + TestEnvs.home(),
                StreamMillionMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    int code = child.waitFor();
    String log = Files.readString(out);
    assertThat(code).as(log).isZero();
    assertThat(log).contains("items 1000000 sum 499999500000");
  }
}
