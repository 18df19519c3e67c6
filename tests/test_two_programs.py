"""Two programs on one file (two windows, or a window and the check-in console): both keep working,
no "database is locked" reaches anyone, nothing is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop import db as dbmod
from desktop.services import events, volunteers
from desktop.services.permissions import SYSTEM
from tests.test_crash_safety import _old_file, roster

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX process handling in the helper"),
]


def start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-u", "-m", "tests.child_writer", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for(proc: subprocess.Popen, marker: str) -> None:
    for line in proc.stdout:
        if line.split()[0] == marker:
            return
    pytest.fail(f"no {marker}: {proc.stderr.read()[-2000:]}")


def finish(proc: subprocess.Popen) -> list[str]:
    out, err = proc.communicate(timeout=240)
    lines = out.splitlines()
    assert proc.returncode == 0, err[-3000:]
    assert "locked" not in err and "Traceback" not in err, err[-3000:]
    assert not [ln for ln in lines if ln.startswith("ERROR")], [ln for ln in lines if ln.startswith("ERROR")]
    return lines


def slowest(lines: list[str]) -> float:
    return max(float(ln.split()[1]) for ln in lines if ln.startswith("SLOWEST"))


def _setup(db_path: Path, people: int) -> tuple[int, list[int]]:
    db = dbmod.open_database(db_path)
    try:
        with db.uow() as s:
            begin = datetime.now(UTC) - timedelta(minutes=10)
            eid = events.create_event(
                s, SYSTEM, events.EventInput("社区读书会", begin, begin + timedelta(hours=3)), status="published"
            )
            ids = [
                volunteers.add_volunteer(s, volunteers.VolunteerInput(
                    f"志愿者{i}", id_type="passport", id_number=f"P{i:07d}", registered_on=date(2024, 1, 1))).id
                for i in range(people)
            ]
        return eid, ids
    finally:
        db.dispose()


def test_volunteer_edits_and_scans_at_the_same_time(db_path, tmp_path):
    eid, ids = _setup(db_path, 300)
    go = tmp_path / "go"
    editor = start("edits", f"--go={go}", str(db_path), str(ids[0]), str(ids[19]), "10")
    console = start("scans", f"--go={go}", str(db_path), str(eid), str(ids[0]), str(ids[-1]))
    wait_for(editor, "READY")
    wait_for(console, "READY")
    go.touch()
    edits, scans = finish(editor), finish(console)
    assert sum(ln.startswith("DONE") for ln in edits) == 200
    assert sum(ln.startswith("DONE") for ln in scans) == 300
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM scans WHERE accepted AND direction = 'in'").fetchone()[0] == 300
        assert con.execute(
            "SELECT count(*) FROM volunteers WHERE id BETWEEN ? AND ? AND skills = '第9轮'", (ids[0], ids[19])
        ).fetchone()[0] == 20
        assert con.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'update' AND actor_name = '协调员'"
        ).fetchone()[0] == 200
    finally:
        con.close()
    # Each save waited at most for the other's short transaction.
    assert slowest(edits) < 5 and slowest(scans) < 5


def test_scans_wait_for_a_long_import_instead_of_failing(db_path, tmp_path):
    """An import holds the write lock for seconds; the console's scans queue behind it (busy
    timeout, BEGIN IMMEDIATE) and all go through once it commits."""
    eid, ids = _setup(db_path, 40)
    rows = 8000
    importer = start("import", str(db_path), str(roster(tmp_path / "roster.csv", rows)), str(rows))
    wait_for(importer, "MID")  # the import is now inside its write transaction
    console = start("scans", str(db_path), str(eid), str(ids[0]), str(ids[-1]))
    imported, scans = finish(importer), finish(console)
    assert f"COMMITTING {rows}" in imported
    assert sum(ln.startswith("DONE") for ln in scans) == 40
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 40 + rows
        assert con.execute("SELECT count(*) FROM scans WHERE accepted").fetchone()[0] == 40
    finally:
        con.close()
    assert slowest(scans) < dbmod.BUSY_TIMEOUT_MS / 1000


def test_two_programs_opening_an_old_file_at_once_both_start(tmp_path):
    """After an update both windows migrate the same file at the same moment: one upgrades,
    the other waits and finds it done."""
    for attempt in range(3):
        path = tmp_path / f"old{attempt}.sqlite"
        _old_file(path, 1000)
        go = tmp_path / f"go{attempt}"
        first, second = start("open", f"--go={go}", str(path)), start("open", f"--go={go}", str(path))
        wait_for(first, "READY")
        wait_for(second, "READY")
        go.touch()
        for lines in (finish(first), finish(second)):
            assert f"OPENED {dbmod.head_revision()}" in lines
        con = sqlite3.connect(path)
        try:
            assert con.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 1002
        finally:
            con.close()
