"""The volunteer list's search box at 70,000 volunteers: typed text to the first page of rows.

What the list does for one keystroke: count the matches (for the scroll bar) and fetch the first
100 rows, in one read-only session. Each input is timed several times; the figure per input is
its median, warm, as a clerk typing sees it.
"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import func, select

from bench.registry import Measured, benchmark
from desktop.models import Volunteer
from desktop.services.volunteers import VolunteerQuery, count_volunteers, list_volunteers

REPEATS = 5


def _inputs(db) -> dict[str, str]:
    """Typical searches; the code and the ID tail are taken from a real row of the file."""
    with db.reader() as s:
        somebody = (s.scalar(select(func.count(Volunteer.id))) or 0) * 6 // 10
        code, id_number = s.execute(
            select(Volunteer.card_code, Volunteer.id_number)
            .where(Volunteer.id_number.not_like("%X"))  # an all-digit tail, the usual case
            .order_by(Volunteer.id)
            .offset(somebody)
            .limit(1)
        ).one()
    return {
        "surname 王": "王",
        "initials zs": "zs",
        "phone tail 5678": "5678",
        f"code prefix {code[:5]}": code[:5],
        f"ID tail {id_number[-4:]}": id_number[-4:],
    }


def _one(db, text: str) -> tuple[float, int]:
    started = time.perf_counter()
    with db.reader() as s:
        q = VolunteerQuery(search=text)
        total = count_volunteers(s, q)
        rows = list_volunteers(s, q, offset=0, limit=100)
    elapsed = time.perf_counter() - started
    assert len(rows) == min(total, 100), (text, total, len(rows))
    return elapsed, total


def _filter_times(ctx) -> dict[str, tuple[float, int]]:
    if "volunteer_filter" not in ctx.cache:
        db = ctx.open()
        try:
            inputs = _inputs(db)
            for text in inputs.values():
                _one(db, text)  # the first touch reads pages from disk; the clerk's second does not
            figures = {}
            for label, text in inputs.items():
                runs = [_one(db, text) for _ in range(REPEATS)]
                figures[label] = (statistics.median(t for t, _ in runs), runs[0][1])
            ctx.cache["volunteer_filter"] = figures
        finally:
            db.dispose()
    return ctx.cache["volunteer_filter"]


def _details(times: dict[str, tuple[float, int]]) -> str:
    return "; ".join(f"{label}: {t * 1000:.1f} ms ({n} found)" for label, (t, n) in times.items())


@benchmark("volunteers: filter, worst input", target=30.0, unit="ms")
def worst(ctx) -> Measured:
    times = _filter_times(ctx)
    return Measured(max(t for t, _ in times.values()) * 1000, _details(times))


@benchmark("volunteers: filter, median input", target=30.0, unit="ms")
def median(ctx) -> Measured:
    times = _filter_times(ctx)
    return Measured(statistics.median(t for t, _ in times.values()) * 1000)
