"""Streamed replies: a function's iterator (sync or async) sent item by item, with credit.

A request with ``"stream": N`` asks for its result's items as they are produced: one line
``{"id":..,"item":..}`` per item, then the final reply, ``{"id":..,"ok":true,"end":true}`` or
the usual error reply. The host grants credit: the N of the request, then more with
``{"ctl":"credit","id":..,"n":K}`` lines as its consumer takes items; the worker never has more
items written and unconsumed than it was granted, so neither side buffers without bound.
``{"ctl":"cancel","id":..}`` closes the generator (its ``finally`` runs; an async generator gets
``aclose()``) and ends the stream with ``"end"`` and ``"cancelled": true``.

Each stream runs on a thread of its own, so the serving loop keeps reading control lines while
a generator waits for credit, inline workers (``--inflight 1``) included: there the host sends
no other call while the stream holds the worker's one slot. At end of input every open stream
is closed and ends with a ``stream_closed`` error.
"""

from __future__ import annotations

import collections
import logging
import threading
from typing import Any, Callable, Dict, Optional

from venvmux_worker.errors import REMOTE_EXCEPTION, CallError

_log = logging.getLogger(__name__)

CONTROL_PREFIX = b'{"ctl"'
STREAM_CLOSED = "stream_closed"
_NOT_STREAMED = (str, bytes, bytearray, memoryview, dict)
# A cancel can overtake its stream's request (the host writes them from different threads):
# the last few cancels for no open stream are kept, and such a stream ends as soon as it starts.
_EARLY_CANCELS_KEPT = 256


class StreamError(Exception):
    """Raised by a stream's pump when the item cannot be written (its reply says why)."""

    def __init__(self, error: CallError) -> None:
        super().__init__(error.message)
        self.error = error


class OpenStream:
    """One stream's credit and cancellation, shared by the serving loop and its thread."""

    def __init__(self, request_id: Any, iterator: Any, credit: int) -> None:
        self.request_id = request_id
        self.iterator = iterator
        self.credit = credit
        self.cancelled: Optional[str] = None  # why: "cancel" (asked) or "eof" (input ended)
        self.condition = threading.Condition()
        self.thread: Optional[threading.Thread] = None

    def grant(self, n: int) -> None:
        with self.condition:
            self.credit += n
            self.condition.notify()

    def cancel(self, why: str) -> None:
        with self.condition:
            if self.cancelled is None:
                self.cancelled = why
            self.condition.notify()

    def take_credit(self) -> int:
        """Waits for credit or cancellation; all the credit granted so far (0: cancelled)."""
        with self.condition:
            while self.credit <= 0 and self.cancelled is None:
                self.condition.wait()
            if self.cancelled is not None:
                return 0
            granted, self.credit = self.credit, 0
            return granted


