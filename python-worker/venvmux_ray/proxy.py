"""``python -m venvmux_ray.proxy --module pkg.entry --address ADDR [worker options]``: one venvmux
worker whose calls run in a Ray actor.

To the host it is a worker like any other (protocol v1 on stdio: a hello or fatal line, then
one reply line per request line). It connects to the cluster with the env's ``runtime_env``
(packages, env vars, ``py_modules``), starts one actor (``WorkerActor``), says hello with the
actor's functions, and forwards each request line to the actor unchanged. Ray moves lines and
replies above its inline limit through its object store.

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
from typing import Any, List, Optional

from venvmux_ray import EXIT_ACTOR_DIED, EXIT_CLUSTER_UNREACHABLE
from venvmux_worker import logs
from venvmux_worker.dispatch import remote_exception
from venvmux_worker.errors import CallError
from venvmux_worker.group import lead_own_group
from venvmux_worker.main import EXIT_HOST_GONE, EXIT_IMPORT_FAILED, EXIT_OK, EXIT_ORPHANED, _exit_now
from venvmux_worker.protocol import Channel
from venvmux_worker.spill import ResultSpill, read_payload
from venvmux_worker.watchdog import watch_parent
from venvmux_worker.wire import Wire, select_wire

# What the proxy can forward beyond plain v1; the actor's own features are not passed on.
FEATURES: tuple = ()

ENV_BUILD = "env_build"
ENV_START = "env_start"
# The actor's dispatcher writes this prefix for an int id; what follows up to "}\n" is the result.
_OK_PREFIX = re.compile(rb'\{"id":(-?\d+),"ok":true,"result":')

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
    runtime_env = json.loads(options.runtime_env)
    runtime_env["py_modules"] = py_modules(options.py_path)
    try:
        ray.init(address=options.address, runtime_env=runtime_env, log_to_driver=True,
                 logging_level=logging.WARNING, namespace="venvmux")
    except BaseException as error:
        return _fatal(channel, wire, ENV_START, "cannot reach the Ray cluster at %s: %s"
                      % (options.address, error), error, EXIT_CLUSTER_UNREACHABLE)

    from venvmux_ray.actor import WorkerActor

    actor_class = ray.remote(WorkerActor)
    actor = actor_class.options(max_concurrency=max(1, options.inflight), max_restarts=0,
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
                          ResultSpill(options.max_result_bytes, options.spill_dir))
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
    """Sends each request line to the actor and writes each reply as it completes."""

    def __init__(self, ray: Any, actor: Any, channel: Channel, wire: Wire,
                 spill: ResultSpill) -> None:
        self.ray = ray
        self.actor = actor
        self.channel = channel
        self.wire = wire
        self.spill = spill
        self._pending = 0
        self._idle = threading.Condition()

    def serve(self) -> None:
        """Forwards until stdin ends, then waits for the calls in flight."""
        readline = self.channel.readline
        while True:
            line = readline()
            if not line:
                break
            if not line.strip():
                continue
            if b'"payload_file"' in line:
                line = self._inline_payload(line)
                if line is None:
                    continue
            with self._idle:
                self._pending += 1
            self.actor.handle.remote(line).future().add_done_callback(self._completed)
        with self._idle:
            self._idle.wait_for(lambda: self._pending == 0)

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

    def _completed(self, future: Any) -> None:
        try:
            reply = future.result()
        except self.ray.exceptions.RayActorError as error:
            _log.error("the Ray actor died: %s", error)
            _exit_now(EXIT_ACTOR_DIED)
            return
        except BaseException as error:  # e.g. the object was lost: this call fails, not the rest
            reply = self.wire.dumps({"id": None, "ok": False,
                                     "error": remote_exception(error).to_wire()}) + b"\n"
        try:
            if reply:
                self.channel.write(self._spilled(reply))
        except BrokenPipeError:
            _exit_now(EXIT_HOST_GONE)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

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
