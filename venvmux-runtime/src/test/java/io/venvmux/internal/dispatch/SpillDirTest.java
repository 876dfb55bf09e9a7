package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aNewSpillFolderSweepsTheFoldersOfJvmsThatAreGone(@TempDir Path tmp) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path left = Files.createDirectory(tmp.resolve(SpillDir.PREFIX + gone.pid() + "-123"));
    Files.writeString(left.resolve("payload-1.json"), "{}");
    Path living =
        Files.createDirectory(
            tmp.resolve(SpillDir.PREFIX + ProcessHandle.current().pid() + "-456"));
    Path legacy = Files.createDirectory(tmp.resolve(SpillDir.PREFIX + "789abc"));
    SpillDir spill = new SpillDir(tmp);
    Path mine = spill.dir();
    assertThat(left).doesNotExist();
    assertThat(living).exists();
    assertThat(legacy).exists(); // no pid in its name: whose it is cannot be told
    assertThat(mine.getFileName().toString())
        .startsWith(SpillDir.PREFIX + ProcessHandle.current().pid() + "-");
    spill.close();
  }
}
