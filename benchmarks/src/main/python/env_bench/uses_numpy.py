"""A worker module whose env holds numpy, a package whose import is not free."""
import numpy


def version() -> str:
    """numpy's version: proves the import came from the env."""
    return numpy.__version__
