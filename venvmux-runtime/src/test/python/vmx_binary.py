"""Big binary data both ways: bytes, and numpy arrays when numpy is importable."""

from __future__ import annotations

import hashlib
from typing import Any

PATTERN = bytes(range(256))


def blob(n: int) -> bytes:
    """n bytes of a repeating 0..255 pattern."""
    return (PATTERN * (n // 256 + 1))[:n]


def blob_ok(data: bytes) -> list:
    """[length, whether data is that pattern]: checks a big argument without echoing it."""
    n = len(data)
    return [n, data == (PATTERN * (n // 256 + 1))[:n]]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def kind(data: Any) -> list:
    """The type an untyped argument arrived as, and its length."""
    return [type(data).__name__, len(data)]


def echo(data: Any) -> Any:
    return data


def forged(path: str) -> dict:
    """A reply that names a file of the caller's choosing, as a hostile worker could."""
    return {"__bytes__": True, "file": path, "len": 3}


def orjson_version() -> Any:
    """orjson's version when the env has it, else None."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson.__version__
