package io.venvmux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The internal packages depend on each other one way only (dispatch → worker → wire → codec, client
 * → codec): jdeps reads the compiled classes, and no internal package may reach itself again.
 */
class PackageCyclesTest {
  private static final Pattern EDGE =
      Pattern.compile(
          "^\\s+(io\\.venvmux\\.internal\\S*)\\s+->\\s+(io\\.venvmux\\.internal\\S*)\\s");

  @Test
  void noInternalPackageDependsBackOnOneThatDependsOnIt() throws Exception {
    Map<String, Set<String>> deps = internalPackageDependencies();
    assertThat(deps).containsKeys("io.venvmux.internal.codec", "io.venvmux.internal.dispatch");

    List<String> cycles = new ArrayList<>();
    deps.forEach(
        (from, tos) -> {
          for (String to : tos) {
            List<String> back = path(deps, to, from, new TreeSet<>());
            if (back != null) {
              cycles.add(from + " -> " + String.join(" -> ", back));
            }
          }
        });
    assertThat(cycles).as("package cycles among io.venvmux.internal.*").isEmpty();
  }

  /** From {@code from} to {@code to} along dependencies, or null when {@code to} is unreachable. */
  private static @Nullable List<String> path(
      Map<String, Set<String>> deps, String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return new ArrayList<>(List.of(to));
    }
    if (!seen.add(from)) {
      return null;
    }
    for (String next : deps.getOrDefault(from, Set.of())) {
      List<String> rest = path(deps, next, to, seen);
      if (rest != null) {
        rest.add(0, from);
        return rest;
      }
    }
    return null;
  }

  /** Package to the other internal packages it uses, as jdeps reads them from target/classes. */
  private static Map<String, Set<String>> internalPackageDependencies() throws Exception {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("run the tests on a JDK: jdeps is missing"));
    Path classes =
        Path.of(GeneratedClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "--ignore-missing-deps",
            classes.toString());
    assertThat(exit).as("jdeps exit status; stderr: %s", err).isZero();

    Map<String, Set<String>> deps = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        deps.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return deps;
  }
}
