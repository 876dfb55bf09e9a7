"""What to check when the served module does not import: said in the fatal message itself, so
every host shows it without knowing Python's import rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List

# The folder holding the venvmux_worker package: on PYTHONPATH, but never where a user's module is.
_WORKER_ROOT = Path(__file__).resolve().parent.parent


def import_hint(module: str, error: BaseException) -> str:
    """A sentence on where Python looked and what to check, or "" when the traceback says it all
    (the module was found but raised while importing)."""
    if not isinstance(error, ModuleNotFoundError) or not error.name:
        return ""
    missing = error.name
    interpreter = f"the env's interpreter {sys.executable}"
    if _is_module_or_parent(missing, module):
        top = module.split(".")[0]
        folders = worker_paths()
        packages = f"the env's packages ({_listed(site_packages())}; {interpreter})"
        where = (f"workerPaths {', '.join(folders)} and in {packages}" if folders
                 else f"{packages} only: no workerPaths were given")
        return (f"Python looked for '{missing}' in {where}. Check the module name '{module}', "
                f"that workerPaths holds the folder containing '{top}' (its parent folder, not "
                f"the package itself), and the env's packages.")
    return (f"'{module}' imports '{missing}', which is not installed in the env "
            f"({interpreter}, packages in {_listed(site_packages())}). Add it to the env's "
            f"packages, requirements or project, or check its name.")


def _is_module_or_parent(missing: str, module: str) -> bool:
    return module == missing or module.startswith(missing + ".")


def worker_paths() -> List[str]:
    """The PYTHONPATH folders, workerPaths first, without the worker's own folder."""
    entries = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    return [entry for entry in entries if entry and not _is_worker_root(entry)]


def site_packages() -> List[str]:
    return [entry for entry in sys.path
            if os.path.basename(entry) in ("site-packages", "dist-packages")]


def _is_worker_root(entry: str) -> bool:
    try:
        return Path(entry).resolve() == _WORKER_ROOT
    except OSError:
        return False


def _listed(paths: List[str]) -> str:
    return ", ".join(paths) if paths else "no site-packages"
