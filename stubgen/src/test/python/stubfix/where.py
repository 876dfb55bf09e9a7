"""Says in a docstring which interpreter prefix imported it: proof of the env describe ran in."""

import sys


def prefix() -> str:
    return sys.prefix


prefix.__doc__ = "Imported under " + sys.prefix
