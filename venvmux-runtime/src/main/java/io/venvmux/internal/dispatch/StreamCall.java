package io.venvmux.internal.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import io.venvmux.CallException;
import io.venvmux.ProtocolMismatchException;
import io.venvmux.internal.wire.Hello;
import io.venvmux.internal.wire.RawResult;
import io.venvmux.internal.worker.StreamingCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A call whose items stream: it holds its worker slot like any call in flight until its final reply
 * (end, error, crash) or, once cancelled, until the worker confirms the generator closed. Items and
 * then the end land in one queue, in the order the worker's reader saw them; the credit the worker
 * was granted bounds the queue to {@link #WINDOW} items.
 */
final class StreamCall extends Call implements StreamingCall {
  /** Items the worker may have written and the consumer not yet taken. */
  static final int WINDOW = 256;

  /** Queued after the last item of a stream that ended normally. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> entries = new LinkedBlockingQueue<>();

  /** A stream submitted now; {@code line} asks for a stream (see {@code StreamLines}). */
  StreamCall(
      Listener owner,
      String env,
      long id,
      String fn,
      byte[] line,
      @Nullable Path payloadFile,
      @Nullable JavaType itemType) {
    super(owner, env, System.nanoTime(), id, fn, line, payloadFile, itemType, null);
    // Runs on the thread that ends the call: for a reply or a crash the reader, after every item.
    outcome.whenComplete((r, e) -> entries.add(e == null ? END : Failures.unwrap(e)));
  }

  /** The error a stream gets from a worker that does not announce the feature. */
  static CallException unsupported(Call call, Hello hello) {
    return new ProtocolMismatchException(
        "the worker of "
            + call.describe()
            + " cannot stream (its hello names no \"stream\" feature; features: "
            + hello.features()
            + "); update the venvmux worker, or use call()");
  }

  @Override
  public void item(RawResult item) {
    if (!isDone()) {
      entries.add(item);
    }
  }

  /**
   * The next entry: an item's {@link RawResult}, a {@link CallException} that ended the stream, or
   * null at its end.
   *
   * @param wait how long to wait; null: no limit
   * @throws StreamWaitTimeout nothing arrived within {@code wait}
   */
  @Nullable Object next(@Nullable Duration wait) throws InterruptedException, StreamWaitTimeout {
    Object e = wait == null ? entries.take() : entries.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (e == null) {
      throw new StreamWaitTimeout();
    }
    return e == END ? null : e;
  }

  /** Nothing arrived within the stream's timeout. */
  static final class StreamWaitTimeout extends Exception {
    private static final long serialVersionUID = 1L;

    StreamWaitTimeout() {
      super(null, null, false, false);
    }
  }
}
