"""Typed functions stubgen renders in its tests; the generated client calls them in real workers."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Literal, NamedTuple, Optional, Set, Tuple, TypedDict, Union
from uuid import UUID


class Color(enum.Enum):
    """A color with the exact values Python uses."""

    RED = "red"
    DARK_BLUE = "dark-blue"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 20


class Mixed(enum.Enum):
    NAMED = "named"
    NUMBERED = 2


class Corner(enum.Enum):
    TOP_LEFT = (0, 0)
    BOTTOM_RIGHT = (1, 1)


@dataclasses.dataclass
class Point:
    x: float
    y: float


@dataclasses.dataclass
class Shape:
    """A named shape."""

    name: str
    color: Color
    corners: List[Point]
    created: datetime
    data: bytes
    note: Optional[str] = None
    user_ID: int = 0
    tags: Dict[str, int] = dataclasses.field(default_factory=dict)


class Span(NamedTuple):
    start: int
    end: int


class Options(TypedDict, total=False):
    depth: int
    label: str


def make_shape(name: str, color: Color, corner_count: int = 3) -> Shape:
    """Makes a shape with corners on a line."""
    return Shape(name=name, color=color,
                 corners=[Point(float(i), i / 2) for i in range(corner_count)],
                 created=datetime(2024, 2, 29, 12, 30, tzinfo=timezone.utc),
                 data=bytes([0, 1, 255]), user_ID=7, tags={"corners": corner_count})


def describe_shape(shape: Shape) -> str:
    if not isinstance(shape, Shape) or not isinstance(shape.color, Color):
        raise TypeError("shape arrived as %r" % (shape,))
    return "%s %s %d %s %s" % (shape.name, shape.color.value, len(shape.corners),
                               shape.created.isoformat(), shape.data.hex())


def find(name: str) -> Optional[Point]:
    return Point(1.0, 2.0) if name == "one" else None


def span_of(values: List[int]) -> Span:
    return Span(min(values), max(values))


def configure(options: Options, levels: Set[Level]) -> Dict[str, Any]:
    return {"options": dict(options), "levels": sorted(level.value for level in levels)}


def mixed(value: Mixed) -> Mixed:
    return Mixed.NUMBERED if value is Mixed.NAMED else Mixed.NAMED


def opposite(corner: Corner) -> Corner:
    if not isinstance(corner, Corner):
        raise TypeError("corner arrived as %r" % (corner,))
    return Corner.BOTTOM_RIGHT if corner is Corner.TOP_LEFT else Corner.TOP_LEFT


def pair(key: str, count: int) -> Tuple[str, int]:
    return key, count


def until(start: date, took: timedelta, amount: Decimal, id: UUID, where: Path) -> str:
    return "%s %s %s %s %s" % (start + took, took.total_seconds(), amount, id, where)


def choose(mode: Literal["fast", "safe"], either: Union[int, str], anything=None) -> None:
    return None


def HTTP_status(code: int) -> bool:
    return 200 <= code < 300


def scale(values: List[float], *, factor: float = 2.0) -> List[float]:
    return [v * factor for v in values]


def tail(first, /, *rest: int, **named: str) -> int:
    return len(rest)


def head(first: int = 0, /, second: int = 1) -> int:
    return first + second


async def later(delay: float) -> str:
    return "later"


def blob(data: bytes) -> bytes:
    return data[::-1]
