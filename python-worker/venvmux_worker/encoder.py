"""Best-effort conversion of a function's result into plain JSON data.

The hot path is :func:`is_plain`: a result made only of dict/list/str/int/float/bool/None
(the usual case) goes to the serializer untouched, checked with C-level iteration. It
exists because stdlib json silently writes a NamedTuple as an array, so a ``default=`` hook
alone is not enough. Anything else is rebuilt by :func:`to_jsonable`, which knows
dataclasses, enums, datetimes, durations, Decimal/UUID/Path, bytes, sets/tuples,
NamedTuples, numpy and pandas objects (only when the function's code already imported
them), duck-typed ``model_dump()``/``dict()``/``__json__()`` objects, and falls back to
``repr()``.
"""

from __future__ import annotations

import collections
import json
import sys
import types
from datetime import date, datetime, time, timedelta
from enum import Enum
from itertools import chain
from math import isfinite
from typing import Any, Mapping

from venvmux_worker import binary
from venvmux_worker.isotime import format_duration
from venvmux_worker.loaded import is_dataclass, text_classes
from venvmux_worker.walk import TooDeep, levels

_LEAVES = frozenset((str, int, float, bool, type(None)))
_FINITE_LEAVES = frozenset((str, int, bool, type(None)))
_STR_ONLY = frozenset((str,))
_PLAIN_KINDS = _LEAVES | {dict, list}
_is_float = float.__instancecheck__
_SEQUENCES = (list, tuple, set, frozenset, collections.deque, types.GeneratorType)
_BINARY = (bytes, bytearray, memoryview)
_compact = json.JSONEncoder(separators=(",", ":"), allow_nan=True).encode


def is_plain(value: Any, nonfinite_ok: bool = True) -> bool:
    """True when ``value`` is JSON data already: exact dicts (with str keys), lists and
    scalars. With ``nonfinite_ok=False`` a NaN or an infinity makes it not plain."""
    kind = type(value)
    if kind is dict:
        if value and not _STR_ONLY.issuperset(map(type, value)):
            return False
        items: Any = value.values()
    elif kind is list:
        items = value
    elif kind is float:
        return nonfinite_ok or isfinite(value)
    else:
        return kind in _LEAVES
    # flat, the usual case: one pass at C speed
    if (_LEAVES if nonfinite_ok else _FINITE_LEAVES).issuperset(map(type, items)):
        return True
    return _plain_by_levels(value, nonfinite_ok)


def _plain_by_levels(value: Any, nonfinite_ok: bool) -> bool:
    """The nested case, checked level by level rather than container by container."""
    try:
        for dicts, values in levels(value):
            if dicts and not _STR_ONLY.issuperset(map(type, chain.from_iterable(dicts))):
                return False
            kinds = set(map(type, values))
            if not _PLAIN_KINDS.issuperset(kinds):
                return False
            if float in kinds and not nonfinite_ok \
                    and not all(map(isfinite, filter(_is_float, values))):
                return False
    except TooDeep:  # or a cycle: to_jsonable tells which
        return False
    return True


def bytes_envelope(value: bytes | bytearray | memoryview) -> dict:
    """bytes cross the wire as ``{"__bytes__": true, "b64": "..."}``, or as a file marker when
    the host turned binary files on and they are big enough."""
    files = binary.active()
    if files is not None:
        marker = files.bytes_marker(value)
        if marker is not None:
            return marker
    import base64  # only bytes need it: not imported at start

    return {"__bytes__": True, "b64": base64.b64encode(value).decode("ascii")}


def to_jsonable(value: Any) -> Any:
    """A plain-JSON copy of ``value``. Raises ValueError on a circular reference."""
    return _convert(value, set())


def _convert(value: Any, active: set) -> Any:
    kind = type(value)
    if kind in _LEAVES:
        return value
    if isinstance(value, Enum):
        return _enum_value(value, active)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return _nested(value, active, _convert_mapping)
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return _nested(value, active, lambda v, a: _convert_mapping(v._asdict(), a))
    if isinstance(value, _SEQUENCES):
        return _nested(value, active, lambda v, a: [_convert(item, a) for item in v])
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, text_classes()):
        return str(value)
    if isinstance(value, _BINARY):
        return bytes_envelope(value)
    if is_dataclass(value) and not isinstance(value, type):
        return _nested(value, active, _convert_dataclass)
    converted = _convert_library_object(value, active)
    if converted is not _UNKNOWN:
        return converted
    if isinstance(value, Mapping):
        return _nested(value, active, _convert_mapping)
    return repr(value)


_UNKNOWN = object()


def _convert_library_object(value: Any, active: set) -> Any:
    """numpy and pandas objects (looked up only if already imported) and duck-typed models."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            files = binary.active()
            marker = files.ndarray_marker(value) if files is not None else None
            return marker if marker is not None else _convert(value.tolist(), active)
        if isinstance(value, numpy.generic):
            return _convert(value.item(), active)
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(value, (pandas.DataFrame, pandas.Series)):
        return _nested(value, active, lambda v, a: _convert(v.to_dict(), a))
    if isinstance(value, type):
        return _UNKNOWN
    for method in ("model_dump", "dict", "__json__"):
        dump = getattr(value, method, None)
        if callable(dump):
            try:
                dumped = dump()
            except Exception:
                continue
            return _nested(value, active, lambda v, a: _convert(dumped, a))
    return _UNKNOWN


def _enum_value(member: Enum, active: set) -> Any:
    """Its value when that is data (a scalar or a container of data); else its name, rather
    than the repr() of some object."""
    value = member.value
    if isinstance(value, (str, int, float, bool, type(None), tuple, list, dict)):
        return _convert(value, active)
    return member.name


def _nested(value: Any, active: set, convert: Any) -> Any:
    marker = id(value)
    if marker in active:
        raise ValueError("circular reference in result: %s" % type(value).__name__)
    active.add(marker)
    try:
        return convert(value, active)
    finally:
        active.discard(marker)


def _convert_mapping(value: Mapping, active: set) -> dict:
    converted = {_key(key, active): _convert(item, active) for key, item in value.items()}
    if len(converted) != len(value):
        raise ValueError(_key_collision(value, active))
    return converted


def _key_collision(value: Mapping, active: set) -> str:
    """Names two keys that become one JSON key (1 and "1"): one entry would be lost silently."""
    first: dict = {}
    for key in value:
        text = _key(key, active)
        if text in first:
            return "keys %r and %r of a %s both become the JSON key %r; one entry would be " \
                   "lost" % (first[text], key, type(value).__name__, text)
        first[text] = key
    return "two keys of a %s become one JSON key" % type(value).__name__


def _convert_dataclass(value: Any, active: set) -> dict:
    return {field.name: _convert(getattr(value, field.name), active)
            for field in sys.modules["dataclasses"].fields(value)}


def _key(key: Any, active: set) -> str:
    if type(key) is str:
        return key
    converted = _convert(key, active)
    return converted if isinstance(converted, str) else _compact(converted)
