package io.venvmux;

import io.venvmux.internal.VenvMuxHome;
import io.venvmux.internal.env.EnvManifest;
import io.venvmux.internal.env.EnvResolver;
import io.venvmux.internal.env.EnvStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Looks after the envs venvmux builds under a home ({@code <home>/envs/<hash>}): lists them,
 * removes one, prunes those no longer wanted and the leftovers of builds that did not finish.
 *
 * <p>Nothing here waits for a build: an env whose build lock is held (a build is running in this or
 * another process) is skipped. Removing an env that a running pool's workers use breaks those
 * workers; stop the pool first, or pass the hashes in use to {@link #prune(Set)} (see {@link
 * #hashOf(EnvSpec)}). A removed env is simply built again the next time a spec asks for it.
 *
 * <pre>{@code
 * EnvCache cache = EnvCache.atDefaultHome();
 * cache.list().forEach(e -> System.out.println(e.hash() + " " + e.packages()));
 * cache.prune(Set.of(cache.hashOf(mySpec)), Duration.ofDays(30));
 * }</pre>
 *
 * <p>The same from a shell: {@link EnvCacheCli}.
 */
public final class EnvCache {
  private final Path home;
  private final EnvStore store;

  private EnvCache(Path home) {
    this.home = home.toAbsolutePath();
    this.store = new EnvStore(this.home);
  }

  /** The cache of the venvmux home at this path. */
  public static EnvCache at(Path home) {
    return new EnvCache(home);
  }

  /** The cache of the default home: {@code $VENV_MUX_HOME}, else {@code ~/.venvmux}. */
  public static EnvCache atDefaultHome() {
    return new EnvCache(VenvMuxHome.resolve(null));
  }

  /** The venvmux home this cache looks after. */
  public Path home() {
    return home;
  }

  /** Every env under the home, complete or not, sorted by hash. */
  public List<EnvInfo> list() {
    List<EnvInfo> out = new ArrayList<>();
    for (String hash : store.hashes()) {
      out.add(info(hash));
    }
    return out;
  }

  /** One env, if its folder exists. */
  public Optional<EnvInfo> get(String hash) {
    return store.hashes().contains(hash) ? Optional.of(info(hash)) : Optional.empty();
  }

  /**
   * The hash of the env this spec resolves to under this home (whether built yet or not). Finds the
   * interpreter but builds nothing.
   *
   * @throws IllegalArgumentException when the spec builds no env (a given venv, or no source)
   */
  public String hashOf(EnvSpec spec) {
    return new EnvResolver(home).hashOf(spec);
  }

  /**
   * Removes one env.
   *
   * @return true when it was removed, false when there was none with this hash
   * @throws IllegalArgumentException when {@code hash} is not shaped like an env hash
   * @throws IllegalStateException when a build of it is running
   */
  public boolean remove(String hash) {
    if (!EnvStore.isHash(hash)) {
      throw new IllegalArgumentException("not an env hash: '" + hash + "' (see EnvCache.list())");
    }
    if (!store.hashes().contains(hash)) {
      return false;
    }
    if (!store.removeIfIdle(hash)) {
      throw new IllegalStateException(
          "env " + hash + " is being built right now; try again when the build is done");
    }
    return true;
  }

  /** Removes the folders of builds that did not finish (failed, killed) and are not running now. */
  public List<String> removeIncomplete() {
    List<String> removed = new ArrayList<>();
    for (String hash : store.hashes()) {
      // seen incomplete, but its build may finish before the lock is ours: checked again under it
      if (!store.isComplete(hash) && store.removeIfIdle(hash, h -> !store.isComplete(h))) {
        removed.add(hash);
      }
    }
    store.removeOrphanLocks();
    return removed;
  }

  /**
   * Removes every env not in {@code inUse}, and every incomplete leftover; returns the removed
   * hashes.
   */
  public List<String> prune(Set<String> inUse) {
    return prune(inUse, Duration.ZERO);
  }

  /**
   * Removes incomplete leftovers, and the complete envs not in {@code inUse} that were last used
   * longer ago than {@code unusedFor}; returns the removed hashes.
   */
  public List<String> prune(Set<String> inUse, Duration unusedFor) {
    List<String> removed = new ArrayList<>(removeIncomplete());
    Instant cutoff = Instant.now().minus(unusedFor);
    Predicate<String> unused =
        h -> store.isComplete(h) && !store.lastUsed(h).orElse(Instant.EPOCH).isAfter(cutoff);
    for (String hash : store.hashes()) {
      if (!inUse.contains(hash) && unused.test(hash) && store.removeIfIdle(hash, unused)) {
        removed.add(hash);
      }
    }
    store.removeOrphanLocks();
    return removed;
  }

  private EnvInfo info(String hash) {
    Path dir = store.envDir(hash);
    Optional<EnvManifest> m = store.isComplete(hash) ? EnvManifest.read(dir) : Optional.empty();
    return new EnvInfo(
        hash,
        dir,
        m.isPresent(),
        store.sizeOnDisk(hash),
        store.lastUsed(hash).orElse(null),
        m.map(x -> parseInstant(x.created())).orElse(null),
        m.map(EnvManifest::pythonVersion).orElse(null),
        m.map(EnvManifest::interpreter).orElse(null),
        m.map(EnvManifest::installer).orElse(null),
        m.map(EnvManifest::source).orElse(null),
        m.map(EnvManifest::inputs).orElse(Map.of()),
        m.map(EnvManifest::packages).orElse(Map.of()));
  }

  private static @Nullable Instant parseInstant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
