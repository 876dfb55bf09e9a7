"""The numpy 2.x side of the two-envs demo: runs only where numpy >= 2 is installed."""

import numpy as np


def numpy_version() -> str:
    return np.__version__


def compute(n: int) -> dict:
    """The same numbers as numpy_v1_entry.compute, written with np.vecdot (new in numpy 2)."""
    a = np.arange(1, n + 1, dtype=np.float64)
    return {"numpy": np.__version__, "n": n, "sum_of_squares": float(np.vecdot(a, a)), "mean": float(a.mean())}
