"""Points and the overview dashboard at district scale: the dashboard for a year and for all time
at most 300 ms, a volunteer's balance at most 5 ms."""

from __future__ import annotations

import statistics
import time
from datetime import date

from sqlalchemy import func, select

from bench.registry import Measured, benchmark
from desktop.models import PointsEntry
from desktop.services import dashboard, points

REPEATS = 5
BALANCES = 300


def _dashboard(ctx, start: date | None, end: date | None) -> Measured:
    db = ctx.open()
    try:
        with db.reader() as s:
            dashboard.dashboard(s, start, end)  # the first call reads the pages from disk
        times, cpu = [], []
        for _ in range(REPEATS):
            started, used = time.perf_counter(), time.process_time()
            with db.reader() as s:
                d = dashboard.dashboard(s, start, end)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
    finally:
        db.dispose()
    f = d.figures
    # CPU time beside the wall clock: on a busy machine the two part ways.
    return Measured(
        statistics.median(times) * 1000,
        f"CPU {statistics.median(cpu) * 1000:.0f} ms; {f.events} events, {f.service_hours:,.0f} h, "
        f"{f.active_volunteers} served, {f.points_earned:,.0f} points earned, {len(d.hours)} bars",
    )


@benchmark("points: dashboard, last calendar year", target=300.0, unit="ms")
def dashboard_last_year(ctx) -> Measured:
    year = date.today().year - 1
    return _dashboard(ctx, date(year, 1, 1), date(year, 12, 31))


@benchmark("points: dashboard, all time", target=300.0, unit="ms")
def dashboard_all_time(ctx) -> Measured:
    return _dashboard(ctx, None, None)


@benchmark("points: a volunteer's balance", target=5.0, unit="ms")
def balance(ctx) -> Measured:
    """One look-up as the shop counter makes it: a read of its own, the balance, closed."""
    db = ctx.open()
    try:
        with db.reader() as s:
            # The volunteers with the most entries: the slowest balances there are.
            ids = s.scalars(
                select(PointsEntry.volunteer_id)
                .group_by(PointsEntry.volunteer_id)
                .order_by(func.count().desc(), PointsEntry.volunteer_id)
                .limit(BALANCES)
            ).all()
        times = []
        for vid in ids:
            started = time.perf_counter()
            with db.reader() as s:
                points.balance(s, vid)
            times.append(time.perf_counter() - started)
    finally:
        db.dispose()
    if not times:
        return Measured(0.0, "no points entries in the demo database")
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return Measured(
        statistics.median(times) * 1000, f"{len(times)} busiest volunteers, p95 {p95 * 1000:.2f} ms"
    )
