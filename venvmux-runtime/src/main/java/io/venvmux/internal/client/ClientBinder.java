package io.venvmux.internal.client;

import io.venvmux.BadArgumentsException;
import io.venvmux.NotFoundException;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a generated client to a pool's env and checks, once, that every function it calls exists
 * and takes its keyword arguments.
 */
public final class ClientBinder {
  private ClientBinder() {}

  /**
   * A client of {@code descriptor}'s interface on {@code pool}: the env named in the annotation if
   * the pool has it, else the one env serving the module, else a new env from the annotation.
   *
   * @throws NotFoundException if the module lacks a function the interface calls (lists them all)
   * @throws BadArgumentsException if a function's signature does not take the method's keyword
   *     arguments (lists every such method)
   */
  public static <T> T bind(ClientDescriptor<T> descriptor, Pool pool) {
    VenvHandle handle;
    // Two threads binding at once must not both add the env.
    synchronized (pool) {
      handle = envFor(descriptor, pool);
    }
    Map<String, String> available = handle.functions();
    checkFunctions(descriptor, handle, available);
    checkParameters(descriptor, handle, available);
    return descriptor.create(handle);
  }

  private static VenvHandle envFor(ClientDescriptor<?> descriptor, Pool pool) {
    String env = descriptor.env();
    if (!env.isEmpty() && pool.envNames().contains(env)) {
      VenvHandle named = pool.venv(env);
      if (!named.module().equals(descriptor.module())) {
        throw new IllegalStateException(
            "env '"
                + env
                + "' serves module '"
                + named.module()
                + "', but "
                + descriptor.type().getName()
                + " calls module '"
                + descriptor.module()
                + "': fix @VenvModule(env = ..) or the pool's env");
      }
      return named;
    }
    Optional<VenvHandle> serving = pool.envServing(descriptor.module());
    if (serving.isPresent()) {
      return serving.get();
    }
    List<String> several =
        pool.envNames().stream()
            .filter(n -> pool.venv(n).module().equals(descriptor.module()))
            .toList();
    if (!several.isEmpty()) {
      throw new IllegalStateException(
          "envs "
              + several
              + " all serve module '"
              + descriptor.module()
              + "': name the one "
              + descriptor.type().getName()
              + " should use with @VenvModule(env = ..)");
    }
    String name = env.isEmpty() ? descriptor.module() : env;
    return pool.addEnv(name, descriptor.envSpec(), descriptor.module());
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
