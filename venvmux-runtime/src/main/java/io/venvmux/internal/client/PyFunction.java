package io.venvmux.internal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.VenvHandle;
import io.venvmux.internal.codec.WireMapper;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One Java method of a generated client and the Python function it calls: the function's name, its
 * argument names in parameter order (positional-only parameters, which come first, are passed by
 * position, the rest by keyword), the full generic result type and the timeout, all fixed when the
 * generated class initializes. A call only pairs the arguments with their names.
 */
public final class PyFunction {
  private final String name;
  private final String javaMethod;
  private final List<String> parameters;
  private final JavaType resultType;
  private final @Nullable Duration timeout;

  /** How many leading parameters are positional-only in the handle's function (weakly held). */
  private record Positional(WeakReference<VenvHandle> handle, int count) {}

  private volatile @Nullable Positional positional;

  private PyFunction(Builder b) {
    this.name = b.name;
    this.javaMethod = Objects.requireNonNull(b.javaMethod, "javaMethod");
    this.parameters = List.copyOf(b.parameters);
    this.resultType = Objects.requireNonNull(b.resultType, "resultType");
    this.timeout = b.timeout;
  }

  /** Starts the description of a call to the Python function {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The Python function's name. */
  String name() {
    return name;
  }

  /** The Java method, for messages: {@code Compute.compute(int)}. */
  String javaMethod() {
    return javaMethod;
  }

  /** The keyword-argument names, in the Java method's parameter order. */
  List<String> parameters() {
    return parameters;
  }

  /** The type the result is read as. */
  JavaType resultType() {
    return resultType;
  }

  /** The per-call timeout, or null for the env's default. */
  @Nullable Duration timeout() {
    return timeout;
  }

  /** Calls and waits; the result is read as {@link #resultType()}. */
  public <T> T call(VenvHandle handle, @Nullable Object... args) {
    int n = positionalCount(handle);
    return handle.call(name, positional(args, n), kwargs(args, n), resultType, timeout);
  }

  /** Calls and waits, ignoring any result. */
  public void run(VenvHandle handle, @Nullable Object... args) {
    call(handle, args);
  }

  /** Calls and waits; Python's None is {@link Optional#empty()}. */
  public <T> Optional<T> callOptional(VenvHandle handle, @Nullable Object... args) {
    Optional<T> result = call(handle, args);
    return result == null ? Optional.empty() : result;
  }

  /** Calls without waiting. Cancelling the future frees the call's slot. */
  public <T> CompletableFuture<T> callAsync(VenvHandle handle, @Nullable Object... args) {
    int n = positionalCount(handle);
    return handle.callAsync(name, positional(args, n), kwargs(args, n), resultType, timeout);
  }

  /**
   * Calls without waiting; Python's None is {@link Optional#empty()}. Cancelling frees the slot.
   */
  public <T> CompletableFuture<Optional<T>> callOptionalAsync(
      VenvHandle handle, @Nullable Object... args) {
    CompletableFuture<@Nullable Optional<T>> call = callAsync(handle, args);
    return Futures.map(call, r -> r == null ? Optional.empty() : r);
  }

  /**
   * Streams the generator's items, each read as {@link #resultType()} (the item type); close the
   * stream to cancel the generator early.
   */
  public <T> Stream<T> stream(VenvHandle handle, @Nullable Object... args) {
    int n = positionalCount(handle);
    return handle.stream(name, positional(args, n), kwargs(args, n), resultType, timeout);
  }

  /**
   * The generator's items as an iterator. It holds its worker slot until it is exhausted, or until
   * it is closed: it is also {@link AutoCloseable}.
   */
  public <T> Iterator<T> iterator(VenvHandle handle, @Nullable Object... args) {
    return new ClosingIterator<>(this.<T>stream(handle, args));
  }

  /**
   * How many leading arguments go positionally: the function's positional-only parameters, as the
   * hello's signature names them (binding checked they come first and in order).
   */
  private int positionalCount(VenvHandle handle) {
    Positional known = positional;
    if (parameters.isEmpty()) {
      return 0;
    }
    if (known == null || known.handle().get() != handle) {
      String signature = handle.functions().get(name);
      int count =
          signature == null
              ? 0
              : PySignature.parse(signature).map(s -> s.leadingPositional(parameters)).orElse(0);
      known = new Positional(new WeakReference<>(handle), count);
      positional = known;
    }
    return known.count();
  }

  private static List<@Nullable Object> positional(@Nullable Object[] args, int count) {
    return count == 0 ? List.of() : Arrays.asList(args).subList(0, Math.min(count, args.length));
  }

  private Map<String, @Nullable Object> kwargs(@Nullable Object[] args, int positionalCount) {
    if (args.length != parameters.size()) {
      throw new IllegalArgumentException(
          javaMethod + " takes " + parameters.size() + " arguments, got " + args.length);
    }
    Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
    for (int i = positionalCount; i < args.length; i++) {
      kwargs.put(parameters.get(i), args[i]);
    }
    return kwargs;
  }

  @Override
  public String toString() {
    return javaMethod + " -> " + name + parameters;
  }

  /** Builds a {@link PyFunction}; generated clients call it once per method, at class init. */
  public static final class Builder {
    private final String name;
    private @Nullable String javaMethod;
    private final List<String> parameters = new ArrayList<>();
    private @Nullable JavaType resultType;
    private @Nullable Duration timeout;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The Java method this function serves, for messages: {@code Compute.compute(int)}. */
    public Builder javaMethod(String javaMethod) {
      this.javaMethod = javaMethod;
      return this;
    }

    /** The keyword-argument names, in parameter order. */
    public Builder parameters(String... names) {
      parameters.addAll(List.of(names));
      return this;
    }

    /** The result type, for a plain class or a primitive ({@code int.class} refuses None). */
    public Builder result(Class<?> type) {
      return result((Type) type);
    }

    /** The result type, for a generic one: {@code new TypeReference<List<Result>>() {}}. */
    public Builder result(TypeReference<?> type) {
      return result(type.getType());
    }

    private Builder result(Type type) {
      this.resultType = WireMapper.mapper().getTypeFactory().constructType(type);
      return this;
    }

    /** The timeout of each call, in milliseconds. */
    public Builder timeoutMillis(long millis) {
      this.timeout = Duration.ofMillis(millis);
      return this;
    }

    public PyFunction build() {
      return new PyFunction(this);
    }
  }
}
