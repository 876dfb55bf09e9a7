"""The benchmark's floor loop answers like a worker would, minus everything else."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import WORKER_ROOT


def test_floor_echoes_kwargs_per_line():
    requests = b"".join(json.dumps({"id": i, "fn": "echo", "args": [],
                                    "kwargs": {"n": i, "name": "x"}}).encode() + b"\n"
                        for i in range(3))
    done = subprocess.run([sys.executable, "-u", str(WORKER_ROOT / "bench" / "floor.py")],
                          input=requests, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert replies == [{"id": i, "ok": True, "result": {"n": i, "name": "x"}} for i in range(3)]
