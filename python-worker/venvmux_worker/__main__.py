"""Entry point for ``python -m venvmux_worker``."""

import json
import sys

if sys.version_info < (3, 10):
    import platform

    # Said in the protocol's own words, so the host reports it instead of a bare exit.
    sys.stdout.write(json.dumps({"type": "fatal", "error": {
        "code": "import_error", "type": "RuntimeError", "traceback": None,
        "message": "venvmux_worker needs Python 3.10 or newer; this is Python %s (%s)"
                   % (platform.python_version(), sys.executable)}}) + "\n")
    sys.exit(3)

from venvmux_worker.main import main  # noqa: E402

sys.exit(main())
