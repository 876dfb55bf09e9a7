package io.venvmux.internal.ray;

import io.venvmux.EnvStartException;
import io.venvmux.internal.VenvMuxThreads;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.process.Output;
import io.venvmux.internal.process.ProcessSpec;
import io.venvmux.internal.process.RunningProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Ray head for a pool's life: {@code python -m venvmux_ray.head} in the proxy's env, which
 * starts Ray, prints its address and stops Ray when its stdin closes (so a JVM that dies takes it
 * along). It runs with token authentication on a token of its own, which only the pool's proxies
 * are given; nothing is written to the user's {@code ~/.ray}.
 */
final class LocalRay implements AutoCloseable {
  /** How long Ray may take to start (about 3 s on an idle machine). */
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final RunningProcess process;
  private final String address;
  private final Map<String, String> clientVariables;

  private LocalRay(RunningProcess process, String address, Map<String, String> clientVariables) {
    this.process = process;
    this.address = address;
    this.clientVariables = clientVariables;
  }

  /** Starts Ray and waits for its address. */
  static LocalRay start(ResolvedEnv proxyEnv, Path raySources) {
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    Map<String, String> auth =
        Map.of("RAY_AUTH_MODE", "token", "RAY_AUTH_TOKEN", HexFormat.of().formatHex(secret));
    Map<String, String> vars = new LinkedHashMap<>(proxyEnv.environment());
    vars.putAll(auth);
    vars.put("PYTHONPATH", raySources.toString());
    vars.put("RAY_USAGE_STATS_ENABLED", "0");
    RunningProcess process =
        RunningProcess.start(
            ProcessSpec.of(List.of(proxyEnv.python().toString(), "-u", "-m", "venvmux_ray.head"))
                .withEnv(vars)
                .withStdinPipe()
                .withStdout(Output.pipe()));
    String line = firstLine(process);
    String address = line.replaceFirst("^\\{\"address\": \"(.*)\"}$", "$1");
    if (address.equals(line)) {
      process.kill();
      throw new EnvStartException(
          "the local Ray did not start: " + line, String.join("\n", process.tail()));
    }
    return new LocalRay(process, address, auth);
  }

  private static String firstLine(RunningProcess process) {
    CompletableFuture<String> line = new CompletableFuture<>();
    VenvMuxThreads.newDaemon(
            () -> {
              try {
                BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
                String l = r.readLine();
                line.complete(l == null ? "(it exited before printing its address)" : l);
              } catch (IOException e) {
                line.complete("(its output could not be read: " + e + ")");
              }
            },
            "venvmux-ray-head")
        .start();
    try {
      return line.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.kill();
      return "(no address within " + START_TIMEOUT.toSeconds() + " s)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.kill();
      return "(interrupted while it started)";
    }
  }

  /** The GCS address proxies connect to. */
  String address() {
    return address;
  }

  /** The variables a proxy needs to connect (the cluster's token). */
  Map<String, String> clientVariables() {
    return clientVariables;
  }

  /** Stops Ray: closes the head's stdin and waits for it, killing it after 20 s. */
  @Override
  public void close() {
    try {
      process.stdin().close();
    } catch (IOException e) {
      // already gone: stop() below reaps it
    }
    process.stop(Duration.ofSeconds(20));
  }
}
