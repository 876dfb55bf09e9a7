"""Functions the runtime tests call in real worker processes."""

import math
import os
import sys
import time
from os import system  # noqa: F401  imported, so it must not be callable over the wire


def echo(value=None):
    return value


def add(a: int, b: int) -> int:
    return a + b


def whoami() -> dict:
    return {"pid": os.getpid(), "tag": os.environ.get("VMX_TAG")}


def boom(message: str):
    raise ValueError(message)


def nap(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def noisy(n: int) -> str:
    print("printed to stdout", n)
    sys.stdout.flush()
    os.write(1, b"raw bytes written to fd 1\n")
    return "quiet"


def big(n: int) -> str:
    return "x" * n


def size(data: str) -> int:
    return len(data)


def blob() -> bytes:
    return b"\x00\x01binary"


def specials() -> list:
    return [math.nan, math.inf, -math.inf, 2**70]


def point(x: int, y: int) -> dict:
    return {"x": x, "y": y}


def _private():
    return "secret"


def echo_or_boom(value=None, message=None):
    if message is not None:
        raise ValueError(message)
    return value


def huge_int() -> int:
    return 10**1000


def fake_bytes() -> dict:
    return {"__bytes__": True, "b64": "not base64!"}


def enormous_int() -> int:
    sys.set_int_max_str_digits(0)
    return 10**200_000
