package io.venvmux.internal.client;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A stream's iterator that can close the stream: a typed method that returns {@code Iterator<T>}
 * gives one, so a caller that stops early can cancel the generator ({@code ((AutoCloseable) it)
 * .close()}). It closes the stream itself once exhausted.
 */
final class ClosingIterator<T> implements Iterator<T>, AutoCloseable {
  private final Stream<T> stream;
  private final Iterator<T> items;

  ClosingIterator(Stream<T> stream) {
    this.stream = stream;
    this.items = stream.iterator();
  }

  @Override
  public boolean hasNext() {
    boolean more;
    try {
      more = items.hasNext();
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
    if (!more) {
      stream.close();
    }
    return more;
  }

  @Override
  public T next() {
    return items.next();
  }

  @Override
  public void close() {
    stream.close();
  }
}
