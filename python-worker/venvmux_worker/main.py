"""``python -m venvmux_worker --module pkg.entry [--inflight N] [--serializer json|orjson]
[--max-result-bytes N] [--spill-dir DIR]``: import the module, say hello, serve until EOF."""

from __future__ import annotations

import argparse
import atexit
import importlib
import logging
import os
import signal
import sys
import traceback
from typing import List, Optional

from venvmux_worker import FEATURES, PROTOCOL_VERSION, binary, logs
from venvmux_worker.aio import InlineLoop, ThreadedLoop
from venvmux_worker.calls import FunctionCaller
from venvmux_worker.dispatch import Dispatcher
from venvmux_worker.errors import IMPORT_ERROR
from venvmux_worker.group import end_group, lead_own_group
from venvmux_worker.import_hint import import_hint
from venvmux_worker.introspect import public_functions, signature_text
from venvmux_worker.loop import serve_inline, serve_pooled
from venvmux_worker.protocol import Channel
from venvmux_worker.spill import ResultSpill
from venvmux_worker.walk import allow_deep_data
from venvmux_worker.watchdog import watch_parent
from venvmux_worker.wire import Wire, select_wire

EXIT_OK = 0
EXIT_IMPORT_FAILED = 3
EXIT_ORPHANED = 4
EXIT_HOST_GONE = 5
# How long an open stream's generator gets to close (its finally) once input ended.
_STREAM_CLOSE_WAIT = 10.0

_log = logging.getLogger(__name__)


def parse_arguments(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m venvmux_worker",
                                     description="Serve a module's public functions over "
                                                 "JSON lines on stdin/stdout.")
    parser.add_argument("--module", required=True, help="the module to serve, e.g. pkg.entry")
    parser.add_argument("--inflight", type=_positive, default=1,
                        help="calls served at once (1: inline on the main thread)")
    parser.add_argument("--serializer", choices=("json", "orjson"),
                        default=os.environ.get("VENV_MUX_SERIALIZER") or "json")
    parser.add_argument("--max-result-bytes", type=int, default=0,
                        help="results larger than this go to a file (0: never)")
    parser.add_argument("--spill-dir", default=None,
                        help="where result and binary files go (default: the system temp "
                             "dir; binary files need it and VENV_MUX_BINARY_MIN_BYTES)")
    return parser.parse_args(argv)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Optional[List[str]] = None) -> int:
    parent_pid = os.getppid()
    ignore_interrupts()
    allow_deep_data()
    options = parse_arguments(argv)
    lead_own_group()
    channel = Channel.take_over_stdio()
    logs.configure(os.environ)
    watch_parent(parent_pid, lambda: _exit_now(EXIT_ORPHANED))  # a slow import included
    wire = select_wire(options.serializer)
    binary.configure(options.spill_dir, os.environ)

    try:
        module = importlib.import_module(options.module)
    except BaseException as error:
        _log.error("cannot import %s", options.module, exc_info=True)
        channel.write(wire.dumps(fatal_message(error, options.module)) + b"\n")
        return EXIT_IMPORT_FAILED

    functions = public_functions(module)
    channel.write(wire.dumps(hello_message(options.module, wire, functions)) + b"\n")
    _log.info("serving %s (%d functions, inflight %d, %s)", options.module, len(functions),
              options.inflight, wire.name)

    async_loop = InlineLoop() if options.inflight == 1 else ThreadedLoop()
    caller = FunctionCaller(options.module, functions, async_loop.run)
    dispatcher = Dispatcher(wire, caller, ResultSpill(options.max_result_bytes, options.spill_dir))
    streams = dispatcher.serve_streams(channel.write, async_loop.run)
    try:
        if options.inflight == 1:
            serve_inline(channel, dispatcher)
        else:
            serve_pooled(channel, dispatcher, options.inflight)
    except BrokenPipeError:
        _log.warning("the host closed the reply stream; exiting")
        _exit_now(EXIT_HOST_GONE)
    _log.info("stdin closed; exiting")
    streams.close_all(_STREAM_CLOSE_WAIT)
    async_loop.close()
    _exit_now(EXIT_OK)
    return EXIT_OK


def ignore_interrupts() -> None:
    """A Ctrl-C in the terminal reaches the whole foreground process group; the JVM's shutdown
    stops the workers in order, so the worker itself does nothing on SIGINT. A handler rather
    than SIG_IGN: processes the module starts get the default again when they exec."""
    signal.signal(signal.SIGINT, _on_interrupt)


def _on_interrupt(signum: int, frame: object) -> None:
    """Nothing: not even a log line, as a signal handler may run inside logging's own lock."""


def hello_message(module_name: str, wire: Wire, functions: dict) -> dict:
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "pid": os.getpid(),
        # what platform.python_version() answers ("3.11.7", "3.13.0rc1"), without importing it
        "python": sys.version.split()[0],
        "module": module_name,
        "serializer": wire.name,
        "functions": {name: signature_text(function) for name, function in functions.items()},
        "features": list(FEATURES),
    }


def fatal_message(error: BaseException, module: Optional[str] = None) -> dict:
    """The fatal line for a module that failed to import; with the module's name, the message
    also says where Python looked and what to check."""
    hint = import_hint(module, error) if module else ""
    return {
        "type": "fatal",
        "error": {
            "code": IMPORT_ERROR,
            "type": type(error).__name__,
            "message": f"{error}. {hint}" if hint else str(error),
            "traceback": "".join(traceback.format_exception(type(error), error,
                                                            error.__traceback__)),
        },
    }


def _exit_now(code: int) -> None:
    """Exit without waiting for threads the module may have left running: run the atexit
    hooks and flush stderr, then leave."""
    try:
        atexit._run_exitfuncs()
        logging.shutdown()
        sys.stderr.flush()
    finally:
        end_group()
        os._exit(code)
