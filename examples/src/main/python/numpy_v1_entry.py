"""The numpy 1.x side of the two-envs demo: runs only where numpy < 2 is installed."""

import numpy as np


def numpy_version() -> str:
    return np.__version__


def compute(n: int) -> dict:
    """Sum of squares and mean of 1..n, written with np.float_ (an alias numpy 2 removed)."""
    a = np.arange(1, n + 1).astype(np.float_)
    return {"numpy": np.__version__, "n": n, "sum_of_squares": float(np.dot(a, a)), "mean": float(a.mean())}
