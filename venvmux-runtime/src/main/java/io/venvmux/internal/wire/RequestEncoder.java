package io.venvmux.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.venvmux.InvalidJsonException;
import io.venvmux.internal.codec.BinaryOut;
import io.venvmux.internal.codec.PlainValueWriter;
import io.venvmux.internal.codec.WireJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes request lines. The arguments are serialized exactly once: the line is written as {@code
 * {"id":..,"fn":..,"args":..,"kwargs":..}\n}, and when it is too large for the pipe its tail
 * becomes the spill file's {@code {"args":..,"kwargs":..}} without re-encoding. Plain arguments are
 * written without the wire's mapper, so an untyped call does not wait for it to be built.
 */
public final class RequestEncoder {
  private static final JsonFactory FACTORY = WireJson.factory();

  private RequestEncoder() {}

  /** An encoded request: the line, and where its {@code ,"args":...} part starts. */
  public static final class Encoded {
    private final byte[] line;
    private final int bodyStart;

    Encoded(byte[] line, int bodyStart) {
      this.line = line;
      this.bodyStart = bodyStart;
    }

    /** The full request line, '\n'-terminated. */
    public byte[] line() {
      return line;
    }

    /** The spill file's content: {@code {"args":[..],"kwargs":{..}}}. */
    public byte[] payload() {
      // line[bodyStart] is the comma after "fn"; the payload reuses the tail up to the newline.
      byte[] payload = Arrays.copyOfRange(line, bodyStart, line.length - 1);
      payload[0] = '{';
      return payload;
    }
  }

  /**
   * Encodes a call.
   *
   * @param env the env's name, for error messages
   * @throws InvalidJsonException when an argument cannot be encoded
   */
  public static Encoded encode(
      long id, String fn, List<?> args, Map<String, ?> kwargs, String env) {
    return encode(id, fn, args, kwargs, env, null);
  }

  /**
   * Encodes a call, its big binary arguments written to files by {@code out} (which then knows
   * them, for the caller to delete if the call never reaches the worker).
   *
   * @param env the env's name, for error messages
   * @throws InvalidJsonException when an argument cannot be encoded
   */
  public static Encoded encode(
      long id,
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      String env,
      @Nullable BinaryOut out) {
    ByteArrayBuilder buf = new ByteArrayBuilder(256);
    try (JsonGenerator g = FACTORY.createGenerator(buf)) {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("fn", fn);
      g.flush();
      int bodyStart = buf.size();
      g.writeFieldName("args");
      PlainValueWriter.write(g, args, out);
      g.writeFieldName("kwargs");
      PlainValueWriter.write(g, kwargs, out);
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
      return new Encoded(buf.toByteArray(), bodyStart);
    } catch (IOException | RuntimeException e) {
      throw new InvalidJsonException(
          "the arguments of fn '"
              + fn
              + "' in env '"
              + env
              + "' cannot be encoded as JSON: "
              + e.getMessage(),
          e);
    }
  }

  /** The line that points the worker at a spill file instead of inline arguments. */
  public static byte[] spilledLine(long id, String fn, String payloadFile) {
    ByteArrayBuilder out = new ByteArrayBuilder(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("fn", fn);
      g.writeStringField("payload_file", payloadFile);
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a spill line", e);
    }
  }
}
