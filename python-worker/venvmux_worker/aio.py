"""The worker's own persistent event loop, on which ``async def`` functions are awaited.

asyncio is imported on the first async call: a module without coroutines does not pay its
import time at every worker start.
"""

from __future__ import annotations

import threading
import warnings
from typing import Any, Awaitable


async def _wait_for(awaitable: Awaitable) -> Any:
    return await awaitable


class InlineLoop:
    """One loop driven by the calling thread (``--inflight 1``: the main thread)."""

    def __init__(self) -> None:
        self._loop: Any = None

    def run(self, awaitable: Awaitable) -> Any:
        if self._loop is None:
            import asyncio

            self._loop = asyncio.new_event_loop()
            with warnings.catch_warnings():  # the loop policy API is deprecated from 3.14 on
                warnings.simplefilter("ignore", DeprecationWarning)
                asyncio.set_event_loop(self._loop)
        return self._loop.run_until_complete(awaitable)

    def close(self) -> None:
        if self._loop is not None:
            self._loop.close()


class ThreadedLoop:
    """One loop running forever on its own daemon thread, shared by the call threads
    (``--inflight N``): async calls of different threads interleave on it."""

    def __init__(self) -> None:
        self._loop: Any = None
        self._lock = threading.Lock()

    def run(self, awaitable: Awaitable) -> Any:
        import asyncio

        loop = self._loop or self._start()
        return asyncio.run_coroutine_threadsafe(_wait_for(awaitable), loop).result()

    def _start(self) -> Any:
        with self._lock:
            if self._loop is None:
                import asyncio

                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="venvmux-asyncio",
                                 daemon=True).start()
                self._loop = loop
            return self._loop

    def close(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
