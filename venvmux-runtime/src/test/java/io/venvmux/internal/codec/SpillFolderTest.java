package io.venvmux.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reply can make the host read and delete only files directly in its worker's spill folder. */
class SpillFolderTest {
  @Test
  void aFileOutsideTheFolderIsNeitherReadNorDeleted(@TempDir Path dir) throws IOException {
    Path spill = Files.createDirectory(dir.resolve("spill"));
    Path precious = Files.writeString(dir.resolve("precious.json"), "{\"secret\":1}");
    SpillFolder folder = new SpillFolder(spill);
    for (String named :
        List.of(precious.toString(), spill + "/../precious.json", "precious.json", "/etc/passwd")) {
      assertThatThrownBy(() -> folder.readAndDelete(named, -1))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is not in the spill folder");
      folder.delete(named);
      assertThat(precious).hasContent("{\"secret\":1}");
    }
  }

  @Test
  void aLinkInTheFolderIsNotFollowed(@TempDir Path dir) throws IOException {
    Path spill = Files.createDirectory(dir.resolve("spill"));
    Path precious = Files.writeString(dir.resolve("precious.json"), "1");
    Path link = Files.createSymbolicLink(spill.resolve("r.json"), precious);
    SpillFolder folder = new SpillFolder(spill);
    assertThatThrownBy(() -> folder.readAndDelete(link.toString(), -1))
        .isInstanceOf(IOException.class);
    assertThat(precious).hasContent("1");
  }

  @Test
  void aFileInTheFolderIsReadWholeThenDeleted(@TempDir Path spill) throws IOException {
    Path file = Files.write(spill.resolve("r.bin"), new byte[] {1, 2, 3});
    assertThat(new SpillFolder(spill).readAndDelete(file.toString(), 3)).containsExactly(1, 2, 3);
    assertThat(file).doesNotExist();
  }
}
