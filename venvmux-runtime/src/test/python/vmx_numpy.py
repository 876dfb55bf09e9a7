"""Reports the numpy and Python this worker runs on, and computes the same thing on any numpy."""
import sys

import numpy as np


def versions() -> dict:
    return {"numpy": np.__version__, "python": "%d.%d" % sys.version_info[:2]}


def sum_of_squares(n: int) -> int:
    return int(np.dot(np.arange(n, dtype=np.int64), np.arange(n, dtype=np.int64)))
