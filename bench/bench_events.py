"""Events at district scale: the month view with 1,000 events, switching to the week, conflict checks.

The two view figures use a calendar file of their own: 5,000 events over a year, 1,000 of them
in one month (a district's busiest month), each with enrolments so the view's counts are real.
The conflict check uses the shared district demo file: 200 of its busiest volunteers (those with
the most enrolments, the worst case) are enrolled in one event inside a transaction that is
rolled back, then `conflicts.find_conflicts` is timed on it. Each figure is the median of warm runs.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, insert, select

from bench.context import code_version, remove_database
from bench.registry import Measured, benchmark
from desktop.db import Database, open_database
from desktop.models import SERVICE_CATEGORIES, Enrolment, Event, Volunteer
from desktop.services import conflicts
from desktop.services.permissions import SYSTEM

REPEATS = 7
MONTH = date(2031, 3, 1)  # the busy month; in the future, so every event is still planned
BUSY_MONTH_EVENTS = 1_000
YEAR_EVENTS = 5_000
VOLUNTEERS = 3_000
ENROLLED_PER_EVENT = 15
CONFLICT_ENROLLED = 200
WINDOW = (1360, 860)
TITLES = ("亲子阅读时光", "敬老院探访", "文明交通劝导", "垃圾分类宣传", "党的创新理论宣讲", "科普进社区", "书法公益课", "义诊服务")
PLACES = ("社区活动室", "新时代文明实践站", "幸福院", "社区图书室", "文化礼堂", "南门广场", "卫生服务站", "党群服务中心")


# --- the calendar file ---------------------------------------------------------------------------


def _event_rows(rng: random.Random) -> list[dict]:
    def one(day: date) -> dict:
        start = datetime(day.year, day.month, day.day, rng.choice((8, 9, 9, 10, 14, 14, 15, 19)),
                         rng.choice((0, 0, 30)), tzinfo=timezone(timedelta(hours=8)))
        category = rng.choice(SERVICE_CATEGORIES)
        return {
            "title": rng.choice(TITLES), "category": category, "place": rng.choice(PLACES),
            "start_at": start, "end_at": start + timedelta(minutes=rng.choice((60, 90, 120, 150, 180))),
            "capacity": rng.choice((0, 20, 30)), "status": rng.choice(("published", "published", "draft")),
        }

    month_days = (MONTH.replace(month=MONTH.month + 1) - MONTH).days
    rows = [one(MONTH + timedelta(days=rng.randrange(month_days))) for _ in range(BUSY_MONTH_EVENTS)]
    year_start = MONTH.replace(month=1)
    while len(rows) < YEAR_EVENTS:
        day = year_start + timedelta(days=rng.randrange(365))
        if day.month != MONTH.month:
            rows.append(one(day))
    return rows


def _build_calendar_file(path) -> None:
    rng = random.Random(4)
    remove_database(path)
    db = open_database(path)
    try:
        with db.uow() as s:
            s.execute(insert(Volunteer), [
                {"name": f"志愿者{i}", "registered_on": date(2024, 1, 1), "id_number": f"B{i:08d}", "card_code": None}
                for i in range(VOLUNTEERS)
            ])
            s.execute(insert(Event), _event_rows(rng))
            month_ids = s.scalars(
                select(Event.id).where(Event.start_at >= datetime(2031, 2, 28, tzinfo=timezone.utc),
                                        Event.start_at < datetime(2031, 4, 2, tzinfo=timezone.utc))
            ).all()
            s.execute(insert(Enrolment), [
                {"event_id": eid, "volunteer_id": vid, "status": "enrolled"}
                for eid in month_ids
                for vid in rng.sample(range(1, VOLUNTEERS + 1), ENROLLED_PER_EVENT)
            ])
    finally:
        db.dispose()


def _calendar_db(ctx) -> Database:
    path = ctx.data_dir / f"calendar-{BUSY_MONTH_EVENTS}-{code_version()}.sqlite"
    if not path.exists():
        for stale in ctx.data_dir.glob(f"calendar-{BUSY_MONTH_EVENTS}-*.sqlite"):
            remove_database(stale)
        ctx.data_dir.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.stem + ".part.sqlite")
        _build_calendar_file(part)
        part.replace(path)
    return open_database(path)


# --- the views -----------------------------------------------------------------------------------


def _calendar(ctx):
    """A shown calendar on the busy month, made once per run and shared by the view figures."""
    if "events_calendar" not in ctx.cache:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from desktop.ui.calendar import EventCalendar

        app = QApplication.instance() or QApplication([])
        db = _calendar_db(ctx)
        cal = EventCalendar(db, SYSTEM)
        cal.resize(*WINDOW)
        cal.show()
        app.processEvents()
        ctx.cache["events_calendar"] = (app, db, cal)
    return ctx.cache["events_calendar"]


def _median_ms(action, repeats: int = REPEATS) -> float:
    action()  # warm: the first run reads pages and builds font caches
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@benchmark("events: month view paint, 1,000 events", target=100.0, unit="ms")
def month_paint(ctx) -> Measured:
    app, _db, cal = _calendar(ctx)
    cal.set_mode("month")
    cal.set_date(MONTH + timedelta(days=14))
    in_month = [e for e in cal.entries if e.start.month == MONTH.month]
    paint = _median_ms(lambda: cal.month_view.grab())
    load = _median_ms(lambda: (cal.reload(), cal.month_view.grab()))
    busiest = max(len(cal.month_view.shown_on(d)[0]) + cal.month_view.shown_on(d)[1]
                  for d in {e.start.date() for e in in_month})
    return Measured(paint, f"{len(in_month)} events in the month, up to {busiest} a day; "
                           f"reading them and painting: {load:.1f} ms")


@benchmark("events: week view switch", target=50.0, unit="ms")
def week_switch(ctx) -> Measured:
    app, _db, cal = _calendar(ctx)
    cal.set_date(MONTH + timedelta(days=14))

    def switch() -> None:
        cal.set_mode("month")
        started = time.perf_counter()
        cal.set_mode("week")  # reads the week, lays it out
        cal.week_view.grab()  # and paints it
        times.append(time.perf_counter() - started)

    times: list[float] = []
    switch()
    times.clear()
    for _ in range(REPEATS):
        switch()
    in_week = len(cal.entries)
    cal.set_mode("month")
    return Measured(statistics.median(times) * 1000, f"{in_week} events in the week, from the month to the painted week")


# --- conflicts -----------------------------------------------------------------------------------


@benchmark("events: conflict check, 200 enrolled", target=50.0, unit="ms")
def conflict_check(ctx) -> Measured:
    db = ctx.open()
    try:
        with db.reader() as s:  # a reader rolls back: the enrolments below never reach the file
            busiest = s.scalars(
                select(Enrolment.volunteer_id)
                .where(Enrolment.status == "enrolled")
                .group_by(Enrolment.volunteer_id)
                .order_by(func.count().desc())
                .limit(CONFLICT_ENROLLED)
            ).all()
            # An event in the middle of the file's period, where other events are densest.
            total = s.scalar(select(func.count(Event.id))) or 0
            event_id = s.scalar(select(Event.id).order_by(Event.start_at).offset(total // 2).limit(1))
            present = set(s.scalars(select(Enrolment.volunteer_id).where(Enrolment.event_id == event_id)))
            s.execute(insert(Enrolment), [
                {"event_id": event_id, "volunteer_id": v, "status": "enrolled"} for v in busiest if v not in present
            ])
            s.execute(
                Enrolment.__table__.update()
                .where(Enrolment.event_id == event_id, Enrolment.volunteer_id.in_(busiest))
                .values(status="enrolled")
            )
            enrolled = s.scalar(
                select(func.count()).where(Enrolment.event_id == event_id, Enrolment.status == "enrolled")
            )
            found: list = []
            ms = _median_ms(lambda: found.__setitem__(slice(None), conflicts.find_conflicts(s, [event_id])))
            others = s.scalar(select(func.count(Enrolment.id)).where(Enrolment.volunteer_id.in_(busiest)))
    finally:
        db.dispose()
    return Measured(ms, f"event {event_id}: {enrolled} enrolled, {others} enrolments of theirs in the file, "
                        f"{len(found)} clashes found")
