"""venvmux_ray's parts that need no cluster: the proxy's options, runtime_env and address check,
its forwarding of lines, frames, control lines and streams (to a stand-in actor), and the actor
class itself, run in this process. Ray is not imported: these run where it is not installed."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import Future
from typing import Any, List

import pytest

from venvmux_ray import EXIT_ACTOR_DIED, proxy
from venvmux_ray.actor import StreamOutbox, WorkerActor
from venvmux_worker.spill import ResultSpill
from venvmux_worker.wire import select_wire

WIRE = select_wire("json")


def line(message: dict) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode() + b"\n"


# ------------------------------------------------------------------ options and runtime_env


def test_options_carry_the_worker_options_and_the_ray_ones():
    options = proxy.parse_arguments([
        "--module", "pkg.entry", "--inflight", "4", "--address", "ray://head:10001",
        "--runtime-env", '{"uv": ["numpy<2"]}', "--py-path", "/a", "--py-path", "/b",
        "--actor-options", '{"num_cpus": 1}'])
    assert options.module == "pkg.entry"
    assert options.inflight == 4
    assert options.address == "ray://head:10001"
    assert options.py_path == ["/a", "/b"]
    assert json.loads(options.actor_options) == {"num_cpus": 1}


def test_the_address_is_required():
    with pytest.raises(SystemExit):
        proxy.parse_arguments(["--module", "m"])


def test_the_jobs_runtime_env_is_the_hosts_with_each_module_of_the_py_paths(tmp_path):
    (tmp_path / "entry.py").write_text("")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "notes.txt").write_text("")
    options = proxy.parse_arguments([
        "--module", "entry", "--address", "auto", "--py-path", str(tmp_path),
        "--runtime-env", '{"uv": ["numpy<2"], "env_vars": {"A": "1"}}'])
    assert proxy.job_runtime_env(options) == {
        "uv": ["numpy<2"], "env_vars": {"A": "1"},
        "py_modules": [str(tmp_path / "entry.py"), str(tmp_path / "pkg")]}


def test_the_actor_runs_inflight_calls_their_drains_and_a_control_call():
    assert proxy.actor_concurrency(1) == 3
    assert proxy.actor_concurrency(4) == 9
    assert proxy.actor_concurrency(0) == 3


# ------------------------------------------------------------------ the address check


def test_a_closed_port_is_unreachable_and_named():
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reason = proxy.unreachable_reason("127.0.0.1:%d" % port, timeout=2)
    assert reason is not None and "127.0.0.1:%d" % port in reason
    assert proxy.unreachable_reason("ray://127.0.0.1:%d" % port, timeout=2) is not None


def test_a_listening_port_is_reachable():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        host, port = server.getsockname()
        assert proxy.unreachable_reason("%s:%d" % (host, port)) is None
        assert proxy.unreachable_reason("ray://%s:%d" % (host, port)) is None


@pytest.mark.parametrize("address", ["auto", "local", "head", "head:port"])
def test_addresses_without_a_port_are_left_to_ray(address):
    assert proxy.unreachable_reason(address) is None


# ------------------------------------------------------------------ reading lines


def test_stream_id_is_that_of_a_request_asking_for_a_stream():
    assert proxy.stream_id(line({"id": 3, "fn": "count", "stream": 16}), WIRE.loads) == 3
    assert proxy.stream_id(line({"id": 4, "fn": "f", "kwargs": {"stream": 1}}), WIRE.loads) is None
    assert proxy.stream_id(line({"id": 5, "fn": "f"}), WIRE.loads) is None
    assert proxy.stream_id(b'{"stream" broken\n', WIRE.loads) is None


def test_a_stream_ends_with_its_end_or_error_line():
    assert proxy.ends_stream(b'{"id":3,"item":1}\n{"id":3,"ok":true,"end":true}\n')
    assert proxy.ends_stream(b'{"id":3,"ok":false,"error":{}}\n')
    assert not proxy.ends_stream(b'{"id":3,"item":1}\n{"id":3,"item":{"ok":2}}\n')
    assert not proxy.ends_stream(b"")


# ------------------------------------------------------------------ forwarding to a stand-in actor


class StandInRef:
    def __init__(self, value: Any) -> None:
        self.value = value

    def future(self) -> Future:
        future: Future = Future()
        if isinstance(self.value, BaseException):
            future.set_exception(self.value)
        else:
            future.set_result(self.value)
        return future


class ActorDied(Exception):
    pass


class StandInRay:
    class exceptions:
        RayActorError = ActorDied

    @staticmethod
    def get(ref: StandInRef) -> Any:
        if isinstance(ref.value, BaseException):
            raise ref.value
        return ref.value


class Method:
    def __init__(self, actor: "StandInActor", name: str) -> None:
        self.actor = actor
        self.name = name

    def remote(self, *args: Any) -> StandInRef:
        self.actor.calls.append((self.name, args))
        return StandInRef(getattr(self.actor, "do_" + self.name)(*args))


class StandInActor:
    """Answers like WorkerActor on an echo module: a request's reply names its id."""

    def __init__(self) -> None:
        self.calls: List[tuple] = []
        self.stream_chunks: List[bytes] = []
        self.dies = False

    def __getattr__(self, name: str) -> Method:
        return Method(self, name)

    def do_handle(self, request: bytes) -> Any:
        if self.dies:
            return ActorDied("gone")
        message = json.loads(request)
        if "stream" in message:
            return b""
        return b'{"id":%d,"ok":true,"result":%s}\n' % (
            message["id"], json.dumps(message.get("kwargs")).encode())

    def do_handle_frame(self, requests: List[bytes]) -> bytes:
        return b"".join(self.do_handle(r) for r in requests)

    def do_control(self, _line: bytes) -> None:
        return None

    def do_drain(self, _request_id: int, _timeout: float) -> bytes:
        return self.stream_chunks.pop(0) if self.stream_chunks else b""

    def do_close_streams(self, _timeout: float) -> None:
        return None


