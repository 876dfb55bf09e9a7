"""The actor's class: a venvmux worker without stdio.

It imports the env's module, answers the hello with the same ``hello_message`` a local worker
writes, and handles request lines with the worker's own ``Dispatcher``, so decoding by type hints,
the encoder, error codes and tracebacks are exactly a local worker's. A streamed reply runs on
the worker's own ``Streams`` (credit, cancel); its lines wait in a ``StreamOutbox`` until the proxy
drains them. Ray is not imported here.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import Dict, List, Optional

from venvmux_worker import logs
from venvmux_worker.aio import InlineLoop, ThreadedLoop
from venvmux_worker.calls import FunctionCaller
from venvmux_worker.dispatch import Dispatcher, leading_id
from venvmux_worker.introspect import public_functions
from venvmux_worker.main import fatal_message, hello_message
from venvmux_worker.spill import ResultSpill
from venvmux_worker.wire import select_wire

_log = logging.getLogger(__name__)


class WorkerActor:
    """Serves one module inside a Ray actor; ``handle`` takes a request line, returns the reply."""

    def __init__(self, module_name: str, serializer: str, inflight: int,
                 environment: dict) -> None:
        logs.configure(environment)
        self.wire = select_wire(serializer)
        self.module_name = module_name
        self.dispatcher: Optional[Dispatcher] = None
        self.failure: Optional[dict] = None
        try:
            module = importlib.import_module(module_name)
        except BaseException as error:  # reported by hello(), as a local worker's fatal line
            _log.error("cannot import %s", module_name, exc_info=True)
            self.failure = fatal_message(error)
            return
        self.functions = public_functions(module)
        loop = InlineLoop() if inflight == 1 else ThreadedLoop()
        caller = FunctionCaller(module_name, self.functions, loop.run)
        # Results never spill here: the file would be on the actor's node. The proxy spills.
        self.dispatcher = Dispatcher(self.wire, caller, ResultSpill(0, None))
        self.outbox = StreamOutbox()
        self.streams = self.dispatcher.serve_streams(self.outbox.write, loop.run)

    def hello(self) -> dict:
        """The worker's hello (or its fatal message when the module did not import)."""
        if self.failure is not None:
            return self.failure
        return hello_message(self.module_name, self.wire, self.functions)

    def handle(self, line: bytes) -> bytes:
        """The reply line to one request line; never raises (as the worker's loop)."""
        try:
            reply = self.dispatcher.handle(line)  # type: ignore[union-attr]
        except BaseException as error:
            return self.dispatcher.last_resort_line(line, error)  # type: ignore[union-attr]
        return reply if reply is not None else b""

    def handle_frame(self, lines: List[bytes]) -> bytes:
        """The replies to a frame's request lines, run one after another (as an inline worker
        runs a frame), in one bytes."""
        return b"".join(self.handle(line) for line in lines)

    def control(self, line: bytes) -> None:
        """A stream's credit or cancel line."""
        self.streams.control(line)

    def drain(self, request_id: int, timeout: float) -> bytes:
        """The lines stream ``request_id`` wrote since the last drain, waiting up to ``timeout``
        seconds for one (b"" if none came)."""
        return self.outbox.take(request_id, timeout)

    def close_streams(self, timeout: float) -> None:
        """The host's input ended: every open stream is closed, as a local worker's at EOF."""
        self.streams.close_all(timeout)


class StreamOutbox:
    """The lines the actor's open streams wrote, by request id, until the proxy takes them. A
    stream writes no more than its credit, so what waits here is bounded as on a pipe."""

    def __init__(self) -> None:
        self._lines: Dict[Optional[int], List[bytes]] = {}
        self._arrived = threading.Condition()

    def write(self, line: bytes) -> None:
        with self._arrived:
            self._lines.setdefault(leading_id(line), []).append(line)
            self._arrived.notify_all()

    def take(self, request_id: int, timeout: float) -> bytes:
        with self._arrived:
            self._arrived.wait_for(lambda: request_id in self._lines, timeout)
            return b"".join(self._lines.pop(request_id, ()))