class Streams:
    """The worker's open streams by request id; starts, feeds and closes them."""

    def __init__(self, wire: Any, write: Callable[[bytes], None],
                 run_awaitable: Callable[[Any], Any],
                 error_line: Callable[[Any, CallError], bytes],
                 remote_exception: Callable[[BaseException], CallError]) -> None:
        self._wire = wire
        self._write = write
        self._run_awaitable = run_awaitable
        self._error_line = error_line
        self._remote_exception = remote_exception
        self._open: Dict[Any, OpenStream] = {}
        self._early_cancels: collections.deque = collections.deque(maxlen=_EARLY_CANCELS_KEPT)
        self._lock = threading.Lock()

    def start(self, request_id: Any, name: str, result: Any, credit: Any) -> Optional[bytes]:
        """Streams ``result``; the error reply when it is no iterator (else None: the stream's
        thread writes its lines)."""
        is_async = hasattr(result, "__anext__")
        if not is_async:
            if isinstance(result, _NOT_STREAMED) or not hasattr(result, "__iter__"):
                return self._error_line(request_id, CallError(
                    REMOTE_EXCEPTION, "%s() returned %s, not an iterator or generator: call it "
                    "rather than stream it" % (name, type(result).__name__), "TypeError"))
            result = iter(result)
        if type(credit) is not int or credit < 1:
            credit = 1
        stream = OpenStream(request_id, result, credit)
        with self._lock:
            self._open[request_id] = stream
            if request_id in self._early_cancels:
                stream.cancel("cancel")
        run = self._run_async if is_async else self._run_sync
        stream.thread = threading.Thread(target=run, args=(stream,), daemon=True,
                                         name="venvmux-stream-%s" % request_id)
        stream.thread.start()
        return None

    def control(self, line: bytes) -> None:
        """A credit or cancel line from the host; one for a stream that ended is ignored."""
        try:
            message = self._wire.loads(line)
            request_id = message["id"]
            kind = message["ctl"]
            with self._lock:
                stream = self._open.get(request_id)
                if stream is None and kind == "cancel":
                    self._early_cancels.append(request_id)
        except (ValueError, KeyError, TypeError) as error:
            _log.warning("unreadable control line ignored: %s (%r)", error, line[:200])
            return
        if stream is None:
            return
        if kind == "credit" and type(message.get("n")) is int:
            stream.grant(message["n"])
        elif kind == "cancel":
            stream.cancel("cancel")

    def close_all(self, timeout: float) -> None:
        """End of input: closes every open stream (their ``finally`` runs) and waits for them."""
        with self._lock:
            streams = list(self._open.values())
        for stream in streams:
            stream.cancel("eof")
        for stream in streams:
            if stream.thread is not None:
                stream.thread.join(timeout)

    # ------------------------------------------------------------------ the stream's thread

    def _item_line(self, request_id: Any, item: Any) -> bytes:
        try:
            payload = self._wire.encode(item)
        except Exception as error:
            failure = self._remote_exception(error)
            failure.message = "an item cannot be encoded as JSON: %s" % failure.message
            raise StreamError(failure) from None
        if type(request_id) is int:
            return b'{"id":%d,"item":%b}\n' % (request_id, payload)
        return b'{"id":%b,"item":%b}\n' % (self._wire.dumps(request_id), payload)

    def _run_sync(self, stream: OpenStream) -> None:
        iterator = stream.iterator
        request_id = stream.request_id
        write = self._write
        item_line = self._item_line
        try:
            while True:
                granted = stream.take_credit()
                if not granted:
                    self._close(stream, iterator.close if hasattr(iterator, "close") else None)
                    return
                for _ in range(granted):
                    if stream.cancelled is not None:
                        break
                    try:
                        item = next(iterator)
                    except StopIteration:
                        self._end(stream, None)
                        return
                    write(item_line(request_id, item))
        except StreamError as error:
            self._end(stream, error.error, getattr(iterator, "close", None))
        except BaseException as error:  # the generator's own failure
            self._end(stream, self._remote_exception(error))

    def _run_async(self, stream: OpenStream) -> None:
        iterator = stream.iterator
        request_id = stream.request_id
        write = self._write
        item_line = self._item_line
        done = object()

        async def pump(granted: int) -> Any:
            """Up to ``granted`` items, each written as soon as it comes; ``done`` at the end."""
            for _ in range(granted):
                if stream.cancelled is not None:
                    return None
                try:
                    item = await iterator.__anext__()
                except StopAsyncIteration:
                    return done
                write(item_line(request_id, item))
            return None

        def aclose() -> None:
            if hasattr(iterator, "aclose"):
                self._run_awaitable(iterator.aclose())

        try:
            while True:
                granted = stream.take_credit()
                if not granted:
                    self._close(stream, aclose)
                    return
                if self._run_awaitable(pump(granted)) is done:
                    self._end(stream, None)
                    return
        except StreamError as error:
            self._end(stream, error.error, aclose)
        except BaseException as error:
            self._end(stream, self._remote_exception(error))

    def _close(self, stream: OpenStream, close: Optional[Callable[[], Any]]) -> None:
        """Cancelled: closes the generator, then ends the stream as the cancellation says."""
        if stream.cancelled == "eof":
            error = CallError(STREAM_CLOSED, "the worker was stopped while the stream was open; "
                              "the generator was closed", "GeneratorExit")
        else:
            error = None
        self._end(stream, error, close, cancelled=True)

    def _end(self, stream: OpenStream, error: Optional[CallError],
             close: Optional[Callable[[], Any]] = None, cancelled: bool = False) -> None:
        """Closes the generator if asked, forgets the stream, writes its final line."""
        if close is not None:
            try:
                close()
            except BaseException:
                _log.warning("closing the generator of stream %r failed", stream.request_id,
                             exc_info=True)
        with self._lock:
            self._open.pop(stream.request_id, None)
        if error is not None:
            line = self._error_line(stream.request_id, error)
        else:
            end = {"id": stream.request_id, "ok": True, "end": True}
            if cancelled:
                end["cancelled"] = True
            line = self._wire.dumps(end) + b"\n"
        try:
            self._write(line)
        except OSError:
            _log.warning("the end of stream %r could not be written", stream.request_id)
