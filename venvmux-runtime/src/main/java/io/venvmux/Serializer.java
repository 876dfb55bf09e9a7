package io.venvmux;

/** The JSON library the workers use. */
public enum Serializer {
  /** The standard library's {@code json}. */
  JSON,
  /** {@code orjson} where the env has it importable, else {@code json}. */
  ORJSON
}
