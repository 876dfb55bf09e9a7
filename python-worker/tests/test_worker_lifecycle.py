"""Start, concurrency, shutdown, crash and orphaning of a real worker process."""

from __future__ import annotations

import glob
import json
import os
import signal
import subprocess
import sys
import time
from typing import Optional

import pytest

from conftest import LineReader, worker_command, worker_env


def test_import_failure_is_fatal_with_traceback_and_exit_code_3(start_worker):
    worker = start_worker("broken_mod", read_hello=False)
    fatal = worker.read()
    assert fatal["type"] == "fatal"
    error = fatal["error"]
    assert error["code"] == "import_error"
    assert error["type"] == "ModuleNotFoundError"
    assert "not_a_module_that_exists" in error["message"]
    assert "import not_a_module_that_exists" in error["traceback"]
    assert worker.read() is None
    assert worker.wait() == 3


def test_missing_module_is_fatal(start_worker):
    worker = start_worker("no_such_module_anywhere", read_hello=False)
    assert worker.read()["error"]["type"] == "ModuleNotFoundError"
    assert worker.wait() == 3


def test_stdin_eof_exits_zero(worker):
    worker.close_stdin()
    assert worker.read() is None
    assert worker.wait() == 0


@pytest.mark.parametrize("inflight", ["1", "3"])
def test_eof_while_a_call_is_in_flight_still_replies(start_worker, inflight):
    worker = start_worker("sample_mod", "--inflight", inflight)
    worker.send({"id": 11, "fn": "sleep_then", "args": [0.5, 7]})
    worker.close_stdin()
    reply = worker.read()
    assert reply["id"] == 11 and reply["result"]["value"] == 7
    assert worker.read() is None
    assert worker.wait() == 0


def test_inline_calls_run_on_the_main_thread(worker):
    assert worker.call("sleep_then", 0, 1)["result"]["thread"] == "MainThread"


def test_inflight_calls_run_concurrently_and_ids_match(start_worker):
    worker = start_worker("sample_mod", "--inflight", "4")
    for tag in range(4):
        worker.send({"id": 100 + tag, "fn": "rendezvous", "kwargs": {"parties": 4, "tag": tag}})
    replies = [worker.read() for _ in range(4)]
    assert sorted(reply["id"] for reply in replies) == [100, 101, 102, 103]
    for reply in replies:
        assert reply["ok"], reply
        assert reply["result"]["tag"] == reply["id"] - 100
    assert len({reply["result"]["thread"] for reply in replies}) == 4


def test_inflight_async_calls_share_one_loop(start_worker):
    worker = start_worker("sample_mod", "--inflight", "3")
    for tag in range(3):
        worker.send({"id": tag, "fn": "async_rendezvous", "args": [3, tag]})
    replies = sorted((worker.read() for _ in range(3)), key=lambda reply: reply["id"])
    assert [reply["result"] for reply in replies] == [0, 1, 2]


def test_many_concurrent_replies_stay_whole_lines(start_worker):
    worker = start_worker("sample_mod", "--inflight", "4")
    for request_id in range(200):
        worker.send({"id": request_id, "fn": "big", "args": [5000 + request_id]})
    seen = set()
    for _ in range(200):
        reply = worker.read()
        assert reply["result"] == "x" * (5000 + reply["id"])
        seen.add(reply["id"])
    assert seen == set(range(200))


def test_crash_inside_a_function_ends_the_process_cleanly(worker):
    worker.send({"id": 1, "fn": "crash", "args": [7]})
    assert worker.read() is None
    assert worker.wait() == 7


@pytest.mark.parametrize("inflight", ["1", "2"])
@pytest.mark.parametrize("how", ["fork", "subprocess"])
def test_a_child_left_running_does_not_keep_the_protocol_pipes_open(start_worker, tmp_path, how,
                                                                    inflight):
    worker = start_worker("sample_mod", "--inflight", inflight)
    pid_file = tmp_path / "child.pid"
    try:
        worker.send({"id": 1, "fn": "leave_a_child_then_exit", "args": [str(pid_file), how]})
        # The child sleeps on for a minute; the host must still see the worker's end at once.
        assert worker.read(timeout=15) is None
        assert worker.wait() == 9
        child = int(pid_file.read_text())
        os.kill(child, 0)  # alive, and holding neither of the worker's pipes
        pipes = {"pipe:[%d]" % os.fstat(stream.fileno()).st_ino
                 for stream in (worker.process.stdin, worker.process.stdout)}
        assert not pipes & set(_open_files(child))
    finally:
        if pid_file.exists():
            _kill_quietly(int(pid_file.read_text()))


