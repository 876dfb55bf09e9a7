"""Walking nested JSON data one depth level at a time.

A Python call per container is what makes a walk over big data slow; here each level is
gathered with C-level iteration (map, filter, chain), so checking a large result or argument
costs a fraction of encoding or decoding it.
"""

from __future__ import annotations

from itertools import chain
from typing import Any, Iterator, List, Tuple

MAX_DEPTH = 200

_is_dict = dict.__instancecheck__
_is_list = list.__instancecheck__


class TooDeep(Exception):
    """Deeper than MAX_DEPTH levels: real data never is, a cycle always is."""


def levels(root: Any) -> Iterator[Tuple[List[dict], List[Any]]]:
    """For each depth level from ``root`` (a dict or a list) down: the dicts of that level
    and every value its dicts and lists hold (dict keys excluded). The consumer may stop
    early; the next level is gathered only when asked for."""
    dicts: List[dict] = [root] if _is_dict(root) else []
    lists: List[Any] = [] if dicts else [root]
    for _ in range(MAX_DEPTH):
        values = list(chain(chain.from_iterable(map(dict.values, dicts)),
                            chain.from_iterable(lists)))
        yield dicts, values
        dicts = list(filter(_is_dict, values))
        lists = list(filter(_is_list, values))
        if not dicts and not lists:
            return
    raise TooDeep()
