package io.venvmux.internal.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 helpers for env hashes. */
final class EnvHash {
  /** Hex digits kept of an env's SHA-256: 64 bits, plenty for one user's envs, short in paths. */
  static final int LENGTH = 16;

  private EnvHash() {}

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(Path file) {
    try {
      return sha256Hex(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads the JDK's security providers and its SHA-256: tens of milliseconds of a cold JVM, which a
   * pool spends on a background thread while it sets up, not on its first env's resolution.
   */
  static void warmUp() {
    sha256Hex(new byte[0]);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The short hash of ordered inputs: one {@code key=value} line each, values' newlines escaped.
   */
  static String of(Map<String, String> inputs) {
    StringBuilder canonical = new StringBuilder();
    inputs.forEach(
        (k, v) ->
            canonical
                .append(k)
                .append('=')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
    return sha256Hex(canonical.toString()).substring(0, LENGTH);
  }
}
