"""Binary data as raw bytes in private files rather than base64 inside JSON (feature
``binary-files``).

A ``bytes``/``bytearray``/``memoryview`` or a numeric numpy array of at least ``min_bytes``
crosses as a file in the spill folder, named from the JSON by a small marker::

    {"__bytes__": true, "file": "/spill/venvmux-bin-x1y2", "len": 104857600}
    {"__ndarray__": true, "dtype": "<f8", "shape": [1000, 10], "file": "/spill/..."}

The writer makes the file (mkstemp: 0600, a name nobody can guess); the reader deletes it once
read. Only files directly inside the spill folder are read or deleted. The host turns the
feature on by setting ``VENV_MUX_BINARY_MIN_BYTES`` (an older worker ignores the variable) and
learns the worker has it from its hello. Stdlib only; numpy is used when the data is numpy's.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, Optional

from venvmux_worker.spill import write_private_file

BYTES_MARKER = "__bytes__"
NDARRAY_MARKER = "__ndarray__"
# numpy kinds whose raw bytes mean the same on both sides: bool, ints, unsigned ints, floats.
_RAW_KINDS = frozenset("biuf")


class BinaryFiles:
    """Writes and reads the files of one worker's spill folder."""

    def __init__(self, directory: str, min_bytes: int) -> None:
        self.directory = os.path.abspath(directory)
        self.min_bytes = max(1, min_bytes)
        self._written = threading.local()

    # ---- results: worker -> host ---------------------------------------------------------

    def begin(self) -> None:
        """Starts tracking the files this thread writes for one reply."""
        self._written.paths = []

    def discard(self) -> None:
        """Removes the files written since :meth:`begin` (their reply is not sent)."""
        for path in getattr(self._written, "paths", None) or ():
            try:
                os.unlink(path)
            except OSError:
                pass
        self._written.paths = []

    def finish(self, payload: bytes) -> None:
        """Removes the files written since :meth:`begin` that ``payload`` does not name (a
        conversion that ran twice wrote some of them for nothing)."""
        for path in getattr(self._written, "paths", None) or ():
            if path.encode("utf-8") not in payload:
                try:
                    os.unlink(path)
                except OSError:
                    pass
        self._written.paths = None

    def bytes_marker(self, value: Any) -> Optional[dict]:
        """The marker of a file holding ``value``'s bytes; None below the threshold."""
        view = memoryview(value)
        if view.nbytes < self.min_bytes:
            return None
        if not view.contiguous or view.ndim != 1 or view.itemsize != 1:
            view = memoryview(view.tobytes())
        return {BYTES_MARKER: True, "file": self._write(view), "len": view.nbytes}

    def ndarray_marker(self, array: Any) -> Optional[dict]:
        """The marker of a file holding a numeric array's bytes (C order); None below the
        threshold or for a dtype whose bytes Java cannot read (objects, strings, dates)."""
        if array.nbytes < self.min_bytes or array.dtype.kind not in _RAW_KINDS:
            return None
        numpy = sys.modules["numpy"]
        contiguous = numpy.ascontiguousarray(array)
        try:
            view = memoryview(contiguous).cast("B")
        except (TypeError, ValueError):  # a format memoryview cannot cast (float16, ...)
            view = memoryview(contiguous.tobytes())
        return {NDARRAY_MARKER: True, "dtype": array.dtype.str, "shape": list(array.shape),
                "file": self._write(view)}

    def _write(self, view: memoryview) -> str:
        path = write_private_file(self.directory, "venvmux-bin-", "", view)
        paths = getattr(self._written, "paths", None)
        if paths is not None:
            paths.append(path)
        return path

    # ---- arguments: host -> worker -------------------------------------------------------

    def read(self, path: Any, expected: Optional[int] = None, writable: bool = False) -> Any:
        """The content of a file the host wrote (bytes, or a bytearray when ``writable``),
        which is then deleted. Raises ValueError for a path outside the spill folder or a
        length that does not match the marker's."""
        if not isinstance(path, str) or os.path.dirname(path) != self.directory \
                or os.path.basename(path) in ("", ".", ".."):
            raise ValueError("binary file %r is not in the spill folder %s"
                             % (path, self.directory))
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as error:
            raise ValueError("cannot read binary file %s: %s" % (path, error)) from None
        try:
            with open(fd, "rb", buffering=0, closefd=False) as handle:
                if writable:
                    data: Any = bytearray(os.fstat(fd).st_size)
                    view = memoryview(data)
                    while view:
                        got = handle.readinto(view)
                        if not got:
                            raise ValueError("binary file %s ended early" % path)
                        view = view[got:]
                else:
                    data = handle.readall()
        finally:
            os.close(fd)
            os.unlink(path)
        if expected is not None and expected != len(data):
            raise ValueError("binary file %s holds %d bytes, the marker says %d"
                             % (path, len(data), expected))
        return data


_files: Optional[BinaryFiles] = None


def configure(directory: Optional[str], environ: Any) -> Optional[BinaryFiles]:
    """Turns the feature on when the host asked for it and there is a spill folder."""
    global _files
    text = environ.get("VENV_MUX_BINARY_MIN_BYTES")
    if directory and text and text.isdigit():
        _files = BinaryFiles(directory, int(text))
    return _files


def active() -> Optional[BinaryFiles]:
    """The worker's binary files, or None when the host did not turn them on."""
    return _files


def is_marker(value: Any) -> bool:
    return type(value) is dict and (value.get(BYTES_MARKER) is True
                                    or value.get(NDARRAY_MARKER) is True)


def marker_bytes(value: dict, writable: bool = False) -> Any:
    """The raw bytes a file or inline (``b64``) marker carries."""
    if "file" in value:
        files = _files
        if files is None:
            raise ValueError("a binary file marker, but binary files are not turned on")
        expected = value.get("len")
        return files.read(value["file"], expected if type(expected) is int else None, writable)
    text = value.get("b64")
    if not isinstance(text, str):
        raise ValueError("a binary marker needs \"file\" or \"b64\"")
    import base64  # only inline binary needs it: not imported at start

    return base64.b64decode(text, validate=True)


def ndarray_from_marker(value: dict, dtype: Any = None) -> Any:
    """The numpy array an ``__ndarray__`` marker describes (numpy must be importable)."""
    import numpy

    data = marker_bytes(value, writable=True)
    shape = value.get("shape")
    if type(shape) is not list or not all(type(n) is int and n >= 0 for n in shape):
        raise ValueError("an __ndarray__ marker needs \"shape\": a list of sizes")
    array = numpy.frombuffer(data, dtype=numpy.dtype(value.get("dtype"))).reshape(shape)
    if not array.flags.writeable:  # inline base64 decodes to read-only bytes
        array = array.copy()
    if dtype is not None and array.dtype != dtype:
        array = array.astype(dtype)
    return array
