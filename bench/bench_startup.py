"""Cold start to a usable window on the district database, against a bare PySide6 window.

Both run as fresh processes with QT_QPA_PLATFORM=offscreen; StationDesk gets
STATIONDESK_BENCH_QUIT=1, which makes it quit right after its main window is first shown and
painted (desktop/ui/app.py). Runs alternate, so a busy machine slows both alike.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

from bench.registry import Measured, benchmark

BARE = Path(__file__).with_name("bare_window.py")
TIMEOUT = 120


def _timed(ctx, argv: list[str], what: str) -> float:
    env = ctx.subprocess_env() | {"STATIONDESK_BENCH_QUIT": "1"}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(
            f"{what} did not quit within {TIMEOUT} s: STATIONDESK_BENCH_QUIT=1 must make it quit "
            "after the first paint"
        ) from None
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"{what} exited with {done.returncode}: {last}")
    return seconds


def _startup(ctx) -> dict[str, float]:
    if "startup" not in ctx.cache:
        db = ctx.database()
        window = [ctx.python, "-m", "desktop", "--db", str(db)]
        bare = [ctx.python, str(BARE)]
        runs = 1 if ctx.quick else 3
        _timed(ctx, bare, "the bare window")  # warms the disk cache for Qt's libraries
        times: dict[str, list[float]] = {"window": [], "bare": []}
        for _ in range(runs):
            times["window"].append(_timed(ctx, window, "StationDesk"))
            times["bare"].append(_timed(ctx, bare, "the bare window"))
        ctx.cache["startup"] = {k: statistics.median(v) for k, v in times.items()}
    return ctx.cache["startup"]


@benchmark("startup: StationDesk window", target=None, unit="s")
def window(ctx) -> Measured:
    return Measured(_startup(ctx)["window"], "python -m desktop --db <district>, median")


@benchmark("startup: bare PySide6 window", target=None, unit="s")
def bare(ctx) -> Measured:
    return Measured(_startup(ctx)["bare"], "bench/bare_window.py, median")


@benchmark("startup: window minus bare", target=1.0, unit="s")
def difference(ctx) -> Measured:
    t = _startup(ctx)
    return Measured(t["window"] - t["bare"], f"{t['window']:.2f} s - {t['bare']:.2f} s")
