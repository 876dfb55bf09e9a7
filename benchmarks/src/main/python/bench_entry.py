"""Functions the benchmarks call through venvmux."""
from __future__ import annotations

from dataclasses import dataclass


def echo(n: int, name: str) -> dict:
    """The same small dict the floor builds."""
    return {"n": n, "name": name}


@dataclass
class Item:
    n: int
    name: str


def echo_item(n: int, name: str) -> Item:
    """A dataclass result, read back as a Java record by the typed client."""
    return Item(n, name)


def count(n: int):
    """Streamed by the stream benchmark: n small items."""
    yield from range(n)
