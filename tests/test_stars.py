"""Star levels reached in a period count each event on its local day, as the certificates do."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.models import Event, ServiceRecord
from desktop.services import stars
from tests.helpers import add_volunteer

THRESHOLDS = (100, 300, 600, 1000, 1500)


@pytest.fixture
def beijing(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def served(s, volunteer_id: int, start_utc: datetime, hours: float) -> None:
    event = Event(title="便民服务日", start_at=start_utc, end_at=start_utc + timedelta(hours=hours), status="finished")
    s.add(event)
    s.flush()
    s.add(ServiceRecord(
        event_id=event.id, volunteer_id=volunteer_id, minutes=int(hours * 60), flags="",
        review_state="approved", reason="", created_at=start_utc,
    ))


def test_an_early_morning_event_counts_on_its_own_local_day(db, beijing):
    with db.uow() as s:
        vid = add_volunteer(s, "李明")
        served(s, vid, datetime(2026, 3, 1, 1, 0, tzinfo=UTC), 99)  # long before
        # 07:00 on 1 July in Beijing is still 30 June in UTC.
        served(s, vid, datetime(2026, 6, 30, 23, 0, tzinfo=UTC), 2)
    with db.reader() as s:
        july = stars.reached_in_period(s, date(2026, 7, 1), date(2026, 7, 31), THRESHOLDS)
        june = stars.reached_in_period(s, date(2026, 6, 1), date(2026, 6, 30), THRESHOLDS)
    assert july == [(vid, 0, 1)]
    assert june == []


def test_an_event_late_on_the_last_day_is_inside_the_period(db, beijing):
    with db.uow() as s:
        vid = add_volunteer(s, "王芳")
        served(s, vid, datetime(2026, 3, 1, 1, 0, tzinfo=UTC), 299)
        # 23:00 on 31 July in Beijing is 15:00 UTC the same day; the next day's 01:00 is outside.
        served(s, vid, datetime(2026, 7, 31, 15, 0, tzinfo=UTC), 1)
    with db.reader() as s:
        assert stars.reached_in_period(s, date(2026, 7, 1), date(2026, 7, 31), THRESHOLDS) == [(vid, 1, 2)]
        assert stars.reached_in_period(s, date(2026, 8, 1), date(2026, 8, 31), THRESHOLDS) == []
