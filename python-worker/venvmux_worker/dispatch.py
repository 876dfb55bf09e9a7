"""One request line in, one reply line out."""

from __future__ import annotations

import json
import logging
import os
import re
import traceback
import types
from typing import Any, Optional

from venvmux_worker import binary
from venvmux_worker.calls import FunctionCaller
from venvmux_worker.errors import INVALID_JSON, REMOTE_EXCEPTION, CallError
from venvmux_worker.generators import DEFAULT_LIMIT, GeneratorFailed, encode_generator
from venvmux_worker.spill import ResultSpill, read_payload
from venvmux_worker.walk import MAX_DEPTH
from venvmux_worker.streams import CONTROL_PREFIX, Streams
from venvmux_worker.wire import Wire

_log = logging.getLogger(__name__)
_ARGUMENT_LISTS = (list, tuple)
_GENERATOR = types.GeneratorType
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
# The host writes the id first: found without parsing, it answers a line that cannot be parsed.
_LEADING_ID = re.compile(rb'\s*\{\s*"id"\s*:\s*(-?\d+)\s*[,}]')


class Dispatcher:
    """Parses a request, calls the function, encodes the reply (spilling big results)."""

    def __init__(self, wire: Wire, caller: FunctionCaller, spill: ResultSpill) -> None:
        self.wire = wire
        self.caller = caller
        self.spill = spill
        self._loads = wire.loads
        self._encode = wire.encode
        self._call = caller.call
        self._spill_above = spill.max_bytes
        # A generator called through call is materialized, up to maxResultBytes (streams: docs/protocol.md).
        self._generator_limit = spill.max_bytes or DEFAULT_LIMIT
        self._debug = _log.isEnabledFor(logging.DEBUG)  # read once: no cost per call when off
        self.streams: Optional[Streams] = None  # set when the worker serves streamed replies

    def serve_streams(self, write: Any, run_awaitable: Any) -> Streams:
        """Lets requests with ``"stream"`` stream their result's items (see :mod:`streams`)."""
        self.streams = Streams(self.wire, write, run_awaitable, self.error_line,
                               remote_exception)
        return self.streams

    def handle(self, line: bytes) -> Optional[bytes]:
        """The reply to ``line``; None for a blank line, which is no request."""
        request = None
        if line.startswith(CONTROL_PREFIX) and self.streams is not None:
            self.streams.control(line)
            return None
        try:
            request = self._loads(line)
            name = request["fn"]
            request_id = request["id"]
        except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
            if not line.strip():
                return None
            return self.error_line(leading_id(line), CallError(
                INVALID_JSON, "request is not valid JSON: %s" % error, type(error).__name__))
        except (KeyError, TypeError, IndexError):
            return self._malformed(request)
        if type(name) is not str:
            return self._malformed(request)
        args: Any
        kwargs: Any
        try:
            if "payload_file" in request:
                args, kwargs = read_payload(request["payload_file"], self._loads)
            else:
                args = request.get("args") or ()
                kwargs = request.get("kwargs") or {}
            if type(kwargs) is not dict or type(args) not in _ARGUMENT_LISTS:
                raise CallError(INVALID_JSON, "\"args\" must be an array and \"kwargs\" an object",
                                "ValueError")
            result = self._call(name, args, kwargs)
            if "stream" in request and self.streams is not None:
                return self.streams.start(request_id, name, result, request["stream"])
        except CallError as error:
            return self.error_line(request_id, error)
        except BaseException as error:  # the function's own failure, SystemExit and ^C included
            return self.error_line(request_id, remote_exception(error))
        files = binary.active()
        if files is not None:
            files.begin()
        try:
            if type(result) is _GENERATOR:
                payload = encode_generator(name, result, self._encode, self._generator_limit)
            else:
                payload = self._encode(result)
        except CallError as error:
            _discard(files)
            return self.error_line(request_id, error)
        except GeneratorFailed as error:
            _discard(files)
            return self.error_line(request_id, remote_exception(error.__cause__))
        except BaseException as error:  # cyclic, too deep, a raising __repr__, a huge int, ...
            _discard(files)
            return self.error_line(request_id, unencodable(name, error))
        if files is not None:
            files.finish(payload)
        if self._debug:
            _log.debug("call %r: %s() returned %d bytes", request_id, name, len(payload))
        if self._spill_above and len(payload) > self._spill_above:
            return self._spilled_line(request_id, payload)
        if type(request_id) is int:
            return b'{"id":%d,"ok":true,"result":%b}\n' % (request_id, payload)
        return b'{"id":%b,"ok":true,"result":%b}\n' % (self.wire.dumps(request_id), payload)

    def _malformed(self, request: Any) -> bytes:
        return self.error_line(request.get("id") if type(request) is dict else None,
                               CallError(INVALID_JSON, "a request is a JSON object with \"id\" "
                                         "and \"fn\" (a string)", "ValueError"))

    def _spilled_line(self, request_id: Any, payload: bytes) -> bytes:
        try:
            path = self.spill.write(payload)
        except OSError as error:
            failure = remote_exception(error)
            failure.message = "cannot write the result file: %s" % error
            return self.error_line(request_id, failure)
        return self.wire.dumps({"id": request_id, "ok": True, "result_file": path}) + b"\n"

    def last_resort_line(self, line: bytes, error: BaseException) -> bytes:
        """The reply to a request whose handling failed in the worker itself (an exception that
        :meth:`handle` let through); never raises, so the call still ends."""
        _log.error("a request could not be handled", exc_info=error)
        request_id = leading_id(line)
        try:
            if request_id is None:
                request_id = self._loads(line)["id"]
                self.wire.dumps(request_id)  # an id that cannot be written back is no id
        except Exception:
            request_id = None
        try:
            return self.error_line(request_id, remote_exception(error))
        except Exception:
            return b'{"id":%b,"ok":false,"error":{"code":"remote_exception","type":%b,' \
                   b'"message":"the worker could not answer this call","traceback":null}}\n' % (
                       b"%d" % request_id if type(request_id) is int else b"null",
                       json.dumps(type(error).__name__).encode())

    def error_line(self, request_id: Any, error: CallError) -> bytes:
        if error.code != REMOTE_EXCEPTION:
            _log.info("call %r refused: %s: %s", request_id, error.code, error.message)
        return self.wire.dumps({"id": request_id, "ok": False, "error": error.to_wire()}) + b"\n"


