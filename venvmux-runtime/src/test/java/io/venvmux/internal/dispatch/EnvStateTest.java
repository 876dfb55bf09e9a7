package io.venvmux.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.venvmux.CallException;
import io.venvmux.CallTimeoutException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStartException;
import io.venvmux.EnvStats;
import io.venvmux.PoolClosedException;
import io.venvmux.QueueFullException;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.worker.PendingCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The env's state transitions alone: no processes, no threads, a fake clock. Each test drives one
 * interleaving step by step, the way the dispatcher would under its lock, and checks what the state
 * asks the dispatcher to do.
 */
class EnvStateTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final long T0 = -5 * SECOND; // System.nanoTime may be negative

  /** A worker that only says whether it exited; the state never asks it anything else. */
  private static final class FakeWorker implements Worker {
    boolean exited;

    @Override
    public boolean exited() {
      return exited;
    }

    @Override
    public boolean send(PendingCall call) {
      throw new AssertionError("the state sends nothing itself");
    }

    @Override
    public List<PendingCall> sendAll(List<? extends PendingCall> calls) {
      throw new AssertionError("the state sends nothing itself");
    }

    @Override
    public void forget(PendingCall call) {
      throw new AssertionError("the state forgets nothing itself");
    }

    @Override
    public void kill(String reason) {
      throw new AssertionError("the state kills nothing itself");
    }

    @Override
    public void stop(Duration grace, String reason) {
      throw new AssertionError("the state stops nothing itself");
    }
  }

  private EnvState state;
  private long now = T0;
  private long ids;

  /** What the state answered when the last call ended or was released (the calls report it). */
  private final List<Actions> fromCalls = new ArrayList<>();

  private final Call.Listener toState =
      new Call.Listener() {
        @Override
        public void ended(Call call) {
          fromCalls.add(state.ended(call, now));
        }

        @Override
        public void released(Call call) {
          fromCalls.add(state.released(call, now));
        }

        @Override
        public boolean requeue(Call call) {
          Actions.Builder b = new Actions.Builder();
          boolean requeued = state.requeue(call, b);
          fromCalls.add(b.build());
          return requeued;
        }
      };

  /** Without pipelining: a call goes to a worker only when it can start there. */
  private static EnvSpec fixed(int workers, int inflight) {
    return EnvSpec.builder()
        .python("python3")
        .workers(workers)
        .inflight(inflight)
        .pipelined(0)
        .build();
  }

  private static EnvSpec.Builder auto() {
    return EnvSpec.builder()
        .python("python3")
        .pipelined(0)
        .autoWorkers()
        .minWorkers(1)
        .maxWorkers(3)
        .saturationWindowLen(1)
        .scaleUpCooldown(Duration.ofSeconds(1))
        .scaleDownIdle(Duration.ofSeconds(10));
  }

  private EnvState newState(EnvSpec spec) {
    state = new EnvState("e", spec, now);
    return state;
  }

  private Call call() {
    return call(null);
  }

  private Call call(Duration timeout) {
    long id = ++ids;
    return new Call(toState, "e", now, id, "f" + id, new byte[0], null, null, timeout);
  }

  private static Slot slot(int generation, long began) {
    return new Slot(new FakeWorker(), hello(), generation, began);
  }

  private static Hello hello() {
    return new Hello(Hello.PROTOCOL, 1, "3.11", "m", "json", Map.of(), Set.of());
  }

  /** A worker of the current generation says hello. */
  private Actions started(Slot slot) {
    return state.started(slot);
  }

  private static void exit(Slot slot) {
    ((FakeWorker) slot.worker).exited = true;
  }

  private Actions lastFromCall() {
    return fromCalls.get(fromCalls.size() - 1);
  }

  private static EnvStartException startError() {
    return new EnvStartException("boom", "");
  }

  // ---------------------------------------------------------------- slots and queue

  @Test
  void aCallTakesTheLeastLoadedLiveSlotUpToTheInflightLimit() {
    newState(fixed(2, 2));
    assertThat(state.startMinWorkers().starts).isEqualTo(2);
    Slot a = slot(0, now);
    Slot b = slot(0, now);
    started(a);
    started(b);

    List<Slot> chosen = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Call c = call();
      assertThat(state.submit(c, now).send).containsExactly(c);
      chosen.add(c.slot);
    }
    assertThat(chosen).containsExactly(a, b, a, b);
    assertThat(a.inflight).isEqualTo(2);
    assertThat(b.inflight).isEqualTo(2);

    Call fifth = call();
    Actions queued = state.submit(fifth, now);
    assertThat(queued.send).isEmpty();
    assertThat(queued.starts).isZero(); // both workers are up: nothing to start
    assertThat(fifth.slot).isNull();
    assertThat(state.queued()).isEqualTo(1);
  }

  @Test
  void anExitedWorkerTakesNoCallsAndIsNotCountedLive() {
    newState(fixed(1, 4));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    exit(a);

    Call c = call();
    Actions act = state.submit(c, now);
    assertThat(act.send).isEmpty();
    assertThat(state.queued()).isEqualTo(1);
    assertThat(act.starts).as("the exited worker is not counted live").isEqualTo(1);
  }

  @Test
  void queuedCallsGoOutInSubmissionOrderAsSlotsFree() {
    newState(fixed(1, 1));
    Call c1 = call();
    Call c2 = call();
    Call c3 = call();
    Actions first = state.submit(c1, now);
    assertThat(first.starts).isEqualTo(1);
    assertThat(first.generation).isZero();
    assertThat(state.submit(c2, now).starts).as("one is already starting").isZero();
    state.submit(c3, now);
    assertThat(state.queued()).isEqualTo(3);

    assertThat(started(slot(0, now)).send).containsExactly(c1);
    c1.fail(new CallException("x", "reply"));
    assertThat(lastFromCall().send).containsExactly(c2);
    c2.fail(new CallException("x", "reply"));
    assertThat(lastFromCall().send).containsExactly(c3);
    assertThat(state.queued()).isZero();
  }

  @Test
  void aQueuedCallThatEndsLeavesTheQueueAndIsNeverSent() {
    newState(fixed(1, 1));
    Call c1 = call();
    Call c2 = call();
    Call c3 = call();
    state.submit(c1, now);
    state.submit(c2, now);
    state.submit(c3, now);

    c2.cancel();
    assertThat(state.queued()).isEqualTo(2);

    Slot a = slot(0, now);
    assertThat(started(a).send).containsExactly(c1);
    c1.fail(new CallException("x", "reply"));
    assertThat(lastFromCall().send).containsExactly(c3);
  }

  // ---------------------------------------------------------------- starting workers

  @Test
  void aFixedEnvStartsItsCountOnceAndReplacesAWorkerThatExits() {
    newState(fixed(2, 1));
    Actions first = state.submit(call(), now);
    assertThat(first.starts).isEqualTo(2);
    assertThat(state.submit(call(), now).starts).isZero();
    assertThat(state.starting()).isEqualTo(2);
    Slot a = slot(0, now);
    started(a);
    started(slot(0, now));
    assertThat(state.starting()).isZero();

    exit(a);
    Actions replaced = state.exited(a.worker);
    assertThat(replaced.starts).isEqualTo(1);
    assertThat(state.slotOf(a.worker)).isNull();
  }

  @Test
  void anAutoEnvWithoutMinimumStartsOneWorkerForTheFirstCallOnly() {
    newState(auto().minWorkers(0).build());
    assertThat(state.startMinWorkers().starts).isZero();
    assertThat(state.target()).isZero();

    assertThat(state.submit(call(), now).starts).isEqualTo(1);
    assertThat(state.target()).isEqualTo(1);
    assertThat(state.submit(call(), now).starts).isZero();
  }

  @Test
  void anAutoEnvStartsItsMinimumAheadOfTheFirstCall() {
    newState(auto().minWorkers(2).build());
    assertThat(state.startMinWorkers().starts).isEqualTo(2);
    assertThat(state.startMinWorkers().starts).as("already starting").isZero();
  }

  @Test
  void aStartThatCouldNotBeScheduledIsNoLongerCountedOnlyInItsGeneration() {
    newState(fixed(1, 1));
    state.submit(call(), now);
    state.startNotScheduled(0);
    assertThat(state.starting()).isZero();

    assertThat(state.submit(call(), now).starts).isEqualTo(1);
    state.reload();
    int afterReload = state.starting();
    state.startNotScheduled(0); // a start of the old generation
    assertThat(state.starting()).isEqualTo(afterReload);
  }

  @Test
  void aHelloWaiterIsAnsweredByTheNextReadyWorker() {
    newState(auto().minWorkers(0).build());
    assertThat(state.liveHello()).isNull();
    CompletableFuture<Hello> waiter = state.helloWaiter();
    assertThat(state.helloWaiter()).isSameAs(waiter);
    assertThat(state.wantWorker().starts).isEqualTo(1);

    Slot a = slot(0, now);
    Actions act = started(a);
    assertThat(act.waiter).isSameAs(waiter);
    assertThat(act.hello).isSameAs(a.hello);
    assertThat(state.liveHello()).isSameAs(a.hello);
    assertThat(state.helloWaiter()).isNotSameAs(waiter);
  }

  // ---------------------------------------------------------------- crash-loop protection

  @Test
  void aFailedStartFailsTheQueuedCallsAndBlocksStartsUntilTheNextCall() {
    newState(fixed(1, 1));
    long began = now;
    Call c1 = call();
    Call c2 = call();
    state.submit(c1, now);
    state.submit(c2, now);
    CompletableFuture<Hello> waiter = state.helloWaiter();

    now += SECOND;
    EnvStartException e = startError();
    Actions failed = state.startFailed(0, began, e, true, now);
    assertThat(failed.fail).extracting(Actions.Failure::call).containsExactly(c1, c2);
    assertThat(failed.fail)
        .allSatisfy(
            f -> assertThat(f.error()).isInstanceOf(EnvStartException.class).isNotSameAs(e));
    assertThat(failed.waiter).isSameAs(waiter);
    assertThat(failed.helloError).isInstanceOf(EnvStartException.class);
    assertThat(failed.starts).isZero();
    assertThat(state.queued()).isZero();

    // Blocked: neither an exit, a tick nor a stale start failure starts another worker.
    assertThat(state.exited(new FakeWorker()).starts).isZero();
    assertThat(state.tick(now + 60 * SECOND).starts).isZero();

    now += SECOND;
    Call c3 = call();
    Actions next = state.submit(c3, now);
    assertThat(next.starts).as("the next call tries again").isEqualTo(1);
    assertThat(next.fail).isEmpty();
  }

  @Test
  void theMinimumWorkersFailingBeforeAnyCallFailNothingAndStartNothingMore() {
    newState(fixed(1, 1));
    long began = now;
    state.startMinWorkers();
    now += SECOND;
    Actions failed = state.startFailed(0, began, startError(), true, now);
    assertThat(failed.fail).isEmpty();
    assertThat(failed.starts).isZero();
    assertThat(state.startMinWorkers().starts).isZero();
    assertThat(state.submit(call(), now).starts).isEqualTo(1);
  }

  @Test
  void aStaleStartFailureOnlyFailsCallsQueuedBeforeTheEarlierFailure() {
    newState(fixed(2, 1));
    long firstBurst = now;
    Call c1 = call();
    assertThat(state.submit(c1, now).starts).isEqualTo(2); // attempts A and B

    now += SECOND;
    Actions aFailed = state.startFailed(0, firstBurst, startError(), true, now);
    assertThat(aFailed.fail).extracting(Actions.Failure::call).containsExactly(c1);

    now += SECOND;
    long secondBurst = now;
    Call c2 = call();
    assertThat(state.submit(c2, now).starts).as("attempt C, for the new burst").isEqualTo(1);

    now += SECOND;
    Actions bFailed = state.startFailed(0, firstBurst, startError(), true, now);
    assertThat(bFailed.fail).as("B began before A failed: c2 is not its call").isEmpty();
    assertThat(bFailed.starts).as("C is still starting").isZero();
    assertThat(state.queued()).isEqualTo(1);

    now += SECOND;
    Actions cFailed = state.startFailed(0, secondBurst, startError(), true, now);
    assertThat(cFailed.fail).extracting(Actions.Failure::call).containsExactly(c2);
  }

  @Test
  void aStaleFailureStartsAnotherAttemptForCallsNoAttemptIsLeftFor() {
    newState(fixed(1, 1));
    long began = now;
    state.startMinWorkers(); // attempt A
    now += SECOND;
    state.startFailed(0, began, startError(), true, now); // nothing queued yet
    now += SECOND;
    Call c = call();
    assertThat(state.submit(c, now).starts).isEqualTo(1); // attempt B
    // B is given up on (not scheduled) and a stale attempt from before the failure reports.
    state.startNotScheduled(0);
    now += SECOND;
    Actions stale = state.startFailed(0, began, startError(), false, now);
    assertThat(stale.fail).isEmpty();
    assertThat(stale.starts).as("c still waits and no attempt is left for it").isEqualTo(1);
  }

  @Test
  void aFailureWhileAWorkerIsUpFailsNoCall() {
    newState(fixed(2, 1));
    Call c1 = call();
    state.submit(c1, now);
    started(slot(0, now));
    Call c2 = call();
    state.submit(c2, now);
    state.submit(call(), now);
    Actions failed = state.startFailed(0, now, startError(), true, now + SECOND);
    assertThat(failed.fail).isEmpty();
    assertThat(state.queued()).isEqualTo(2);
  }

  @Test
  void aWorkerThatDiedRightAfterItsHelloCountsAsAFailedStart() {
    newState(fixed(1, 1));
    long began = now;
    state.startMinWorkers();
    Slot a = slot(0, began);
    started(a);
    exit(a); // right after its hello, before any call
    Call queued = call();
    assertThat(state.submit(queued, now).starts).as("a is not live").isEqualTo(1);
    state.remove(a);
    Actions failed = state.startFailed(a.generation, a.startedNanos, startError(), false, now);
    assertThat(failed.fail).extracting(Actions.Failure::call).containsExactly(queued);
    assertThat(state.starting()).as("the replacement still counts; a no longer did").isEqualTo(1);
  }

  // ---------------------------------------------------------------- generations

  @Test
  void aWorkerThatStartsAfterStopOrReloadIsUnwantedAndItsFailureIgnored() {
    newState(fixed(1, 1));
    Call c = call();
    state.submit(c, now);
    state.stop(false);
    assertThat(state.wants(0)).isFalse();

    Slot late = slot(0, now);
    Actions act = started(late);
    assertThat(act.stop).containsExactly(late);
    assertThat(act.send).isEmpty();
    assertThat(state.liveSlots()).isEmpty();
    assertThat(state.startFailed(0, now, startError(), true, now).fail).isEmpty();

    Call c2 = call();
    Actions again = state.submit(c2, now);
    assertThat(again.generation).isEqualTo(1);
    state.reload();
    assertThat(started(slot(1, now)).stop).hasSize(1);
    assertThat(started(slot(2, now)).send).containsExactly(c2);
  }

  @Test
  void stopFailsQueuedCallsAndTheWaiterAndRetiresEveryWorker() {
    newState(fixed(2, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call running = call();
    state.submit(running, now);
    Call queued = call();
    state.submit(queued, now);
    state.submit(call(), now);
    CompletableFuture<Hello> waiter = state.helloWaiter();

    Actions stop = state.stop(false);
    assertThat(stop.fail).extracting(Actions.Failure::call).contains(queued).hasSize(2);
    assertThat(stop.fail.get(0).error())
        .isInstanceOf(PoolClosedException.class)
        .hasMessageContaining("env 'e' was stopped before fn '" + queued.fn + "'");
    assertThat(stop.stop).containsExactly(a);
    assertThat(a.retiring).isTrue();
    assertThat(stop.waiter).isSameAs(waiter);
    assertThat(stop.helloError).isInstanceOf(PoolClosedException.class);
    assertThat(state.queued()).isZero();
    assertThat(state.tick(now + 60 * SECOND).starts).as("stopped: no sizing").isZero();

    assertThat(state.submit(call(), now).starts).as("the next call starts it again").isEqualTo(2);
    Actions close = state.stop(true);
    assertThat(close.fail.get(0).error()).hasMessageContaining("the pool was closed");
    assertThat(state.closed()).isTrue();
    assertThat(state.startMinWorkers().starts).isZero();
  }

  @Test
  void reloadReplacesTheWorkersKeepingTheirCount() {
    newState(auto().minWorkers(1).build());
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    state.submit(c, now);

    Actions reload = state.reload();
    assertThat(reload.stop).containsExactly(a);
    assertThat(reload.starts).isEqualTo(1);
    assertThat(reload.generation).isEqualTo(1);
    Call next = call();
    assertThat(state.submit(next, now).send).as("the old worker takes no new call").isEmpty();
    assertThat(started(slot(1, now)).send).containsExactly(next);
  }

  // ---------------------------------------------------------------- sizing

  @Test
  void anAutoEnvGrowsUnderSaturationAndRetiresTheOldestWhenIdle() {
    newState(auto().inflight(1).build());
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c1 = call();
    state.submit(c1, now);
    Call c2 = call();
    state.submit(c2, now);

    now += SECOND / 10;
    Actions grow = state.tick(now);
    assertThat(grow.starts).isEqualTo(1);
    assertThat(state.target()).isEqualTo(2);
    Slot b = slot(0, now);
    assertThat(started(b).send).containsExactly(c2);

    now += 2 * SECOND;
    Call c3 = call();
    state.submit(c3, now);
    assertThat(state.tick(now).starts).isEqualTo(1);
    Slot c = slot(0, now);
    assertThat(started(c).send).containsExactly(c3);
    assertThat(state.tick(now).starts).as("nothing waits").isZero();

    for (Call done : List.of(c1, c2, c3)) {
      done.fail(new CallException("x", "reply"));
    }
    assertThat(state.tick(now + 9 * SECOND).stop).isEmpty();
    Actions shrink = state.tick(now + 10 * SECOND);
    assertThat(shrink.stop).containsExactly(a, b);
    assertThat(a.retiring).isTrue();
    assertThat(state.liveSlots()).containsExactly(c);
    assertThat(state.target()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- races of the last round

  @Test
  void aReplyBeforeTheTimeoutFreesTheSlotOnceAndLeavesTheWorkerAlone() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call(Duration.ofSeconds(1));
    state.submit(c, now);

    c.succeed(RawResult.ofValue(1));
    assertThat(lastFromCall().forgetOn).isSameAs(a);
    assertThat(a.inflight).isZero();
    int reports = fromCalls.size();

    assertThat(c.timeOut()).as("the timer fired as the reply ended the call").isFalse();
    assertThat(c.timedOut).isFalse();
    assertThat(fromCalls).hasSize(reports);
    assertThat(a.inflight).isZero();
    assertThat(a.killed).isFalse();
    assertThat(state.liveSlots()).containsExactly(a);
  }

  @Test
  void aTimeoutBeforeTheReplyFreesTheSlotOnceAndReplacesTheKilledWorker() {
    newState(fixed(1, 2));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call(Duration.ofSeconds(1));
    state.submit(c, now);
    Call other = call();
    state.submit(other, now);
    assertThat(a.inflight).isEqualTo(2);

    assertThat(c.timeOut()).isTrue();
    assertThat(c.outcome).isCompletedExceptionally();
    assertThat(c.timedOut).isTrue();
    Actions ended = lastFromCall();
    assertThat(ended.forgetOn).as("its worker forgets it (and is killed)").isSameAs(a);
    assertThat(ended.starts).as("a replacement starts at once").isEqualTo(1);
    assertThat(a.killed).isTrue();
    assertThat(a.inflight).isEqualTo(1);

    c.succeed(RawResult.ofValue(1)); // the reply raced in after the timeout
    c.released();
    assertThat(a.inflight).isEqualTo(1);

    Call next = call();
    assertThat(state.submit(next, now).send).as("the killed worker takes no call").isEmpty();
    other.fail(new CallException("crashed", "killed"));
    assertThat(a.inflight).isZero();
    assertThat(lastFromCall().starts).as("replaced once only").isZero();
    assertThat(started(slot(0, now)).send).containsExactly(next);
  }

  @Test
  void aTimeoutOfAQueuedCallOnlyTakesItOutOfTheQueue() {
    newState(fixed(1, 1));
    Call c = call(Duration.ofSeconds(1));
    state.submit(c, now);
    assertThat(c.timeOut()).isTrue();
    assertThat(state.queued()).isZero();
    assertThat(lastFromCall().forgetOn).isNull();
    assertThatThrownBy(c.outcome::join).hasCauseInstanceOf(CallTimeoutException.class);
  }

  @Test
  void aCallWhoseSendFoundTheWorkerGoneIsQueuedFirstWhileTheEnvRuns() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    assertThat(state.submit(c, now).send).containsExactly(c);
    Call waiting = call();
    state.submit(waiting, now);
    exit(a);

    Actions act = state.sendFailed(c, a, false);
    assertThat(act.fail).isEmpty();
    assertThat(act.starts).as("no live worker is left: one starts").isEqualTo(1);
    assertThat(c.slot).isNull();
    assertThat(a.inflight).isZero();
    assertThat(state.queued()).isEqualTo(2);
    assertThat(started(slot(0, now)).send).as("the requeued call goes first").containsExactly(c);
  }

  @Test
  void aCallWhoseSendFailedAfterStopOrCloseFailsAsClosed() {
    for (String how : List.of("stopped", "closed", "pool closed")) {
      newState(fixed(1, 1));
      state.startMinWorkers();
      Slot a = slot(0, now);
      started(a);
      Call c = call();
      state.submit(c, now);
      // stopEnv ran to completion between the slot choice and the write.
      state.stop(how.equals("closed"));
      exit(a);

      Actions act = state.sendFailed(c, a, how.equals("pool closed"));
      assertThat(act.fail).extracting(Actions.Failure::call).containsExactly(c);
      assertThat(act.fail.get(0).error())
          .isInstanceOf(PoolClosedException.class)
          .hasMessageContaining(how.equals("stopped") ? "was stopped" : "the pool was closed")
          .hasMessageContaining("fn '" + c.fn + "'");
      assertThat(act.starts).isZero();
      assertThat(state.queued()).isZero();
    }
  }

  @Test
  void aCallRefusedByAStoppingWorkerWaitsForTheReloadedOnes() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot old = slot(0, now);
    started(old);
    Call c = call();
    state.submit(c, now);
    state.reload(); // old's stdin closes before c is written: send refuses it

    Actions act = state.sendFailed(c, old, false);
    assertThat(act.fail).isEmpty();
    assertThat(act.starts).as("the reload started the replacement already").isZero();
    assertThat(act.send).isEmpty();
    assertThat(started(slot(1, now)).send).containsExactly(c);
  }

  @Test
  void aSendFailureOfACallThatEndedMeanwhileChangesNothing() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    state.submit(c, now);
    c.fail(new CallException("x", "ended"));
    assertThat(a.inflight).isZero();

    Actions act = state.sendFailed(c, a, false);
    assertThat(act.fail).isEmpty();
    assertThat(a.inflight).as("freed once, by its end").isZero();
    assertThat(state.queued()).isZero();
  }

  @Test
  void aCallCancelledInFlightKeepsItsSlotUntilItsWorkerReleasesIt() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    state.submit(c, now);
    Call next = call();
    state.submit(next, now);

    c.cancel();
    assertThat(c.orphan).isTrue();
    assertThat(a.inflight).as("Python still runs it").isEqualTo(1);
    assertThat(lastFromCall().send).isEmpty();
    assertThat(state.queued()).isEqualTo(1);

    c.released(); // its reply arrived and was dropped
    assertThat(a.inflight).as("freed, and taken by the next call").isEqualTo(1);
    assertThat(lastFromCall().send).containsExactly(next);
    assertThat(next.slot).isSameAs(a);

    int reports = fromCalls.size();
    c.released();
    assertThat(fromCalls.subList(reports, fromCalls.size()))
        .allSatisfy(act -> assertThat(act.send).isEmpty());
    assertThat(a.inflight).as("released once only").isEqualTo(1);
  }

  @Test
  void aCallReleasedJustBeforeItIsCancelledFreesItsSlotAtOnce() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    state.submit(c, now);

    c.released(); // the reply is being read while the caller cancels
    assertThat(a.inflight).isEqualTo(1);
    c.cancel();
    assertThat(c.orphan).isFalse();
    assertThat(a.inflight).isZero();
    assertThat(lastFromCall().forgetOn).isSameAs(a);
  }

  @Test
  void aCallCancelledBetweenTheSlotChoiceAndTheWriteIsFreedWhenTheWriteRefusesIt() {
    newState(fixed(1, 1));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call c = call();
    state.submit(c, now);
    c.cancel();
    assertThat(a.inflight).isEqualTo(1);

    // The worker's send sees the call done, drops it and releases it.
    c.released();
    assertThat(a.inflight).isZero();
    assertThat(state.sendFailed(c, a, false).fail).isEmpty();
    assertThat(a.inflight).isZero();
  }

  // ---------------------------------------------------------------- pipelining

  private static EnvSpec piped(int workers, int depth) {
    return EnvSpec.builder()
        .python("python3")
        .workers(workers)
        .inflight(1)
        .pipelined(depth)
        .build();
  }

  private static RawResult reply() {
    return RawResult.ofValue("ok");
  }

  @Test
  void aWorkerTakesCallsUpToInflightPlusItsPipeAndIsRefilledOnceHalfOfItDrained() {
    newState(piped(1, 4)); // holds 5; takes pipelined calls again at 3
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Call c = call();
      calls.add(c);
      assertThat(state.submit(c, now).send).containsExactly(c);
    }
    assertThat(calls.get(0).mayHaveStarted).isTrue();
    assertThat(calls.subList(1, 5)).noneMatch(c -> c.mayHaveStarted);
    Call sixth = call();
    assertThat(state.submit(sixth, now).send).as("the pipe is full").isEmpty();
    assertThat(state.queued()).as("4 in the pipe, 1 in the queue").isEqualTo(5);

    calls.get(0).succeed(reply());
    assertThat(lastFromCall().send).as("4 left: above the refill mark").isEmpty();
    assertThat(calls.get(1).mayHaveStarted).as("next in the pipe starts").isTrue();
    calls.get(1).succeed(reply());
    assertThat(lastFromCall().send).containsExactly(sixth);
    Call seventh = call();
    assertThat(state.submit(seventh, now).send).containsExactly(seventh);
    assertThat(a.inflight).isEqualTo(5);
    Call eighth = call();
    assertThat(state.submit(eighth, now).send).as("full again").isEmpty();
  }

  @Test
  void theLeastLoadedWorkerIsStillChosenFirst() {
    newState(piped(2, 2));
    state.startMinWorkers();
    Slot a = slot(0, now);
    Slot b = slot(0, now);
    started(a);
    started(b);
    List<Slot> chosen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Call c = call();
      state.submit(c, now);
      chosen.add(c.slot);
    }
    assertThat(chosen).containsExactly(a, b, a, b, a, b);
  }

  @Test
  void aCallWithATimeoutIsSentOnlyWhenAWorkerCanStartItAtOnce() {
    newState(piped(1, 4));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call first = call();
    state.submit(first, now);
    Call timed = call(Duration.ofSeconds(5));
    assertThat(state.submit(timed, now).send).as("would wait in the pipe").isEmpty();
    Call after = call();
    assertThat(state.submit(after, now).send).as("order is kept behind it").isEmpty();

    first.succeed(reply());
    assertThat(lastFromCall().send).containsExactly(timed, after);
    assertThat(timed.mayHaveStarted).isTrue();
  }

  @Test
  void callsWaitingInThePipeOfADeadWorkerGoBackToTheQueueInOrderAndTheRunningOneFails() {
    newState(piped(1, 4));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Call c = call();
      calls.add(c);
      state.submit(c, now);
    }
    Call queuedBehind = call();
    calls.get(3).bounded = true;
    exit(a);
    CallException crash = new CallException("crashed", "worker died");
    // The worker's pending calls come back in no particular order.
    for (int i : new int[] {2, 0, 3, 1}) {
      calls.get(i).workerLost(crash);
    }
    assertThat(calls.get(0).outcome).isCompletedExceptionally();
    assertThat(calls.subList(1, 4)).noneMatch(Call::isDone);
    assertThat(state.queued()).isEqualTo(3);
    state.exited(a.worker);

    Slot b = slot(0, now);
    assertThat(started(b).send).containsExactly(calls.get(1), calls.get(2), calls.get(3));
    assertThat(state.stats().restarts()).isEqualTo(1);
    assertThat(queuedBehind.slot).isNull();
  }

  // ---------------------------------------------------------------- bounded queue

  @Test
  void aCallPastMaxQueuedFailsAtOnceButAMapCallIsNotCounted() {
    newState(EnvSpec.builder().python("python3").workers(1).pipelined(0).maxQueued(2).build());
    state.startMinWorkers();
    started(slot(0, now));
    state.submit(call(), now);
    state.submit(call(), now);
    state.submit(call(), now);
    assertThat(state.queued()).isEqualTo(2);

    Call refused = call();
    Actions a = state.submit(refused, now);
    assertThat(a.fail).hasSize(1);
    assertThat(a.fail.get(0).error())
        .isInstanceOf(QueueFullException.class)
        .hasMessageContaining("maxQueued");
    assertThat(((QueueFullException) a.fail.get(0).error()).maxQueued()).isEqualTo(2);

    Call fromMap = call();
    fromMap.bounded = false;
    assertThat(state.submit(fromMap, now).fail).isEmpty();
    assertThat(state.queued()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- stats

  @Test
  void statsCountEndsFailuresTimeoutsAndLatencies() {
    newState(piped(1, 2));
    state.startMinWorkers();
    Slot a = slot(0, now);
    started(a);
    Call ok = call();
    Call failing = call();
    Call waiting = call();
    state.submit(ok, now);
    state.submit(failing, now);
    state.submit(waiting, now);
    EnvStats before = state.stats();
    assertThat(before.workers()).isEqualTo(1);
    assertThat(before.busy()).isEqualTo(1);
    assertThat(before.queued()).isEqualTo(2);
    assertThat(before.calls()).isZero();
    assertThat(before.p50()).isEqualTo(Duration.ZERO);

    now += Duration.ofMillis(10).toNanos();
    ok.succeed(reply());
    failing.fail(new CallException("x", "boom"));
    now += Duration.ofMillis(90).toNanos();
    waiting.succeed(reply());
    Call timed = call(Duration.ofMillis(50));
    state.submit(timed, now);
    timed.timeOut();

    EnvStats after = state.stats();
    assertThat(after.calls()).isEqualTo(4);
    assertThat(after.failures()).isEqualTo(2);
    assertThat(after.timeouts()).isEqualTo(1);
    assertThat(after.busy()).isZero();
    assertThat(after.queued()).isZero();
    assertThat(after.p50().toMillis()).isBetween(9L, 11L);
    assertThat(after.p99().toMillis()).isBetween(97L, 103L);
  }
}
