"""Files that carry a request's arguments or a reply's result when a line would be too big."""

from __future__ import annotations

import os
from typing import Any, Optional, Tuple

from venvmux_worker.errors import INVALID_JSON, CallError


def read_payload(path: Any, loads: Any) -> Tuple[list, dict]:
    """``{"args": [...], "kwargs": {...}}`` from a file the host wrote (and will delete)."""
    if not isinstance(path, str) or not os.path.isabs(path):
        raise CallError(INVALID_JSON, "payload_file must be an absolute path, got %r" % (path,),
                        "ValueError")
    try:
        with open(path, "rb") as handle:
            payload = loads(handle.read())
    except OSError as error:
        raise CallError(INVALID_JSON, "cannot read payload_file %s: %s" % (path, error),
                        type(error).__name__) from None
    except ValueError as error:
        raise CallError(INVALID_JSON, "payload_file %s is not valid JSON: %s" % (path, error),
                        type(error).__name__) from None
    if type(payload) is not dict:
        raise CallError(INVALID_JSON, "payload_file %s must hold a JSON object" % path,
                        "ValueError")
    return payload.get("args") or [], payload.get("kwargs") or {}


class ResultSpill:
    """Writes results larger than ``max_bytes`` to a private file (mkstemp: 0600, a name
    nobody can guess) in ``directory``; the host reads and deletes it."""

    def __init__(self, max_bytes: int, directory: Optional[str]) -> None:
        self.max_bytes = max_bytes if max_bytes and max_bytes > 0 else 0
        self.directory = os.path.abspath(directory) if directory else None

    def write(self, payload: bytes) -> str:
        return write_private_file(self.directory, "venvmux-result-", ".json", memoryview(payload))


def write_private_file(directory: Optional[str], prefix: str, suffix: str,
                       view: memoryview) -> str:
    """Writes ``view`` to a new private file (mkstemp: 0600, a name nobody can guess) in
    ``directory`` (None: the system's temp folder), making the folder (0700) if it is gone
    (cleaned by tmpwatch, say); returns its absolute path. A failed write leaves no file."""
    import tempfile  # only files need it: not imported at start

    try:
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
    except FileNotFoundError:
        if directory is None:
            raise
        os.makedirs(directory, mode=0o700, exist_ok=True)
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
    try:
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        os.unlink(path)
        raise
    os.close(fd)
    return os.path.abspath(path)
