"""Names and types that need care on the Java side; stubgen's output must still compile."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path as _Path
from typing import Dict, FrozenSet, Optional, Sequence, Tuple


class Corner(enum.Enum):
    TOP_LEFT = (0, 0)
    BOTTOM_RIGHT = (1, 1)


class Ratio(enum.Enum):
    HALF = 0.5
    WHOLE = 1


class Flag(enum.Enum):
    on = "on"
    ON = "ON"


class Nameless(enum.Enum):
    none = None
    Plenty = {"a": 1}


@dataclasses.dataclass
class Path:
    """Shares its name with java.nio.file.Path."""

    where: _Path


@dataclasses.dataclass
class Edges:
    """Shares its name with the interface."""

    hash_code: int
    to_string: str


class Outer:
    @dataclasses.dataclass
    class Inner:
        value: int


@dataclasses.dataclass
class Inner:
    other: str


@dataclasses.dataclass
class Tree:
    label: str
    children: list[Tree] = dataclasses.field(default_factory=list)


def default(x: int) -> int:
    return x


def getX() -> int:
    return 1


def get_x() -> int:
    return 2


def keyed(by_number: Dict[int, str], _private: int = 0) -> Dict[str, Optional[int]]:
    return {}


def shapes(path: Path, edges: Edges, outer: Outer.Inner, inner: Inner, tree: Tree) -> Tuple[int, ...]:
    return ()


def enums(corner: Corner, ratio: Ratio, flag: Flag, nameless: Nameless) -> FrozenSet[Corner]:
    return frozenset()


def seq(values: Sequence[float], pair: Tuple[float, float], nothing: Optional[int] = None) -> Optional[Dict[str, list[bytes]]]:
    return None


def hash_code() -> int:
    return 0
