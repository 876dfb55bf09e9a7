package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.venvmux.EnvSpec;
import io.venvmux.EnvStartException;
import io.venvmux.Pool;
import io.venvmux.PoolClosedException;
import io.venvmux.Serializer;
import io.venvmux.VenvHandle;
import io.venvmux.internal.env.ResolvedEnv;
import io.venvmux.internal.worker.WorkerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Interleavings of the dispatcher that a test cannot time from outside, driven step by step here
 * against real workers.
 */
class DispatchRacesTest {
  static final Path FIXTURES = Path.of("src/test/python").toAbsolutePath();
  static final String PYTHON = System.getProperty("venvmux.test.python", "python3");
  static final Path HOME =
      Path.of(System.getProperty("venvmux.test.home", "target/venvmux-home")).toAbsolutePath();

  /** Without pipelining: a second call waits in the queue while the worker runs the first. */
  private static EnvSpec oneWorker() {
    return EnvSpec.builder().python(PYTHON).workerPaths(FIXTURES).workers(1).pipelined(0).build();
  }

  private static EnvHandle startedHandle(Pool pool) {
    VenvHandle h = pool.venv("e");
    h.functions();
    return (EnvHandle) h;
  }

  private static Call addCall(CallFactory calls) {
    return calls.newCall("add", List.of(), Map.of("a", 1, "b", 2), null, null);
  }

  @Test
  void aCallAssignedJustBeforeStopEnvFailsInsteadOfWaitingForever() throws Exception {
    try (Pool pool = Pool.builder().home(HOME).env("e", oneWorker(), "vmx_fixture").build()) {
      EnvHandle h = startedHandle(pool);
      EnvDispatcher d = h.dispatcher();
      WorkerProcess proc = d.workers().get(0);
      // The call got its slot, then stopEnv ran to completion before it was written.
      Slot slot = new Slot(new ProcessWorker(proc), proc.hello(), 0, System.nanoTime());
      Call call = addCall(h.calls());
      call.slot = slot;
      slot.inflight = 1;
      d.stop(false);
      assertThat(proc.exited()).isTrue();

      d.sendTo(slot, call);

      ExecutionException x =
          catchThrowableOfType(
              ExecutionException.class, () -> call.outcome.get(30, TimeUnit.SECONDS));
      assertThat(x.getCause()).isInstanceOf(PoolClosedException.class).hasMessageContaining("add");
      assertThat(pool.venv("e").call("add", Map.of("a", 2, "b", 2))).isEqualTo(4);
    }
  }

  @Test
  void aTimeoutThatLosesToTheReplyDoesNotMarkTheCallTimedOut() throws Exception {
    try (Pool pool = Pool.builder().home(HOME).env("e", oneWorker(), "vmx_fixture").build()) {
      EnvHandle h = startedHandle(pool);
      EnvDispatcher d = h.dispatcher();
      long pid = d.workers().get(0).pid();
      Call call = addCall(h.calls());
      d.submit(call);
      call.outcome.get(30, TimeUnit.SECONDS);

      call.timeOut(); // the timer fired as the reply ended the call

      assertThat(call.timedOut).isFalse();
      assertThat(d.workers()).extracting(WorkerProcess::pid).containsExactly(pid);
    }
  }

  @Test
  void anErrorWhileResolvingFailsTheWaitingCallsAndTheNextCallStartsTheEnv() throws Exception {
    PoolRuntime rt = new PoolRuntime(HOME, Serializer.JSON, null, null, null);
    AtomicInteger attempts = new AtomicInteger();
    Function<EnvSpec, ResolvedEnv> resolve =
        spec -> {
          if (attempts.getAndIncrement() == 0) {
            throw new NoClassDefFoundError("simulated/MissingClass");
          }
          return rt.resolver.resolve(spec);
        };
    EnvDispatcher d = new EnvDispatcher("e", "vmx_fixture", oneWorker(), rt, resolve);
    CallFactory calls = new CallFactory(rt, d);
    try {
      Call first = addCall(calls);
      d.submit(first);
      ExecutionException x =
          catchThrowableOfType(
              ExecutionException.class, () -> first.outcome.get(30, TimeUnit.SECONDS));
      assertThat(x.getCause())
          .isInstanceOf(EnvStartException.class)
          .hasMessageContaining("MissingClass")
          .hasRootCauseInstanceOf(NoClassDefFoundError.class);

      Call second = addCall(calls);
      d.submit(second);
      assertThat(second.outcome.get(30, TimeUnit.SECONDS)).isNotNull();
      assertThat(attempts).hasValue(2);
    } finally {
      rt.close(List.of(d));
    }
  }

  @Test
  void aQueuedCallGivenASlotAfterTheBackgroundThreadsStoppedFailsAsClosed() throws Exception {
    PoolRuntime rt = new PoolRuntime(HOME, Serializer.JSON, null, null, null);
    EnvDispatcher d = new EnvDispatcher("e", "vmx_fixture", oneWorker(), rt);
    CallFactory calls = new CallFactory(rt, d);
    try {
      d.hello();
      Call running = calls.newCall("nap", List.of(), Map.of("seconds", 2.0), null, null);
      d.submit(running);
      Call queued = addCall(calls);
      d.submit(queued);
      assertThat(d.queuedCalls()).isEqualTo(1);
      // The pool's close reached its background threads: the reply to the running call now hands
      // the queued one its slot, and no thread will send it.
      rt.background.shutdown();

      assertThat(running.outcome.get(30, TimeUnit.SECONDS)).isNotNull();
      ExecutionException x =
          catchThrowableOfType(
              ExecutionException.class, () -> queued.outcome.get(30, TimeUnit.SECONDS));
      assertThat(x.getCause())
          .isInstanceOf(PoolClosedException.class)
          .hasMessageContaining("'add'")
          .hasMessageContaining("was not sent");
      assertThat(d.queuedCalls()).isZero();
      Call after = addCall(calls);
      d.submit(after); // its slot was freed: it goes straight to the worker
      assertThat(after.outcome.get(30, TimeUnit.SECONDS)).isNotNull();
    } finally {
      rt.close(List.of(d));
    }
  }
}
