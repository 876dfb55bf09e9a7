"""Frames of several requests (hello feature "batch"): each request answered on its own."""

from __future__ import annotations

import json

import pytest

from venvmux_worker.loop import frame_size


def frame(*requests: dict) -> bytes:
    lines = b"".join(json.dumps(r).encode() + b"\n" for r in requests)
    return b'{"batch":%d}\n' % len(requests) + lines


def test_hello_names_the_batch_feature(worker):
    assert "batch" in worker.hello["features"]


def test_frame_size_reads_only_a_header():
    assert frame_size(b'{"batch":3}\n') == 3
    assert frame_size(b'{"id":1,"fn":"batch"}\n') is None
    assert frame_size(b'{"batch":x}\n') is None


@pytest.mark.parametrize("inflight", ["1", "3"])
def test_a_frame_gets_one_reply_per_request_each_with_its_own_outcome(start_worker, inflight):
    worker = start_worker("sample_mod", "--inflight", inflight)
    worker.send(frame({"id": 1, "fn": "add", "args": [1, 2]},
                      {"id": 2, "fn": "fail", "kwargs": {"message": "second fails"}},
                      {"id": 3, "fn": "nope"},
                      {"id": 4, "fn": "add", "args": [3, 4]}))
    replies = {r["id"]: r for r in (worker.read() for _ in range(4))}
    assert replies[1]["result"] == 3
    assert replies[2]["error"]["message"] == "second fails"
    assert replies[3]["error"]["code"] == "not_found"
    assert replies[4]["result"] == 7
    assert worker.call("add", 1, id=5)["result"] == 3  # plain lines still work after a frame


def test_an_inline_frame_is_answered_in_order(worker):
    worker.send(frame(*({"id": i, "fn": "add", "args": [i, 0]} for i in range(1, 51))))
    assert [worker.read()["id"] for _ in range(50)] == list(range(1, 51))


def test_a_bad_line_inside_a_frame_fails_only_itself(worker):
    worker.send(b'{"batch":3}\n{"id":1,"fn":"add","args":[1]}\nnot json\n'
                b'{"id":3,"fn":"add","args":[2]}\n')
    replies = [worker.read() for _ in range(3)]
    assert replies[0]["result"] == 3
    assert replies[1]["error"]["code"] == "invalid_json"
    assert replies[2]["result"] == 4
