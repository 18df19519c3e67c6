"""A second program for the crash and two-program tests: writes to a database file as the window would.

Run as `python -m tests.child_writer MODE DB [ARGS...]`. It prints markers (one per line, flushed)
so the test knows where it is: MID when it is in the middle of a batch, COMMITTING just before a
commit, COMMITTED after it, DONE <n> after each committed item, ERROR <text> for any failure.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, select, text

from desktop import db as dbmod
from desktop.models import Volunteer
from desktop.services import checkin, importing, volunteers
from desktop.services.permissions import SYSTEM, Actor

OPERATOR = Actor(None, "签到员", "operator")
COORDINATOR = Actor(None, "协调员", "coordinator")


def say(*words: object) -> None:
    print(*words, flush=True)


def import_roster(db_path: str, roster: str, rows: str) -> None:
    """The whole roster in one unit of work; MID once half of it is written but not committed."""
    half = int(rows) // 2
    db = dbmod.open_database(db_path)
    said = False

    def progress(done: int, _total: int | None) -> None:
        nonlocal said
        if done >= half and not said:
            said = True
            say("MID")

    with db.uow() as s:
        # A small page cache makes SQLite spill the uncommitted pages into the write-ahead log,
        # as a district-size import does: a crash then leaves uncommitted frames on the disk.
        s.execute(text("PRAGMA cache_size = 16"))
        report = importing.import_volunteers(s, SYSTEM, roster, progress=progress)
        say("COMMITTING", report.imported)
    say("COMMITTED")


def scan_burst(db_path: str, event_id: str, first: str, last: str) -> None:
    """One scan per volunteer, each in its own unit of work, as the check-in console does."""
    db = dbmod.open_database(db_path)
    ids = range(int(first), int(last) + 1)
    with db.reader() as s:
        cards = dict(s.execute(select(Volunteer.id, Volunteer.card_code).where(Volunteer.id.in_(list(ids)))).all())
    slowest = 0.0
    for n, vid in enumerate(ids, 1):
        started = time.perf_counter()
        try:
            with db.uow() as s:
                outcome = checkin.process_scan(s, OPERATOR, int(event_id), cards[vid])
        except Exception as exc:  # noqa: BLE001 - the test wants to see anything at all
            say("ERROR", type(exc).__name__, str(exc).splitlines()[0])
            continue
        slowest = max(slowest, time.perf_counter() - started)
        if not outcome.accepted:
            say("REFUSED", vid, outcome.reason)
        say("DONE", vid)
        if n == len(ids) // 2:
            say("MID")
    say("SLOWEST", f"{slowest:.3f}")


def redeem_burst(db_path: str, first: str, last: str, basket: str) -> None:
    """Shop redemptions, one basket per volunteer, each in its own unit of work (as the shop page)."""
    from desktop.services import shop

    db = dbmod.open_database(db_path)
    lines = [tuple(int(n) for n in part.split(":")) for part in basket.split(",")]
    ids = range(int(first), int(last) + 1)
    for n, vid in enumerate(ids, 1):
        try:
            with db.uow() as s:
                shop.redeem(s, COORDINATOR, vid, lines)
        except Exception as exc:  # noqa: BLE001
            say("ERROR", type(exc).__name__, str(exc).splitlines()[0])
            continue
        say("DONE", vid)
        if n == len(ids) // 2:
            say("MID")


def edit_volunteers(db_path: str, first: str, last: str, rounds: str) -> None:
    """A coordinator editing volunteers (skills), one save per unit of work."""
    db = dbmod.open_database(db_path)
    ids = list(range(int(first), int(last) + 1))
    slowest = 0.0
    for r in range(int(rounds)):
        for vid in ids:
            started = time.perf_counter()
            try:
                with db.uow() as s:
                    data = volunteers.get_volunteer(s, SYSTEM, vid, reveal=True).data
                    data.skills = f"第{r}轮"
                    volunteers.update_volunteer(s, COORDINATOR, vid, data)
            except Exception as exc:  # noqa: BLE001
                say("ERROR", type(exc).__name__, str(exc).splitlines()[0])
                continue
            slowest = max(slowest, time.perf_counter() - started)
            say("DONE", vid, r)
    say("SLOWEST", f"{slowest:.3f}")


def migrate(db_path: str, pause_after: str) -> None:
    """Upgrade the schema; with pause_after > 0, stop after that many statements (MID) until killed.
    With 0, count the statements the upgrade runs (TOTAL n)."""
    engine = dbmod.make_engine(db_path)
    count = 0

    def small_cache(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA cache_size = 16")

    def after(*_args) -> None:
        nonlocal count
        count += 1
        if count == int(pause_after):
            say("MID", count)
            time.sleep(120)

    event.listen(engine, "connect", small_cache)
    event.listen(engine, "after_cursor_execute", after)
    dbmod.migrate(engine, Path(db_path))
    say("TOTAL", count)
    say("COMMITTED")


def open_and_save(db_path: str) -> None:
    """Start the program on the file (migrating it if it is older), then save one change."""
    try:
        db = dbmod.open_database(db_path)
        with db.uow() as s:
            volunteers.add_volunteer(s, volunteers.VolunteerInput(
                f"启动{time.perf_counter_ns()}", id_type="other", id_number=f"S{time.perf_counter_ns()}",
                registered_on=datetime.now().date()))
    except Exception as exc:  # noqa: BLE001
        say("ERROR", type(exc).__name__, str(exc).splitlines()[0])
        return
    say("OPENED", dbmod.current_revision(db.engine))


def wait_for_go(go_file: str) -> None:
    """Both programs start their work at the same moment."""
    say("READY")
    deadline = time.monotonic() + 60
    while not Path(go_file).exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go")
        time.sleep(0.005)


MODES = {
    "import": import_roster,
    "scans": scan_burst,
    "redemptions": redeem_burst,
    "edits": edit_volunteers,
    "migrate": migrate,
    "open": open_and_save,
}


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if args and args[0].startswith("--go="):
        wait_for_go(args.pop(0)[5:])
    say("START", datetime.now(UTC).isoformat())
    MODES[mode](*args)
    say("EXIT")
