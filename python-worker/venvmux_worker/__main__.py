"""Entry point for ``python -m venvmux_worker``."""

import sys

from venvmux_worker.main import main

sys.exit(main())
