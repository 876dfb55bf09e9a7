package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pydantic model as a record, both ways, where the test interpreter has pydantic. */
class PydanticTest {
  @TempDir Path work;

  private static boolean pydanticInstalled() throws Exception {
    Process p =
        new ProcessBuilder(Fixtures.python(), "-c", "import pydantic")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  @Test
  void modelsBecomeRecordsThatCrossBothWays() throws Exception {
    assumeTrue(pydanticInstalled(), "pydantic is not installed for " + Fixtures.python());
    try (ClientBuild build = ClientBuild.of(work, "stubfix.models", "ModelsDriver")) {
      assertThat(Files.readString(work.resolve("src/com/example/gen/Item.java")))
          .contains("One line of an order.")
          .contains("Python: pydantic <code>stubfix.models.Item</code>")
          .contains(
              "public record Item(String sku, long quantity, double unitPrice, Optional<String>"
                  + " note)");
      assertThat(Files.readString(work.resolve("src/com/example/gen/Event.java")))
          .contains("public record Event(OffsetDateTime at, LocalDateTime local)");
      Map<String, String> results = build.run("ModelsDriver");
      assertThat(results.get("total")).isEqualTo("7.5");
      assertThat(results.get("cheapest"))
          .isEqualTo("Item[sku=b, quantity=3, unitPrice=0.5, note=Optional[cheap]]");
      assertThat(results.get("event"))
          .isEqualTo("Event[at=2024-06-01T12:00Z, local=2024-06-01T14:00]");
    }
  }
}
