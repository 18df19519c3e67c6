"""The station's figures (`stationdesk stats`) at district scale: at most 300 ms for the service call."""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from datetime import date

from bench.registry import Measured, benchmark
from desktop.services import stats

REPEATS = 3


def _service(ctx, start: date | None, end: date | None) -> Measured:
    db = ctx.open()
    try:
        with db.reader() as s:
            stats.figures(s, start, end)  # the first call reads the pages from disk
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            with db.reader() as s:
                figures = stats.figures(s, start, end)
            times.append(time.perf_counter() - started)
    finally:
        db.dispose()
    return Measured(
        statistics.median(times) * 1000,
        f"{figures.events} events, {figures.service_hours:.0f} h, {figures.scans} scans",
    )


@benchmark("stats: service, last calendar year", target=300.0, unit="ms")
def last_year(ctx) -> Measured:
    year = date.today().year - 1
    return _service(ctx, date(year, 1, 1), date(year, 12, 31))


@benchmark("stats: service, all time", target=300.0, unit="ms")
def all_time(ctx) -> Measured:
    return _service(ctx, None, None)


@benchmark("stats: `stationdesk stats --json` process", target=None, unit="s")
def command(ctx) -> Measured:
    """The whole command: Python start, imports, opening the file, the figures, the JSON."""
    argv = [ctx.python, "-m", "desktop", "--db", str(ctx.database()), "stats", "--json"]
    times = []
    for _ in range(1 if ctx.quick else REPEATS):
        started = time.perf_counter()
        done = subprocess.run(
            argv, env=ctx.subprocess_env(), capture_output=True, text=True, timeout=120, check=False
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"stats exited with {done.returncode}: {done.stderr.strip()[-200:]}")
        volunteers = json.loads(done.stdout)["volunteers"]
    return Measured(statistics.median(times), f"{volunteers} volunteers reported")
