package io.venvmux;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One env of a {@link Pool}: call its module's functions by name.
 *
 * <p>Untyped results are natural Java values: {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean},
 * {@code null}, and {@code byte[]} for Python {@code bytes}. Typed results are converted with the
 * wire's Jackson mapper; a value that does not convert fails with {@link InvalidJsonException}.
 *
 * <p>Blocking calls throw the {@link CallException} subclass that ended the call (with the caller's
 * stack attached as a suppressed exception). Async futures complete on the pool's callback
 * executor, never on an I/O thread, and fail with the {@link CallException} itself.
 *
 * <p>Cancelling a future removes a queued call at once. For a call already in flight it frees the
 * caller, not the worker: the reply is dropped, but the worker slot stays taken until Python
 * finishes the call (or the worker exits), since the runtime never interrupts Python code. To stop
 * a runaway call, give it a timeout: a timed-out call's worker is killed and replaced.
 *
 * <p>Timeouts: a per-call timeout beats {@link EnvSpec#callTimeout()}; a queued call's timeout
 * counts from its submission.
 */
public interface VenvHandle {
  /** The env's name in its pool. */
  String name();

  /** The Python module the env's workers serve. */
  String module();

  /** Calls {@code fn(**kwargs)} and returns its result as natural Java values. */
  @Nullable Object call(String fn, Map<String, ?> kwargs);

  /** Calls {@code fn(**kwargs)} and converts its result to {@code type}. */
  <T> T call(String fn, Map<String, ?> kwargs, Class<T> type);

  /** Calls {@code fn(**kwargs)} and converts its result to a generic type. */
  <T> T call(String fn, Map<String, ?> kwargs, TypeReference<T> type);

  /**
   * The general blocking form used by generated clients: {@code fn(*args, **kwargs)}.
   *
   * @param resultType the Java type of the result ({@code Object}: natural Java values)
   * @param timeout this call's timeout; null: the env's {@link EnvSpec#callTimeout()}, if any
   */
  <T> T call(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      JavaType resultType,
      @Nullable Duration timeout);

  /** Calls {@code fn(**kwargs)} asynchronously; the result is natural Java values. */
  CompletableFuture<@Nullable Object> callAsync(String fn, Map<String, ?> kwargs);

  /** Calls {@code fn(**kwargs)} asynchronously and converts the result to {@code type}. */
  <T> CompletableFuture<T> callAsync(String fn, Map<String, ?> kwargs, Class<T> type);

  /** Calls {@code fn(**kwargs)} asynchronously and converts the result to a generic type. */
  <T> CompletableFuture<T> callAsync(String fn, Map<String, ?> kwargs, TypeReference<T> type);

  /**
   * The general async form used by generated clients: {@code fn(*args, **kwargs)}.
   *
   * @param resultType the Java type of the result ({@code Object}: natural Java values)
   * @param timeout this call's timeout; null: the env's {@link EnvSpec#callTimeout()}, if any
   */
  <T> CompletableFuture<T> callAsync(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      JavaType resultType,
      @Nullable Duration timeout);

  /**
   * Calls {@code fn} once per kwargs map and returns the results in the order of the input. It uses
   * at most {@code maxWorkers} workers' worth of slots ({@link EnvSpec#inflight()} running plus
   * {@link EnvSpec#pipelined()} waiting in each pipe) and applies backpressure: only about twice
   * that many calls are outstanding at once, never the whole list, so it never trips {@link
   * EnvSpec#maxQueued()}. On the first failure no further call is started; once the calls already
   * started have ended, the error of the first element (in input order) that failed is thrown.
   */
  List<@Nullable Object> map(String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers);

  /** Like {@link #map(String, List, int)}, converting each result to {@code type}. */
  <T> List<T> map(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, Class<T> type);

  /**
   * Streams the items of {@code fn(**kwargs)} — a generator, an async generator, or a function that
   * returns an iterator — as natural Java values, each as soon as Python yields it.
   *
   * <p>The stream holds a worker slot, like a call in flight, until it ends or is closed: use it in
   * try-with-resources. Closing it before the end closes the generator ({@code GeneratorExit} runs
   * its {@code finally}; an async generator gets {@code aclose()}), and the slot frees once Python
   * has done so. Flow control is by credit: the worker runs at most a bounded window of items ahead
   * of the consumer, so a slow consumer pauses the generator and memory stays bounded on both
   * sides. An exception raised by the generator reaches the consumer after the items yielded before
   * it, as the usual {@link CallException} ({@link RemoteException} etc.); a worker crash ends the
   * stream with {@link WorkerCrashedException}. The env's {@link EnvSpec#callTimeout()} bounds each
   * wait for an item; when it passes the stream fails with {@link CallTimeoutException} and the
   * generator is closed.
   *
   * <p>The worker must announce streaming in its hello (venvmux workers do); otherwise the stream
   * fails with {@link ProtocolMismatchException}. A generator passed to {@link #call} is still
   * returned whole, as a list.
   */
  Stream<@Nullable Object> stream(String fn, Map<String, ?> kwargs);

  /** Like {@link #stream(String, Map)}, converting each item to {@code type}. */
  <T> Stream<T> stream(String fn, Map<String, ?> kwargs, Class<T> type);

  /** Like {@link #stream(String, Map)}, converting each item to a generic type. */
  <T> Stream<T> stream(String fn, Map<String, ?> kwargs, TypeReference<T> type);

  /**
   * The general stream form used by generated clients: the items of {@code fn(*args, **kwargs)}.
   *
   * @param itemType the Java type of each item ({@code Object}: natural Java values)
   * @param timeout bounds each wait for an item; null: the env's {@link EnvSpec#callTimeout()}, if
   *     any
   */
  <T> Stream<T> stream(
      String fn,
      List<?> args,
      Map<String, ?> kwargs,
      JavaType itemType,
      @Nullable Duration timeout);

  /**
   * Like {@link #map(String, List, int)}, but each element succeeds or fails on its own: one {@link
   * Outcome} per input element, in order, and a failure does not stop the others.
   */
  List<Outcome<@Nullable Object>> mapOutcomes(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers);

  /** Like {@link #mapOutcomes(String, List, int)}, converting each result to {@code type}. */
  <T> List<Outcome<T>> mapOutcomes(
      String fn, List<? extends Map<String, ?>> kwargsList, int maxWorkers, Class<T> type);

  /** A snapshot of this env's workers, queue, counters and latencies. */
  EnvStats stats();

  /**
   * The module's public functions and their signatures (as {@code str(inspect.signature(fn))}),
   * from a worker's hello; starts a worker if none is up.
   */
  Map<String, String> functions();

  /** The worker interpreter's version, e.g. {@code 3.11.7}; starts a worker if none is up. */
  String pythonVersion();
}
