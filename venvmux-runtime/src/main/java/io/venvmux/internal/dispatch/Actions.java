package io.venvmux.internal.dispatch;

import io.venvmux.CallException;
import io.venvmux.internal.wire.Hello;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What the dispatcher does after an {@link EnvState} transition, once it released its lock: send
 * calls, start workers, fail calls, stop workers, answer a hello waiter. Immutable.
 */
final class Actions {
  /** A call to end with an error. */
  record Failure(Call call, CallException error) {}

  static final Actions NONE = new Builder().build();

  /** Calls given a slot ({@link Call#slot}), to send to it. */
  final List<Call> send;

  /** Workers to start, already counted as starting in {@link #generation}. */
  final int starts;

  final int generation;

  final List<Failure> fail;

  /** Workers taken out of service, to stop. */
  final List<Slot> stop;

  /** The slot a call left: its worker must forget the call (drop its reply). */
  final @Nullable Slot forgetOn;

  /** A hello waiter to complete with {@link #hello}, or else with {@link #helloError}. */
  final @Nullable CompletableFuture<Hello> waiter;

  final @Nullable Hello hello;
  final @Nullable CallException helloError;

  private Actions(Builder b) {
    this.send = List.copyOf(b.send);
    this.starts = b.starts;
    this.generation = b.generation;
    this.fail = List.copyOf(b.fail);
    this.stop = List.copyOf(b.stop);
    this.forgetOn = b.forgetOn;
    this.waiter = b.waiter;
    this.hello = b.hello;
    this.helloError = b.helloError;
  }

  /** Collects the actions of one transition. */
  static final class Builder {
    private final List<Call> send = new ArrayList<>();
    private int starts;
    private int generation;
    private final List<Failure> fail = new ArrayList<>();
    private final List<Slot> stop = new ArrayList<>();
    private @Nullable Slot forgetOn;
    private @Nullable CompletableFuture<Hello> waiter;
    private @Nullable Hello hello;
    private @Nullable CallException helloError;

    Builder send(Call call) {
      send.add(call);
      return this;
    }

    Builder start(int count, int gen) {
      starts += count;
      generation = gen;
      return this;
    }

    Builder fail(Call call, CallException error) {
      fail.add(new Failure(call, error));
      return this;
    }

    Builder stop(Slot slot) {
      stop.add(slot);
      return this;
    }

    Builder forget(Slot slot) {
      forgetOn = slot;
      return this;
    }

    Builder answer(@Nullable CompletableFuture<Hello> w, Hello h) {
      waiter = w;
      hello = h;
      return this;
    }

    Builder answer(@Nullable CompletableFuture<Hello> w, CallException e) {
      waiter = w;
      helloError = e;
      return this;
    }

    Actions build() {
      return new Actions(this);
    }
  }
}
