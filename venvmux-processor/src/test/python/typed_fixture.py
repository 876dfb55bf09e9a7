"""Functions the typed-client tests call through generated clients, in real worker processes.

Each function checks that its arguments arrived as the Python types its hints name, so a test
passes only when Java values really cross as dataclasses, enums, dates, bytes and so on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, time as clock_time, timedelta, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Optional
from uuid import UUID


class Color(Enum):
    RED = "red"
    DARK_BLUE = "dark_blue"


class Level(Enum):
    LOW = 1
    HIGH = 2


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Shape:
    name: str
    color: Color
    corners: list[Point]
    created: date
    tags: dict[str, Point]
    data: bytes
    note: Optional[str] = None


@dataclass
class Stamp:
    at: datetime
    naive: datetime
    day: date
    clock: clock_time
    took: timedelta
    id: UUID
    path: Path
    amount: Decimal


@dataclass
class Renamed:
    xc: float
    long_name: str


def _check(value, kind, what):
    if not isinstance(value, kind):
        raise TypeError("%s arrived as %s, not %s" % (what, type(value).__name__, kind.__name__))


def _check_shape(shape):
    _check(shape, Shape, "shape")
    _check(shape.color, Color, "shape.color")
    _check(shape.created, date, "shape.created")
    _check(shape.data, bytes, "shape.data")
    for corner in shape.corners:
        _check(corner, Point, "corner")
    for key, point in shape.tags.items():
        _check(point, Point, "tag %s" % key)


def describe(shape: Shape) -> str:
    _check_shape(shape)
    return "%s %s %d corners %s %s %s" % (
        shape.name, shape.color.value, len(shape.corners), shape.created.isoformat(),
        shape.data.hex(), sorted(shape.tags))


def echo_shape(shape: Shape) -> Shape:
    _check_shape(shape)
    return shape


def make_shapes(count: int, color: Color) -> list[Shape]:
    _check(color, Color, "color")
    return [
        Shape(name="s%d" % i, color=color, corners=[Point(float(i), 0.5)], created=date(2024, 1, i + 1),
              tags={"origin": Point(0.0, 0.0)}, data=bytes([i, 255]))
        for i in range(count)
    ]


def index(shapes: list[Shape]) -> dict[str, Shape]:
    for shape in shapes:
        _check_shape(shape)
    return {shape.name: shape for shape in shapes}


def echo_stamp(stamp: Stamp) -> Stamp:
    _check(stamp, Stamp, "stamp")
    for name, kind in (("at", datetime), ("naive", datetime), ("day", date), ("clock", clock_time),
                       ("took", timedelta), ("id", UUID), ("path", Path), ("amount", Decimal)):
        _check(getattr(stamp, name), kind, "stamp." + name)
    if stamp.at.tzinfo is None or stamp.naive.tzinfo is not None:
        raise ValueError("at must be aware and naive naive")
    return stamp


def later(stamp: Stamp, by: timedelta) -> Stamp:
    _check(by, timedelta, "by")
    return Stamp(stamp.at + by, stamp.naive + by, stamp.day, stamp.clock, stamp.took + by, stamp.id,
                 stamp.path / "later", stamp.amount.copy_negate())


def now() -> datetime:
    return datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def maybe_point(present: bool) -> Optional[Point]:
    return Point(1.0, 2.0) if present else None


def legacy_name(text: str) -> int:
    return len(text)


def keywords(max_iter: int, from_: str) -> str:
    return "%s:%d" % (from_, max_iter)


def flip(renamed: Renamed) -> Renamed:
    _check(renamed, Renamed, "renamed")
    return Renamed(xc=-renamed.xc, long_name=renamed.long_name[::-1])


def levels(level: Level) -> list[Level]:
    _check(level, Level, "level")
    return [Level.LOW, level]


def big_number() -> int:
    return 2 ** 40


def half() -> float:
    return 0.5


def half_point() -> dict:
    return {"x": 1.0}


def nothing(value: int) -> None:
    return None


def slow(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def fail(message: str) -> str:
    raise ValueError(message)


def options(first: int, **rest) -> list:
    return sorted([first, *rest])


def positional(x: int, /) -> int:
    return x


def positional_pair(x: int, y: str = "y", /, scale: int = 1) -> str:
    return "%d%s" % (x * scale, y)
