package io.venvmux.internal.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An env's identity: the short SHA-256 of everything that decides its content. That is the
 * interpreter's real path and exact version, platform and arch, the source's inputs (file contents,
 * sorted packages) and the package-index settings of the environment.
 *
 * @param hash the env's folder name under {@code <home>/envs}
 * @param inputs what was hashed, in order (kept in the env's manifest)
 */
record EnvFingerprint(String hash, Map<String, String> inputs) {
  /** The variables that choose where packages come from; set ones go into the hash. */
  static final List<String> INDEX_VARIABLES =
      List.of(
          "PIP_INDEX_URL",
          "PIP_EXTRA_INDEX_URL",
          "UV_INDEX",
          "UV_DEFAULT_INDEX",
          "UV_INDEX_URL",
          "UV_EXTRA_INDEX_URL");

  EnvFingerprint {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  static EnvFingerprint of(
      PythonInstall python, EnvSource source, OsPlatform platform, Map<String, String> env) {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("interpreter", python.executable().toString());
    in.put("version", python.version());
    in.put("platform", platform.tag());
    in.put("source", source.kind());
    in.putAll(source.hashInputs());
    for (String var : INDEX_VARIABLES) {
      String value = env.get(var);
      if (value != null && !value.isBlank()) {
        in.put(var, value.strip());
      }
    }
    return new EnvFingerprint(EnvHash.of(in), in);
  }

  /**
   * This fingerprint with whether the env gets orjson for the worker's JSON: the same inputs with
   * and without it are two different envs. Always hashed, so that an env built before venvmux
   * installed orjson is not taken for one that has it.
   */
  EnvFingerprint withFastJson(boolean fastJson) {
    Map<String, String> in = new LinkedHashMap<>(inputs);
    in.put("fast_json", fastJson ? "orjson" : "none");
    return new EnvFingerprint(EnvHash.of(in), in);
  }
}
