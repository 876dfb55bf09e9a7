package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.CallException;
import io.venvmux.CallTimeoutException;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.wire.ResultDecoder;
import io.venvmux.internal.wire.StreamLines;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The consumer's side of a {@link StreamCall}: iterates its items on the caller's thread, decoding
 * each as a result is decoded, and grants the worker more credit as items are taken (half a window
 * at a time). Closing it before the end cancels the generator. Not thread-safe, as a Stream is not.
 */
final class ItemStream<T> implements Iterator<T>, AutoCloseable {
  private static final Object NONE = new Object();

  private final StreamCall call;
  private final EnvDispatcher env;
  private final @Nullable JavaType itemType;
  private final @Nullable Duration timeout;
  private Object ready = NONE;
  private int taken;
  private boolean finished;

  /**
   * @param timeout bounds each wait for an item; null: no limit
   */
  ItemStream(
      StreamCall call, EnvDispatcher env, @Nullable JavaType itemType, @Nullable Duration timeout) {
    this.call = call;
    this.env = env;
    this.itemType = itemType;
    this.timeout = timeout;
  }

  /** A sequential, ordered Stream over the items; closing it closes this. */
  Stream<T> asStream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (ready != NONE) {
      return true;
    }
    if (finished) {
      return false;
    }
    Object entry;
    try {
      entry = call.next(timeout);
    } catch (StreamCall.StreamWaitTimeout e) {
      close();
      throw EnvHandle.withCallSite(
          new CallTimeoutException(
              call.describe()
                  + ": no item within "
                  + timeout
                  + "; the stream was closed and its generator cancelled",
              timeout),
          call.fn);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new CallException(
          "interrupted",
          "interrupted while waiting for an item of "
              + call.describe()
              + "; the stream was closed");
    }
    if (entry == null) {
      finished = true;
      return false;
    }
    if (entry instanceof CallException failure) {
      finished = true;
      throw EnvHandle.withCallSite(failure, call.fn);
    }
    ready = entry;
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream of " + call.describe() + " has ended");
    }
    RawResult raw = (RawResult) ready;
    ready = NONE;
    if (++taken >= StreamCall.WINDOW / 2) {
      env.sendControl(call, StreamLines.creditLine(call.id, taken));
      taken = 0;
    }
    try {
      return (T) ResultDecoder.decode(raw, itemType, call.describe());
    } catch (CallException e) {
      throw EnvHandle.withCallSite(e, call.fn);
    }
  }

  /** Cancels the generator if the stream has not ended; its slot frees once Python closed it. */
  @Override
  public void close() {
    finished = true;
    ready = NONE;
    if (!call.isDone()) {
      call.cancel();
      env.sendControl(call, StreamLines.cancelLine(call.id));
    }
  }
}
