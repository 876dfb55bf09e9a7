"""Fails to import: stubgen must say so, with the traceback."""

import does_not_exist_anywhere  # noqa: F401
