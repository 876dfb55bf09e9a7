"""Log configuration from VENV_MUX_LOG*."""

from __future__ import annotations

import json
import logging

import pytest

from venvmux_worker import logs


@pytest.fixture
def stderr_log(capsys):
    """logs.configure(environ), writing to the stderr that capsys captures."""
    yield lambda **environ: logs.configure(environ)
    logging.getLogger(logs.LOGGER_NAME).handlers[:] = []


@pytest.mark.parametrize("value, level", [("", logging.WARNING), ("DEBUG", logging.DEBUG),
                                          ("info", logging.INFO), ("WARN", logging.WARNING),
                                          ("ERROR", logging.ERROR)])
def test_levels(stderr_log, value, level):
    assert stderr_log(VENV_MUX_LOG=value).level == level


def test_unknown_level_warns_and_uses_warning(stderr_log, capsys):
    assert stderr_log(VENV_MUX_LOG="LOUD").level == logging.WARNING
    assert "VENV_MUX_LOG=LOUD" in capsys.readouterr().err


def test_json_lines(stderr_log, capsys):
    logger = stderr_log(VENV_MUX_LOG="INFO", VENV_MUX_LOG_JSON="1")
    logger.info("hello %s", "there")
    try:
        raise ValueError("bad")
    except ValueError:
        logger.exception("failed")
    lines = capsys.readouterr().err.splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "hello there" and first["level"] == "INFO"
    assert first["logger"] == "venvmux_worker"
    assert "ValueError: bad" in second["exception"]


def test_custom_format(stderr_log, capsys):
    stderr_log(VENV_MUX_LOG_FORMAT="[%(levelname)s] %(message)s").warning("careful")
    assert capsys.readouterr().err == "[WARNING] careful\n"


def test_broken_format_falls_back(stderr_log, capsys):
    stderr_log(VENV_MUX_LOG_FORMAT="%(nope").warning("still logged")
    assert "still logged" in capsys.readouterr().err
