"""The best-effort result encoder, in process."""

from __future__ import annotations

import collections
import dataclasses
import enum
import math
import sys
import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import PurePosixPath
from typing import NamedTuple

import pytest

from venvmux_worker.encoder import is_plain, to_jsonable
from venvmux_worker.wire import Wire, select_wire


class Shade(enum.Enum):
    DARK = "dark"
    LIGHT = 2


class Level(enum.IntEnum):
    LOW = 1


class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    SECRET = object()


@dataclasses.dataclass
class Inner:
    when: date
    tags: set


@dataclasses.dataclass
class Outer:
    name: str
    inner: Inner
    shade: Shade


class Point(NamedTuple):
    x: int
    y: int


class Model:
    def model_dump(self) -> dict:
        return {"kind": "pydantic-like", "at": datetime(2024, 1, 1)}


class LegacyModel:
    def dict(self) -> dict:
        return {"kind": "v1-like"}


class JsonAware:
    def __json__(self) -> list:
        return [1, Shade.DARK]


class Opaque:
    def __repr__(self) -> str:
        return "<opaque>"


@pytest.mark.parametrize("value", [
    {}, [], "text", 1, 1.5, True, None, {"a": [1, {"b": None}], "c": "d"}, [[1, 2], [3.0]],
])
def test_plain_values_are_plain(value):
    assert is_plain(value)
    assert to_jsonable(value) == value


@pytest.mark.parametrize("value", [
    (1, 2), {1: "a"}, {"a": (1,)}, [1, {2, 3}], collections.OrderedDict(a=1), Shade.DARK,
    [Point(1, 2)], {"p": Point(1, 2)}, Level.LOW, b"x",
])
def test_anything_else_is_not_plain(value):
    assert not is_plain(value)


def test_nonfinite_floats_are_plain_only_when_allowed():
    assert is_plain([math.nan, {"x": math.inf}])
    assert not is_plain([math.nan], nonfinite_ok=False)
    assert not is_plain({"x": [1.0, -math.inf]}, nonfinite_ok=False)
    assert is_plain({"x": [1.0, 2.5]}, nonfinite_ok=False)


def test_types_across_the_border():
    value = {
        "dataclass": Outer("o", Inner(date(2024, 5, 1), {3}), Shade.LIGHT),
        "enum": Shade.DARK,
        "intenum": Level.LOW,
        "tuple_enum": Planet.EARTH,
        "object_enum": Planet.SECRET,
        "datetime": datetime(2024, 5, 1, 10, 15, 30, 500, tzinfo=timezone.utc),
        "naive": datetime(2024, 5, 1, 10, 15),
        "date": date(2024, 5, 1),
        "time": time(10, 15, 30),
        "duration": timedelta(hours=1, seconds=0.5),
        "negative": -timedelta(minutes=1, seconds=30),
        "decimal": Decimal("12.50"),
        "uuid": uuid.UUID(int=1),
        "path": PurePosixPath("/a/b"),
        "bytes": b"\x00\xff",
        "bytearray": bytearray(b"ab"),
        "set": frozenset([1]),
        "tuple": (1, "a"),
        "namedtuple": Point(1, 2),
        "deque": collections.deque([1, 2]),
        "generator": (i * i for i in range(3)),
        "model": Model(),
        "legacy": LegacyModel(),
        "json_aware": JsonAware(),
        "opaque": Opaque(),
        "class": Opaque,
        "nested_keys": {Shade.DARK: 1, 2: "two", date(2024, 1, 1): 3, None: 4, True: 5},
    }
    assert to_jsonable(value) == {
        "dataclass": {"name": "o", "inner": {"when": "2024-05-01", "tags": [3]}, "shade": 2},
        "enum": "dark",
        "intenum": 1,
        "tuple_enum": [5.97e24, 6.37e6],
        "object_enum": "SECRET",
        "datetime": "2024-05-01T10:15:30.000500+00:00",
        "naive": "2024-05-01T10:15:00",
        "date": "2024-05-01",
        "time": "10:15:30",
        "duration": "PT1H0.5S",
        "negative": "-PT1M30S",
        "decimal": "12.50",
        "uuid": "00000000-0000-0000-0000-000000000001",
        "path": "/a/b",
        "bytes": {"__bytes__": True, "b64": "AP8="},
        "bytearray": {"__bytes__": True, "b64": "YWI="},
        "set": [1],
        "tuple": [1, "a"],
        "namedtuple": {"x": 1, "y": 2},
        "deque": [1, 2],
        "generator": [0, 1, 4],
        "model": {"kind": "pydantic-like", "at": "2024-01-01T00:00:00"},
        "legacy": {"kind": "v1-like"},
        "json_aware": [1, "dark"],
        "opaque": "<opaque>",
        "class": repr(Opaque),
        "nested_keys": {"dark": 1, "2": "two", "2024-01-01": 3, "null": 4, "true": 5},
    }


