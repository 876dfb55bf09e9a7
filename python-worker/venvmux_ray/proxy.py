"""``python -m venvmux_ray.proxy --module pkg.entry --address ADDR [worker options]``: one venvmux
worker whose calls run in a Ray actor.

To the host it is a worker like any other (protocol v1 on stdio: a hello or fatal line, then
one reply line per request line). It connects to the cluster with the env's ``runtime_env``
(packages, env vars, ``py_modules``), starts one actor (``WorkerActor``), says hello with the
actor's functions, and forwards each request line to the actor unchanged. Ray moves lines and
replies above its inline limit through its object store. It passes through frames (``batch``:
an inline actor runs a frame in one actor call) and streamed replies (``stream``: the actor's
generator writes items to an outbox the proxy drains; credit and cancel lines go to the actor).

Faults: an actor that dies ends the proxy (exit 6), so the host fails the calls in flight with
WorkerCrashedException and starts a new proxy, with a new actor (Ray's own actor restarts are
off: a restarted actor would have lost the calls anyway). A cluster that cannot be reached, or a
``runtime_env`` that cannot be built, is a fatal line with code ``env_start``/``env_build``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import threading
import traceback
from functools import partial
from typing import Any, Callable, List, Optional

from venvmux_ray import EXIT_ACTOR_DIED, EXIT_CLUSTER_UNREACHABLE
from venvmux_worker import logs
from venvmux_worker.dispatch import remote_exception
from venvmux_worker.errors import CallError
from venvmux_worker.group import lead_own_group
from venvmux_worker.loop import frame_size
from venvmux_worker.main import EXIT_HOST_GONE, EXIT_IMPORT_FAILED, EXIT_OK, EXIT_ORPHANED, _exit_now
from venvmux_worker.protocol import Channel
from venvmux_worker.spill import ResultSpill, read_payload
from venvmux_worker.streams import CONTROL_PREFIX
from venvmux_worker.watchdog import watch_parent
from venvmux_worker.wire import Wire, select_wire

# What the proxy forwards beyond plain v1 (and announces when the actor's worker has it too).
FEATURES: tuple = ("batch", "stream")

ENV_BUILD = "env_build"
ENV_START = "env_start"
# The actor's dispatcher writes this prefix for an int id; what follows up to "}\n" is the result.
_OK_PREFIX = re.compile(rb'\{"id":(-?\d+),"ok":true,"result":')
# A stream's last line (its end or its error); its items are {"id":..,"item":..}.
_FINAL = re.compile(rb'\{"id":-?\d+,"ok":')
# How long one drain of a stream waits in the actor before it returns empty and is asked again.
DRAIN_WAIT_SECONDS = 5.0
# At the end of input, how long the actor waits for its open streams to close.
STREAM_CLOSE_WAIT_SECONDS = 5.0

_log = logging.getLogger("venvmux_worker.ray")


def parse_arguments(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m venvmux_ray.proxy")
    parser.add_argument("--module", required=True)
    parser.add_argument("--inflight", type=int, default=1)
    parser.add_argument("--serializer", choices=("json", "orjson"), default="json")
    parser.add_argument("--max-result-bytes", type=int, default=0)
    parser.add_argument("--spill-dir", default=None)
    parser.add_argument("--address", required=True, help="the Ray cluster, as ray.init takes it")
    parser.add_argument("--runtime-env", default="{}", help="the job's runtime_env, as JSON")
    parser.add_argument("--py-path", action="append", default=[],
                        help="a folder whose modules and packages travel to the actor")
    parser.add_argument("--actor-options", default="{}",
                        help="num_cpus, num_gpus, resources for the actor, as JSON")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    parent_pid = os.getppid()
    options = parse_arguments(argv)
    lead_own_group()
    # Before ray is imported: Ray forwards the actor's prints to the driver's stdout, which must
    # land on stderr, never in the reply stream.
    channel = Channel.take_over_stdio()
    logs.configure(os.environ)
    watch_parent(parent_pid, lambda: _exit_now(EXIT_ORPHANED))
    wire = select_wire(options.serializer)
    try:
        import ray
    except BaseException as error:
        return _fatal(channel, wire, ENV_START, "ray is not importable in the proxy's env: %s"
                      % error, error, EXIT_IMPORT_FAILED)
    unreachable = unreachable_reason(options.address)
    if unreachable is not None:
        return _fatal(channel, wire, ENV_START, "cannot reach the Ray cluster at %s: %s"
                      % (options.address, unreachable), ConnectionError(unreachable),
                      EXIT_CLUSTER_UNREACHABLE)
    try:
        ray.init(address=options.address, runtime_env=job_runtime_env(options), log_to_driver=True,
                 logging_level=logging.WARNING, namespace="venvmux")
    except BaseException as error:
        return _fatal(channel, wire, ENV_START, "cannot reach the Ray cluster at %s: %s"
                      % (options.address, error), error, EXIT_CLUSTER_UNREACHABLE)

    from venvmux_ray.actor import WorkerActor

    actor_class = ray.remote(WorkerActor)
    actor = actor_class.options(max_concurrency=actor_concurrency(options.inflight), max_restarts=0,
                                **json.loads(options.actor_options)).remote(
        options.module, options.serializer, options.inflight,
        {key: value for key, value in os.environ.items() if key.startswith("VENV_MUX_LOG")})
    try:
        hello = ray.get(actor.hello.remote())
    except ray.exceptions.RuntimeEnvSetupError as error:
        return _fatal(channel, wire, ENV_BUILD, "Ray could not build the env's runtime_env: %s"
                      % error, error, EXIT_IMPORT_FAILED)
    except BaseException as error:
        return _fatal(channel, wire, ENV_START, "the Ray actor for %s did not start: %s"
                      % (options.module, error), error, EXIT_IMPORT_FAILED)
    if hello.get("type") == "fatal":
        channel.write(wire.dumps(hello) + b"\n")
        _exit_now(EXIT_IMPORT_FAILED)
    hello["pid"] = os.getpid()
    hello["features"] = [name for name in hello.get("features", ()) if name in FEATURES]
    channel.write(wire.dumps(hello) + b"\n")
    _log.info("serving %s through a Ray actor on %s", options.module, options.address)

    forwarder = Forwarder(ray, actor, channel, wire,
                          ResultSpill(options.max_result_bytes, options.spill_dir),
                          options.inflight)
    try:
        forwarder.serve()
    except BrokenPipeError:
        _exit_now(EXIT_HOST_GONE)
    _exit_now(EXIT_OK)
    return EXIT_OK


def unreachable_reason(address: str, timeout: float = 10.0) -> Optional[str]:
    """Why the cluster's ``host:port`` (``ray://`` or a GCS address) takes no TCP connection, or
    None; ``ray.init`` itself retries an unreachable address for minutes. ``auto`` is left to
    Ray."""
    target = address[len("ray://"):] if address.startswith("ray://") else address
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        return None
    import socket

    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as error:
        return "%s (no TCP connection to %s:%s)" % (error, host, port)
    return None


def actor_concurrency(inflight: int) -> int:
    """The actor's ``max_concurrency``: ``inflight`` calls, a drain for each stream they may hold,
    and one more for a credit, cancel or end-of-input call, which must not wait behind them."""
    return 2 * max(1, inflight) + 1


def stream_id(line: bytes, loads: Callable[[bytes], Any]) -> Optional[Any]:
    """The id of a request that asks for a streamed reply, else None (parsed only when the line
    names "stream" at all)."""
    if b'"stream"' not in line:
        return None
    try:
        request = loads(line)
    except ValueError:
        return None
    return request.get("id") if type(request) is dict and "stream" in request else None


def ends_stream(chunk: bytes) -> bool:
    """Whether the lines a stream wrote end with its final line."""
    last = chunk.rstrip(b"\n").rpartition(b"\n")[2]
    return _FINAL.match(last) is not None


def job_runtime_env(options: argparse.Namespace) -> dict:
    """The job's ``runtime_env``: the host's (packages, env vars) with the ``py_modules`` of the
    ``--py-path`` folders."""
    runtime_env = json.loads(options.runtime_env)
    runtime_env["py_modules"] = py_modules(options.py_path)
    return runtime_env


def py_modules(folders: List[str]) -> List[str]:
    """Each module and package in the folders, as Ray's ``py_modules`` takes them (Ray uploads
    each and puts it on the actor's path: the folders' ``sys.path`` meaning, on any node)."""
    found = []
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.startswith(".") or name == "__pycache__":
                continue
            if name.endswith(".py") or os.path.isdir(path):
                found.append(path)
    return found


class Forwarder:
    """Sends each request line (or frame) to the actor and writes each reply as it completes;
    relays streams' item lines and control lines."""

    def __init__(self, ray: Any, actor: Any, channel: Channel, wire: Wire,
                 spill: ResultSpill, inflight: int = 1) -> None:
        self.ray = ray
        self.actor = actor
        self.channel = channel
        self.wire = wire
        self.spill = spill
        # An inline worker runs a frame's calls one after another: one actor call does the same.
        self.frames_whole = inflight == 1
        self._pending = 0
        self._idle = threading.Condition()

    def serve(self) -> None:
        """Forwards until stdin ends, then closes the open streams and waits for the calls in
        flight."""
        readline = self.channel.readline
        while True:
            line = readline()
            if not line:
                break
            n = frame_size(line)
            if n is not None:
                self._forward_frame([readline() for _ in range(n)])
            elif line.startswith(CONTROL_PREFIX):
                self.actor.control.remote(line)
            else:
                self._forward(line)
        self.actor.close_streams.remote(STREAM_CLOSE_WAIT_SECONDS)
        with self._idle:
            self._idle.wait_for(lambda: self._pending == 0)

    def _forward(self, line: bytes) -> None:
        request = self._prepared(line)
        if request is not None:
            self._submit(self.actor.handle.remote(request), stream_id(request, self.wire.loads))

    def _forward_frame(self, lines: List[bytes]) -> None:
        """A frame's requests: as one actor call when the worker is inline and none streams,
        else one by one (they run side by side in the actor)."""
        requests = [request for request in map(self._prepared, lines) if request is not None]
        if not self.frames_whole or any(stream_id(r, self.wire.loads) is not None
                                        for r in requests):
            for request in requests:
                self._forward(request)
        elif requests:
            self._submit(self.actor.handle_frame.remote(requests), None)

    def _prepared(self, line: bytes) -> Optional[bytes]:
        """The line as the actor takes it; None for no request (blank, or answered here)."""
        if not line.strip():
            return None
        if b'"payload_file"' in line:
            return self._inline_payload(line)
        return line

    def _submit(self, reply_ref: Any, streamed: Optional[Any]) -> None:
        with self._idle:
            self._pending += 1
        reply_ref.future().add_done_callback(partial(self._completed, streamed))

    def _inline_payload(self, line: bytes) -> Optional[bytes]:
        """The request with its payload file's arguments inline: the actor may be on another
        node, where the host's file is not."""
        request = self.wire.loads(line)
        try:
            args, kwargs = read_payload(request.pop("payload_file"), self.wire.loads)
        except CallError as error:
            self.channel.write(self.wire.dumps(
                {"id": request.get("id"), "ok": False, "error": error.to_wire()}) + b"\n")
            return None
        request["args"] = args
        request["kwargs"] = kwargs
        return self.wire.dumps(request) + b"\n"

    def _completed(self, streamed: Optional[Any], future: Any) -> None:
        try:
            reply = future.result()
        except self.ray.exceptions.RayActorError as error:
            self._actor_died(error)
            return
        except BaseException as error:  # e.g. the object was lost: this call fails, not the rest
            reply = self.wire.dumps({"id": None, "ok": False,
                                     "error": remote_exception(error).to_wire()}) + b"\n"
        if not reply and streamed is not None:  # the stream is open: its lines follow
            threading.Thread(target=self._relay_stream, args=(streamed,), daemon=True,
                             name="venvmux-ray-stream-%s" % streamed).start()
            return
        try:
            self._write(reply)
        finally:
            self._done()

    def _relay_stream(self, request_id: Any) -> None:
        """Writes a stream's lines as the actor's generator makes them, up to its final line."""
        try:
            while True:
                chunk = self.ray.get(self.actor.drain.remote(request_id, DRAIN_WAIT_SECONDS))
                self._write(chunk)
                if chunk and ends_stream(chunk):
                    return
        except self.ray.exceptions.RayActorError as error:
            self._actor_died(error)
        finally:
            self._done()

    def _write(self, replies: bytes) -> None:
        try:
            if replies:
                self.channel.write(self._spilled_all(replies))
        except BrokenPipeError:
            _exit_now(EXIT_HOST_GONE)

    def _done(self) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def _actor_died(self, error: BaseException) -> None:
        _log.error("the Ray actor died: %s", error)
        _exit_now(EXIT_ACTOR_DIED)

    def _spilled_all(self, replies: bytes) -> bytes:
        """The reply lines, each over the host's limit as a result_file reply."""
        limit = self.spill.max_bytes
        if not limit or len(replies) <= limit:
            return replies
        return b"".join(self._spilled(line + b"\n") for line in replies[:-1].split(b"\n"))

    def _spilled(self, reply: bytes) -> bytes:
        """The reply, or a result_file reply when its result is over the host's limit."""
        limit = self.spill.max_bytes
        if not limit or len(reply) <= limit:
            return reply
        match = _OK_PREFIX.match(reply)
        if match is None:
            return reply
        path = self.spill.write(memoryview(reply)[match.end():-2])
        return self.wire.dumps({"id": int(match.group(1)), "ok": True, "result_file": path}) + b"\n"


def _fatal(channel: Channel, wire: Wire, code: str, message: str, error: BaseException,
           exit_code: int) -> int:
    _log.error("%s", message)
    channel.write(wire.dumps({"type": "fatal", "error": {
        "code": code, "type": type(error).__name__, "message": message,
        "traceback": "".join(traceback.format_exception(type(error), error,
                                                        error.__traceback__))}}) + b"\n")
    _exit_now(exit_code)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
