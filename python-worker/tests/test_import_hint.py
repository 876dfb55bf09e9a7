"""A module that does not import: the fatal message says where Python looked and what to check."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import FIXTURES, WORKER_ROOT, worker_env


def fatal_message(start_worker, module: str, env: dict) -> str:
    worker = start_worker(module, env=env, read_hello=False)
    fatal = worker.read()
    assert fatal["type"] == "fatal"
    assert worker.wait() == 3
    return fatal["error"]["message"]


def test_a_misspelt_module_names_the_worker_paths_the_interpreter_and_what_to_check(start_worker):
    message = fatal_message(start_worker, "sampel_mod", worker_env())
    assert message.startswith("No module named 'sampel_mod'. ")
    assert f"Python looked for 'sampel_mod' in workerPaths {FIXTURES} and in " in message
    assert f"the env's interpreter {os.path.normpath(sys.executable)}" in message
    assert "site-packages" in message
    assert "Check the module name 'sampel_mod'" in message
    assert "workerPaths holds the folder containing 'sampel_mod'" in message


def test_a_missing_package_names_its_top_folder(start_worker):
    message = fatal_message(start_worker, "nopkg.entry", worker_env())
    assert "Python looked for 'nopkg'" in message
    assert "Check the module name 'nopkg.entry'" in message
    assert "the folder containing 'nopkg'" in message


def test_without_worker_paths_it_says_none_were_given(start_worker):
    env = worker_env()
    env["PYTHONPATH"] = str(WORKER_ROOT)  # the worker's own folder is never a place to look
    message = fatal_message(start_worker, "sampel_mod", env)
    assert "no workerPaths were given" in message
    assert str(WORKER_ROOT) + "," not in message


def test_a_missing_dependency_says_to_install_it(start_worker):
    message = fatal_message(start_worker, "broken_mod", worker_env())
    assert ("'broken_mod' imports 'not_a_module_that_exists', which is not installed in the env"
            in message)
    assert "Add it to the env's packages, requirements or project" in message
    assert f"the env's interpreter {os.path.normpath(sys.executable)}" in message


def test_a_module_that_raises_keeps_its_own_message(start_worker, tmp_path):
    (tmp_path / "raising_mod.py").write_text("raise ValueError('bad config')\n")
    message = fatal_message(start_worker, "raising_mod", worker_env(extra_paths=(tmp_path,)))
    assert message == "bad config"


def test_describe_gives_the_same_hint():
    done = subprocess.run([sys.executable, "-m", "venvmux_worker.describe", "--module",
                           "sampel_mod"], env=worker_env(), capture_output=True, timeout=60)
    assert done.returncode == 3
    assert "Check the module name 'sampel_mod'" in json.loads(done.stdout)["error"]["message"]