def _open_files(pid: int) -> list:
    """What the process's fds point at (one closed meanwhile is left out)."""
    files = []
    for fd in glob.glob("/proc/%d/fd/*" % pid):
        try:
            files.append(os.readlink(fd))
        except FileNotFoundError:
            pass
    return files


def _kill_quietly(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


PARENT = """
import os, subprocess, sys
stdin_fd, stdout_fd = int(sys.argv[1]), int(sys.argv[2])
child = subprocess.Popen(sys.argv[3:], stdin=stdin_fd, stdout=stdout_fd,
                         stderr=subprocess.DEVNULL)
print(child.pid, flush=True)
sys.stdin.readline()
os._exit(0)
"""


def test_worker_exits_when_its_parent_dies_even_with_stdin_open():
    worker_stdin_read, worker_stdin_write = os.pipe()
    worker_stdout_read, worker_stdout_write = os.pipe()
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(worker_stdin_read), str(worker_stdout_write),
         *worker_command("sample_mod")],
        env=worker_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        pass_fds=(worker_stdin_read, worker_stdout_write))
    os.close(worker_stdin_read)
    os.close(worker_stdout_write)
    with os.fdopen(worker_stdout_read, "rb") as worker_stdout:
        reader = LineReader(worker_stdout)
        try:
            worker_pid = int(parent.stdout.readline())
            assert b'"type":"hello"' in reader.readline()
            os.write(worker_stdin_write, b'{"id":1,"fn":"add","args":[1]}\n')
            assert reader.readline() == b'{"id":1,"ok":true,"result":3}\n'

            parent.stdin.write(b"die\n")
            parent.stdin.flush()
            assert parent.wait(10) == 0
            # Our end of its stdin stays open, so only the watchdog can make it leave.
            assert reader.readline(timeout=15) == b""
            assert _wait_until_gone(worker_pid)
        finally:
            reader.close()
            os.close(worker_stdin_write)
            parent.stdin.close()
            parent.stdout.close()
            if parent.poll() is None:
                parent.kill()
                parent.wait()


def _wait_until_gone(pid: int, timeout: float = 10.0) -> bool:
    """Its pipe closes a moment before the process finishes exiting."""
    deadline = time.monotonic() + timeout
    while not _gone_or_zombie(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _gone_or_zombie(pid: int) -> bool:
    try:
        with open("/proc/%d/stat" % pid) as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def _old_python() -> Optional[str]:
    """An installed interpreter older than 3.10 (pyenv's, when there is one)."""
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv")]
    for root in filter(None, roots):
        for candidate in sorted(glob.glob(os.path.join(root, "versions", "3.[6-9]*", "bin",
                                                       "python"))):
            return candidate
    return None


def test_too_old_python_is_fatal_in_protocol_words():
    python = _old_python()
    if python is None:
        pytest.skip("no Python older than 3.10 installed")
    done = subprocess.run([python, "-u", "-m", "venvmux_worker", "--module", "sample_mod"],
                          env=worker_env(), capture_output=True, timeout=60)
    assert done.returncode == 3
    fatal = json.loads(done.stdout)
    assert fatal["type"] == "fatal" and "needs Python 3.10" in fatal["error"]["message"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie counts as gone: it ended, only its parent has not reaped it yet.
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(not hasattr(os, "setpgid"), reason="process groups are POSIX")
@pytest.mark.parametrize("fn", ["start_sleeper", "fork_sleeper"])
def test_processes_the_module_started_end_with_the_worker(start_worker, fn):
    worker = start_worker("spawning_mod")
    child = worker.call(fn)["result"]
    assert _alive(child)
    worker.close_stdin()
    assert worker.wait() == 0
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


@pytest.mark.skipif(not hasattr(os, "setpgid"), reason="process groups are POSIX")
def test_the_worker_leads_its_own_process_group(worker):
    assert os.getpgid(worker.process.pid) == worker.process.pid
