package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How {@link LineReader} splits lines and keeps only the head of one past the limit. */
class LineReaderTest {
  @Test
  void aLinePastTheLimitKeepsItsHeadAndTheNextLineIsReadWhole() throws Exception {
    String big = "{\"id\":1,\"result\":\"" + "x".repeat(200_000) + "\"}";
    byte[] in = (big + "\n{\"id\":2}\n").getBytes(StandardCharsets.UTF_8);
    LineReader lines = new LineReader(new ByteArrayInputStream(in), 10_000);

    assertThat(lines.next()).isTrue();
    assertThat(lines.oversized()).isTrue();
    assertThat(lines.fullLength()).isEqualTo(big.length());
    assertThat(lines.length()).isLessThanOrEqualTo(10_000);
    assertThat(new String(lines.bytes(), 0, 7, StandardCharsets.UTF_8)).isEqualTo("{\"id\":1");

    assertThat(lines.next()).isTrue();
    assertThat(lines.oversized()).isFalse();
    assertThat(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":2}");
    assertThat(lines.next()).isFalse();
  }
}
