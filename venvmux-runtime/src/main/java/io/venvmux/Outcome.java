package io.venvmux;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one call ended: its result, or the {@link CallException} it failed with. {@link
 * VenvHandle#mapOutcomes} returns one per input element, so each element succeeds or fails on its
 * own.
 *
 * @param <T> the result type
 */
public final class Outcome<T> {
  private final @Nullable T value;
  private final @Nullable CallException error;

  private Outcome(@Nullable T value, @Nullable CallException error) {
    this.value = value;
    this.error = error;
  }

  /** A call that returned {@code value} (which may be null: Python's None). */
  public static <T> Outcome<T> success(@Nullable T value) {
    return new Outcome<>(value, null);
  }

  /** A call that failed with {@code error}. */
  public static <T> Outcome<T> failure(CallException error) {
    return new Outcome<>(null, Objects.requireNonNull(error, "error"));
  }

  /** Whether the call returned a result. */
  public boolean isSuccess() {
    return error == null;
  }

  /** The result (null for Python's None); throws the call's error if it failed. */
  public @Nullable T value() {
    if (error != null) {
      throw error;
    }
    return value;
  }

  /**
   * The error the call failed with.
   *
   * @throws NoSuchElementException if the call succeeded
   */
  public CallException error() {
    if (error == null) {
      throw new NoSuchElementException("the call succeeded");
    }
    return error;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Outcome<?> other
        && Objects.equals(value, other.value)
        && Objects.equals(error, other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, error);
  }

  @Override
  public String toString() {
    return error == null ? "Outcome[success: " + value + "]" : "Outcome[failure: " + error + "]";
  }
}
