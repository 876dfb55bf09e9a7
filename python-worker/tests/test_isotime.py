"""ISO-8601 text as Java writes and reads it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from venvmux_worker.isotime import (format_duration, parse_date, parse_datetime,
                                    parse_duration, parse_time)


@pytest.mark.parametrize("duration, text", [
    (timedelta(0), "PT0S"),
    (timedelta(hours=1, seconds=0.5), "PT1H0.5S"),
    (timedelta(days=2, minutes=3), "PT48H3M"),
    (timedelta(microseconds=1), "PT0.000001S"),
    (timedelta(seconds=-90), "-PT1M30S"),
    (-timedelta(hours=1, seconds=0.5), "-PT1H0.5S"),
    (timedelta(minutes=5), "PT5M"),
])
def test_durations_format_like_java_and_read_back(duration, text):
    assert format_duration(duration) == text
    assert parse_duration(text) == duration


@pytest.mark.parametrize("text, duration", [
    ("PT-1M-30S", timedelta(seconds=-90)),       # java.time.Duration#toString of -90 s
    ("P1DT2H", timedelta(days=1, hours=2)),
    ("P1W", timedelta(weeks=1)),
    ("pt0.000000001s", timedelta(0)),
    ("PT1,5S", timedelta(seconds=1.5)),
])
def test_durations_read_other_iso_spellings(text, duration):
    assert parse_duration(text) == duration


@pytest.mark.parametrize("text", ["", "P", "PT", "P1Y", "P1M", "1H", "PTxS", "PT1H2"])
def test_not_durations(text):
    assert parse_duration(text) is None


UTC = timezone.utc


@pytest.mark.parametrize("text, value", [
    ("2024-05-01T10:15:30Z", datetime(2024, 5, 1, 10, 15, 30, tzinfo=UTC)),
    ("2024-05-01T10:15:30.123456789Z", datetime(2024, 5, 1, 10, 15, 30, 123456, tzinfo=UTC)),
    ("2024-05-01T10:15+01:00", datetime(2024, 5, 1, 10, 15,
                                        tzinfo=timezone(timedelta(hours=1)))),
    ("2024-05-01T10:15:30-0230", datetime(2024, 5, 1, 10, 15, 30,
                                          tzinfo=timezone(-timedelta(hours=2, minutes=30)))),
    ("2024-05-01T10:15:30+02:00[Europe/Paris]",
     datetime(2024, 5, 1, 10, 15, 30, tzinfo=timezone(timedelta(hours=2)))),
    ("2024-05-01 10:15:30", datetime(2024, 5, 1, 10, 15, 30)),
    ("2024-05-01", datetime(2024, 5, 1)),
])
def test_datetimes(text, value):
    assert parse_datetime(text) == value
    assert parse_datetime(text).tzinfo == value.tzinfo


@pytest.mark.parametrize("text", ["2024-13-01T00:00", "2024-05-01T25:00", "tomorrow",
                                  "2024-05-01T10", "20240501"])
def test_not_datetimes(text):
    assert parse_datetime(text) is None


def test_dates_and_times():
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date("2023-02-29") is None
    assert parse_date("2024-02-29T00:00") is None
    assert parse_time("10:15") == time(10, 15)
    assert parse_time("10:15:30.5Z") == time(10, 15, 30, 500000, tzinfo=UTC)
    assert parse_time("25:00") is None
