"""Star levels: 1 to 5 stars by cumulative approved hours, thresholds from settings."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from sqlalchemy import ColumnElement, func, select

from desktop.models import Event, ServiceRecord
from desktop.services.events import local_day_bounds


def level_for_hours(hours: float, thresholds: tuple[float, ...]) -> int:
    """0 below the first threshold, else the number of thresholds reached."""
    return bisect_right(list(thresholds), hours + 1e-9)


def _hour_bounds(level: int, thresholds: tuple[float, ...]) -> tuple[float, float | None]:
    low = 0.0 if level == 0 else thresholds[level - 1]
    high = thresholds[level] if level < len(thresholds) else None
    return low, high


def star_level_condition(volunteer_id_col, level: int, thresholds: tuple[float, ...]) -> ColumnElement:
    """SQL condition: the volunteer is at exactly `level` stars now."""
    low, high = _hour_bounds(level, thresholds)
    totals = (
        select(ServiceRecord.volunteer_id)
        .where(ServiceRecord.review_state == "approved")
        .group_by(ServiceRecord.volunteer_id)
    )
    if level == 0:
        reached = totals.having(func.sum(ServiceRecord.minutes) >= thresholds[0] * 60)
        return volunteer_id_col.not_in(reached)
    cond = totals.having(func.sum(ServiceRecord.minutes) >= low * 60)
    if high is not None:
        cond = cond.having(func.sum(ServiceRecord.minutes) < high * 60)
    return volunteer_id_col.in_(cond)


def reached_in_period(
    s, start: date, end: date, thresholds: tuple[float, ...]
) -> list[tuple[int, int, int]]:
    """(volunteer id, stars before, stars after) for everyone who reached a new level in [start, end].

    Hours count on the local day of their event, so the answer is the same whenever it is asked.
    """
    # The period's local days as UTC instants: an event at 07:00 Beijing time belongs to its own
    # day, not to the UTC date before it, as on the certificates.
    first, last = local_day_bounds(start)[0], local_day_bounds(end)[1]
    rows = s.execute(
        select(
            ServiceRecord.volunteer_id,
            func.sum(ServiceRecord.minutes).filter(Event.start_at < first),
            func.sum(ServiceRecord.minutes).filter(Event.start_at < last),
        )
        .join(Event, Event.id == ServiceRecord.event_id)
        .where(ServiceRecord.review_state == "approved")
        .group_by(ServiceRecord.volunteer_id)
    )
    out = []
    for vid, before, after in rows:
        b = level_for_hours((before or 0) / 60, thresholds)
        a = level_for_hours((after or 0) / 60, thresholds)
        if a > b:
            out.append((vid, b, a))
    return out
