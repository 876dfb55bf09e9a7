"""Walking nested JSON data one depth level at a time.

A Python call per container is what makes a walk over big data slow; here each level is
gathered with C-level iteration (map, filter, chain), so checking a large result or argument
costs a fraction of encoding or decoding it.
"""

from __future__ import annotations

import sys
from itertools import chain
from typing import Any, Iterator, List, Tuple

MAX_DEPTH = 1000
"""The deepest nesting that crosses the wire, both ways: Jackson's default limit on the Java side."""

# The worker's own walks (to_jsonable, the argument converters) take up to four Python frames per
# level, and CPython 3.11 and older count each level of json's C scanner against the same limit.
RECURSION_LIMIT = 4 * MAX_DEPTH + 1000

_is_dict = dict.__instancecheck__
_is_list = list.__instancecheck__


class TooDeep(Exception):
    """Deeper than MAX_DEPTH levels: real data never is."""


def allow_deep_data() -> None:
    """Raises the recursion limit once, at start, so data nested MAX_DEPTH levels decodes and
    encodes (never lowers it). Bounded: even Python 3.10 raises RecursionError, not a crash."""
    if sys.getrecursionlimit() < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)


def levels(root: Any) -> Iterator[Tuple[List[dict], List[Any]]]:
    """For each depth level from ``root`` (a dict or a list) down: the dicts of that level
    and every value its dicts and lists hold (dict keys excluded). The consumer may stop
    early; the next level is gathered only when asked for. A container met again (shared, or a
    cycle) is not walked again: a list holding itself twice would double every level."""
    dicts: List[dict] = [root] if _is_dict(root) else []
    lists: List[Any] = [] if dicts else [root]
    seen = {id(root)}
    for _ in range(MAX_DEPTH):
        values = list(chain(chain.from_iterable(map(dict.values, dicts)),
                            chain.from_iterable(lists)))
        yield dicts, values
        dicts = list(filter(_is_dict, values))
        lists = list(filter(_is_list, values))
        if not dicts and not lists:
            return
        level = set(map(id, dicts))
        level.update(map(id, lists))
        if len(level) == len(dicts) + len(lists) and seen.isdisjoint(level):
            seen |= level
        else:  # rare: a container met again is walked once
            dicts, lists = _first_visits(dicts, seen), _first_visits(lists, seen)
    raise TooDeep()


def _first_visits(containers: List[Any], seen: set) -> List[Any]:
    fresh = []
    for container in containers:
        if id(container) not in seen:
            seen.add(id(container))
            fresh.append(container)
    return fresh


def require_wire_depth(value: Any) -> None:
    """Raises ValueError when plain data (fresh from to_jsonable: no container shared) nests
    deeper than the wire carries; the host would refuse it less clearly."""
    if _is_dict(value) or _is_list(value):
        try:
            for _ in levels(value):
                pass
        except TooDeep:
            raise ValueError("nested deeper than the %d levels the wire carries"
                             % MAX_DEPTH) from None
