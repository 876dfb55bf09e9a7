"""Streamed replies: items with credit, end, errors, cancel, end of input."""

from __future__ import annotations

from typing import Any, List

import pytest


def stream(worker: Any, fn: str, credit: int, request_id: int = 1, **kwargs: Any) -> None:
    worker.send({"id": request_id, "fn": fn, "args": [], "kwargs": kwargs, "stream": credit})


def read_items(worker: Any, n: int) -> List[Any]:
    items = []
    for _ in range(n):
        line = worker.read()
        assert line is not None and "item" in line, line
        items.append(line["item"])
    return items


@pytest.fixture
def streamer(start_worker: Any) -> Any:
    return start_worker("stream_mod")


@pytest.fixture(params=[(), ("--inflight", "4")], ids=["inline", "pooled"])
def any_streamer(start_worker: Any, request: Any) -> Any:
    return start_worker("stream_mod", *request.param)


def test_hello_names_the_stream_feature(streamer):
    assert "stream" in streamer.hello["features"]


@pytest.mark.parametrize("fn", ["count", "acount"])
def test_items_in_order_then_end(any_streamer, fn):
    stream(any_streamer, fn, 100, n=5)
    assert read_items(any_streamer, 5) == [0, 1, 2, 3, 4]
    assert any_streamer.read() == {"id": 1, "ok": True, "end": True}
    assert any_streamer.call("pid", id=2)["ok"]


def test_the_worker_waits_for_credit(any_streamer):
    stream(any_streamer, "count", 2, n=5)
    assert read_items(any_streamer, 2) == [0, 1]
    with pytest.raises(TimeoutError):  # no credit, no item
        any_streamer.read(timeout=0.5)
    any_streamer.send({"ctl": "credit", "id": 1, "n": 10})
    assert read_items(any_streamer, 3) == [2, 3, 4]
    assert any_streamer.read()["end"] is True


@pytest.mark.parametrize("fn", ["forever", "aforever"])
def test_cancel_closes_the_generator(any_streamer, fn):
    stream(any_streamer, fn, 3)
    assert read_items(any_streamer, 3) == [0, 1, 2]
    any_streamer.send({"ctl": "cancel", "id": 1})
    assert any_streamer.read() == {"id": 1, "ok": True, "end": True, "cancelled": True}
    assert any_streamer.call("closed", id=2)["result"] == [fn]


def test_an_error_after_items_is_the_final_reply(streamer):
    stream(streamer, "fails_after", 10, n=3)
    assert read_items(streamer, 3) == [0, 1, 2]
    reply = streamer.read()
    assert reply["ok"] is False and reply["error"]["type"] == "ValueError"
    assert "boom after 3" in reply["error"]["message"]
    assert streamer.call("pid", id=2)["ok"]


def test_a_returned_iterator_streams_and_a_plain_value_is_refused(streamer):
    stream(streamer, "listed", 10)
    assert read_items(streamer, 2) == ["a", "b"]
    assert streamer.read()["end"] is True
    stream(streamer, "not_iterable", 10, request_id=2)
    reply = streamer.read()
    assert reply["id"] == 2 and reply["ok"] is False and reply["error"]["type"] == "TypeError"


def test_the_first_item_comes_before_the_generator_finishes(streamer, tmp_path):
    marker = tmp_path / "finished"
    stream(streamer, "slow_pair", 10, marker=str(marker))
    assert read_items(streamer, 1) == ["first"]
    assert not marker.exists()  # the generator still sleeps before its second yield
    assert read_items(streamer, 1) == ["second"]
    assert streamer.read()["end"] is True
    assert marker.exists()


def test_end_of_input_closes_open_streams(streamer, tmp_path):
    marker = tmp_path / "closed"
    stream(streamer, "forever", 1, marker=str(marker))
    assert read_items(streamer, 1) == [0]
    streamer.close_stdin()
    reply = streamer.read()
    assert reply["ok"] is False and reply["error"]["code"] == "stream_closed"
    assert streamer.wait() == 0
    assert marker.read_text() == "closed"


def test_control_lines_for_unknown_streams_are_ignored(streamer):
    streamer.send({"ctl": "credit", "id": 99, "n": 1})
    streamer.send({"ctl": "cancel", "id": 98})
    assert streamer.call("pid", id=3)["ok"]


def test_a_cancel_that_overtakes_its_request_ends_the_stream_at_once(streamer):
    streamer.send({"ctl": "cancel", "id": 5})
    stream(streamer, "forever", 10, request_id=5)
    reply = streamer.read()
    assert reply == {"id": 5, "ok": True, "end": True, "cancelled": True}
    assert streamer.call("pid", id=6)["ok"]  # never started, its finally had nothing to run
