package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStartException;
import io.venvmux.PoolClosedException;
import io.venvmux.internal.codec.BinaryOut;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.worker.WorkerLaunch;
import io.venvmux.internal.worker.WorkerProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Starts the worker processes of one env: resolves the env once (shared by concurrent starts, again
 * only after a failure), launches a worker, registers it with the pool and waits for its hello.
 * Blocking; the dispatcher runs it on a background thread.
 */
final class WorkerStarter {
  private final String name;
  private final String module;
  private final EnvSpec spec;
  private final PoolRuntime rt;
  private final Function<EnvSpec, ResolvedEnv> resolver;
  private final Consumer<WorkerProcess> onExit;
  private @Nullable CompletableFuture<ResolvedEnv> resolving; // guarded by this

  /**
   * @param onExit told when a worker this started exits (after the pool forgot it)
   */
  WorkerStarter(
      String name,
      String module,
      EnvSpec spec,
      PoolRuntime rt,
      Function<EnvSpec, ResolvedEnv> resolver,
      Consumer<WorkerProcess> onExit) {
    this.name = name;
    this.module = module;
    this.spec = spec;
    this.rt = rt;
    this.resolver = resolver;
    this.onExit = onExit;
  }

  /**
   * Starts one worker and waits for its hello.
   *
   * @throws CallException why it could not start ({@link PoolClosedException} if the pool closed)
   */
  WorkerProcess start() {
    WorkerProcess proc;
    try {
      WorkerLaunch launch =
          spec.ray().isPresent()
              ? rt.ray.launch(
                  name,
                  module,
                  spec,
                  rt.workerSources(),
                  rt.serializer,
                  rt.maxResultBytes,
                  rt.resultSpillDir())
              : WorkerLaunch.forEnv(
                  name,
                  module,
                  spec,
                  resolved(),
                  rt.workerSources(),
                  rt.serializer,
                  rt.maxResultBytes,
                  rt.spill.dir(), // results and binary data come back through it
                  BinaryOut.MIN_BYTES,
                  rt.maxReplyLineBytes);
      proc = WorkerProcess.spawn(launch, this::exited);
    } catch (CallException e) {
      throw e;
    } catch (Throwable e) { // an Error too: left uncaught, the waiting calls would never end
      throw new EnvStartException("cannot start a worker for env '" + name + "': " + e, "", e);
    }
    if (!rt.track(proc)) {
      proc.kill("the pool closed");
      proc.awaitExit(Duration.ofSeconds(10));
      throw new PoolClosedException("the pool closed while env '" + name + "' was starting");
    }
    proc.awaitHello();
    return proc;
  }

  private void exited(WorkerProcess proc) {
    rt.untrack(proc);
    onExit.accept(proc);
  }

  /** The resolved env; resolving runs once, on the first start (again only after a failure). */
  private ResolvedEnv resolved() {
    CompletableFuture<ResolvedEnv> f;
    boolean mine = false;
    synchronized (this) {
      f = resolving;
      if (f == null || f.isCompletedExceptionally()) {
        f = new CompletableFuture<>();
        resolving = f;
        mine = true;
      }
    }
    if (mine) {
      try {
        f.complete(resolver.apply(spec));
      } catch (CallException e) {
        f.completeExceptionally(e);
      } catch (
          Throwable e) { // an Error too: left uncaught, every later start would wait on f forever
        f.completeExceptionally(
            new EnvStartException("cannot prepare env '" + name + "' (" + spec + "): " + e, "", e));
      }
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.copy((CallException) e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolClosedException("interrupted while env '" + name + "' was being prepared");
    }
  }

  /** Why a worker that exited right after its hello, before any call, failed to start. */
  static EnvStartException diedStarting(WorkerProcess proc) {
    return new EnvStartException(
        proc
            + " exited with code "
            + proc.exitCode()
            + " right after its hello, before it was sent any call;"
            + " its last stderr lines follow",
        String.join("\n", proc.stderrTail()));
  }
}
