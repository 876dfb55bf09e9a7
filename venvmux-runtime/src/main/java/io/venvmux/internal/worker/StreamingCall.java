package io.venvmux.internal.worker;

import io.venvmux.internal.wire.RawResult;

/**
 * A call whose reply is streamed: items arrive one line each before the final reply, which ends it
 * as any call's reply does.
 */
public interface StreamingCall extends PendingCall {
  /** One item, in the order the generator yielded it; called on the worker's reader thread. */
  void item(RawResult item);
}
