package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.venvmux.CallException;
import io.venvmux.EnvSpec;
import io.venvmux.EnvStats;
import io.venvmux.Outcome;
import io.venvmux.VenvHandle;
import io.venvmux.internal.Arguments;
import io.venvmux.internal.codec.WireMapper;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The {@link VenvHandle} of one env: turns calls into {@link Call}s for its dispatcher. */
public final class EnvHandle implements VenvHandle {
  /**
   * Loaded on the first typed call, not when a pool is built: the mapper then loads in the
   * background. Its factory knows the modules' types (Optional is a reference type).
   */
  private static final class Types {
    static final TypeFactory FACTORY = WireMapper.mapper().getTypeFactory();
  }

  /**
   * The result type of an untyped call: none. An untyped call never waits for the mapper, and a
   * pool never loads Jackson's type system before its first workers start (that took tens of
   * milliseconds of a cold JVM's first call).
   */
  private static final @Nullable JavaType UNTYPED = null;

  private final EnvDispatcher env;
  private final PoolRuntime rt;
  private final CallFactory calls;

  public EnvHandle(EnvDispatcher env, PoolRuntime rt) {
    this.env = env;
    this.rt = rt;
    this.calls = new CallFactory(rt, env);
  }

  /** The dispatcher behind this handle. */
  public EnvDispatcher dispatcher() {
    return env;
  }

  /** Makes this env's calls. */
  CallFactory calls() {
    return calls;
  }

  @Override
  public String name() {
    return env.name();
  }

  @Override
  public String module() {
    return env.module();
  }

  @Override
  public @Nullable Object call(String fn, Map<String, ?> kwargs) {
    return call(fn, List.of(), kwargs, UNTYPED, null);
  }

