"""The worker as the host sees it: a real process driven with JSON lines."""

from __future__ import annotations

import base64
import json
import os
import stat
import sys

import pytest

from venvmux_worker import FEATURES

from conftest import FIXTURES, worker_env


def test_hello_lists_public_functions_with_signatures(worker):
    hello = worker.hello
    assert hello["type"] == "hello"
    assert hello["protocol"] == 1
    assert hello["pid"] == worker.process.pid
    assert hello["python"] == "%d.%d.%d" % sys.version_info[:3]
    assert hello["module"] == "sample_mod"
    assert hello["serializer"] == "json"
    functions = hello["functions"]
    assert functions["compute"] == "(n: int) -> dict"
    assert functions["add"] == "(a: int, b: int = 2) -> int"
    assert "system" not in functions and "_private" not in functions
    assert "Point" not in functions  # a class is no function
    assert functions["traced"] == "(x: int) -> int"  # decorated functions stay callable
    assert functions["cached"] == "(x: int) -> int"
    assert list(functions) == sorted(functions)
    assert hello["features"] == list(FEATURES)


def test_decorated_functions(worker):
    assert worker.call("traced", 2)["result"] == 20
    assert worker.call("cached", x=2, id=2)["result"] == 102
    assert worker.call("traced", id=3)["error"]["code"] == "bad_arguments"


def test_call_with_kwargs_args_and_defaults(worker):
    assert worker.call("compute", n=5) == {"id": 1, "ok": True,
                                           "result": {"version": "v1", "n": 5}}
    assert worker.call("add", 1, id=2)["result"] == 3
    assert worker.call("add", 1, b=10, id=3)["result"] == 11


@pytest.mark.parametrize("request_id", [0, 42, "call-7", -3, 2**70, None, 1.5])
def test_ids_are_echoed_unchanged(worker, request_id):
    reply = worker.call("add", 1, id=request_id)
    assert reply["id"] == request_id and reply["result"] == 3


def test_unknown_function_is_not_found_with_the_function_list(worker):
    reply = worker.call("nope", id=9)
    assert reply["ok"] is False
    error = reply["error"]
    assert error["code"] == "not_found"
    assert "nope" in error["message"]
    assert error["functions"] == sorted(worker.hello["functions"])


@pytest.mark.parametrize("name", ["_private", "system", "os.system", "Point", "__import__",
                                  "compute.__globals__", "sys"])
def test_private_imported_and_dotted_names_are_not_found(worker, name):
    reply = worker.call(name, "echo hi")
    assert reply["error"]["code"] == "not_found", reply


def test_bad_arguments_name_the_parameter(worker):
    missing = worker.call("add", id=1)["error"]
    assert missing["code"] == "bad_arguments" and "'a'" in missing["message"]
    extra = worker.call("add", 1, c=3, id=2)["error"]
    assert extra["code"] == "bad_arguments" and "'c'" in extra["message"]
    too_many = worker.call("add", 1, 2, 3, id=3)["error"]
    assert too_many["code"] == "bad_arguments"
    undecodable = worker.call("describe_types", when="yesterday", color="RED", pair=[1, "x"],
                              options={"depth": 1, "colors": []}, by_name={}, id=4)["error"]
    assert undecodable["code"] == "bad_arguments"
    assert "'when'" in undecodable["message"] and "datetime" in undecodable["message"]
    nested = worker.call("describe_types", when="2024-01-01T00:00:00", color="blue",
                         pair=[1, "x"], options={"depth": 1, "colors": []}, by_name={},
                         id=5)["error"]
    assert nested["code"] == "bad_arguments" and "'color'" in nested["message"]
    assert "'red'" in nested["message"]


def test_type_error_inside_the_function_is_a_remote_exception(worker):
    error = worker.call("raise_type_error")["error"]
    assert error["code"] == "remote_exception"
    assert error["type"] == "TypeError"


def test_exception_carries_type_message_and_traceback(worker):
    error = worker.call("fail", "boom")["error"]
    assert error["code"] == "remote_exception"
    assert error["type"] == "ValueError"
    assert error["message"] == "boom"
    assert "raise ValueError(message)" in error["traceback"]
    assert "venvmux_worker" not in error["traceback"]
    assert worker.call("compute", n=1, id=2)["ok"] is True


