"""Hostile results and misbehaving functions: each fails its own call with the right code, and
the worker keeps serving."""

from __future__ import annotations

import json
import signal
import sys

import pytest

from venvmux_worker.wire import Wire

BOTH_WIRES = pytest.mark.parametrize("serializer", ["json", "orjson"])
MAX_DEPTH = 1000  # what Java's side carries: Jackson's default nesting limit
sys.setrecursionlimit(max(sys.getrecursionlimit(), 6000))  # this process writes deep requests too


@pytest.mark.parametrize("inflight", ["1", "3"])
def test_sigint_is_ignored_and_keyboard_interrupt_is_a_remote_exception(start_worker, inflight):
    worker = start_worker("sample_mod", "--inflight", inflight)
    worker.process.send_signal(signal.SIGINT)
    assert worker.call("add", 1, id=1)["result"] == 3
    for request_id in (2, 3):
        error = worker.call("interrupt", id=request_id)["error"]
        assert error["code"] == "remote_exception" and error["type"] == "KeyboardInterrupt"
    assert worker.call("add", 2, id=4)["result"] == 4
    worker.close_stdin()
    assert worker.wait() == 0


def test_an_endless_generator_stops_at_the_result_bound_and_is_closed(start_worker, tmp_path):
    worker = start_worker("sample_mod", "--max-result-bytes", "20000", "--spill-dir", str(tmp_path))
    error = worker.call("forever", id=1)["error"]
    assert error["code"] == "invalid_json"
    assert "forever()" in error["message"] and "20000 bytes" in error["message"]
    assert worker.call("closed_generators", id=2)["result"] == ["forever"]
    assert worker.call("countdown", 3, id=3)["result"] == [3, 2, 1]
    error = worker.call("countdown_then_fail", 2, id=4)["error"]
    assert error["code"] == "remote_exception" and error["type"] == "ValueError"
    assert "liftoff failed" in error["message"]


def test_generator_bound_counts_the_json_exactly():
    from venvmux_worker.generators import GeneratorFailed, encode_generator

    wire = Wire()
    assert encode_generator("g", iter_gen([1, 22]), wire.encode, 100) == b"[1,22]"
    exact = len(b"[1,22]")
    assert encode_generator("g", iter_gen([1, 22]), wire.encode, exact) == b"[1,22]"
    with pytest.raises(Exception) as failure:
        encode_generator("g", iter_gen([1, 22]), wire.encode, exact - 1)
    assert failure.value.code == "invalid_json"
    with pytest.raises(GeneratorFailed):
        encode_generator("g", failing_gen(), wire.encode, 100)


def iter_gen(items):
    yield from items


def failing_gen():
    yield 1
    raise KeyError("x")


@BOTH_WIRES
def test_keys_that_collide_as_json_are_an_error(start_worker, serializer):
    worker = start_worker("sample_mod", "--serializer", serializer)
    error = worker.call("colliding_keys")["error"]
    assert error["code"] == "invalid_json"
    assert "1 and '1'" in error["message"] and "lost" in error["message"]
    assert worker.call("add", 1, id=2)["result"] == 3


@BOTH_WIRES
@pytest.mark.parametrize("inflight", ["1", "3"])
def test_data_nested_as_deep_as_java_allows_crosses_both_ways(start_worker, serializer, inflight):
    from venvmux_worker.walk import MAX_DEPTH as worker_limit

    assert worker_limit == MAX_DEPTH
    worker = start_worker("sample_mod", "--serializer", serializer, "--inflight", inflight)
    deepest = json.dumps(nested(MAX_DEPTH))
    worker.send(b'{"id":1,"fn":"echo","kwargs":{"value":%b}}\n' % deepest.encode())
    reply = worker.read()
    assert reply["ok"] is True, reply
    assert json.dumps(reply["result"]) == deepest
    assert worker.call("depth_of", nested(MAX_DEPTH), id=2)["result"] == MAX_DEPTH
    assert worker.call("nested", MAX_DEPTH, id=3)["result"] == nested(MAX_DEPTH)


@BOTH_WIRES
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5 * MAX_DEPTH])
def test_results_deeper_than_the_wire_carries_are_invalid_json(start_worker, serializer, depth):
    worker = start_worker("sample_mod", "--serializer", serializer)
    error = worker.call("nested", depth)["error"]
    assert error["code"] == "invalid_json", error
    assert "nested deeper than the %d levels" % MAX_DEPTH in error["message"]
    assert worker.call("add", 1, id=2)["result"] == 3


@BOTH_WIRES
@pytest.mark.parametrize("fn, says", [("unencodable", "ircular"),
                                      ("bad_repr", "repr refuses"),
                                      ("too_many_digits", "digits")])
def test_results_that_cannot_be_encoded_are_invalid_json(start_worker, serializer, fn, says):
    worker = start_worker("sample_mod", "--serializer", serializer)
    error = worker.call(fn)["error"]
    assert error["code"] == "invalid_json", error
    assert says in error["message"] and fn in error["message"]
    assert worker.call("add", 1, id=2)["result"] == 3


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value