  @Override
  public <T> T call(String fn, Map<String, ?> kwargs, Class<T> type) {
    return call(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  public <T> T call(String fn, Map<String, ?> kwargs, TypeReference<T> type) {
    return call(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T call(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      @Nullable JavaType resultType,
      @Nullable Duration timeout) {
    Call call;
    try {
      call = calls.newCall(fn, orEmpty(args), orEmpty(kwargs), resultType, timeout);
    } catch (CallException e) {
      throw withCallSite(e, fn);
    }
    env.submit(call);
    RawResult raw = await(call);
    try {
      return (T) ResultDecoder.decode(raw, resultType, call.describe());
    } catch (CallException e) {
      throw withCallSite(e, fn);
    }
  }

  @Override
  public CompletableFuture<@Nullable Object> callAsync(String fn, Map<String, ?> kwargs) {
    return callAsync(fn, List.of(), kwargs, UNTYPED, null);
  }

  @Override
  public <T> CompletableFuture<T> callAsync(String fn, Map<String, ?> kwargs, Class<T> type) {
    return callAsync(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  public <T> CompletableFuture<T> callAsync(
      String fn, Map<String, ?> kwargs, TypeReference<T> type) {
    return callAsync(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  public <T> CompletableFuture<T> callAsync(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      @Nullable JavaType resultType,
      @Nullable Duration timeout) {
    Call call;
    try {
      call = calls.newCall(fn, orEmpty(args), orEmpty(kwargs), resultType, timeout);
    } catch (CallException e) {
      return CompletableFuture.failedFuture(e);
    }
    AsyncResult<T> result = new AsyncResult<>(call);
    call.outcome.whenComplete(
        (raw, error) -> rt.completions.complete(result, () -> result.settle(raw, error)));
    env.submit(call);
    return result;
  }

  @Override
  public List<@Nullable Object> map(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers) {
    return valuesOf(fn, runAll(fn, kwargsList, maxWorkers, UNTYPED, true));
  }

  @Override
  public <T> List<T> map(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, Class<T> type) {
    return valuesOf(
        fn, runAll(fn, kwargsList, maxWorkers, Types.FACTORY.constructType(type), true));
  }

  @Override
  public List<Outcome<@Nullable Object>> mapOutcomes(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers) {
    return runAll(fn, kwargsList, maxWorkers, UNTYPED, false);
  }

  @Override
  public <T> List<Outcome<T>> mapOutcomes(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, Class<T> type) {
    return runAll(fn, kwargsList, maxWorkers, Types.FACTORY.constructType(type), false);
  }

  @Override
  public EnvStats stats() {
    return env.stats();
  }

  /** The values in order, or the error of the first element (in input order) that failed. */
  private static <T> List<T> valuesOf(String fn, List<Outcome<T>> outcomes) {
    List<T> out = new ArrayList<>(outcomes.size());
    for (Outcome<T> o : outcomes) {
      if (!o.isSuccess()) {
        throw withCallSite(o.error(), fn);
      }
      out.add(o.value());
    }
    return out;
  }

  /**
   * Calls {@code fn} once per element with at most a window of calls outstanding: enough to fill
   * {@code maxWorkers} workers' slots and pipes twice over, so the queue always holds the next
   * frame's calls, while the list itself is never queued at once (backpressure; the env's {@code
   * maxQueued} does not apply to these calls). With {@code stopOnFailure}, no call starts after the
   * first failure, and the outcomes end at the calls that were started.
   */
  @SuppressWarnings("unchecked")
  private <T> List<Outcome<T>> runAll(
      String fn,
      List<? extends Map<String, ?>> kwargsList,
      int maxWorkers,
      @Nullable JavaType type,
      boolean stopOnFailure) {
    Arguments.atLeast("maxWorkers", maxWorkers, 1);
    EnvSpec spec = env.spec();
    long window = 2L * maxWorkers * (spec.inflight() + spec.pipelined());
    Semaphore permits = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(2, window)));
    AtomicBoolean failed = new AtomicBoolean();
    List<Call> calls = new ArrayList<>(kwargsList.size());
    List<Outcome<T>> out = new ArrayList<>(kwargsList.size());
    try {
      for (Map<String, ?> kwargs : kwargsList) {
        permits.acquire();
        if (stopOnFailure && failed.get()) {
          break;
        }
        Call call;
        try {
          call = this.calls.newCall(fn, List.of(), orEmpty(kwargs), type, null);
        } catch (CallException e) {
          failed.set(true);
          permits.release();
          calls.add(null);
          out.add(Outcome.failure(e));
          if (stopOnFailure) {
            break;
          }
          continue;
        }
        call.bounded = false;
        call.outcome.whenComplete(
            (r, e) -> {
              if (e != null) {
                failed.set(true);
              }
              permits.release();
            });
        calls.add(call);
        out.add(null);
        env.submit(call);
      }
      for (int i = 0; i < calls.size(); i++) {
        Call c = calls.get(i);
        if (c != null) {
          out.set(i, outcomeOf(c, type));
        }
      }
    } catch (InterruptedException e) {
      calls.forEach(
          c -> {
            if (c != null) {
              c.cancel();
            }
          });
      Thread.currentThread().interrupt();
      throw new CallException(
          "interrupted", "interrupted during map of fn '" + fn + "' in env '" + env.name() + "'");
    }
    return out;
  }

  /** Waits for a call of a map and decodes its result on the caller's thread. */
  @SuppressWarnings("unchecked")
  private static <T> Outcome<T> outcomeOf(Call c, @Nullable JavaType type)
      throws InterruptedException {
    try {
      return Outcome.success((T) ResultDecoder.decode(c.outcome.get(), type, c.describe()));
    } catch (ExecutionException | CancellationException e) {
      return Outcome.failure(Failures.unwrap(e));
    } catch (CallException e) {
      return Outcome.failure(e);
    }
  }

  @Override
  public Stream<@Nullable Object> stream(String fn, Map<String, ?> kwargs) {
    return stream(fn, List.of(), kwargs, UNTYPED, null);
  }

  @Override
  public <T> Stream<T> stream(String fn, Map<String, ?> kwargs, Class<T> type) {
    return stream(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  public <T> Stream<T> stream(String fn, Map<String, ?> kwargs, TypeReference<T> type) {
    return stream(fn, List.of(), kwargs, Types.FACTORY.constructType(type), null);
  }

  @Override
  public <T> Stream<T> stream(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      @Nullable JavaType itemType,
      @Nullable Duration timeout) {
    StreamCall call;
    try {
      call = calls.newStreamCall(fn, orEmpty(args), orEmpty(kwargs), itemType);
    } catch (CallException e) {
      throw withCallSite(e, fn);
    }
    ItemStream<T> items = new ItemStream<>(call, env, itemType, calls.timeoutOr(timeout));
    env.submit(call);
    return items.asStream();
  }

  @Override
  public Map<String, String> functions() {
    return env.hello().functions();
  }

  @Override
  public String pythonVersion() {
    return env.hello().python();
  }

  /** Waits for a call's outcome on the caller's thread; rethrows its CallException as is. */
  private static RawResult await(Call call) {
    try {
      return call.outcome.get();
    } catch (ExecutionException e) {
      throw withCallSite(Failures.unwrap(e), call.fn);
    } catch (InterruptedException e) {
      call.cancel();
      Thread.currentThread().interrupt();
      throw new CallException(
          "interrupted",
          "interrupted while waiting for " + call.describe() + "; the call was cancelled");
    }
  }

  static CallException withCallSite(CallException e, String fn) {
    e.addSuppressed(new CallSite("fn '" + fn + "'"));
    return e;
  }

  private static List<?> orEmpty(@Nullable List<?> args) {
    return args == null ? List.of() : args;
  }

  private static Map<String, ?> orEmpty(@Nullable Map<String, ?> kwargs) {
    return kwargs == null ? Map.of() : kwargs;
  }

  @Override
  public String toString() {
    return "VenvHandle{" + env.name() + " -> " + env.module() + "}";
  }
}
