package io.venvmux.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: a JSON-lines round trip to a minimal Python loop, driven the way the runtime drives a
 * worker (Jackson encodes the request, Jackson decodes the reply), with nothing else around it.
 */
final class RawEchoPipe implements AutoCloseable {
  private static final ObjectMapper MAPPER = WireMapper.mapper();

  private final PythonPipe pipe = new PythonPipe("floor.py");
  private long nextId;

  /** One round trip; returns the decoded result. */
  Object call(String fn, Map<String, ?> kwargs) throws IOException {
    pipe.send(request(fn, kwargs));
    return read();
  }

  /**
   * The pipelined floor: {@code count} calls with up to {@code window} requests outstanding. It
   * reads every reply already buffered before it refills the window and flushes once, so requests
   * go out in bulk as a pipelining client would send them. Returns the last result.
   */
  Object pipelined(String fn, Map<String, ?> kwargs, int count, int window) throws IOException {
    int sent = 0;
    int received = 0;
    Object last = null;
    while (received < count) {
      while (sent < count && sent - received < window) {
        pipe.write(request(fn, kwargs));
        sent++;
      }
      pipe.flush();
      do {
        last = read();
        received++;
      } while (received < sent && pipe.ready());
    }
    return last;
  }

  private byte[] request(String fn, Map<String, ?> kwargs) throws IOException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", ++nextId);
    request.put("fn", fn);
    request.put("args", List.of());
    request.put("kwargs", kwargs);
    return MAPPER.writeValueAsBytes(request);
  }

  private Object read() throws IOException {
    JsonNode reply = MAPPER.readTree(pipe.readLine());
    return MAPPER.treeToValue(reply.get("result"), Object.class);
  }

  @Override
  public void close() throws IOException {
    pipe.close();
  }
}
