"""Arguments from JSON data to the types the hints ask for, in process."""

from __future__ import annotations

import dataclasses
import enum
import sys
import typing
import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import (Annotated, Any, Dict, FrozenSet, List, Literal, NamedTuple, NewType,
                    Optional, Sequence, Set, Tuple, TypedDict, Union)

import pytest

from venvmux_worker.decoder import DecodeError, converter_for


class Color(enum.Enum):
    RED = "red"
    DARK_BLUE = "Dark Blue"
    ONE = 1
    PAIR = (1, 2)


@dataclasses.dataclass
class Point:
    x: float
    y: float = 0.0


@dataclasses.dataclass
class Node:
    name: str
    when: Optional[date] = None
    children: List["Node"] = dataclasses.field(default_factory=list)


class Pair(NamedTuple):
    left: Color
    right: int = 0


class Options(TypedDict, total=False):
    start: datetime
    colors: List[Color]


class Required(TypedDict):
    name: str


UserId = NewType("UserId", uuid.UUID)


def decode(hint: Any, value: Any) -> Any:
    converter = converter_for(hint)
    return value if converter is None else converter(value)


@pytest.mark.parametrize("hint", [int, str, float, bool, type(None), List[int],
                                  Dict[str, int], Optional[int], Union[int, str],
                                  Literal["a", "b"], Sequence[str]])
def test_json_native_hints_cost_nothing(hint):
    assert converter_for(hint) is None


def test_converters_are_cached_per_hint():
    assert converter_for(List[date]) is converter_for(List[date])


@pytest.mark.parametrize("hint, value, expected", [
    (datetime, "2024-05-01T10:15:30Z", datetime(2024, 5, 1, 10, 15, 30, tzinfo=timezone.utc)),
    (datetime, "2024-05-01T10:15:30.5", datetime(2024, 5, 1, 10, 15, 30, 500000)),
    (date, "2024-05-01", date(2024, 5, 1)),
    (time, "10:15", time(10, 15)),
    (timedelta, "PT1H0.5S", timedelta(hours=1, seconds=0.5)),
    (timedelta, "-PT1M30S", timedelta(seconds=-90)),
    (timedelta, 1.5, timedelta(seconds=1.5)),
    (Decimal, "12.50", Decimal("12.50")),
    (Decimal, 3, Decimal(3)),
    (uuid.UUID, "12345678-1234-5678-1234-567812345678",
     uuid.UUID("12345678-1234-5678-1234-567812345678")),
    (UserId, "12345678-1234-5678-1234-567812345678",
     uuid.UUID("12345678-1234-5678-1234-567812345678")),
    (Path, "/tmp/x", Path("/tmp/x")),
    (bytes, {"__bytes__": True, "b64": "AP8="}, b"\x00\xff"),
    (bytearray, "AP8=", bytearray(b"\x00\xff")),
    (Color, "red", Color.RED),
    (Color, "RED", Color.RED),
    (Color, "dark_blue", Color.DARK_BLUE),
    (Color, "dark blue", Color.DARK_BLUE),
    (Color, 1, Color.ONE),
    (Color, [1, 2], Color.PAIR),
    (Annotated[date, "meta"], "2024-05-01", date(2024, 5, 1)),
    (Optional[date], None, None),
    (Union[date, str], "not a date", "not a date"),
    (Union[int, date], "2024-05-01", date(2024, 5, 1)),
    (Union[int, date], 3, 3),
    (tuple, [1, 2], (1, 2)),
    (Tuple[int, date], [1, "2024-05-01"], (1, date(2024, 5, 1))),
    (Tuple[date, ...], ["2024-05-01"], (date(2024, 5, 1),)),
    (Set[Color], ["red", "RED"], {Color.RED}),
    (FrozenSet[int], [1, 1], frozenset([1])),
    (Sequence[date], ["2024-05-01"], [date(2024, 5, 1)]),
    (Dict[str, Color], {"a": "red"}, {"a": Color.RED}),
    (Dict[Color, int], {"red": 1}, {Color.RED: 1}),
    (Any, {"b": {"__bytes__": True, "b64": "YQ=="}}, {"b": b"a"}),
    (list, [{"__bytes__": True, "b64": "YQ=="}], [b"a"]),
])
def test_values_become_the_hinted_type(hint, value, expected):
    assert decode(hint, value) == expected
    assert type(decode(hint, value)) is type(expected)


