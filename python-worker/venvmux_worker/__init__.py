"""venvmux worker: serves one Python module's public functions over JSON lines on stdio.

Started by the venvmux host as ``python -u -m venvmux_worker --module pkg.entry ...``.
Stdlib only; orjson is used when asked for and importable.
"""

PROTOCOL_VERSION = 1

__all__ = ["PROTOCOL_VERSION"]
