"""Where a Ray-backed call's time goes: one warm echo call, timed at each layer, on a local Ray.

Run in a Python that has ``ray`` (the proxy's env venvmux builds, or any venv with the same Ray)::

    python python-worker/bench/ray_split.py [--calls 3000] [--entry-dir benchmarks/src/main/python]

It starts a local Ray (as a driver) and prints the median and mean per call of:

- ``plain actor call``: ``ray.get(actor.ping.remote(line))`` on an actor that returns its argument
  (Ray's own cost, the yardstick);
- ``plain, 3 threads``: the same actor with ``max_concurrency=3`` (a threaded actor, as the
  proxy starts it for streams);
- ``WorkerActor.handle``: the same through the venvmux actor (Ray's call plus the worker's dispatch);
- ``dispatch alone``: the worker's ``Dispatcher.handle(line)`` in this process, no Ray;
- ``through the proxy``: a request line written to ``python -m venvmux_ray.proxy`` over a pipe
  until its reply line is read (pipe hops, the proxy's forwarding, the actor).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Callable, List

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER_ROOT = os.path.dirname(HERE)
LINE = b'{"id":1,"fn":"echo","args":[],"kwargs":{"n":7,"name":"abc"}}\n'


def timed(call: Callable[[], object], calls: int) -> List[float]:
    for _ in range(min(300, calls)):  # warm-up
        call()
    clock = time.perf_counter
    times = []
    for _ in range(calls):
        began = clock()
        call()
        times.append(clock() - began)
    return times


def report(name: str, times: List[float]) -> None:
    print("%-22s median %7.1f us   mean %7.1f us" % (
        name, statistics.median(times) * 1e6, statistics.fmean(times) * 1e6), flush=True)


def packages_dir() -> str:
    """venvmux_worker and venvmux_ray alone in a folder, as the runtime extracts them."""
    folder = tempfile.mkdtemp(prefix="venvmux-ray-split-")
    for name in ("venvmux_worker", "venvmux_ray"):
        shutil.copytree(os.path.join(WORKER_ROOT, name), os.path.join(folder, name),
                        ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--entry-dir", default=os.path.join(
        WORKER_ROOT, "..", "benchmarks", "src", "main", "python"))
    options = parser.parse_args()
    entry_dir = os.path.abspath(options.entry_dir)
    sys.path[:0] = [WORKER_ROOT, entry_dir]
    import logging

    import ray

    from venvmux_ray.actor import WorkerActor

    packages = packages_dir()
    ray.init(include_dashboard=False, logging_level=logging.WARNING,
             runtime_env={"py_modules": [os.path.join(packages, "venvmux_worker"),
                                         os.path.join(packages, "venvmux_ray"),
                                         os.path.join(entry_dir, "bench_entry.py")]})

    @ray.remote
    class Ping:
        def ping(self, line: bytes) -> bytes:
            return line

    ping = Ping.remote()
    report("plain actor call", timed(lambda: ray.get(ping.ping.remote(LINE)), options.calls))
    threaded = Ping.options(max_concurrency=3).remote()
    report("plain, 3 threads", timed(lambda: ray.get(threaded.ping.remote(LINE)), options.calls))
    worker = ray.remote(WorkerActor).options(max_concurrency=3).remote(
        "bench_entry", "json", 1, {})
    ray.get(worker.hello.remote())
    report("WorkerActor.handle", timed(lambda: ray.get(worker.handle.remote(LINE)),
                                       options.calls))
    local = WorkerActor("bench_entry", "json", 1, {})
    report("dispatch alone", timed(lambda: local.handle(LINE), options.calls))

    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([packages, entry_dir]))
    proxy = subprocess.Popen(
        [sys.executable, "-u", "-m", "venvmux_ray.proxy", "--module", "bench_entry",
         "--address", ray.get_runtime_context().gcs_address, "--py-path", packages,
         "--py-path", entry_dir],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment)
    assert proxy.stdin is not None and proxy.stdout is not None
    hello = proxy.stdout.readline()
    assert b'"hello"' in hello, hello

    def through_proxy() -> None:
        proxy.stdin.write(LINE)
        proxy.stdin.flush()
        proxy.stdout.readline()

    report("through the proxy", timed(through_proxy, options.calls))
    proxy.stdin.close()
    proxy.wait(30)
    ray.shutdown()
    shutil.rmtree(packages, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # a throwaway local Ray: no token
    main()
