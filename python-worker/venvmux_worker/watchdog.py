"""Exit when the parent process dies, even if stdin stays open (a grandchild holds it)."""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Callable

_log = logging.getLogger(__name__)


def watch_parent(parent_pid: int, on_orphaned: Callable[[], None],
                 interval: float = 0.5) -> threading.Thread:
    """Start a daemon thread that calls ``on_orphaned`` once the parent is gone (our parent
    pid changes when it dies: we get re-parented to init or a subreaper)."""

    def poll() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        _log.warning("parent process %d is gone; exiting", parent_pid)
        on_orphaned()

    thread = threading.Thread(target=poll, name="venvmux-parent-watchdog", daemon=True)
    thread.start()
    return thread
