package io.venvmux.internal.env;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code venvmux-env.json}, an env's record of itself and its completion mark: written last and
 * atomically, so an env folder without it is a build that did not finish.
 *
 * @param format the manifest's format version
 * @param hash the env's hash (its folder name)
 * @param created when the build finished (ISO-8601)
 * @param installer {@code uv} or {@code pip}, with the tool's path
 * @param interpreter the base interpreter's real path
 * @param pythonVersion its exact version
 * @param source {@code project}, {@code requirements} or {@code packages}
 * @param inputs what the hash covers, in order
 * @param files the input files read (requirements and their includes, pyproject.toml, uv.lock)
 * @param packages installed package name to version
 * @param buildSeconds how long the build took
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvManifest(
    int format,
    String hash,
    String created,
    String installer,
    String interpreter,
    String pythonVersion,
    String source,
    Map<String, String> inputs,
    List<String> files,
    Map<String, String> packages,
    double buildSeconds) {

  public static final String FILE_NAME = "venvmux-env.json";
  static final int FORMAT = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public EnvManifest {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    files = List.copyOf(files);
    packages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(packages));
  }

  /**
   * The manifest of an env folder; empty when it has none (an unfinished build) or it is
   * unreadable.
   */
  public static Optional<EnvManifest> read(Path envDir) {
    Path file = envDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), EnvManifest.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the manifest as the build's very last step: to a temp file, then renamed into place. */
  void writeTo(Path envDir) throws IOException {
    Path tmp = Files.createTempFile(envDir, ".venvmux-env", ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), this);
      try {
        Files.move(
            tmp,
            envDir.resolve(FILE_NAME),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, envDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads {@code pip list --format json} output into name to version, sorted by name. */
  static Map<String, String> parsePackageList(String json) throws IOException {
    List<Map<String, Object>> rows =
        JSON.readValue(json.strip().isEmpty() ? "[]" : json.strip(), new TypeReference<>() {});
    Map<String, String> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map<String, Object> row : rows) {
      out.put(String.valueOf(row.get("name")), String.valueOf(row.get("version")));
    }
    return new LinkedHashMap<>(out);
  }
}
