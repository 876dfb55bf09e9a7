package io.venvmux;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One env in a venvmux home, as {@link EnvCache#list()} reports it. The fields read from the env's
 * manifest are null for an incomplete env (a build that is running, failed or was killed).
 *
 * @param hash the env's hash, also its folder name under {@code <home>/envs}
 * @param path the env's folder
 * @param complete whether the build finished (the manifest, written last, is there)
 * @param sizeBytes bytes on disk
 * @param lastUsed when an env resolve last used it (or it was built), if known
 * @param created when its build finished
 * @param pythonVersion the exact interpreter version
 * @param interpreter the base interpreter's real path
 * @param installer the tool that built it ({@code uv (...)} or {@code pip})
 * @param source {@code project}, {@code requirements} or {@code packages}
 * @param inputs what the hash covers (interpreter, platform, file digests, packages, index
 *     settings)
 * @param packages installed packages, name to version
 */
public record EnvInfo(
    String hash,
    Path path,
    boolean complete,
    long sizeBytes,
    @Nullable Instant lastUsed,
    @Nullable Instant created,
    @Nullable String pythonVersion,
    @Nullable String interpreter,
    @Nullable String installer,
    @Nullable String source,
    Map<String, String> inputs,
    Map<String, String> packages) {

  public EnvInfo {
    inputs = Map.copyOf(inputs);
    packages = Map.copyOf(packages);
  }
}
