package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records and enums written for the fixture module, word for word against
 * src/test/resources/golden. After an intended change, run with VENVMUX_REGENERATE_GOLDEN=1 and
 * review the diff. (The interface is checked line by line elsewhere: it quotes Python signatures,
 * whose spelling varies between Python versions.)
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void recordsAndEnumsMatchTheGoldenFiles() throws IOException {
    List<JavaFile> files =
        new StubRenderer(
                "com.example.gen",
                "Entry",
                ModuleSettings.none(),
                TypeMapper.DateTimes.OFFSET,
                false)
            .render(Fixtures.describe(Fixtures.MODULE))
            .files();
    boolean regenerate = "1".equals(System.getenv("VENVMUX_REGENERATE_GOLDEN"));
    for (JavaFile file : files.subList(1, files.size())) {
      Path golden = GOLDEN.resolve(file.typeSpec().name() + ".java");
      if (regenerate) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, file.toString(), StandardCharsets.UTF_8);
      }
      assertThat(golden).exists();
      assertThat(file.toString()).as(golden.toString()).isEqualTo(Files.readString(golden));
    }
    assertThat(files.get(0).typeSpec().name()).isEqualTo("Entry");
  }
}
