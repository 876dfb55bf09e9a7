"""The worker leads a process group of its own, so what the module starts ends with it.

A module may start processes (``subprocess.Popen``, ``os.fork``, a multiprocessing pool). They
join the worker's group; when the worker exits, however it was asked to, it ends the group, so
nothing the module started outlives the pool. Leading a group of its own also keeps a terminal's
Ctrl-C away from the worker: the host's JVM gets it and closes its workers in order.
"""

from __future__ import annotations

import logging
import os
import signal
import threading

_log = logging.getLogger(__name__)

_leader_pid = 0


def lead_own_group() -> None:
    """Make this process the leader of a new process group (POSIX only; a no-op elsewhere)."""
    global _leader_pid
    if not hasattr(os, "setpgid"):
        return
    try:
        os.setpgid(0, 0)
    except OSError as error:  # a session leader already, say: keep the group it has
        _log.debug("cannot start a process group: %s", error)
        return
    _leader_pid = os.getpid()


def end_group() -> None:
    """Terminate every other process of the group this worker leads. In a child the module
    forked, or when no group was made, nothing happens: only the leader ends its group."""
    if _leader_pid == 0 or os.getpid() != _leader_pid or os.getpgrp() != _leader_pid:
        return
    try:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the signal reaches the leader too
        # Elsewhere (the parent watchdog's thread) no handler can be set: the leader ends with
        # its group, which is what that exit was about to do anyway.
        os.killpg(_leader_pid, signal.SIGTERM)
    except (OSError, ValueError) as error:
        _log.debug("cannot signal the process group: %s", error)
