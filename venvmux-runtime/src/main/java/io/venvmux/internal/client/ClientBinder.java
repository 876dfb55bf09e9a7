package io.venvmux.internal.client;

import io.venvmux.BadArgumentsException;
import io.venvmux.NotFoundException;
import io.venvmux.VenvHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a generated client to the env the pool chose for it, after checking, once, that every
 * function it calls exists there and takes its keyword arguments.
 */
public final class ClientBinder {
  private ClientBinder() {}

  /**
   * A client of {@code descriptor}'s interface calling through {@code handle}.
   *
   * @throws NotFoundException if the module lacks a function the interface calls (lists them all)
   * @throws BadArgumentsException if a function's signature does not take the method's keyword
   *     arguments (lists every such method)
   */
  public static <T> T bind(ClientDescriptor<T> descriptor, VenvHandle handle) {
    Map<String, String> available = handle.functions();
    checkFunctions(descriptor, handle, available);
    checkParameters(descriptor, handle, available);
    return descriptor.create(handle);
  }

  private static void checkFunctions(
      ClientDescriptor<?> descriptor, VenvHandle handle, Map<String, String> available) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (PyFunction fn : descriptor.functions()) {
      if (!available.containsKey(fn.name())) {
        missing.computeIfAbsent(fn.name(), k -> new ArrayList<>()).add(fn.javaMethod());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("module '")
            .append(descriptor.module())
            .append("' in env '")
            .append(handle.name())
            .append("' lacks ")
            .append(missing.size() == 1 ? "a function " : "functions ")
            .append(descriptor.type().getName())
            .append(" calls:");
    missing.forEach(
        (fn, methods) ->
            message
                .append("\n  ")
                .append(fn)
                .append(" (for ")
                .append(String.join(", ", methods))
                .append(')'));
    List<String> have = available.keySet().stream().sorted().toList();
    message
        .append("\nThe module has: ")
        .append(have.isEmpty() ? "no public functions" : String.join(", ", have))
        .append(". Define the missing functions in the module, or name them with @PyName.");
    throw new NotFoundException(message.toString(), have);
  }

  /**
   * Each method's keyword arguments against its function's signature, where the signature parses.
   */
  private static void checkParameters(
      ClientDescriptor<?> descriptor, VenvHandle handle, Map<String, String> available) {
    StringBuilder problems = new StringBuilder();
    for (PyFunction fn : descriptor.functions()) {
      String signature = available.get(fn.name());
      PySignature.parse(signature)
          .map(s -> s.problemsWith(fn.parameters()))
          .filter(p -> !p.isEmpty())
          .ifPresent(
              p ->
                  problems
                      .append("\n  ")
                      .append(fn.javaMethod())
                      .append(" calls ")
                      .append(fn.name())
                      .append(signature)
                      .append(" with ")
                      .append(fn.parameters())
                      .append(": ")
                      .append(String.join("; ", p)));
    }
    if (problems.length() > 0) {
      throw new BadArgumentsException(
          "module '"
              + descriptor.module()
              + "' in env '"
              + handle.name()
              + "' does not take the keyword"
              + " arguments "
              + descriptor.type().getName()
              + " passes:"
              + problems
              + "\nRename the Java parameters (or set @PyName) to the Python parameter names.");
    }
  }
}
