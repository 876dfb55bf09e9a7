"""The round trip of one small call at a time, Python side only: the floor loop against the worker.

No Java: the client writes one echo request, reads its reply, 20 000 times, and prints the p50 of
the round trip in microseconds. Splits the warm-call benchmark's figure into the Python side's
share. Run from the repository root, pinned like the benchmark:
``taskset -c 1 python3 benchmarks/src/main/python/worker_sequential.py``.
"""
import io
import os
import subprocess
import sys
import time

N = 20000
REQUEST = b'{"id":1,"fn":"echo","args":[],"kwargs":{"n":7,"name":"abc"}}\n'


def p50_micros(cmd, hello):
    env = dict(os.environ, PYTHONPATH="python-worker:benchmarks/src/main/python")
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env)
    replies = io.BufferedReader(p.stdout)
    if hello:
        replies.readline()
    times = []
    for _ in range(N):
        t0 = time.perf_counter_ns()
        p.stdin.write(REQUEST)
        replies.readline()
        times.append(time.perf_counter_ns() - t0)
    p.stdin.close()
    p.wait()
    times.sort()
    return times[len(times) // 2] / 1000


worker = [sys.executable, "-u", "-m", "venvmux_worker", "--module", "bench_entry"]
print("floor", p50_micros([sys.executable, "-u", "python-worker/bench/floor.py"], False))
print("worker json", p50_micros(worker, True))
print("worker orjson", p50_micros(worker + ["--serializer", "orjson"], True))
