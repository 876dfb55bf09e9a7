"""What third-party modules commonly do, for round trips: stubgen's output must compile as
written and every call must return what Python returns when called directly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, Flag
from typing import Any, Generic, NotRequired, Optional, TypedDict, TypeVar

T = TypeVar("T")


def stamp(day: int) -> datetime:
    """A naive datetime, as most Python code makes them."""
    return datetime(2024, 6, day, 12)


def now() -> datetime:
    return datetime.now()


def shift(at: datetime, hours: int) -> datetime:
    return at + timedelta(hours=hours)


def raw_payload(x: Any) -> Any:
    return {"got": x}


def pair_keys() -> dict[tuple[int, int], str]:
    return {(1, 2): "a"}


def users(page: int, size: int = 2, *, prefix: str = "user") -> list[str]:
    return ["%s%d" % (prefix, page * size + i) for i in range(size)]


def kinds(a: int, /, b: str = "x", *, c: bool, **extra: int) -> str:
    return "%d %s %s %s" % (a, b, c, sorted(extra))


def relabel(labels: dict[int, str]) -> dict[int, str]:
    return {key + 1: value + "!" for key, value in labels.items()}


@dataclass
class User:
    name: str
    age: int


@dataclass
class Page(Generic[T]):
    """One page of results."""
    items: list[T]
    first: Optional[T]
    total: int


def user_page(size: int) -> Page[User]:
    items = [User("u%d" % i, 20 + i) for i in range(size)]
    return Page(items, items[0] if items else None, size)


def oldest(page: Page[User]) -> User:
    # the argument arrives as Page of User objects, not dicts
    return max(page.items, key=lambda user: user.age)


class Entity(TypedDict):
    id: int


class Tagged(Entity):
    tags: NotRequired[list[str]]


def retag(item: Tagged) -> Tagged:
    return {"id": item["id"] + 1, "tags": item.get("tags", []) + ["seen"]}


class Perm(Flag):
    R = 1
    W = 2
    X = 4
    RW = R | W  # a named combination: Java has the single members


class Access(Enum):
    READ = 1
    WRITE = 2


def toggle(perm: Perm) -> Perm:
    # the argument arrives as a Perm: an int would not XOR with a Flag
    return perm ^ Perm.X


def perm_names(perm: Perm) -> list[str]:
    return [member.name for member in Perm if member in perm]


def no_perms() -> Perm:
    return Perm(0)


def access_of(perm: Perm) -> Access:
    return Access.WRITE if Perm.W in perm else Access.READ
