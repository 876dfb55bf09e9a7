"""numpy arrays across the border (needs numpy)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def ramp(n: int) -> np.ndarray:
    """n float64 values 0, 0.5, 1.0, ..."""
    return np.arange(n, dtype=np.float64) / 2


def grid(rows: int, cols: int) -> np.ndarray:
    return np.arange(rows * cols, dtype=np.int32).reshape(rows, cols)


def check_ramp(values: npt.NDArray[np.float64]) -> list:
    """[type, dtype, shape, whether values is ramp(len)]."""
    expected = np.arange(len(values), dtype=np.float64) / 2
    return [type(values).__name__, values.dtype.str, list(values.shape),
            bool(np.array_equal(values, expected))]


def describe(values: np.ndarray) -> list:
    return [values.dtype.str, list(values.shape), float(values.sum())]


def as_float32(values: npt.NDArray[np.float32]) -> np.ndarray:
    return values * 2
