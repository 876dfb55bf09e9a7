"""Fails to import while the file named by VMX_BREAK_FILE exists; counts its import attempts."""

import os

_counter = os.environ.get("VMX_IMPORT_COUNTER")
if _counter:
    with open(_counter, "a") as f:
        f.write("import\n")

if os.path.exists(os.environ.get("VMX_BREAK_FILE", "/nonexistent")):
    raise RuntimeError("vmx_flaky is broken on purpose")


def ping() -> str:
    return "pong"
