package io.venvmux.benchmarks;

import io.venvmux.internal.process.Output;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A floor script of {@code python-worker/bench} run over pipes: lines out, lines in. */
final class PythonPipe implements AutoCloseable {
  private final RunningProcess process;
  private final OutputStream stdin;
  private final BufferedReader stdout;

  /**
   * @param options the script's name and its options
   */
  PythonPipe(String... options) {
    List<String> command = new java.util.ArrayList<>(List.of(BenchPaths.python(), "-u"));
    command.add(BenchPaths.benchScript(options[0]).toString());
    command.addAll(List.of(options).subList(1, options.length));
    process =
        RunningProcess.start(
            ProcessSpec.of(command)
                .withStdinPipe()
                .withStdout(Output.pipe())
                .withStderr(Output.inherit()));
    stdin = process.stdin();
    stdout = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
  }

  /** Writes one line (the newline added) and flushes it. */
  void send(byte[] line) throws IOException {
    write(line);
    flush();
  }

  /** Writes one line (the newline added) without flushing: pipelining clients send in bulk. */
  void write(byte[] line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
  }

  void flush() throws IOException {
    stdin.flush();
  }

  String readLine() throws IOException {
    return stdout.readLine();
  }

  /** Whether a line can be read without waiting. */
  boolean ready() throws IOException {
    return stdout.ready();
  }

  @Override
  public void close() throws IOException {
    stdin.close();
    process.stop(Duration.ofSeconds(5));
  }
}
