"""A worker module whose env holds one small real package (six)."""
import six


def version() -> str:
    """six's version: proves the import came from the env."""
    return six.__version__
