"""Response deadlines that count service hours only (time zone aware)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from replyassist.guidelines.schema import WEEKDAYS, ServiceHours


def _parse(span: str) -> tuple[time, time | None]:
    start, end = span.split("-")
    sh, sm = map(int, start.split(":"))
    eh, em = map(int, end.split(":"))
    return time(sh, sm), (None if eh == 24 else time(eh, em))  # None = midnight


def due_at(received_at: datetime, minutes: int, hours: ServiceHours) -> datetime:
    """Add ``minutes`` of service time to ``received_at``.

    A message that arrives outside service hours starts counting when the
    service opens. The result is in the guideline set's time zone.
    """
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    tz = ZoneInfo(hours.timezone)
    now = received_at.astimezone(tz)
    remaining = timedelta(minutes=minutes)
    for _ in range(366):  # at most a year ahead; guards against an empty schedule
        span = hours.hours.get(WEEKDAYS[now.weekday()])
        if span:
            open_t, close_t = _parse(span)
            day = now.date()
            opens = datetime.combine(day, open_t, tz)
            closes = (
                datetime.combine(day + timedelta(days=1), time(0), tz)
                if close_t is None
                else datetime.combine(day, close_t, tz)
            )
            start = max(now, opens)
            if start < closes:
                available = closes - start
                if remaining <= available:
                    return start + remaining
                remaining -= available
        now = datetime.combine(now.date() + timedelta(days=1), time(0), tz)
    raise ValueError("service hours never open")


def utcnow() -> datetime:
    return datetime.now(UTC)