def test_invalid_json_lines_are_answered_and_serving_goes_on(worker):
    worker.send(b"this is not json\n")
    reply = worker.read()
    assert reply == {"id": None, "ok": False, "error": reply["error"]}
    assert reply["error"]["code"] == "invalid_json"
    worker.send(b'{"id": 4}\n')
    assert worker.read()["error"]["code"] == "invalid_json"
    worker.send(b'{"id": 5, "fn": "compute", "args": {"n": 1}}\n')
    reply = worker.read()
    assert reply["id"] == 5 and reply["error"]["code"] == "invalid_json"
    worker.send(b"[1, 2]\n")
    assert worker.read()["error"]["code"] == "invalid_json"
    worker.send(b'{"id": 6, "fn": "compute", "kwargs": {"n": \xff}}\n')
    assert worker.read()["error"]["code"] == "invalid_json"
    worker.send(b"\n")
    assert worker.call("compute", n=2, id=7)["result"]["n"] == 2


@pytest.mark.parametrize("inflight", ["1", "3"])
def test_an_exception_that_cannot_be_printed_is_still_answered(start_worker, inflight):
    worker = start_worker("sample_mod", "--inflight", inflight)
    error = worker.call("fail_unprintably", id=3)["error"]
    assert error["code"] == "remote_exception" and error["type"] == "_Unprintable"
    assert error["message"] == "<unprintable _Unprintable>"
    assert "raise _Unprintable()" in error["traceback"]
    assert worker.call("add", 1, id=4)["result"] == 3


@pytest.mark.parametrize("serializer", ["json", "orjson"])
@pytest.mark.parametrize("inflight", ["1", "3"])
def test_a_request_nested_too_deep_to_parse_is_answered(start_worker, inflight, serializer):
    worker = start_worker("sample_mod", "--inflight", inflight, "--serializer", serializer)
    depth = 100_000
    worker.send(b'{"id": 3, "fn": "echo", "kwargs": {"value": %b%b}}\n'
                % (b"[" * depth, b"]" * depth))
    reply = worker.read()
    assert reply is not None, "worker exited; stderr:\n" + worker.stderr()
    assert reply["id"] == 3 and reply["ok"] is False, reply
    if serializer == "json":  # orjson reads it, then the call fails with a RecursionError
        assert reply["error"]["code"] == "invalid_json", reply
    assert worker.call("add", 1, id=4)["result"] == 3


def test_a_call_thread_that_raises_keyboard_interrupt_is_answered(start_worker):
    worker = start_worker("sample_mod", "--inflight", "3")
    error = worker.call("interrupt", id=5)["error"]
    assert error["code"] == "remote_exception" and error["type"] == "KeyboardInterrupt"
    assert worker.call("add", 1, id=6)["result"] == 3  # a call thread is no signal: serving goes on


def test_keyboard_interrupt_inline_is_answered_and_serving_goes_on(worker):
    error = worker.call("interrupt", id=5)["error"]
    assert error["code"] == "remote_exception" and error["type"] == "KeyboardInterrupt"
    assert worker.call("add", 1, id=6)["result"] == 3  # a function's exception like any other
    assert worker.process.poll() is None


def test_print_and_writes_to_fd_1_go_to_stderr(worker):
    assert worker.call("chatty", 7)["result"] == 7
    assert worker.call("compute", n=1, id=2)["ok"] is True
    worker.close_stdin()
    assert worker.read() is None  # nothing else ever reached the protocol stream
    assert worker.wait() == 0
    log = worker.stderr()
    for text in ("printed to stdout 7", "written to sys.stdout", "written to fd 1",
                 "written by C to fd 1"):
        assert text in log


def test_nan_and_infinity_cross_as_bare_tokens(worker):
    worker.send({"id": 1, "fn": "specials"})
    line = worker.reader.readline()
    assert line == b'{"id":1,"ok":true,"result":[NaN,Infinity,-Infinity]}\n'
    worker.send(b'{"id":2,"fn":"is_nan","args":[NaN]}\n')
    assert worker.read()["result"] is True


def test_typed_values_round_trip(worker):
    event = {
        "name": "launch",
        "when": "2024-05-01T10:15:30.123456789Z",
        "day": "2024-05-01",
        "length": "PT1H0.5S",
        "color": "RED",
        "data": {"__bytes__": True, "b64": base64.b64encode(b"\x00\x01binary").decode()},
        "points": [{"x": 1.5, "y": -2}],
        "price": "12.50",
        "ref": "12345678-1234-5678-1234-567812345678",
        "where": "/tmp/file.txt",
    }
    result = worker.call("round_trip", event=event)["result"]
    assert result == {**event, "when": "2024-05-01T10:15:30.123456+00:00", "color": "red",
                      "note": None}


