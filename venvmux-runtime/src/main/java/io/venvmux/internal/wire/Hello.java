package io.venvmux.internal.wire;

import java.util.Map;
import java.util.Set;

/**
 * The first line a worker writes: who it is and what its module offers.
 *
 * @param protocol the protocol version the worker speaks
 * @param pid the worker's process id
 * @param python the interpreter's version, e.g. {@code 3.11.7}
 * @param module the module the worker serves
 * @param serializer the JSON library the worker actually uses
 * @param functions the module's public functions and their signatures
 * @param features what the worker can do beyond plain protocol v1 ({@code "features"} in the hello;
 *     empty for a worker that names none): the host uses a feature only when both sides know it
 */
public record Hello(
    int protocol,
    long pid,
    String python,
    String module,
    String serializer,
    Map<String, String> functions,
    Set<String> features) {
  /** The protocol version this runtime speaks. */
  public static final int PROTOCOL = 1;

  public Hello {
    functions = Map.copyOf(functions);
    features = Set.copyOf(features);
  }

  /** Whether the worker named {@code feature} in its hello. */
  public boolean supports(String feature) {
    return features.contains(feature);
  }
}
