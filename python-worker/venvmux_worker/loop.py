"""The request loop: inline on the main thread (``--inflight 1``) or over a thread pool.

Every request line gets a reply, even when the worker's own handling of it fails (the
dispatcher's last-resort reply). A KeyboardInterrupt or SystemExit raised by a function is its
failure like any other: the worker ignores SIGINT (main.py), so none comes from a signal, and
serving goes on either way.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Callable, List, Optional

from venvmux_worker.dispatch import Dispatcher
from venvmux_worker.protocol import Channel

_log = logging.getLogger(__name__)

# A frame header: the next n lines are requests sent together (hello feature "batch").
_BATCH = re.compile(rb'\{"batch":(\d+)\}\s*$')

# Replies held for a frame's single write go out early, after the call that ends once the frame
# has run this long: a slow call in a frame holds back only the replies of the calls just before
# it (those of the last FLUSH_AFTER_SECONDS), and a call that hangs and gets its worker killed takes
# only those replies with it; their calls then fail as crashed.
FLUSH_AFTER_SECONDS = 0.002


def frame_size(line: bytes) -> Optional[int]:
    """n for a frame header line, else None."""
    if not line.startswith(b'{"batch":'):
        return None
    match = _BATCH.match(line)
    return int(match.group(1)) if match else None


def serve_inline(channel: Channel, dispatcher: Dispatcher) -> None:
    """Read, call, reply, one request at a time, with no thread hand-off. Returns at EOF.

    The requests of a frame run one after another and their replies go out in one write (or
    earlier, once the frame has run FLUSH_AFTER_SECONDS)."""
    readline = channel.readline
    write = channel.write
    while True:
        line = readline()
        if not line:
            return
        n = frame_size(line)
        if n is None:
            reply = _answer(dispatcher, line)
            if reply is not None:
                write(reply)
        else:
            _serve_frame(readline, write, dispatcher, n)


def _serve_frame(readline: Callable[[], bytes], write: Callable[[bytes], None],
                 dispatcher: Dispatcher, n: int) -> None:
    held: List[bytes] = []
    clock = time.perf_counter
    began = clock()

    def flush() -> None:
        if held:
            write(b"".join(held))
            held.clear()

    try:
        for _ in range(n):
            line = readline()
            if not line:
                break
            reply = _answer(dispatcher, line)
            if reply is not None:
                held.append(reply)
            if clock() - began > FLUSH_AFTER_SECONDS:
                flush()
                began = clock()
    finally:
        flush()


def _answer(dispatcher: Dispatcher, line: bytes) -> Optional[bytes]:
    """The reply to one request line (None for a line that gets none, such as a stream's credit);
    whatever escapes the dispatcher, an interrupt or exit included, gets the last-resort reply."""
    try:
        return dispatcher.handle(line)
    except BaseException as error:
        return dispatcher.last_resort_line(line, error)


def serve_pooled(channel: Channel, dispatcher: Dispatcher, threads: int) -> None:
    """Up to ``threads`` calls at once; replies go out as calls finish, whole lines under the
    channel's lock. Returns at EOF once every call in flight has replied."""

    def serve(line: bytes) -> None:
        try:
            try:
                reply = dispatcher.handle(line)
            except BaseException as error:
                reply = dispatcher.last_resort_line(line, error)
            if reply is not None:
                channel.write(reply)
        except BrokenPipeError:
            _log.warning("the host closed the reply stream")
        except BaseException:
            _log.exception("a call could not be answered")

    from concurrent.futures import ThreadPoolExecutor  # only pooled workers need it

    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="venvmux-call")
    try:
        readline = channel.readline
        while True:
            line = readline()
            if not line:
                return
            if frame_size(line) is None:  # a frame's lines are served one by one
                pool.submit(serve, line)
    finally:
        pool.shutdown(wait=True)