def unencodable(name: str, error: BaseException) -> CallError:
    """invalid_json for a result that cannot be written as JSON, whatever the encoder raised."""
    if isinstance(error, RecursionError):
        reason = "nested deeper than the %d levels the wire carries" % MAX_DEPTH
    else:
        reason = "%s: %s" % (type(error).__name__, printable(error))
    return CallError(INVALID_JSON, "the result of %s() cannot be encoded as JSON: %s"
                     % (name, reason), type(error).__name__, remote_exception(error).traceback_text)


def remote_exception(error: BaseException) -> CallError:
    """The error reply for an exception raised by the function, with its traceback from the
    function's own frames on (the worker's frames are left out)."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(error), error, tb))
    return CallError(REMOTE_EXCEPTION, printable(error), type(error).__name__, text)


def printable(error: BaseException) -> str:
    """str(error), or a stand-in when the exception's own __str__ fails."""
    try:
        return str(error)
    except Exception:
        return "<unprintable %s>" % type(error).__name__


def leading_id(line: bytes) -> Optional[int]:
    """The integer id a request line starts with, read without parsing the line."""
    match = _LEADING_ID.match(line)
    return int(match.group(1)) if match else None


def _discard(files) -> None:
    """Removes the binary files a result wrote before its encoding failed."""
    if files is not None:
        files.discard()