def test_typed_values_by_hint(worker):
    result = worker.call("describe_types", when="2024-01-01T10:00+02:00", color="green",
                         pair={"left": 1, "right": "x"},
                         options={"depth": 2, "colors": ["GREEN", "red"]},
                         by_name={"a": {"x": 1, "y": 2}}, maybe="2024-02-03")["result"]
    assert result == {"when": "datetime", "tz": "UTC+02:00", "color": "GREEN", "pair": "Pair",
                      "options_colors": ["GREEN", "RED"], "by_name": ["Point"],
                      "maybe": "date"}


def test_named_tuple_result_is_an_object(worker):
    assert worker.call("make_pair", 1, "a")["result"] == {"left": 1, "right": "a"}


def test_unencodable_result_is_invalid_json(worker):
    error = worker.call("unencodable")["error"]
    assert error["code"] == "invalid_json"
    assert "ircular" in error["message"]
    assert worker.call("compute", n=1, id=2)["ok"] is True


def test_untyped_parameters_receive_bytes_envelopes_as_bytes(worker):
    envelope = {"__bytes__": True, "b64": base64.b64encode(b"abc").decode()}
    assert worker.call("echo", {"inner": [envelope]})["result"] == {"inner": [envelope]}


def test_async_functions_are_awaited(worker):
    assert worker.call("async_add", 2, 3)["result"] == 5
    error = worker.call("async_fail", id=2)["error"]
    assert error["code"] == "remote_exception" and error["type"] == "RuntimeError"
    assert worker.call("async_add", 4, 5, id=3)["result"] == 9


def test_payload_file_request(worker, tmp_path):
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps({"args": [40], "kwargs": {"b": 2}}))
    os.chmod(payload, 0o600)
    worker.send({"id": 8, "fn": "add", "payload_file": str(payload)})
    assert worker.read() == {"id": 8, "ok": True, "result": 42}
    assert payload.exists()  # the host deletes it, not the worker
    worker.send({"id": 9, "fn": "add", "payload_file": str(tmp_path / "missing.json")})
    assert worker.read()["error"]["code"] == "invalid_json"


def test_big_results_spill_to_a_private_file(start_worker, tmp_path):
    spill_dir = tmp_path / "spill"
    spill_dir.mkdir()
    worker = start_worker("sample_mod", "--max-result-bytes", "100",
                          "--spill-dir", str(spill_dir))
    assert worker.call("big", 10)["result"] == "x" * 10
    reply = worker.call("big", 1000, id=2)
    assert set(reply) == {"id", "ok", "result_file"}
    path = reply["result_file"]
    assert os.path.isabs(path) and os.path.dirname(path) == str(spill_dir)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open(path) as handle:
        assert json.load(handle) == "x" * 1000
    os.unlink(path)  # the host's job
    assert os.listdir(spill_dir) == []


def test_orjson_serializer_when_importable(start_worker):
    pytest.importorskip("orjson")
    worker = start_worker("sample_mod", "--serializer", "orjson")
    assert worker.hello["serializer"] == "orjson"
    assert worker.call("compute", n=3)["result"] == {"version": "v1", "n": 3}
    worker.send(b'{"id":2,"fn":"is_nan","args":[NaN]}\n')
    assert worker.read()["result"] is True
    worker.send({"id": 3, "fn": "specials"})
    assert worker.reader.readline() == b'{"id":3,"ok":true,"result":[NaN,Infinity,-Infinity]}\n'
    assert worker.call("add", 2**70, 1, id=4)["result"] == 2**70 + 1
    assert worker.call("make_pair", 1, "a", id=5)["result"] == {"left": 1, "right": "a"}


def test_orjson_falls_back_to_json_when_absent(start_worker):
    env = worker_env(extra_paths=(FIXTURES / "no_orjson",))
    worker = start_worker("sample_mod", "--serializer", "orjson", env=env)
    assert worker.hello["serializer"] == "json"
    assert worker.call("compute", n=3)["result"] == {"version": "v1", "n": 3}


def test_json_logs_on_stderr(start_worker):
    worker = start_worker(env=worker_env(VENV_MUX_LOG="DEBUG", VENV_MUX_LOG_JSON="1"))
    worker.call("compute", n=1)
    worker.close_stdin()
    assert worker.wait() == 0
    records = [json.loads(line) for line in worker.stderr().splitlines() if line.strip()]
    assert records, "no log lines"
    assert {"time", "level", "logger", "message"} <= set(records[0])
    assert any("serving sample_mod" in record["message"] for record in records)
    assert any("compute() returned" in record["message"] for record in records)
