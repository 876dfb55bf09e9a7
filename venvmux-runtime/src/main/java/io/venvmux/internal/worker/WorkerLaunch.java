package io.venvmux.internal.worker;

import io.venvmux.EnvSpec;
import io.venvmux.Serializer;
import io.venvmux.internal.env.ResolvedEnv;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to start one worker process: its argument list (never a shell line) and the environment
 * variables to set on top of the inherited ones.
 *
 * @param env the env name, for logs and errors
 * @param module the module the worker serves
 * @param command the argument list
 * @param environment variables to set for the process
 * @param startTimeout how long the worker may take to say hello
 * @param spillDir the only folder whose files the worker's replies may name; null: none
 * @param maxLineBytes a reply line longer than this fails its call instead of being read
 */
public record WorkerLaunch(
    String env,
    String module,
    List<String> command,
    Map<String, String> environment,
    Duration startTimeout,
    @Nullable Path spillDir,
    long maxLineBytes) {
  /** Reply lines past this many bytes fail their call unless the pool says otherwise. */
  public static final long DEFAULT_MAX_LINE_BYTES = 64L << 20;

  /** The variable that turns binary files on in the worker: data at least this big. */
  static final String BINARY_MIN_BYTES_VAR = "VENV_MUX_BINARY_MIN_BYTES";

  public WorkerLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** A launch without a spill folder, with the default line limit. */
  public WorkerLaunch(
      String env,
      String module,
      List<String> command,
      Map<String, String> environment,
      Duration startTimeout) {
    this(env, module, command, environment, startTimeout, null, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * The protocol's launch line for an env: {@code <python> -u -m venvmux_worker --module ..
   * --inflight .. --serializer .. [--max-result-bytes .. --spill-dir ..]}.
   *
   * @param workerSources the folder holding the extracted {@code venvmux_worker} package
   * @param maxResultBytes results larger than this come back as a spill file; null: never
   * @param spillDir where the worker writes result spill files (needed with maxResultBytes)
   */
  public static WorkerLaunch forEnv(
      String env,
      String module,
      EnvSpec spec,
      ResolvedEnv resolved,
      Path workerSources,
      Serializer serializer,
      @Nullable Long maxResultBytes,
      @Nullable Path spillDir) {
    return forEnv(
        env,
        module,
        spec,
        resolved,
        workerSources,
        serializer,
        maxResultBytes,
        spillDir,
        0,
        DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * The launch line as above, with binary data crossing as files of {@code spillDir}.
   *
   * @param binaryMinBytes binary data at least this big crosses as a file; 0: never
   * @param maxLineBytes a reply line longer than this fails its call
   */
  public static WorkerLaunch forEnv(
      String env,
      String module,
      EnvSpec spec,
      ResolvedEnv resolved,
      Path workerSources,
      Serializer serializer,
      @Nullable Long maxResultBytes,
      @Nullable Path spillDir,
      int binaryMinBytes,
      long maxLineBytes) {
    String serializerName = serializer.name().toLowerCase(Locale.ROOT);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                resolved.python().toString(),
                "-u",
                "-m",
                WorkerSources.PACKAGE,
                "--module",
                module,
                "--inflight",
                Integer.toString(spec.inflight()),
                "--serializer",
                serializerName));
    if (maxResultBytes != null && spillDir != null) {
      cmd.addAll(List.of("--max-result-bytes", Long.toString(maxResultBytes)));
    }
    if (spillDir != null) {
      cmd.addAll(List.of("--spill-dir", spillDir.toString()));
    }
    List<String> path = new ArrayList<>();
    path.add(workerSources.toString());
    spec.workerPaths().forEach(p -> path.add(p.toAbsolutePath().toString()));
    String inherited = System.getenv("PYTHONPATH");
    if (inherited != null && !inherited.isEmpty()) {
      path.add(inherited);
    }
    Map<String, String> vars = new LinkedHashMap<>(resolved.environment());
    vars.putAll(spec.environment());
    vars.put("PYTHONPATH", String.join(File.pathSeparator, path));
    vars.put("PYTHONUNBUFFERED", "1");
    vars.put("PYTHONIOENCODING", "utf-8");
    vars.put("VENV_MUX_SERIALIZER", serializerName);
    if (binaryMinBytes > 0 && spillDir != null) {
      vars.put(BINARY_MIN_BYTES_VAR, Integer.toString(binaryMinBytes));
    }
    return new WorkerLaunch(env, module, cmd, vars, spec.startTimeout(), spillDir, maxLineBytes);
  }

  /**
   * This launch running another Python module ({@code -m pythonModule}) with the same options, more
   * arguments after them, and more variables (replacing same-named ones).
   */
  public WorkerLaunch runningModule(
      String pythonModule, List<String> moreArgs, Map<String, String> moreVars) {
    List<String> cmd = new ArrayList<>(command);
    cmd.set(cmd.indexOf("-m") + 1, pythonModule);
    cmd.addAll(moreArgs);
    Map<String, String> vars = new LinkedHashMap<>(environment);
    vars.putAll(moreVars);
    return new WorkerLaunch(env, module, cmd, vars, startTimeout, spillDir, maxLineBytes);
  }
}
