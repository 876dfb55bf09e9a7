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
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", ++nextId);
    request.put("fn", fn);
    request.put("args", List.of());
    request.put("kwargs", kwargs);
    pipe.send(MAPPER.writeValueAsBytes(request));
    JsonNode reply = MAPPER.readTree(pipe.readLine());
    return MAPPER.treeToValue(reply.get("result"), Object.class);
  }

  @Override
  public void close() throws IOException {
    pipe.close();
  }
}