def test_dataclasses_nest_and_recurse():
    node = decode(Node, {"name": "root", "children": [{"name": "leaf", "when": "2024-05-01"}]})
    assert node == Node("root", None, [Node("leaf", date(2024, 5, 1))])
    assert decode(List[Point], [{"x": 1}]) == [Point(1, 0.0)]


def test_named_tuples_from_objects_and_arrays():
    assert decode(Pair, {"left": "RED"}) == Pair(Color.RED, 0)
    assert decode(Pair, ["red", 4]) == Pair(Color.RED, 4)


def test_typed_dicts_convert_their_values():
    options = decode(Options, {"start": "2024-05-01T00:00:00", "colors": ["red"], "extra": 1})
    assert options == {"start": datetime(2024, 5, 1), "colors": [Color.RED], "extra": 1}
    with pytest.raises(DecodeError, match="missing key 'name'"):
        decode(Required, {})


def test_dict_keys_are_read_by_their_hint():
    assert decode(Dict[int, str], {"1": "b", "-2": "c"}) == {1: "b", -2: "c"}
    assert decode(Dict[float, int], {"0.5": 1}) == {0.5: 1}
    assert decode(Dict[Color, int], {"red": 1}) == {Color.RED: 1}
    with pytest.raises(DecodeError, match="a key of type int"):
        decode(Dict[int, str], {"x": "b"})


def test_pydantic_models_with_aliases_are_read_by_field_name():
    pydantic = pytest.importorskip("pydantic")

    class Customer(pydantic.BaseModel):
        zip_code: str = pydantic.Field(alias="zipCode")

    assert decode(Customer, {"zip_code": "12345"}).zip_code == "12345"
    assert decode(Customer, {"zipCode": "12345"}).zip_code == "12345"


def test_pydantic_models_when_pydantic_is_there():
    pydantic = pytest.importorskip("pydantic")

    class Item(pydantic.BaseModel):
        name: str
        when: date

    item = decode(List[Item], [{"name": "a", "when": "2024-05-01"}])[0]
    assert isinstance(item, Item) and item.when == date(2024, 5, 1)
    with pytest.raises(DecodeError, match="a valid Item"):
        decode(Item, {"name": "a"})


@pytest.mark.parametrize("hint, value, message", [
    (datetime, "yesterday", "expected a datetime (ISO-8601 string), got 'yesterday' (str)"),
    (date, 20240501, "expected a date"),
    (timedelta, "P1Y", "expected a duration"),
    (uuid.UUID, "nope", "expected a UUID"),
    (Color, "purple", "one of Color ['red', 'Dark Blue', 1, (1, 2)]"),
    (bytes, {"__bytes__": True, "b64": "***"}, "expected bytes"),
    (List[date], "2024-05-01", "expected an array"),
    (Tuple[int, int], [1], "an array of 2 items"),
])
def test_failures_say_what_was_expected(hint, value, message):
    with pytest.raises(DecodeError) as failure:
        decode(hint, value)
    assert message in failure.value.describe("p")
    assert failure.value.describe("p").startswith("argument 'p")


def test_failures_say_where():
    with pytest.raises(DecodeError) as failure:
        decode(Node, {"name": "root", "children": [{"name": "a"}, {"name": "b", "when": "x"}]})
    assert failure.value.describe("tree").startswith("argument 'tree.children[1].when': ")


def test_records_refuse_unknown_and_missing_fields():
    with pytest.raises(DecodeError, match="unexpected field 'z' for Point"):
        decode(Point, {"x": 1, "z": 2})
    with pytest.raises(DecodeError, match="missing field 'x' for Point"):
        decode(Point, {"y": 2})
    with pytest.raises(DecodeError, match="an object for Point"):
        decode(Point, [1, 2])


