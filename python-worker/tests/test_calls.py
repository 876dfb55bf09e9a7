"""Calling functions in process: decoding plans, binding errors, the dispatcher's replies."""

from __future__ import annotations

import functools
import inspect
import json
import os
import stat
import typing
from datetime import date
from typing import List

import pytest
import sample_mod

from venvmux_worker.aio import InlineLoop
from venvmux_worker.calls import FunctionCaller
from venvmux_worker.dispatch import Dispatcher
from venvmux_worker.errors import CallError
from venvmux_worker.introspect import public_functions
from venvmux_worker.spill import ResultSpill
from venvmux_worker.wire import Wire


def days(when: List[date], *more: date, **named: date) -> list:
    return [d.isoformat() for d in [*when, *more, *named.values()]]


def _logged(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)
    return wrapper


@_logged
def wrapped(a: int) -> int:
    return a


@pytest.fixture
def caller():
    loop = InlineLoop()
    functions = {**public_functions(sample_mod), "days": days, "wrapped": wrapped,
                 "builtin_len": len}
    yield FunctionCaller("sample_mod", functions, loop.run)
    loop.close()


def test_positional_var_and_keyword_arguments_are_decoded(caller):
    assert caller.call("days", [["2024-01-01"], "2024-01-02"], {"x": "2024-01-03"}) == \
        ["2024-01-01", "2024-01-02", "2024-01-03"]


def test_decoding_errors_name_the_parameter(caller):
    with pytest.raises(CallError) as failure:
        caller.call("days", [["2024-01-01", "bad"]], {})
    assert failure.value.code == "bad_arguments"
    assert failure.value.message.startswith("days(): argument 'when[1]': expected a date")
    with pytest.raises(CallError) as failure:
        caller.call("days", [[], "2024-01-01", "bad"], {})
    assert "argument '*args[2]'" in failure.value.message


def test_binding_errors_of_wrapped_and_builtin_functions(caller):
    for name, args, kwargs in (("wrapped", [], {}), ("wrapped", [1], {"b": 2}),
                               ("builtin_len", [], {})):
        with pytest.raises(CallError) as failure:
            caller.call(name, args, kwargs)
        assert failure.value.code == "bad_arguments", name
    assert caller.call("wrapped", [3], {}) == 3
    assert caller.call("builtin_len", [[1, 2]], {}) == 2


def test_type_errors_inside_are_not_binding_errors(caller):
    with pytest.raises(TypeError, match="raised inside"):
        caller.call("raise_type_error", [], {})


def test_async_functions_run_on_the_persistent_loop(caller):
    assert caller.call("async_add", [1, 2], {}) == 3
    assert caller.call("async_add", [3, 4], {}) == 7


def test_not_found_lists_the_functions(caller):
    with pytest.raises(CallError) as failure:
        caller.call("system", [], {})
    assert failure.value.code == "not_found"
    assert "compute" in failure.value.extra["functions"]


def make_dispatcher(caller, spill=None):
    return Dispatcher(Wire(), caller, spill or ResultSpill(0, None))


def test_dispatcher_replies(caller):
    dispatcher = make_dispatcher(caller)
    assert dispatcher.handle(b'{"id":1,"fn":"compute","kwargs":{"n":2}}\n') == \
        b'{"id":1,"ok":true,"result":{"version":"v1","n":2}}\n'
    assert dispatcher.handle(b'{"id":"a","fn":"add","args":[1]}') == \
        b'{"id":"a","ok":true,"result":3}\n'
    assert dispatcher.handle(b"   \n") is None
    reply = json.loads(dispatcher.handle(b'{"id":2,"fn":"fail","args":["x"]}'))
    assert reply["error"]["code"] == "remote_exception"
    assert reply["error"]["traceback"].startswith("Traceback")