class StandInChannel:
    def __init__(self, lines: List[bytes]) -> None:
        self.lines = list(lines)
        self.written: List[bytes] = []
        self.lock = threading.Lock()

    def readline(self) -> bytes:
        return self.lines.pop(0) if self.lines else b""

    def write(self, data: bytes) -> None:
        with self.lock:
            self.written.append(data)

    def replies(self) -> List[dict]:
        return [json.loads(x) for x in b"".join(self.written).splitlines()]


def serve(lines: List[bytes], actor: StandInActor = None, inflight: int = 1,
          spill: ResultSpill = None) -> tuple:
    actor = actor or StandInActor()
    channel = StandInChannel(lines)
    forwarder = proxy.Forwarder(StandInRay, actor, channel, WIRE,  # type: ignore[arg-type]
                                spill or ResultSpill(0, None), inflight)
    forwarder.serve()
    return actor, channel


def names(actor: StandInActor) -> List[str]:
    return [name for name, _ in actor.calls]


def test_each_request_line_goes_to_the_actor_unchanged_and_its_reply_back():
    requests = [line({"id": i, "fn": "echo", "kwargs": {"n": i}}) for i in (1, 2)]
    actor, channel = serve([requests[0], b"\n", requests[1]])
    assert actor.calls[:2] == [("handle", (requests[0],)), ("handle", (requests[1],))]
    assert channel.replies() == [{"id": 1, "ok": True, "result": {"n": 1}},
                                 {"id": 2, "ok": True, "result": {"n": 2}}]
    assert names(actor)[-1] == "close_streams"  # at the end of input


def test_an_inline_workers_frame_is_one_actor_call():
    requests = [line({"id": i, "fn": "echo", "kwargs": {"n": i}}) for i in range(3)]
    actor, channel = serve([b'{"batch":3}\n', *requests])
    assert actor.calls[0] == ("handle_frame", (requests,))
    assert [reply["id"] for reply in channel.replies()] == [0, 1, 2]


def test_a_pooled_workers_frame_goes_request_by_request():
    requests = [line({"id": i, "fn": "echo"}) for i in range(3)]
    actor, channel = serve([b'{"batch":3}\n', *requests], inflight=2)
    assert names(actor)[:3] == ["handle"] * 3
    assert len(channel.replies()) == 3


def test_a_frame_holding_a_stream_goes_request_by_request():
    requests = [line({"id": 1, "fn": "echo"}), line({"id": 2, "fn": "count", "stream": 4})]
    actor = StandInActor()
    actor.stream_chunks = [b'{"id":2,"ok":true,"end":true}\n']
    actor, channel = serve([b'{"batch":2}\n', *requests], actor)
    assert names(actor)[:2] == ["handle", "handle"]


def test_control_lines_go_to_the_actors_streams():
    credit = line({"ctl": "credit", "id": 9, "n": 4})
    actor, channel = serve([credit])
    assert actor.calls[0] == ("control", (credit,))
    assert channel.written == []


def test_a_streams_lines_are_drained_from_the_actor_up_to_its_final_line():
    actor = StandInActor()
    actor.stream_chunks = [b'{"id":7,"item":0}\n', b"",
                           b'{"id":7,"item":1}\n{"id":7,"ok":true,"end":true}\n',
                           b'{"id":7,"item":"never asked for"}\n']
    actor, channel = serve([line({"id": 7, "fn": "count", "stream": 2})], actor)
    assert channel.replies() == [{"id": 7, "item": 0}, {"id": 7, "item": 1},
                                 {"id": 7, "ok": True, "end": True}]
    assert names(actor).count("drain") == 3


def test_a_result_over_the_limit_is_spilled_by_the_proxy(tmp_path):
    big = "x" * 200
    requests = [line({"id": 1, "fn": "echo", "kwargs": {"s": big}}),
                line({"id": 2, "fn": "echo", "kwargs": {}})]
    actor, channel = serve([b'{"batch":2}\n', *requests],
                           spill=ResultSpill(100, str(tmp_path)))
    spilled, small = channel.replies()
    assert small == {"id": 2, "ok": True, "result": {}}
    assert spilled["id"] == 1 and "result" not in spilled
    with open(spilled["result_file"], "rb") as f:
        assert json.loads(f.read()) == {"s": big}


