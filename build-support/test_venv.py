"""Makes the venv the build's tests run with, once per checkout: target/test-venv.

Usage: python3 test_venv.py VENV_DIR REQUIREMENTS_FILE

The venv gets the requirements from the package index (pip, with the usual PIP_* settings). A venv
that is complete for the same requirements is reused as is; anything else (a half-made venv, changed
requirements) is made again. A marker file written last says "complete", so an interrupted run never
leaves a venv that looks finished. A file lock lets two modules of a parallel build ask at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

MARKER = "venvmux-test-venv.txt"


def venv_python(root: Path) -> Path:
    if os.name == "nt":
        return root / "Scripts" / "python.exe"
    return root / "bin" / "python"


@contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+b") as handle:
        if os.name == "nt":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield  # the lock goes with the file handle


def is_complete(root: Path, wanted: str) -> bool:
    marker = root / MARKER
    return (venv_python(root).exists() and marker.exists()
            and marker.read_text(encoding="utf-8") == wanted)


def make(root: Path, requirements: Path, wanted: str) -> None:
    if root.exists():
        shutil.rmtree(root)
    print(f"[test-venv] making {root} with {requirements.name}", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    subprocess.run([str(venv_python(root)), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(requirements)], check=True)
    (root / MARKER).write_text(wanted, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, requirements = Path(argv[1]).resolve(), Path(argv[2]).resolve()
    # The requirements and the interpreter that made the venv: a change to either makes it anew.
    wanted = f"python {sys.version.split()[0]} {sys.base_prefix}\n" + requirements.read_text(
        encoding="utf-8")
    with locked(root.parent / (root.name + ".lock")):
        if not is_complete(root, wanted):
            make(root, requirements, wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
