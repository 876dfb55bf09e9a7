package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.venvmux.InvalidJsonException;
import io.venvmux.internal.codec.BinaryIn;
import io.venvmux.internal.codec.NaturalValues;
import io.venvmux.internal.codec.SpillFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lines a worker writes after its hello: {@code {"id":..,"ok":true,"result":..}}, {@code
 * {"id":..,"ok":true,"result_file":".."}} or {@code {"id":..,"ok":false,"error":{..}}}.
 *
 * <p>The caller first asks {@link #leadingId} which call a line answers, so it can say how the
 * result is to be read: as natural Java values at once (an untyped call), or kept as tokens for
 * binding later on the consumer's thread.
 */
public final class ReplyReader {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyReader.class);
  private static final byte[] ID_FIELD = {'"', 'i', 'd', '"'};

  /** How much of a line a message about it quotes. */
  private static final int QUOTED = 500;

  /** More digits than this could overflow a long; such an id is not one the host sent. */
  private static final int MAX_ID_DIGITS = 18;

  private ReplyReader() {}

  /**
   * The id of a line that starts with it, as the worker writes every reply ({@code {"id":42,...});
   * {@link Reply#NO_ID} for any other line. Scans a few bytes, no parser.
   */
  public static long leadingId(byte[] buf, int len) {
    int i = skipSpace(buf, 0, len);
    if (i >= len || buf[i] != '{') {
      return Reply.NO_ID;
    }
    i = skipSpace(buf, i + 1, len);
    for (byte b : ID_FIELD) {
      if (i >= len || buf[i++] != b) {
        return Reply.NO_ID;
      }
    }
    i = skipSpace(buf, i, len);
    if (i >= len || buf[i] != ':') {
      return Reply.NO_ID;
    }
    i = skipSpace(buf, i + 1, len);
    long id = 0;
    int digits = 0;
    for (; i < len && buf[i] >= '0' && buf[i] <= '9'; i++, digits++) {
      id = id * 10 + (buf[i] - '0');
    }
    i = skipSpace(buf, i, len);
    boolean ends = i < len && (buf[i] == ',' || buf[i] == '}');
    return digits == 0 || digits > MAX_ID_DIGITS || !ends ? Reply.NO_ID : id;
  }

  /** The head of a line, for a message about it. */
  public static String quote(byte[] buf, int len) {
    return new String(buf, 0, Math.min(len, QUOTED), StandardCharsets.UTF_8);
  }

  private static int skipSpace(byte[] buf, int i, int len) {
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
      i++;
    }
    return i;
  }

  /**
   * Reads one reply line.
   *
   * @param decodeResult read the result as natural Java values now (an untyped call) rather than
   *     keep its tokens
   * @throws UnreadableReplyException the line is not a JSON object or holds a value the parser
   *     refuses
   */
  public static Reply read(byte[] buf, int len, boolean decodeResult)
      throws UnreadableReplyException {
    return read(buf, len, decodeResult, null);
  }

  /**
   * Reads one reply line, its binary file markers read (or, for a reply nobody waits for, deleted)
   * by {@code in}.
   *
   * @throws UnreadableReplyException the line is not a JSON object, holds a value the parser
   *     refuses, or names a binary file that cannot be read
   */
  public static Reply read(byte[] buf, int len, boolean decodeResult, @Nullable BinaryIn in)
      throws UnreadableReplyException {
    long id = Reply.NO_ID;
    boolean ok = false;
    RawResult result = null;
    String resultFile = null;
    JsonNode error = null;
    try (JsonParser p = ReplyParsers.open(buf, 0, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id":
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
              id = p.getLongValue();
            }
            break;
          case "ok":
            ok = p.currentToken() == JsonToken.VALUE_TRUE;
            break;
          case "result":
            result =
                result(p, decodeResult, in, in != null && BinaryTokens.mayHoldMarker(buf, len));
            break;
          case "result_file":
            resultFile = p.getValueAsString();
            break;
          case "error":
            error = WireTrees.read(p);
            break;
          default:
            p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableReplyException(id, resultFile, e);
    }
    return new Reply(id, ok, result, resultFile, error);
  }

  private static RawResult result(
      JsonParser p, boolean decode, @Nullable BinaryIn in, boolean mayHoldMarker)
      throws IOException {
    if (decode) {
      return RawResult.ofValue(NaturalValues.read(p, in));
    }
    TokenBuffer tb = new TokenBuffer(p, null);
    if (mayHoldMarker) {
      BinaryTokens.copy(p, tb, in);
    } else {
      tb.copyCurrentStructure(p);
    }
    return RawResult.ofTokens(tb);
  }

  /**
   * Reads a spilled result from a file of the worker's spill folder, then deletes it; its binary
   * markers are read by {@code in}.
   *
   * @param what names the call in the error, e.g. {@code fn 'compute' in env 'v1'}
   * @throws InvalidJsonException the file cannot be read, or lies outside the spill folder
   */
  public static RawResult readResultFile(
      String file, String what, SpillFolder folder, boolean decode, BinaryIn in) {
    try {
      byte[] json = folder.readAndDelete(file, -1);
      try (JsonParser p = ReplyParsers.open(json, 0, json.length)) {
        p.nextToken();
        return result(p, decode, in, BinaryTokens.mayHoldMarker(json, json.length));
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidJsonException(
          "cannot read the result of " + what + " from " + file + ": " + e, e);
    } finally {
      folder.delete(file);
    }
  }
}
