package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.venvmux.CallException;
import io.venvmux.VenvHandle;
import io.venvmux.internal.codec.WireMapper;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
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
   * The untyped result type, the same in every factory: an untyped call never waits for the mapper.
   */
  private static final JavaType OBJECT = TypeFactory.defaultInstance().constructType(Object.class);

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
    return call(fn, List.of(), kwargs, OBJECT, null);
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
      JavaType resultType,
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
    return callAsync(fn, List.of(), kwargs, OBJECT, null);
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
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> callAsync(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      JavaType resultType,
      @Nullable Duration timeout) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Call call;
    try {
      call = calls.newCall(fn, orEmpty(args), orEmpty(kwargs), resultType, timeout);
    } catch (CallException e) {
      result.completeExceptionally(e);
      return result;
    }
    call.outcome.whenComplete(
        (raw, error) ->
            rt.onCallbackExecutor(
                () -> {
                  if (error != null) {
                    result.completeExceptionally(Failures.unwrap(error));
                    return;
                  }
                  try {
                    result.complete((T) ResultDecoder.decode(raw, resultType, call.describe()));
                  } catch (CallException e) {
                    result.completeExceptionally(e);
                  }
                }));
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    env.submit(call);
    return result;
  }

  @Override
  public List<@Nullable Object> map(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers) {
    return mapAll(fn, kwargsList, maxWorkers, OBJECT);
  }

  @Override
  public <T> List<T> map(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, Class<T> type) {
    return mapAll(fn, kwargsList, maxWorkers, Types.FACTORY.constructType(type));
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> mapAll(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, JavaType type) {
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be >= 1, got " + maxWorkers);
    }
    Semaphore permits = new Semaphore(maxWorkers);
    AtomicReference<CallException> firstFailure = new AtomicReference<>();
    List<Call> calls = new ArrayList<>(kwargsList.size());
    try {
      for (Map<String, ?> kwargs : kwargsList) {
        permits.acquire();
        if (firstFailure.get() != null) {
          permits.release();
          break;
        }
        Call call;
        try {
          call = this.calls.newCall(fn, List.of(), orEmpty(kwargs), type, null);
        } catch (CallException e) {
          firstFailure.compareAndSet(null, e);
          permits.release();
          break;
        }
        call.outcome.whenComplete(
            (r, e) -> {
              if (e != null) {
                firstFailure.compareAndSet(null, Failures.unwrap(e));
              }
              permits.release();
            });
        calls.add(call);
        env.submit(call);
      }
      for (Call c : calls) {
        try {
          c.outcome.get();
        } catch (ExecutionException e) {
          // recorded in firstFailure by the completion handler
        }
      }
    } catch (InterruptedException e) {
      calls.forEach(Call::cancel);
      Thread.currentThread().interrupt();
      throw new CallException(
          "interrupted", "interrupted during map of fn '" + fn + "' in env '" + env.name() + "'");
    }
    CallException failure = firstFailure.get();
    if (failure != null) {
      throw withCallSite(failure, fn);
    }
    List<T> out = new ArrayList<>(calls.size());
    for (Call c : calls) {
      try {
        out.add((T) ResultDecoder.decode(c.outcome.join(), type, c.describe()));
      } catch (CallException e) {
        throw withCallSite(e, fn);
      }
    }
    return out;
  }

  @Override
  public Stream<@Nullable Object> stream(String fn, Map<String, ?> kwargs) {
    return stream(fn, List.of(), kwargs, OBJECT, null);
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
      JavaType itemType,
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
