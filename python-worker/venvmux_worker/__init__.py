"""venvmux worker: serves one Python module's public functions over JSON lines on stdio.

The venvmux host starts it as::

    python -u -m venvmux_worker --module pkg.entry --inflight N --serializer json|orjson \\
        [--max-result-bytes N] [--spill-dir DIR]

and speaks protocol v1 with it: a hello (or fatal) line first, then one reply line per
request line, in completion order when ``--inflight`` is above 1. Feature ``batch``: a line
``{"batch":n}`` says the next n request lines form one frame; an inline worker answers a frame
with one write (see ``loop``). Stdlib only; orjson is
used when asked for and importable.

Modules, one job each: ``protocol`` (private stdio fds, whole-line writes), ``wire`` (json
or orjson), ``encoder`` (results to JSON data), ``decoder`` (arguments from JSON data by
type hint), ``walk`` (level-by-level scans of nested data), ``isotime`` (ISO-8601 text),
``introspect`` (which functions are public), ``calls`` (one call: plan, decode, bind,
await), ``dispatch`` (request line to reply line), ``spill`` (payload and result files),
``aio`` (the event loop), ``loop`` (inline or pooled serving), ``watchdog`` (parent death),
``binary`` (bytes and arrays as raw files), ``logs`` (VENV_MUX_LOG*), ``streams`` (streamed
replies with credit), ``main`` (the command), ``describe``
(``python -m venvmux_worker.describe``: the module as JSON, for stubgen).

Exit codes: 0 stdin closed and every call answered; 3 the module did not import (or the
Python is older than 3.10), after a fatal line; 4 the parent process died; 5 the host closed
the reply stream; 2 bad command line. A function that calls ``os._exit(n)`` ends the worker
with ``n``.
"""

PROTOCOL_VERSION = 1

# What this worker can do beyond plain protocol v1, named in its hello's "features"; the host
# uses a feature only when it knows it too, so an older host or worker keeps working.
# "batch": frames of several requests; "stream": streamed replies with credit (see streams);
# "binary-files": bytes and numpy arrays may cross as raw bytes in spill files (see binary).
FEATURES: tuple = ("batch", "binary-files", "stream")

__all__ = ["FEATURES", "PROTOCOL_VERSION"]
