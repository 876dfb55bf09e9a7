"""The actor's class: a venvmux worker without stdio.

It imports the env's module, answers the hello with the same ``hello_message`` a local worker
writes, and handles request lines with the worker's own ``Dispatcher``, so decoding by type hints,
the encoder, error codes and tracebacks are exactly a local worker's. Ray is not imported here.
"""

from __future__ import annotations

import importlib
import logging
from typing import Optional

from venvmux_worker import logs
from venvmux_worker.aio import InlineLoop, ThreadedLoop
from venvmux_worker.calls import FunctionCaller
from venvmux_worker.dispatch import Dispatcher
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
