package io.venvmux.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-reply check that decides whether a line's binary markers need reading. */
class BinaryTokensTest {
  private static boolean mayHold(String line) {
    byte[] b = (line + "\nbytes past the line: \"__ndarray__\"").getBytes(StandardCharsets.UTF_8);
    return BinaryTokens.mayHoldMarker(b, line.length());
  }

  @Test
  void findsEitherMarkerAnywhereInTheLine() {
    assertThat(mayHold("{\"id\":1,\"ok\":true,\"result\":{\"__bytes__\":true,\"file\":\"/x\"}}"))
        .isTrue();
    assertThat(mayHold("{\"id\":1,\"ok\":true,\"result\":[1,{\"__ndarray__\":true}]}")).isTrue();
  }

  @Test
  void plainDataAndInlineBytesNeedNoMarkerReading() {
    assertThat(mayHold("{\"id\":1,\"ok\":true,\"result\":{\"__x\":1,\"a\":\"__\"}}")).isFalse();
    assertThat(mayHold("{\"id\":1,\"ok\":true,\"result\":{\"__bytes__\":true,\"b64\":\"AA==\"}}"))
        .isFalse();
    assertThat(mayHold("{\"result\":\"__bytes__\":true,\"fil")).isFalse(); // cut at the line's end
    assertThat(mayHold("")).isFalse();
  }
}
