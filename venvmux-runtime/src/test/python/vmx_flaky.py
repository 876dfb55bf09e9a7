"""Fails to import while the file named by VMX_BREAK_FILE exists, dies shortly after importing
while the file named by VMX_DIE_FILE exists; counts its import attempts."""

import os
import threading
import time

_counter = os.environ.get("VMX_IMPORT_COUNTER")
if _counter:
    with open(_counter, "a") as f:
        f.write("import\n")

if os.path.exists(os.environ.get("VMX_BREAK_FILE", "/nonexistent")):
    raise RuntimeError("vmx_flaky is broken on purpose")

if os.path.exists(os.environ.get("VMX_DIE_FILE", "/nonexistent")):
    def _die_soon() -> None:
        time.sleep(0.3)
        os._exit(9)

    threading.Thread(target=_die_soon, daemon=True).start()


def ping() -> str:
    return "pong"