def test_a_payload_file_is_sent_inline(tmp_path):
    payload = tmp_path / "payload.json"
    payload.write_text('{"args": [], "kwargs": {"n": 5}}')
    actor, channel = serve([line({"id": 1, "fn": "echo", "payload_file": str(payload)})])
    sent = json.loads(actor.calls[0][1][0])
    assert sent == {"id": 1, "fn": "echo", "args": [], "kwargs": {"n": 5}}
    assert channel.replies() == [{"id": 1, "ok": True, "result": {"n": 5}}]


def test_an_unreadable_payload_file_is_answered_by_the_proxy(tmp_path):
    missing = str(tmp_path / "missing.json")
    actor, channel = serve([line({"id": 1, "fn": "echo", "payload_file": missing})])
    assert "handle" not in names(actor)
    (reply,) = channel.replies()
    assert reply["id"] == 1 and reply["error"]["code"] == "invalid_json"


def test_an_actor_that_dies_ends_the_proxy_with_its_exit_code(monkeypatch):
    exits: List[int] = []
    monkeypatch.setattr(proxy, "_exit_now", exits.append)
    actor = StandInActor()
    actor.dies = True
    serve_thread = threading.Thread(target=serve, args=([line({"id": 1, "fn": "echo"})], actor),
                                    daemon=True)
    serve_thread.start()  # it waits for the dead call for ever: the real exit ends it
    deadline = time.monotonic() + 5
    while not exits and time.monotonic() < deadline:
        time.sleep(0.01)
    assert exits == [EXIT_ACTOR_DIED]


# ------------------------------------------------------------------ the actor's class, no Ray


@pytest.fixture
def stream_actor() -> WorkerActor:
    actor = WorkerActor("stream_mod", "json", 1, {})
    yield actor
    actor.close_streams(5)


def test_the_actor_says_the_workers_hello_and_answers_like_it():
    actor = WorkerActor("sample_mod", "json", 1, {})
    hello = actor.hello()
    assert hello["type"] == "hello" and "add" in hello["functions"]
    assert json.loads(actor.handle(line({"id": 1, "fn": "add", "args": [2, 3]}))) == {
        "id": 1, "ok": True, "result": 5}
    assert json.loads(actor.handle(line({"id": 2, "fn": "nope"})))["error"]["code"] == "not_found"
    frame = actor.handle_frame([line({"id": 3, "fn": "add", "args": [1, 1]}),
                                line({"id": 4, "fn": "add", "args": [2, 2]})])
    assert [json.loads(x)["result"] for x in frame.splitlines()] == [2, 4]


def test_a_module_that_does_not_import_is_the_hellos_fatal_message():
    assert WorkerActor("broken_mod", "json", 1, {}).hello()["type"] == "fatal"


def test_the_actors_streams_write_up_to_their_credit_then_wait(stream_actor):
    assert stream_actor.handle(line({"id": 5, "fn": "count", "args": [5], "stream": 2})) == b""
    first = stream_actor.drain(5, 5)
    while first.count(b"\n") < 2:
        first += stream_actor.drain(5, 5)
    assert [json.loads(x) for x in first.splitlines()] == [{"id": 5, "item": 0},
                                                          {"id": 5, "item": 1}]
    assert stream_actor.drain(5, 0.2) == b""  # no credit, no item
    stream_actor.control(line({"ctl": "credit", "id": 5, "n": 10}))
    rest = b""
    while not proxy.ends_stream(rest):
        rest += stream_actor.drain(5, 5)
    assert [json.loads(x) for x in rest.splitlines()] == [
        {"id": 5, "item": 2}, {"id": 5, "item": 3}, {"id": 5, "item": 4},
        {"id": 5, "ok": True, "end": True}]


def test_a_cancelled_stream_ends_cancelled(stream_actor):
    stream_actor.handle(line({"id": 6, "fn": "forever", "stream": 1}))
    stream_actor.control(line({"ctl": "cancel", "id": 6}))
    lines = b""
    while not proxy.ends_stream(lines):
        lines += stream_actor.drain(6, 5)
    assert json.loads(lines.splitlines()[-1]) == {"id": 6, "ok": True, "end": True,
                                                  "cancelled": True}


def test_the_outbox_keeps_each_streams_lines_apart():
    outbox = StreamOutbox()
    outbox.write(b'{"id":1,"item":0}\n')
    outbox.write(b'{"id":2,"item":0}\n')
    outbox.write(b'{"id":1,"item":1}\n')
    assert outbox.take(1, 0) == b'{"id":1,"item":0}\n{"id":1,"item":1}\n'
    assert outbox.take(1, 0.05) == b""
    assert outbox.take(2, 0) == b'{"id":2,"item":0}\n'


def test_a_take_returns_as_soon_as_a_line_comes():
    outbox = StreamOutbox()
    timer = threading.Timer(0.1, outbox.write, args=(b'{"id":3,"item":0}\n',))
    timer.start()
    assert outbox.take(3, 10) == b'{"id":3,"item":0}\n'
    timer.join()

