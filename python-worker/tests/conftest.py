"""Starting real worker processes for the tests, and cleaning them up."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator, List, Optional

import pytest

WORKER_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
sys.path.insert(0, str(WORKER_ROOT))

READ_TIMEOUT = 20.0


def worker_env(extra_paths: tuple = (), **variables: str) -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("VENV_MUX_")}
    env["PYTHONPATH"] = os.pathsep.join([*map(str, extra_paths), str(WORKER_ROOT), str(FIXTURES)])
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(variables)
    return env


def worker_command(module: str, *options: str) -> List[str]:
    return [sys.executable, "-u", "-m", "venvmux_worker", "--module", module, *options]


class LineReader:
    """Reads whole lines from a pipe with a timeout, so a broken worker fails a test
    instead of hanging the suite."""

    def __init__(self, stream: Any) -> None:
        self.fd = stream.fileno()
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def readline(self, timeout: float = READ_TIMEOUT) -> bytes:
        """One line, or b"" at EOF."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.selector.select(remaining):
                raise TimeoutError("no line from the worker within %.0f s" % timeout)
            chunk = os.read(self.fd, 65536)
            if not chunk:
                rest, self.buffer = self.buffer, b""
                return rest
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line + b"\n"

    def close(self) -> None:
        self.selector.close()


class Worker:
    """A running ``python -m venvmux_worker`` with JSON-lines helpers."""

    def __init__(self, module: str, options: tuple, env: dict, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        self._stderr = open(stderr_path, "wb")
        self.process = subprocess.Popen(worker_command(module, *options), env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self._stderr)
        self.reader = LineReader(self.process.stdout)
        self.hello: Optional[dict] = None

    def read(self, timeout: float = READ_TIMEOUT) -> Optional[dict]:
        line = self.reader.readline(timeout)
        if not line:
            return None
        assert line.endswith(b"\n"), line
        return json.loads(line)

    def send(self, message: Any) -> None:
        data = message if isinstance(message, bytes) else json.dumps(message).encode() + b"\n"
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def call(self, fn: str, *args: Any, id: Any = 1, **kwargs: Any) -> dict:
        self.send({"id": id, "fn": fn, "args": list(args), "kwargs": kwargs})
        reply = self.read()
        assert reply is not None, "worker exited; stderr:\n" + self.stderr()
        assert reply["id"] == id, reply
        return reply

    def close_stdin(self) -> None:
        self.process.stdin.close()

    def wait(self, timeout: float = READ_TIMEOUT) -> int:
        return self.process.wait(timeout)

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.reader.close()
        self._stderr.close()


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Any]:
    """``start_worker(module="sample_mod", *options, env=..., hello=True)`` -> Worker."""
    started: List[Worker] = []

    def start(module: str = "sample_mod", *options: str, env: Optional[dict] = None,
              read_hello: bool = True) -> Worker:
        worker = Worker(module, options, env or worker_env(),
                        tmp_path / ("stderr-%d.log" % len(started)))
        started.append(worker)
        if read_hello:
            worker.hello = worker.read()
            assert worker.hello is not None, "no hello; stderr:\n" + worker.stderr()
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def worker(start_worker: Any) -> Any:
    return start_worker()
