package io.venvmux.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venvmux.internal.codec.WireMapper;
import io.venvmux.internal.process.Output;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: a JSON-lines round trip to a minimal Python loop, driven the way the runtime drives a
 * worker (Jackson encodes the request, Jackson decodes the reply), with nothing else around it.
 */
final class RawEchoPipe implements AutoCloseable {
  private static final ObjectMapper MAPPER = WireMapper.mapper();

  private final RunningProcess process;
  private final OutputStream stdin;
  private final BufferedReader stdout;
  private long nextId;

  RawEchoPipe(String python, Path script) {
    process =
        RunningProcess.start(
            ProcessSpec.of(List.of(python, "-u", script.toString()))
                .withStdinPipe()
                .withStdout(Output.pipe())
                .withStderr(Output.inherit()));
    stdin = process.stdin();
    stdout = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
  }

  /** One round trip; returns the decoded result. */
  Object call(String fn, Map<String, ?> kwargs) throws IOException {
    write(fn, kwargs);
    stdin.flush();
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
        write(fn, kwargs);
        sent++;
      }
      stdin.flush();
      do {
        last = read();
        received++;
      } while (received < sent && stdout.ready());
    }
    return last;
  }

  private void write(String fn, Map<String, ?> kwargs) throws IOException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", ++nextId);
    request.put("fn", fn);
    request.put("args", List.of());
    request.put("kwargs", kwargs);
    stdin.write(MAPPER.writeValueAsBytes(request));
    stdin.write('\n');
  }

  private Object read() throws IOException {
    JsonNode reply = MAPPER.readTree(stdout.readLine());
    return MAPPER.treeToValue(reply.get("result"), Object.class);
  }

  @Override
  public void close() throws IOException {
    stdin.close();
    process.stop(Duration.ofSeconds(5));
  }
}
