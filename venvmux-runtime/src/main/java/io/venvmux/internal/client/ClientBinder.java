package io.venvmux.internal.client;

import io.venvmux.NotFoundException;
import io.venvmux.Pool;
import io.venvmux.VenvHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a generated client to a pool's env and checks, once, that every function it calls exists. */
public final class ClientBinder {
  private ClientBinder() {}

  /**
   * A client of {@code descriptor}'s interface on {@code pool}: the env named in the annotation if
   * the pool has it, else the one env serving the module, else a new env from the annotation.
   *
   * @throws NotFoundException if the module lacks a function the interface calls (lists them all)
   */
  public static <T> T bind(ClientDescriptor<T> descriptor, Pool pool) {
    VenvHandle handle;
    // Two threads binding at once must not both add the env.
    synchronized (pool) {
      handle = envFor(descriptor, pool);
    }
    checkFunctions(descriptor, handle);
    return descriptor.create(handle);
  }

  private static VenvHandle envFor(ClientDescriptor<?> descriptor, Pool pool) {
    String env = descriptor.env();
    if (!env.isEmpty() && pool.envNames().contains(env)) {
      VenvHandle named = pool.venv(env);
      if (!named.module().equals(descriptor.module())) {
        throw new IllegalStateException(
            "env '" + env + "' serves module '" + named.module() + "', but "
                + descriptor.type().getName() + " calls module '" + descriptor.module()
                + "': fix @VenvModule(env = ..) or the pool's env");
      }
      return named;
    }
    Optional<VenvHandle> serving = pool.envServing(descriptor.module());
    if (serving.isPresent()) {
      return serving.get();
    }
    List<String> several =
        pool.envNames().stream().filter(n -> pool.venv(n).module().equals(descriptor.module())).toList();
    if (!several.isEmpty()) {
      throw new IllegalStateException(
          "envs " + several + " all serve module '" + descriptor.module() + "': name the one "
              + descriptor.type().getName() + " should use with @VenvModule(env = ..)");
    }
    String name = env.isEmpty() ? descriptor.module() : env;
    return pool.addEnv(name, descriptor.envSpec(), descriptor.module());
  }

  private static void checkFunctions(ClientDescriptor<?> descriptor, VenvHandle handle) {
    Map<String, String> available = handle.functions();
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
        (fn, methods) -> message.append("\n  ").append(fn).append(" (for ").append(String.join(", ", methods)).append(')'));
    List<String> have = available.keySet().stream().sorted().toList();
    message
        .append("\nThe module has: ")
        .append(have.isEmpty() ? "no public functions" : String.join(", ", have))
        .append(". Define the missing functions in the module, or name them with @PyName.");
    throw new NotFoundException(message.toString(), have);
  }
}
