package io.venvmux.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.venvmux.EnvBuildException;
import io.venvmux.EnvStartException;
import io.venvmux.ProtocolMismatchException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a worker's first line: its hello ({@code {"type":"hello","protocol":1,...}}), or the {@code
 * {"type":"fatal","error":{..}}} it writes when its module fails to import.
 */
public final class HelloReader {
  private HelloReader() {}

  /**
   * Reads the first line of the worker {@code pid} serving {@code module} in {@code env} (the three
   * name the worker in errors and fill in what the hello leaves out).
   *
   * @throws EnvStartException the line is not JSON, or reports that the module failed to import
   *     (with its traceback)
   * @throws ProtocolMismatchException the worker speaks another protocol
   */
  public static Hello read(byte[] buf, int len, String env, String module, long pid) {
    JsonNode line;
    try {
      // Read without the wire's mapper: the first call must not wait for it to be built.
      line = WireTrees.read(buf, len);
    } catch (IOException e) {
      throw new EnvStartException(
          "the worker for env '"
              + env
              + "' wrote something other than a hello: "
              + ReplyReader.quote(buf, len),
          "");
    }
    String type = line.path("type").asText("");
    if ("fatal".equals(type)) {
      JsonNode err = line.path("error");
      failedBeforeImport(err);
      throw new EnvStartException(
          "module '"
              + module
              + "' failed to import in env '"
              + env
              + "': "
              + err.path("type").asText("Error")
              + ": "
              + err.path("message").asText(""),
          err.path("traceback").asText(""));
    }
    int protocol = line.path("protocol").asInt(-1);
    if (!"hello".equals(type) || protocol != Hello.PROTOCOL) {
      throw new ProtocolMismatchException(
          "the worker for env '"
              + env
              + "' speaks protocol "
              + line.path("protocol")
              + " but this venvmux runtime speaks protocol "
              + Hello.PROTOCOL
              + "; the venvmux_worker package on its PYTHONPATH comes from another venvmux version");
    }
    Map<String, String> functions = new LinkedHashMap<>();
    line.path("functions")
        .properties()
        .forEach(f -> functions.put(f.getKey(), f.getValue().asText()));
    Set<String> features = new LinkedHashSet<>();
    line.path("features").forEach(f -> features.add(f.asText()));
    return new Hello(
        protocol,
        line.path("pid").asLong(pid),
        line.path("python").asText(""),
        line.path("module").asText(module),
        line.path("serializer").asText(""),
        functions,
        features);
  }

  /**
   * A fatal line about the worker's surroundings rather than its module (a Ray proxy's: the cluster
   * is unreachable, or its runtime_env could not be built) says so in its own words.
   */
  private static void failedBeforeImport(JsonNode err) {
    String code = err.path("code").asText("");
    String message = err.path("message").asText("");
    if ("env_build".equals(code)) {
      throw new EnvBuildException(message, List.of(), List.of(err.path("traceback").asText("")));
    }
    if ("env_start".equals(code)) {
      throw new EnvStartException(message, err.path("traceback").asText(""));
    }
  }
}
