"""Big binary data for BinaryDataBenchmark: results are built once and kept, so the benchmark
measures the crossing, not Python making the data."""

from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=2)
def blob(n: int) -> bytes:
    return bytes(n)


def size_of(data: bytes) -> int:
    return len(data)


@lru_cache(maxsize=2)
def ramp(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.float64)


def shape_of(values: np.ndarray) -> list:
    return list(values.shape)
