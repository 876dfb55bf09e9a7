"""ISO-8601 text for datetimes and durations, read the same way on every supported Python.

``datetime.fromisoformat`` of Python 3.10 rejects what Java writes ("Z", nanoseconds, a
"[Zone/Id]" suffix), so the parsing here is our own. Durations follow java.time.Duration:
hours at most (``PT26H``), seconds with a fraction (``PT1H0.5S``), a leading sign when negative.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Optional, Tuple

_MICROS_PER_SECOND = 1_000_000
_MICROS_PER_MINUTE = 60 * _MICROS_PER_SECOND
_MICROS_PER_HOUR = 60 * _MICROS_PER_MINUTE

_OFFSET = r"(?P<tz>[Zz]|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?"
_TIME = r"(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?"
_DATE = r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
_DATETIME_RE = re.compile(_DATE + r"(?:[Tt ]" + _TIME + _OFFSET + r")?(?:\[[^\]]+\])?")
_DATE_RE = re.compile(_DATE)
_TIME_RE = re.compile(_TIME + _OFFSET)

_NUMBER = r"([-+]?\d+(?:[.,]\d+)?)"
_DURATION_RE = re.compile(
    r"(?P<sign>[-+]?)P(?:" + _NUMBER + r"W)?(?:" + _NUMBER + r"D)?"
    r"(?:T(?:" + _NUMBER + r"H)?(?:" + _NUMBER + r"M)?(?:" + _NUMBER + r"S)?)?",
    re.IGNORECASE,
)
_DURATION_UNITS = (7 * 24 * _MICROS_PER_HOUR, 24 * _MICROS_PER_HOUR, _MICROS_PER_HOUR,
                   _MICROS_PER_MINUTE, _MICROS_PER_SECOND)


def format_duration(value: timedelta) -> str:
    """``timedelta(hours=1, seconds=0.5)`` -> ``"PT1H0.5S"``; negative -> ``"-PT1H0.5S"``."""
    micros = (value.days * 86400 + value.seconds) * _MICROS_PER_SECOND + value.microseconds
    if micros == 0:
        return "PT0S"
    sign = "-" if micros < 0 else ""
    hours, rest = divmod(abs(micros), _MICROS_PER_HOUR)
    minutes, rest = divmod(rest, _MICROS_PER_MINUTE)
    seconds, fraction = divmod(rest, _MICROS_PER_SECOND)
    text = sign + "PT"
    if hours:
        text += "%dH" % hours
    if minutes:
        text += "%dM" % minutes
    if seconds or fraction:
        text += "%d" % seconds
        if fraction:
            text += ("." + "%06d" % fraction).rstrip("0")
        text += "S"
    return text


def parse_duration(text: str) -> Optional[timedelta]:
    """An ISO-8601 duration without years or months (Java's ``-PT1M30S`` and ``PT-1M-30S``
    both work), or None when the text is not one."""
    match = _DURATION_RE.fullmatch(text.strip())
    if match is None or not any(match.groups()[1:]):
        return None
    from decimal import Decimal, InvalidOperation  # exact sums; only durations need it

    micros = Decimal(0)
    try:
        for number, unit in zip(match.groups()[1:], _DURATION_UNITS):
            if number:
                micros += Decimal(number.replace(",", ".")) * unit
    except InvalidOperation:
        return None
    if match.group("sign") == "-":
        micros = -micros
    return timedelta(microseconds=int(micros.to_integral_value()))


def parse_datetime(text: str) -> Optional[datetime]:
    """``2024-05-01T10:15:30.123456789Z`` and friends; a bare date means midnight."""
    match = _DATETIME_RE.fullmatch(text.strip())
    if match is None:
        return None
    parts = match.groupdict()
    try:
        if parts["h"] is None:
            return datetime(int(parts["y"]), int(parts["mo"]), int(parts["d"]))
        return datetime(int(parts["y"]), int(parts["mo"]), int(parts["d"]),
                        *_clock(parts), tzinfo=_zone(parts["tz"]))
    except ValueError:
        return None


def parse_date(text: str) -> Optional[date]:
    """``2024-05-01``."""
    match = _DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return None


def parse_time(text: str) -> Optional[time]:
    """``10:15``, ``10:15:30.5``, ``10:15:30+01:00``."""
    match = _TIME_RE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return time(*_clock(match.groupdict()), tzinfo=_zone(match["tz"]))
    except ValueError:
        return None


def _clock(parts: dict) -> Tuple[int, int, int, int]:
    fraction = (parts["f"] or "").ljust(6, "0")[:6]
    return int(parts["h"]), int(parts["mi"]), int(parts["s"] or 0), int(fraction or 0)


def _zone(text: Optional[str]) -> Optional[timezone]:
    if not text:
        return None
    if text in ("Z", "z"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    offset = timedelta(hours=int(digits[0:2]), minutes=int(digits[2:4] or 0),
                       seconds=int(digits[4:6] or 0))
    return timezone(-offset if text[0] == "-" else offset)
