package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iterator, Generator, AsyncIterator and AsyncGenerator results become Stream methods. */
class StreamStubsTest {
  @TempDir Path work;

  @Test
  void generatorHintsBecomeStreamResultsAndCompile() throws IOException {
    JavaFile file =
        new StubRenderer(
                "com.example.streams",
                "Streams",
                ModuleSettings.none(),
                TypeMapper.DateTimes.OFFSET,
                true)
            .render(Fixtures.describe("stubfix.streams"))
            .files()
            .get(0);
    String source = file.toString().replaceAll("\\s+", " ");
    assertThat(source)
        .contains("Stream<Long> numbers(long n)")
        .contains("Stream<String> lines(String path)")
        .contains("Stream<String> tokens(String prompt)")
        .contains("Stream<byte[]> chunks(long size)")
        .contains("List<Long> total(List<Long> values)");
    file.writeToPath(work.resolve("src"));
    Javac.compile(work.resolve("src"), work.resolve("classes"));
  }
}
