"""The request loop: inline on the main thread (``--inflight 1``) or over a thread pool.

Every request line gets a reply, even when the worker's own handling of it fails (the
dispatcher's last-resort reply). A KeyboardInterrupt or SystemExit raised by a function is its
failure like any other: the worker ignores SIGINT (main.py), so none comes from a signal, and
serving goes on either way.
"""

from __future__ import annotations

import logging

from venvmux_worker.dispatch import Dispatcher
from venvmux_worker.protocol import Channel

_log = logging.getLogger(__name__)


def serve_inline(channel: Channel, dispatcher: Dispatcher) -> None:
    """Read, call, reply, one request at a time, with no thread hand-off. Returns at EOF."""
    readline = channel.readline
    handle = dispatcher.handle
    write = channel.write
    while True:
        line = readline()
        if not line:
            return
        try:
            reply = handle(line)
        except BaseException as error:
            reply = dispatcher.last_resort_line(line, error)
        if reply is not None:
            write(reply)


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
            pool.submit(serve, line)
    finally:
        pool.shutdown(wait=True)
