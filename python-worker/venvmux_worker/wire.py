"""The JSON backend of the wire: stdlib json, or orjson when asked for and importable.

Both read and write the bare tokens NaN / Infinity / -Infinity. orjson cannot (it writes
null and refuses to read them), nor does it keep integers beyond 64 bits (it reads them as
floats, silently), so those cases go through stdlib json; everything else takes orjson's
fast path.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Callable

from venvmux_worker.encoder import is_plain, to_jsonable
from venvmux_worker.walk import require_wire_depth

_log = logging.getLogger(__name__)

# Any run of 19+ digits might be an integer orjson would read as a float.
_LONG_NUMBER = re.compile(rb"\d{19}")
_json_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=True).encode
_json_encode_ascii = json.JSONEncoder(separators=(",", ":"), allow_nan=True).encode


def json_dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON of plain data; lone surrogates are escaped rather than fatal."""
    try:
        return _json_encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return _json_encode_ascii(value).encode("ascii")


class Wire:
    """Reads requests and writes plain or arbitrary values with one JSON backend."""

    name = "json"

    def loads(self, data: bytes) -> Any:
        return json.loads(data)

    def dumps(self, value: Any) -> bytes:
        """Plain JSON data (as produced by :func:`to_jsonable`) to bytes."""
        return json_dumps(value)

    def encode(self, value: Any) -> bytes:
        """Any function result to bytes, converting it first only when it is not plain."""
        if not is_plain(value):
            value = to_jsonable(value)
            require_wire_depth(value)
        return json_dumps(value)


class OrjsonWire(Wire):
    """orjson where it is exact, stdlib json where it is not."""

    name = "orjson"

    def __init__(self, orjson: Any) -> None:
        self._orjson_loads: Callable[[bytes], Any] = orjson.loads
        self._orjson_dumps: Callable[..., bytes] = orjson.dumps
        self._errors = (orjson.JSONDecodeError, orjson.JSONEncodeError)

    def loads(self, data: bytes) -> Any:
        if _LONG_NUMBER.search(data):
            return json.loads(data)
        try:
            return self._orjson_loads(data)
        except self._errors:
            return json.loads(data)

    def dumps(self, value: Any) -> bytes:
        if is_plain(value, nonfinite_ok=False):
            try:
                return self._orjson_dumps(value)
            except self._errors:
                pass
        return json_dumps(value)

    def encode(self, value: Any) -> bytes:
        """orjson converts what it knows natively (dataclasses, datetimes, enums, UUIDs, the
        same way to_jsonable does) and asks to_jsonable for the rest. As it writes NaN as
        null, only a result whose JSON holds a null is scanned for non-finite floats."""
        try:
            encoded = self._orjson_dumps(value, default=to_jsonable)
        except self._errors:  # big ints, non-str keys, aware times, very deep data
            return super().encode(value)
        if b"null" in encoded and not is_plain(value, nonfinite_ok=False) \
                and not is_plain(to_jsonable(value), nonfinite_ok=False):
            return super().encode(value)
        return encoded


def select_wire(requested: str) -> Wire:
    """The backend for ``--serializer``: orjson falls back to json when it is not installed."""
    if requested == "orjson":
        try:
            import orjson
        except ImportError:
            _log.info("orjson is not importable; using json")
        else:
            return OrjsonWire(orjson)
    return Wire()
