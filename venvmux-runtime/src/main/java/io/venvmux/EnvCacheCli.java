package io.venvmux;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The env cache from a shell:
 *
 * <pre>
 * java -cp venvmux-runtime.jar:... io.venvmux.EnvCacheCli [--home DIR] list
 * java ... io.venvmux.EnvCacheCli [--home DIR] remove HASH...
 * java ... io.venvmux.EnvCacheCli [--home DIR] prune [--unused-days N] [--keep HASH,...]
 * </pre>
 *
 * {@code list} shows each env's hash, state, size, last use, Python and packages. {@code prune}
 * removes incomplete leftovers and the envs not used for N days (default 30), except those kept;
 * {@code --unused-days 0} removes every env not kept. The home defaults to {@code $VENV_MUX_HOME},
 * else {@code ~/.venvmux}. Exit status: 0 done, 1 failed, 2 bad usage.
 */
public final class EnvCacheCli {
  private static final String USAGE =
      "usage: EnvCacheCli [--home DIR] list | remove HASH... | prune [--unused-days N] [--keep HASH,...]";

  private EnvCacheCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    EnvCache cache;
    try {
      if (a.size() >= 2 && a.get(0).equals("--home")) {
        cache = EnvCache.at(Path.of(a.get(1)));
        a = a.subList(2, a.size());
      } else {
        cache = EnvCache.atDefaultHome();
      }
      if (a.isEmpty()) {
        err.println(USAGE);
        return 2;
      }
      String command = a.get(0);
      List<String> rest = a.subList(1, a.size());
      switch (command) {
        case "list":
          return list(cache, out);
        case "remove":
          return remove(cache, rest, out, err);
        case "prune":
          return prune(cache, rest, out);
        default:
          err.println("unknown command '" + command + "'\n" + USAGE);
          return 2;
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    } catch (RuntimeException e) {
      err.println("failed: " + e.getMessage());
      return 1;
    }
  }

  private static int list(EnvCache cache, PrintStream out) {
    List<EnvInfo> envs = cache.list();
    if (envs.isEmpty()) {
      out.println("no envs under " + cache.home().resolve("envs"));
      return 0;
    }
    out.printf(
        "%-16s  %-10s  %9s  %-20s  %-8s  %-12s  %s%n",
        "HASH", "STATE", "SIZE", "LAST USED", "PYTHON", "SOURCE", "PACKAGES");
    for (EnvInfo e : envs) {
      out.printf(
          "%-16s  %-10s  %9s  %-20s  %-8s  %-12s  %s%n",
          e.hash(),
          e.complete() ? "complete" : "incomplete",
          size(e.sizeBytes()),
          e.lastUsed() == null ? "-" : e.lastUsed().truncatedTo(ChronoUnit.SECONDS).toString(),
          e.pythonVersion() == null ? "-" : e.pythonVersion(),
          e.source() == null ? "-" : e.source(),
          packages(e.packages()));
    }
    return 0;
  }

  private static int remove(EnvCache cache, List<String> hashes, PrintStream out, PrintStream err) {
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("remove needs at least one hash");
    }
    int status = 0;
    for (String hash : hashes) {
      try {
        if (cache.remove(hash)) {
          out.println("removed " + hash);
        } else {
          err.println("no env " + hash);
          status = 1;
        }
      } catch (IllegalStateException e) {
        err.println(e.getMessage());
        status = 1;
      }
    }
    return status;
  }

  private static int prune(EnvCache cache, List<String> options, PrintStream out) {
    long days = 30;
    Set<String> keep = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      String o = options.get(i);
      if (i + 1 >= options.size()) {
        throw new IllegalArgumentException(o + " needs a value");
      }
      String value = options.get(++i);
      if (o.equals("--unused-days")) {
        try {
          days = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--unused-days needs a number of days, not '" + value + "'");
        }
      } else if (o.equals("--keep")) {
        keep.addAll(Arrays.asList(value.split(",")));
      } else {
        throw new IllegalArgumentException("unknown option " + o);
      }
    }
    List<String> removed = cache.prune(keep, Duration.ofDays(days));
    removed.forEach(h -> out.println("removed " + h));
    out.println(
        removed.size()
            + (removed.size() == 1 ? " env removed" : " envs removed")
            + " at "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    return 0;
  }

  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%d KiB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static String packages(Map<String, String> packages) {
    String all =
        packages.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(p -> p.getKey() + "==" + p.getValue())
            .collect(Collectors.joining(" "));
    return all.length() > 80 ? all.substring(0, 77) + "..." : all;
  }
}
