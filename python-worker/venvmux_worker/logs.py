"""The worker's log on stderr, set by VENV_MUX_LOG, VENV_MUX_LOG_JSON and VENV_MUX_LOG_FORMAT.

- ``VENV_MUX_LOG``: DEBUG, INFO, WARN/WARNING, ERROR (default WARNING).
- ``VENV_MUX_LOG_JSON=1``: one JSON object per line (time, level, logger, message, exception).
- ``VENV_MUX_LOG_FORMAT``: a ``logging`` format string for text lines.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Mapping

LOGGER_NAME = "venvmux_worker"
DEFAULT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARN": logging.WARNING,
           "WARNING": logging.WARNING, "ERROR": logging.ERROR, "CRITICAL": logging.CRITICAL}
_TRUE = ("1", "true", "yes", "on")


class JsonFormatter(logging.Formatter):
    """One JSON object per record, so a host can parse the log line by line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=repr)


def configure(environ: Mapping[str, str]) -> logging.Logger:
    """Set up the ``venvmux_worker`` logger on the current stderr and return it."""
    logger = logging.getLogger(LOGGER_NAME)
    level_name = environ.get("VENV_MUX_LOG", "").strip().upper()
    logger.setLevel(_LEVELS.get(level_name, logging.WARNING))
    logger.propagate = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_formatter(environ))
    logger.handlers[:] = [handler]
    if level_name and level_name not in _LEVELS:
        logger.warning("VENV_MUX_LOG=%s is not one of %s; using WARNING",
                       level_name, ", ".join(_LEVELS))
    return logger


def _formatter(environ: Mapping[str, str]) -> logging.Formatter:
    if environ.get("VENV_MUX_LOG_JSON", "").strip().lower() in _TRUE:
        return JsonFormatter()
    text_format = environ.get("VENV_MUX_LOG_FORMAT") or DEFAULT_FORMAT
    try:
        return logging.Formatter(text_format, validate=True)
    except (ValueError, TypeError):
        sys.stderr.write("venvmux_worker: VENV_MUX_LOG_FORMAT is not a logging format: %r\n"
                         % text_format)
        return logging.Formatter(DEFAULT_FORMAT)
