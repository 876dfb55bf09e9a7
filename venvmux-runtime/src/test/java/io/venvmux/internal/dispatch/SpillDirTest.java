package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class SpillDirTest {
  @Test
  void filesArePrivateUnpredictableAndGoneOnClose() throws Exception {
    SpillDir spill = new SpillDir();
    Path a = spill.write("{\"args\":[]}".getBytes());
    Path b = spill.write("{}".getBytes());
    assertThat(a).isNotEqualTo(b).hasContent("{\"args\":[]}");
    assertThat(a.getFileName().toString()).matches("payload-\\d{6,}\\.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spill.dir())))
        .isEqualTo("rwx------");
    Path dir = spill.dir();
    spill.close();
    assertThat(dir).doesNotExist();
  }
}
