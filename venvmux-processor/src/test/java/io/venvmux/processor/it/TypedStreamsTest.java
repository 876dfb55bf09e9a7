package io.venvmux.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generated clients whose methods return Stream<Long> and Iterator<Long>, in real workers. */
class TypedStreamsTest {
  static final Path WORKER_FIXTURES = Path.of("../python-worker/tests/fixtures").toAbsolutePath();
  private static Pool pool;
  private static Generators generators;

  @BeforeAll
  static void start() {
    pool =
        TypedClientsTest.poolBuilder()
            .env(
                "streams",
                TypedClientsTest.spec().workerPaths(WORKER_FIXTURES).workers(1).build(),
                "stream_mod")
            .build();
    generators = pool.bind(Generators.class);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Test
  void streamOfLongFromSyncAndAsyncGenerators() {
    try (Stream<Long> items = generators.count(4)) {
      assertThat(items.toList()).containsExactly(0L, 1L, 2L, 3L);
    }
    try (Stream<Long> items = generators.acount(3)) {
      assertThat(items.mapToLong(Long::longValue).sum()).isEqualTo(3L);
    }
  }

  @Test
  void iteratorOfLongFromSyncAndAsyncGenerators() throws Exception {
    assertThat(drain(generators.countIterator(300))).hasSize(300).endsWith(299L);
    assertThat(drain(generators.acountIterator(3))).containsExactly(0L, 1L, 2L);
    Iterator<Long> early = generators.countIterator(1000);
    assertThat(early.next()).isZero();
    ((AutoCloseable) early).close(); // frees the worker for the next call
    assertThat(drain(generators.countIterator(2))).containsExactly(0L, 1L);
  }

  private static List<Long> drain(Iterator<Long> items) {
    List<Long> out = new ArrayList<>();
    items.forEachRemaining(out::add);
    return out;
  }
}
