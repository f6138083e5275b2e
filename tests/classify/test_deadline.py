"""Due times count service hours only, in Europe/Berlin, across weekends and DST."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from replyassist.classify.deadline import due_at
from replyassist.guidelines.schema import ServiceHours

BERLIN = ZoneInfo("Europe/Berlin")
HOURS = ServiceHours(
    timezone="Europe/Berlin",
    hours={d: "08:00-20:00" for d in ("mon", "tue", "wed", "thu", "fri")}
    | {"sat": "10:00-18:00", "sun": "10:00-18:00"},
)


@pytest.mark.parametrize(
    ("received", "minutes", "expected"),
    [
        # inside hours: plain addition
        (datetime(2026, 11, 25, 9, 0), 60, datetime(2026, 11, 25, 10, 0)),
        # crosses closing time: rest counts from next opening
        (datetime(2026, 11, 25, 19, 30), 60, datetime(2026, 11, 26, 8, 30)),
        # received at night: counting starts at opening
        (datetime(2026, 11, 25, 2, 0), 15, datetime(2026, 11, 25, 8, 15)),
        # Friday evening -> Saturday opens at 10
        (datetime(2026, 11, 27, 19, 0), 180, datetime(2026, 11, 28, 12, 0)),
        # Sunday 17:00, 24h target: 1h Sunday + 12h Monday + 11h Tuesday
        (datetime(2026, 11, 29, 17, 0), 1440, datetime(2026, 12, 1, 19, 0)),
        # DST change weekend (29 March 2026): wall-clock hours still count
        (datetime(2026, 3, 28, 17, 30), 60, datetime(2026, 3, 29, 10, 30)),
    ],
)
def test_due_at(received: datetime, minutes: int, expected: datetime) -> None:
    result = due_at(received.replace(tzinfo=BERLIN), minutes, HOURS)
    assert result == expected.replace(tzinfo=BERLIN)
    assert result.tzinfo is not None


def test_utc_input_is_converted() -> None:
    received = datetime(2026, 11, 25, 8, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Berlin
    assert due_at(received, 30, HOURS) == datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN)


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        due_at(datetime(2026, 11, 25, 9, 0), 15, HOURS)
