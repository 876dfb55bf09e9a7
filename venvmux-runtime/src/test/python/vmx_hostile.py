"""Misbehaving functions for the hardening tests: each must fail its own call only."""

import os


def pid() -> int:
    return os.getpid()


def interrupt():
    raise KeyboardInterrupt


def forever():
    n = 0
    while True:
        yield {"n": n, "pad": "x" * 100}
        n += 1


def countdown(n: int):
    yield from range(n, 0, -1)


def colliding_keys() -> dict:
    return {1: "int one", "1": "str one"}


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def depth_of(value) -> int:
    depth = 0
    while isinstance(value, list):
        depth += 1
        value = value[0] if value else None
    return depth


class _Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("repr refuses")


def unencodable(kind: str) -> object:
    """A result the worker cannot write as JSON: cyclic, a raising __repr__, a huge int."""
    if kind == "cyclic":
        loop: list = []
        loop.append(loop)
        return loop
    if kind == "bad_repr":
        return {"x": _Unprintable()}
    return 10 ** 5000


def echo(value=None):
    return value