def test_system_exit_inside_a_function_is_a_remote_exception(caller):
    caller.functions["leave"] = lambda: exit(3)
    reply = json.loads(make_dispatcher(caller).handle(b'{"id":1,"fn":"leave"}'))
    assert reply["error"]["type"] == "SystemExit"


@pytest.mark.parametrize("line, request_id", [
    (b'{"id": 7, "fn": "add", "args": [[[' + b"[" * 5000, 7),  # cut short, the id still found
    (b'{"fn": "add", "id": "call-7"}', "call-7"),  # parsed when it is not in front
    (b"not json at all", None),
])
def test_last_resort_reply_finds_the_id_where_it_can(caller, line, request_id):
    reply = json.loads(make_dispatcher(caller).last_resort_line(line, KeyboardInterrupt()))
    assert reply["id"] == request_id and reply["ok"] is False
    assert reply["error"]["type"] == "KeyboardInterrupt"


def test_last_resort_reply_when_even_the_error_cannot_be_written(caller):
    dispatcher = make_dispatcher(caller)
    dispatcher.error_line = None  # the normal reply fails as it is being made
    reply = json.loads(dispatcher.last_resort_line(b'{"id": 4}', MemoryError()))
    assert reply == {"id": 4, "ok": False, "error": {
        "code": "remote_exception", "type": "MemoryError",
        "message": "the worker could not answer this call", "traceback": None}}


def test_dispatcher_spills_big_results(caller, tmp_path):
    dispatcher = make_dispatcher(caller, ResultSpill(10, str(tmp_path)))
    reply = json.loads(dispatcher.handle(b'{"id":1,"fn":"big","args":[50]}'))
    path = reply["result_file"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert json.loads(open(path).read()) == "x" * 50
    os.unlink(path)
    reply = json.loads(dispatcher.handle(b'{"id":2,"fn":"big","args":[5]}'))
    assert reply == {"id": 2, "ok": True, "result": "xxxxx"}


def test_dispatcher_creates_a_missing_spill_dir_privately(caller, tmp_path):
    spill_dir = tmp_path / "gone" / "spill"
    dispatcher = make_dispatcher(caller, ResultSpill(10, str(spill_dir)))
    reply = json.loads(dispatcher.handle(b'{"id":1,"fn":"big","args":[50]}'))
    assert os.path.dirname(reply["result_file"]) == str(spill_dir)
    assert stat.S_IMODE(os.stat(spill_dir).st_mode) == 0o700


def test_dispatcher_reports_a_spill_failure(caller, tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("")
    dispatcher = make_dispatcher(caller, ResultSpill(10, str(not_a_dir / "spill")))
    reply = json.loads(dispatcher.handle(b'{"id":1,"fn":"big","args":[50]}'))
    assert reply["ok"] is False and "result file" in reply["error"]["message"]


def test_payload_file_must_be_an_absolute_path(caller):
    reply = json.loads(make_dispatcher(caller).handle(
        b'{"id":1,"fn":"add","payload_file":"relative.json"}'))
    assert reply["error"]["code"] == "invalid_json"


def test_no_inspection_after_the_first_call(caller, monkeypatch):
    assert caller.call("round_trip", [], {"event": EVENT}).name == "launch"
    assert caller.call("compute", [], {"n": 1}) == {"version": "v1", "n": 1}
    inspected = []
    for module, name in ((inspect, "signature"), (typing, "get_type_hints")):
        monkeypatch.setattr(module, name, lambda *args, **kwargs: inspected.append(args))
    for _ in range(3):
        assert caller.call("round_trip", [], {"event": EVENT}).name == "launch"
        assert caller.call("compute", [], {"n": 1}) == {"version": "v1", "n": 1}
    assert inspected == []


EVENT = {"name": "launch", "when": "2024-05-01T10:15:30Z", "day": "2024-05-01",
         "length": "PT1S", "color": "red", "data": {"__bytes__": True, "b64": "AA=="},
         "points": [], "price": "1", "ref": "12345678-1234-5678-1234-567812345678",
         "where": "/tmp"}
