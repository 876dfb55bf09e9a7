package io.venvmux.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.venvmux.internal.codec.WireMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The stream floor: a Python loop ({@code floor.py --stream}) writes item lines as fast as it can,
 * with no flow control, and Jackson decodes each line, as the runtime does, with nothing else
 * around it.
 */
final class RawStreamPipe implements AutoCloseable {
  private static final ObjectMapper MAPPER = WireMapper.mapper();

  private final PythonPipe pipe = new PythonPipe("floor.py", "--stream");
  private long nextId;

  /** Streams {@code n} items; returns the sum of their values. */
  long drain(int n) throws IOException {
    long id = ++nextId;
    pipe.send(("{\"id\":" + id + ",\"n\":" + n + "}").getBytes(StandardCharsets.US_ASCII));
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += MAPPER.readTree(pipe.readLine()).get("item").longValue();
    }
    pipe.readLine(); // the end line
    return sum;
  }

  @Override
  public void close() throws IOException {
    pipe.close();
  }
}