@dataclasses.dataclass
class Box:
    width: int
    area: int = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.area = self.width * self.width


def test_fields_outside_init_are_dropped_when_a_result_comes_back():
    assert decode(Box, {"width": 3, "area": 9}).area == 9


def test_untyped_data_without_bytes_is_passed_as_is():
    data = {"a": [{"b": [1, 2.5, {"c": None}]}] * 3, "__bytes__": "not an envelope"}
    assert decode(Any, data) == data
    plain = {"a": [{"b": [1, 2.5, {"c": None}]}] * 3}
    assert decode(Any, plain) is plain


def test_untyped_bytes_deep_inside():
    envelope = {"__bytes__": True, "b64": "YQ=="}
    assert decode(Any, [[{"x": envelope, "y": [1]}], 2]) == [[{"x": b"a", "y": [1]}], 2]
    assert decode(Any, envelope) == b"a"


_T = typing.TypeVar("_T")


@dataclasses.dataclass
class _Member:
    name: str


@dataclasses.dataclass
class _Page(typing.Generic[_T]):
    items: list[_T]
    first: Optional[_T]
    total: int


def test_a_generic_dataclass_decodes_its_fields_by_the_arguments():
    page = converter_for(_Page[_Member])(
        {"items": [{"name": "a"}, {"name": "b"}], "first": {"name": "a"}, "total": 2})
    assert page == _Page([_Member("a"), _Member("b")], _Member("a"), 2)
    with pytest.raises(DecodeError, match="unexpected field .nom. for _Member"):
        converter_for(_Page[_Member])({"items": [{"nom": "a"}], "first": None, "total": 1})
    # without arguments the fields stay as they came
    assert converter_for(_Page)({"items": [{"name": "a"}], "first": None, "total": 1}).items \
        == [{"name": "a"}]


@pytest.mark.skipif(not hasattr(typing, "NotRequired"), reason="typing.NotRequired: 3.11+")
def test_a_not_required_key_under_future_annotations_may_be_absent():
    import types as pytypes
    module = pytypes.ModuleType("td_future")
    sys.modules["td_future"] = module
    try:
        exec("from __future__ import annotations\n"
             "from typing import TypedDict\n"
             "from typing import NotRequired\n"
             "class Base(TypedDict):\n    id: int\n"
             "class Tagged(Base):\n    tags: NotRequired[list[datetime]]\n"
             "from datetime import datetime\n", module.__dict__)
        convert = converter_for(module.Tagged)
        assert convert({"id": 1}) == {"id": 1}
        assert convert({"id": 1, "tags": ["2024-06-01T12:00:00"]}) == {
            "id": 1, "tags": [datetime(2024, 6, 1, 12)]}
    finally:
        del sys.modules["td_future"]


class Perm(enum.Flag):
    R = 1
    W = 2
    X = 4
    RW = R | W  # a named combination: still R|W


class Bits(enum.IntFlag):
    ONE = 1
    TWO = 2


@pytest.mark.parametrize("hint, value, expected", [
    (Perm, 3, Perm.R | Perm.W),
    (Perm, 4, Perm.X),
    (Perm, 0, Perm(0)),
    (Perm, [1, 4], Perm.R | Perm.X),
    (Perm, [], Perm(0)),
    (Perm, "x", Perm.X),
    (Bits, 3, Bits.ONE | Bits.TWO),
    (List[Perm], [7, 0], [Perm.R | Perm.W | Perm.X, Perm(0)]),
    (Optional[Perm], 2, Perm.W),
])
def test_flags_are_read_from_their_combined_int(hint, value, expected):
    assert decode(hint, value) == expected
    assert decode(Perm, 3) is Perm.RW


def test_an_unknown_flag_bit_names_the_flags():
    with pytest.raises(DecodeError, match=r"a combination of Perm's flags \(R=1, W=2, X=4\)"):
        decode(Perm, 9)
    with pytest.raises(DecodeError) as error:
        decode(Perm, [1, 8])
    assert error.value.path == [1]
