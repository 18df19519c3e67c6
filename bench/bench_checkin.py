"""Check-in latency at district size: one scan per unit of work, against a bare SQLite commit.

On a copy of the district database (1,000,000 scans in the log) a new event is opened now, with
enrolled volunteers; half of them sign in, then the same half sign out, each scan in its own
`db.uow()` (BEGIN IMMEDIATE ... COMMIT, fsync included). The same run times a bare sqlite3
INSERT + COMMIT with the same pragmas (WAL, synchronous=FULL) on the same disk, so the ratio says
what the program adds on top of the unavoidable commit.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __name__ == "__main__":  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.registry import Measured, benchmark

SCANS = 2000  # 1,000 volunteers sign in, then the same 1,000 sign out
QUICK_SCANS = 400


@dataclass(frozen=True)
class CheckinFigures:
    scans: int
    median_ms: float
    p95_ms: float
    bare_median_ms: float
    bare_p95_ms: float
    sign_in_median_ms: float
    sign_out_median_ms: float
    work_median_ms: float  # a scan's queries and insert, without its commit
    log_size: int

    @property
    def ratio(self) -> float:
        return self.median_ms / self.bare_median_ms if self.bare_median_ms else float("inf")


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def _copy(source: Path, folder: Path) -> Path:
    """A consistent copy through SQLite's backup API (the source may have a live WAL)."""
    target = folder / "bench-checkin.sqlite"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _open_event(db, people: int) -> tuple[int, list[str]]:
    """A new event open for check-in now, with `people` active volunteers enrolled."""
    from sqlalchemy import select

    from desktop.models import Volunteer
    from desktop.services import enrolment, events
    from desktop.services.permissions import SYSTEM

    now = datetime.now(timezone.utc)
    with db.uow() as s:
        eid = events.create_event(
            s, SYSTEM,
            events.EventInput(title="bench check-in", start_at=now - timedelta(minutes=30),
                              end_at=now + timedelta(hours=3)),
            status="published",
        )
        # Spread over the whole table, so the lookups do not all hit the same index pages.
        total = s.scalar(select(Volunteer.id).order_by(Volunteer.id.desc()).limit(1)) or 0
        step = max(1, total // (people * 2))
        rows = s.execute(
            select(Volunteer.id, Volunteer.card_code)
            .where(Volunteer.status == "active", Volunteer.card_code.is_not(None), Volunteer.id % step == 0)
            .limit(people)
        ).all()
        enrolment.enrol(s, SYSTEM, eid, [r.id for r in rows])
    return eid, [r.card_code for r in rows]


class _BareCommit:
    """INSERT + COMMIT of one scan-sized row with the program's pragmas, nothing else."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute(
            "CREATE TABLE scans (id INTEGER PRIMARY KEY, event_id INTEGER, volunteer_id INTEGER,"
            " scanned_at TEXT, direction TEXT, source TEXT, raw TEXT, accepted INTEGER, reason TEXT)"
        )
        self.n = 0

    def __call__(self) -> float:
        self.n += 1
        t0 = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO scans (event_id, volunteer_id, scanned_at, direction, source, raw, accepted, reason)"
            " VALUES (1, ?, ?, 'in', 'scanner', 'ZYABCDEFGHJKL', 1, '')",
            (self.n, datetime.now(timezone.utc).isoformat()),
        )
        self.conn.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.conn.close()


def measure(district_db: Path, scans: int = SCANS) -> CheckinFigures:
    from sqlalchemy import func, select

    from desktop.db import open_database
    from desktop.models import Scan
    from desktop.services import checkin
    from desktop.services.permissions import SYSTEM

    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-") as tmp:
        folder = Path(tmp)
        db = open_database(_copy(Path(district_db), folder))
        try:
            with db.reader() as s:
                log_size = s.scalar(select(func.count(Scan.id))) or 0
            half = scans // 2
            eid, codes_ = _open_event(db, half)
            start = datetime.now(timezone.utc)
            timings: dict[str, list[float]] = {"in": [], "out": []}
            work: list[float] = []
            # The bare commit runs between scans, so both see the same disk at the same moment
            # (an fsync on a shared or virtual disk varies by the minute).
            bare_commit = _BareCommit(folder / "bare.sqlite")
            bare: list[float] = []
            for direction, at in (("in", start), ("out", start + timedelta(minutes=90))):
                for code in codes_:
                    t0 = time.perf_counter()
                    with db.uow() as s:
                        out = checkin.process_scan(s, SYSTEM, eid, code, now=at)
                        work.append((time.perf_counter() - t0) * 1000)
                    timings[direction].append((time.perf_counter() - t0) * 1000)
                    if out.direction != direction:
                        raise RuntimeError(f"scan of {code} gave {out.reason}: {out.message}")
                    bare.append(bare_commit())
            bare_commit.close()
        finally:
            db.dispose()
    every = timings["in"] + timings["out"]
    return CheckinFigures(
        scans=len(every),
        median_ms=statistics.median(every),
        p95_ms=_p95(every),
        bare_median_ms=statistics.median(bare),
        bare_p95_ms=_p95(bare),
        sign_in_median_ms=statistics.median(timings["in"]),
        sign_out_median_ms=statistics.median(timings["out"]),
        work_median_ms=statistics.median(work),
        log_size=log_size,
    )


def _figures(ctx) -> CheckinFigures:
    """One run serves every figure below, so they describe the same scans."""
    if "checkin" not in ctx.cache:
        ctx.cache["checkin"] = measure(ctx.database(), QUICK_SCANS if ctx.quick else SCANS)
    return ctx.cache["checkin"]


def _note(f: CheckinFigures) -> str:
    return (
        f"{f.scans} scans, {f.log_size:,} in the log; sign-in {f.sign_in_median_ms:.2f} ms, "
        f"sign-out {f.sign_out_median_ms:.2f} ms, before the commit {f.work_median_ms:.2f} ms"
    )


@benchmark("check-in: one scan in its own transaction, median", target=5.0, unit="ms")
def scan_median(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(f.median_ms, _note(f))


@benchmark("check-in: one scan in its own transaction, p95", target=20.0, unit="ms")
def scan_p95(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(f.p95_ms, _note(f))


@benchmark("check-in: scan / bare sqlite3 insert+commit, medians", target=None, unit="x")
def ratio_to_bare_commit(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(
        f.ratio,
        f"bare INSERT+COMMIT (WAL, synchronous=FULL), interleaved with the scans: "
        f"median {f.bare_median_ms:.2f} ms, p95 {f.bare_p95_ms:.2f} ms",
    )


def main() -> None:
    """`python bench/bench_checkin.py [DB [SCANS]]`: this benchmark alone."""
    from bench.context import Context

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Context().database()
    f = measure(path, int(sys.argv[2]) if len(sys.argv) > 2 else SCANS)
    print(
        f"{f.scans} scans, {f.log_size:,} in the log: median {f.median_ms:.2f} ms (target <= 5), "
        f"p95 {f.p95_ms:.2f} ms (target <= 20) (sign-in {f.sign_in_median_ms:.2f}, "
        f"sign-out {f.sign_out_median_ms:.2f}, before the commit {f.work_median_ms:.2f}); "
        f"bare insert+commit median {f.bare_median_ms:.2f} ms, p95 {f.bare_p95_ms:.2f} ms; "
        f"ratio {f.ratio:.1f}x"
    )


if __name__ == "__main__":
    main()
