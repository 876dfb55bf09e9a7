package io.venvmux.internal.wire;

import java.util.Map;

/**
 * The first line a worker writes: who it is and what its module offers.
 *
 * @param protocol the protocol version the worker speaks
 * @param pid the worker's process id
 * @param python the interpreter's version, e.g. {@code 3.11.7}
 * @param module the module the worker serves
 * @param serializer the JSON library the worker actually uses
 * @param functions the module's public functions and their signatures
 */
public record Hello(
    int protocol,
    long pid,
    String python,
    String module,
    String serializer,
    Map<String, String> functions) {
  /** The protocol version this runtime speaks. */
  public static final int PROTOCOL = 1;

  public Hello {
    functions = Map.copyOf(functions);
  }
}
