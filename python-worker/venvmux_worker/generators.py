"""A generator returned to ``call``: materialized into a JSON array, up to a size bound.

``call`` answers once, with the whole result, so a generator's items are gathered first; one
that never ends would grow the worker's memory until the call times out. Each item is encoded as
it comes and the JSON so far is counted, so the walk stops at the bound with a clear error (and
closes the generator, which runs its ``finally``) rather than at the end of memory.
"""

from __future__ import annotations

from typing import Any, Callable, Generator

from venvmux_worker.errors import INVALID_JSON, CallError

DEFAULT_LIMIT = 256 * 1024 * 1024
"""The bound when the host sets no maxResultBytes: far above any result meant to be one line."""


class GeneratorFailed(Exception):
    """The generator's own code raised while it was being walked (the cause is its exception)."""


def encode_generator(name: str, generator: Generator, encode: Callable[[Any], bytes],
                     limit: int) -> bytes:
    """The items as one JSON array; CallError(invalid_json) once it would pass ``limit`` bytes.
    Raises GeneratorFailed from the generator's own exception, and lets an item's encoding
    failure through."""
    parts = []
    size = 2  # the brackets
    try:
        while True:
            try:
                item = next(generator)
            except StopIteration:
                break
            except BaseException as error:
                raise GeneratorFailed() from error
            part = encode(item)
            size += len(part) + (1 if parts else 0)
            if size > limit:
                raise CallError(INVALID_JSON, "%s() returned a generator whose items passed %d "
                                "bytes of JSON (maxResultBytes) after %d items; it was closed "
                                "there. call() gathers a generator into one list: make it end "
                                "sooner, or raise maxResultBytes" % (name, limit, len(parts)),
                                "ValueError")
            parts.append(part)
    finally:
        generator.close()
    return b"[" + b",".join(parts) + b"]"