def test_named_tuples_inside_plain_containers_become_objects():
    assert Wire().encode([Point(1, 2), {"p": Point(3, 4)}]) == \
        b'[{"x":1,"y":2},{"p":{"x":3,"y":4}}]'


def test_circular_results_are_refused():
    loop: list = []
    loop.append({"again": loop})
    with pytest.raises(ValueError, match="circular"):
        to_jsonable(loop)


def test_shared_but_acyclic_objects_are_fine():
    shared = [1]
    assert to_jsonable(({"a": shared}, shared)) == [{"a": [1]}, [1]]


def test_numpy_and_pandas_are_not_imported_by_the_encoder():
    for name in ("numpy", "pandas"):
        if name in sys.modules:
            pytest.skip("%s already imported by something else" % name)
    to_jsonable({"x": Opaque(), "y": (1,)})
    assert "numpy" not in sys.modules and "pandas" not in sys.modules


def test_numpy_arrays_and_scalars_when_numpy_is_there():
    numpy = pytest.importorskip("numpy")
    assert to_jsonable({"a": numpy.arange(3), "s": numpy.float32(1.5), "i": numpy.int64(2)}) == \
        {"a": [0, 1, 2], "s": 1.5, "i": 2}


def test_unicode_and_lone_surrogates_encode():
    assert Wire().encode({"t": "héllo ✓"}) == '{"t":"héllo ✓"}'.encode()
    assert Wire().encode("\ud800") == b'"\\ud800"'


def test_orjson_wire_matches_json_wire():
    orjson_wire = select_wire("orjson")
    if orjson_wire.name != "orjson":
        pytest.skip("orjson is not installed")
    values = [
        {"a": [1, 2.5, None, True, "é"], "p": Point(1, 2), "when": date(2024, 1, 1),
         "nan": math.nan, "big": 2**70},
        {"dataclass": Outer("o", Inner(date(2024, 5, 1), {3}), Shade.LIGHT),
         "aware": datetime(2024, 5, 1, 10, 15, 30, 500, tzinfo=timezone(timedelta(hours=2))),
         "naive": datetime(2024, 5, 1, 10, 15), "time": time(10, 15, 30, 1),
         "aware_time": time(1, 2, tzinfo=timezone.utc), "uuid": uuid.UUID(int=7),
         "enums": [Shade.DARK, Level.LOW], "points": [Point(1, 2)], "tuple": (1, (2,)),
         "decimal": Decimal("1.10"), "bytes": b"ab", "opaque": Opaque(), "none": None},
        [Inner(date(2024, 1, 1), set()), {"deep": [[{"x": math.inf}]]}],
        {1: "int key"},
        [1.5, None],
    ]
    for value in values:
        assert json_equal(orjson_wire.encode(value), Wire().encode(value)), value
    assert orjson_wire.loads(b'{"n":12345678901234567890123}') == {"n": 12345678901234567890123}
    assert math.isnan(orjson_wire.loads(b"[NaN]")[0])


def json_equal(left: bytes, right: bytes) -> bool:
    import json
    return json.dumps(json.loads(left), sort_keys=True) == json.dumps(json.loads(right),
                                                                      sort_keys=True)


class Perm(enum.Flag):
    R = 1
    W = 2
    X = 4


class Bits(enum.IntFlag):
    ONE = 1
    TWO = 2


def test_flags_are_sent_as_their_combined_int():
    assert to_jsonable(Perm.R | Perm.W) == 3
    assert to_jsonable([Perm.X, Perm(0), Perm.R | Perm.W | Perm.X]) == [4, 0, 7]
    assert to_jsonable({"b": Bits.ONE | Bits.TWO}) == {"b": 3}
    assert type(to_jsonable(Bits.TWO)) is int
