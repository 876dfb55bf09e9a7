package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.venvmux.internal.codec.NaturalValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a streamed reply (the worker's {@code "stream"} feature): the request asks for one
 * with {@code "stream": credit}; the worker answers {@code {"id":..,"item":..}} per item and then a
 * usual final reply ({@code {"id":..,"ok":true,"end":true}} or an error); the host grants more
 * credit with {@code {"ctl":"credit","id":..,"n":..}} and closes the generator with {@code
 * {"ctl":"cancel","id":..}}.
 */
public final class StreamLines {
  /** The hello feature a worker names when it streams. */
  public static final String FEATURE = "stream";

  private static final byte[] ITEM_FIELD = "item".getBytes(StandardCharsets.US_ASCII);

  private StreamLines() {}

  /** A request line (inline or spilled arguments) turned into a stream request with credit. */
  public static byte[] withStream(byte[] requestLine, int credit) {
    // The line ends with "}\n": the field goes before the closing brace.
    byte[] field = (",\"stream\":" + credit + "}\n").getBytes(StandardCharsets.US_ASCII);
    int head = requestLine.length - 2;
    byte[] line = Arrays.copyOf(requestLine, head + field.length);
    System.arraycopy(field, 0, line, head, field.length);
    return line;
  }

  /** Grants the worker {@code n} more items of stream {@code id}. */
  public static byte[] creditLine(long id, int n) {
    return ("{\"ctl\":\"credit\",\"id\":" + id + ",\"n\":" + n + "}\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Asks the worker to close the generator of stream {@code id}. */
  public static byte[] cancelLine(long id) {
    return ("{\"ctl\":\"cancel\",\"id\":" + id + "}\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The item an item line carries; null when the line is no item line (a final reply).
   *
   * @param decode read the item as natural Java values now rather than keep its tokens
   * @throws UnreadableReplyException the line holds a value the parser refuses
   */
  public static @Nullable RawResult readItem(byte[] buf, int len, boolean decode)
      throws UnreadableReplyException {
    if (!namesItemSecond(buf, len)) {
      return null;
    }
    long id = ReplyReader.leadingId(buf, len);
    try (JsonParser p = ReplyParsers.open(buf, 0, len)) {
      p.nextToken(); // {
      p.nextToken(); // "id"
      p.nextToken(); // its value
      p.nextToken(); // "item"
      p.nextToken();
      if (decode) {
        return RawResult.ofValue(NaturalValues.read(p));
      }
      TokenBuffer tb = new TokenBuffer(p, null);
      tb.copyCurrentStructure(p);
      return RawResult.ofTokens(tb);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableReplyException(id, null, e);
    }
  }

  /**
   * Whether the field after the leading id is {@code "item"}, as the worker writes item lines. The
   * caller found a numeric leading id, so the first comma ends it.
   */
  private static boolean namesItemSecond(byte[] buf, int len) {
    int i = 0;
    while (i < len && buf[i] != ',') {
      i++;
    }
    i++;
    while (i < len && buf[i] == ' ') {
      i++;
    }
    int end = i + ITEM_FIELD.length + 1;
    if (end >= len || buf[i] != '"' || buf[end] != '"') {
      return false;
    }
    return Arrays.equals(buf, i + 1, end, ITEM_FIELD, 0, ITEM_FIELD.length);
  }
}
