"""The protocol's own file descriptors and line framing.

At start the worker takes fds 0 and 1 for itself: it dup()s them to private descriptors
(not inherited by child processes), points fd 1 at stderr and fd 0 at /dev/null. So a
print(), an ``os.write(1, ...)`` or a C library's write lands on stderr, and neither the
function's code nor a child process can read requests or write into the reply stream.

A fork() child (multiprocessing's default start method on Linux) gets every fd, inheritable or
not; in it the private fds are pointed at /dev/null. A child that outlives the worker would
otherwise keep the pipes open, and the host would never see the worker's end.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import BinaryIO, Callable


class Channel:
    """Reads request lines and writes reply lines; one lock keeps lines whole."""

    def __init__(self, reader: BinaryIO, out_fd: int) -> None:
        self._reader = reader
        self.readline: Callable[[], bytes] = reader.readline
        self._in_fd = reader.fileno()
        self._out_fd = out_fd
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def take_over_stdio(cls) -> "Channel":
        """Move the real stdin/stdout to private fds; fd 1 becomes stderr, fd 0 /dev/null."""
        sys.stdout.flush()
        out_fd = os.dup(1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr
        in_fd = os.dup(0)
        null_fd = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null_fd, 0)
        os.close(null_fd)
        channel = cls(os.fdopen(in_fd, "rb", buffering=65536), out_fd)
        os.register_at_fork(after_in_child=channel._release_in_fork_child)
        return channel

    def write(self, line: bytes) -> None:
        """Write one complete line (the caller ends it with a newline)."""
        with self._lock:
            written = os.write(self._out_fd, line)
            if written < len(line):
                view = memoryview(line)[written:]
                while view:
                    view = view[os.write(self._out_fd, view):]

    def close(self) -> None:
        self._closed = True
        self._reader.close()
        os.close(self._out_fd)

    def _release_in_fork_child(self) -> None:
        """Points the fds at /dev/null rather than closing them, so the numbers stay taken and
        the child's copies of the channel never close an unrelated file that reused them."""
        if self._closed:  # the numbers may belong to other files by now
            return
        null_fd = os.open(os.devnull, os.O_RDWR)
        try:
            for fd in (self._in_fd, self._out_fd):
                os.dup2(null_fd, fd, inheritable=False)
        finally:
            os.close(null_fd)
