"""Crash safety: a program killed (SIGKILL) in the middle of an import, a burst of scans or a
migration leaves an intact file where each batch is wholly there or wholly absent. And bad input:
a damaged or foreign file, a full disk, a read-only file get a clear message, the data untouched."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from desktop import db as dbmod
from desktop.idcard import check_character
from desktop.models import AuditEntry, Card, Volunteer
from desktop.services import datafile, events, volunteers
from desktop.services.permissions import SYSTEM

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and rlimits are POSIX"),
]


def child(*args: str, preexec=None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-u", "-m", "tests.child_writer", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec,
    )


def kill_at(proc: subprocess.Popen, marker: str) -> list[str]:
    """Read the child's markers until `marker`, then SIGKILL it at once; returns every line it printed."""
    lines: list[str] = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.split()[0] == marker:
            proc.send_signal(signal.SIGKILL)
            break
    else:
        proc.wait()
        pytest.fail(f"the child ended without {marker}: {lines} {proc.stderr.read()[-2000:]}")
    proc.wait()
    lines += [ln.strip() for ln in proc.stdout.read().splitlines()]
    assert proc.returncode == -signal.SIGKILL
    proc.stdout.close()
    proc.stderr.close()
    return lines


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def resident_id(i: int) -> str:
    born = date.fromordinal(date(1950, 1, 1).toordinal() + i % 15000)
    first17 = f"110105{born:%Y%m%d}{(i // 15000) % 100:02d}{i % 10}"
    return first17 + check_character(first17)


def roster(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("姓名,身份证号,手机号,所属队伍\n")
        for i in range(rows):
            fh.write(f"志愿者{i},{resident_id(i)},139{i:08d},敬老服务队\n")
    return path


# --- an import killed half-way --------------------------------------------------------------

ROWS = 12_000


def _counts(db_path: Path) -> tuple[int, int, int, int]:
    db = dbmod.open_database(db_path)
    try:
        with db.reader() as s:
            return (
                s.scalar(select(func.count(Volunteer.id))),
                s.scalar(select(func.count(Card.id))),
                s.scalar(select(func.count()).select_from(text("team_memberships"))),
                s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "import")),
            )
    finally:
        db.dispose()


def test_an_import_killed_half_way_leaves_nothing_of_it(db_path, tmp_path):
    dbmod.open_database(db_path).dispose()
    proc = child("import", str(db_path), str(roster(tmp_path / "roster.csv", ROWS)), str(ROWS))
    lines = kill_at(proc, "MID")
    assert not any(ln.startswith("COMMITTING") for ln in lines), lines  # truly killed mid-batch
    wal = db_path.with_name(db_path.name + "-wal")
    # The half-import reached the disk as uncommitted frames in the log; recovery must drop them.
    assert wal.exists() and wal.stat().st_size > 1_000_000
    assert integrity(db_path) == "ok"
    assert _counts(db_path) == (0, 0, 0, 0)


def test_an_import_that_committed_is_wholly_there(db_path, tmp_path):
    dbmod.open_database(db_path).dispose()
    proc = child("import", str(db_path), str(roster(tmp_path / "roster.csv", 3000)), "3000")
    lines = kill_at(proc, "COMMITTED")
    assert "COMMITTING 3000" in lines
    assert integrity(db_path) == "ok"
    assert _counts(db_path) == (3000, 3000, 3000, 1)


# --- a burst of scans killed ------------------------------------------------------------------


def _scan_setup(db_path: Path, n: int) -> tuple[int, int, int]:
    """An event open now with walk-ins allowed and `n` volunteers not enrolled: every scan is a
    walk-in, which writes a scan, an enrolment and an audit entry in one unit of work."""
    db = dbmod.open_database(db_path)
    try:
        with db.uow() as s:
            start = datetime.now(UTC) - timedelta(minutes=10)
            eid = events.create_event(
                s, SYSTEM, events.EventInput("文明交通劝导", start, start + timedelta(hours=3)), status="published"
            )
            ids = [
                volunteers.add_volunteer(s, volunteers.VolunteerInput(
                    f"志愿者{i}", id_type="passport", id_number=f"P{i:07d}", registered_on=date(2024, 1, 1))).id
                for i in range(n)
            ]
        return eid, ids[0], ids[-1]
    finally:
        db.dispose()


@pytest.mark.parametrize("marker", ["MID", "DONE"])
def test_a_burst_of_scans_killed_keeps_each_scan_whole(db_path, marker):
    eid, first, last = _scan_setup(db_path, 400)
    lines = kill_at(child("scans", str(db_path), str(eid), str(first), str(last)), marker)
    done = {int(ln.split()[1]) for ln in lines if ln.startswith("DONE")}
    assert not [ln for ln in lines if ln.startswith(("ERROR", "REFUSED"))], lines
    assert integrity(db_path) == "ok"
    con = sqlite3.connect(db_path)
    try:
        scanned = {r[0] for r in con.execute("SELECT volunteer_id FROM scans WHERE accepted")}
        walk_ins = {r[0] for r in con.execute("SELECT volunteer_id FROM enrolments WHERE walk_in")}
        audited = {r[0] for r in con.execute(
            "SELECT json_extract(after, '$.volunteer_id') FROM audit_log WHERE action = 'walk_in'")}
    finally:
        con.close()
    # Each scan is whole: its scan row, its walk-in enrolment and its audit entry, or none of them.
    assert scanned == walk_ins == audited
    # Every scan the console was told about is there; at most the one in flight besides.
    assert done <= scanned and len(scanned - done) <= 1
    assert len(scanned) < 400  # it was killed part-way


# --- a burst of shop redemptions killed ---------------------------------------------------


def _shop_setup(db_path: Path, n: int) -> tuple[list[int], list[int]]:
    """Two items in stock and `n` volunteers with 100 points each."""
    from desktop.services import points, shop

    db = dbmod.open_database(db_path)
    try:
        with db.uow() as s:
            items = [
                shop.create_item(s, SYSTEM, shop.ItemInput("洗衣液", 12.5, "瓶"), opening_stock=1000),
                shop.create_item(s, SYSTEM, shop.ItemInput("大米", 30, "袋"), opening_stock=1000),
            ]
            ids = []
            for i in range(n):
                vid = volunteers.add_volunteer(s, volunteers.VolunteerInput(
                    f"志愿者{i}", id_type="passport", id_number=f"P{i:07d}", registered_on=date(2024, 1, 1))).id
                points.award(s, SYSTEM, vid, 100, "开业奖励")
                ids.append(vid)
        return items, ids
    finally:
        db.dispose()


def test_a_burst_of_redemptions_killed_keeps_goods_and_points_reconciled(db_path):
    """Each redemption writes the redemption, its lines, the stock movements, the points entry
    and the audit entry: after a kill each is whole or absent, and stock matches the movements."""
    items, ids = _shop_setup(db_path, 300)
    basket = f"{items[0]}:2,{items[1]}:1"  # 2 × 12.5 + 30 = 55 points
    lines = kill_at(child("redemptions", str(db_path), str(ids[0]), str(ids[-1]), basket), "MID")
    assert not [ln for ln in lines if ln.startswith("ERROR")], lines
    done = {int(ln.split()[1]) for ln in lines if ln.startswith("DONE")}
    assert integrity(db_path) == "ok"
    con = sqlite3.connect(db_path)
    try:
        redemptions = dict(con.execute("SELECT id, volunteer_id FROM redemptions").fetchall())
        assert 0 < len(redemptions) < 300  # killed part-way
        assert set(redemptions.values()) >= done and len(set(redemptions.values()) - done) <= 1
        for rid in redemptions:
            assert con.execute(
                "SELECT count(*), sum(quantity) FROM redemption_lines WHERE redemption_id = ?", (rid,)
            ).fetchone() == (2, 3)
            assert con.execute(
                "SELECT sum(quantity) FROM stock_movements WHERE redemption_id = ?", (rid,)
            ).fetchone() == (-3,)
            assert con.execute(
                "SELECT amount FROM points_entries WHERE redemption_id = ?", (rid,)
            ).fetchall() == [(-5500,)]
            assert con.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'redeem' AND entity_id = ?", (rid,)
            ).fetchone() == (1,)
        # 账物相符: each item's stock is its movements' sum.
        for item_id, stock in con.execute("SELECT id, stock FROM shop_items"):
            assert stock == con.execute(
                "SELECT sum(quantity) FROM stock_movements WHERE item_id = ?", (item_id,)
            ).fetchone()[0]
        assert con.execute("SELECT count(*) FROM points_entries WHERE redemption_id IS NOT NULL").fetchone()[0] == len(
            redemptions
        )
    finally:
        con.close()


# --- a migration killed ---------------------------------------------------------------------


def _old_file(path: Path, people: int = 2000) -> None:
    engine = dbmod.make_engine(path)
    with engine.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO volunteers (name, name_initials, name_pinyin, gender, id_type, id_number, id_tail,"
                " phone, phone_tail, skills, political_status, registered_on, status, consent_extra, notes,"
                " created_at, updated_at) VALUES (:n, '', '', '', 'passport', :i, '', '', '', '', '', "
                "'2020-01-01', 'active', 0, :notes, '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
            ),
            [{"n": f"老志愿者{i}", "i": f"P{i:07d}", "notes": "备注" * 50} for i in range(people)],
        )
        conn.execute(text(
            "INSERT INTO staff_accounts (username, display_name, role, password_hash, failed_attempts, active,"
            " created_at) VALUES ('wangfang', '王芳', 'admin', 'x', 0, 1, '2020-01-01 00:00:00')"))
    engine.dispose()


def _statements_in_migration(tmp_path: Path) -> int:
    probe = tmp_path / "probe.sqlite"
    _old_file(probe, 10)
    proc = child("migrate", str(probe), "0")
    out, err = proc.communicate(timeout=120)
    totals = [int(ln.split()[1]) for ln in out.splitlines() if ln.startswith("TOTAL")]
    assert proc.returncode == 0 and totals, err
    return totals[0]


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.9])
def test_a_migration_killed_half_way_leaves_the_old_schema_and_data(db_path, tmp_path, fraction):
    total = _statements_in_migration(tmp_path)
    assert total > 10
    _old_file(db_path)
    lines = kill_at(child("migrate", str(db_path), str(max(1, int(total * fraction)))), "MID")
    assert "COMMITTED" not in lines
    assert integrity(db_path) == "ok"
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert con.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2000
        columns = {r[1] for r in con.execute("PRAGMA table_info(staff_accounts)")}
        assert "must_change_password" not in columns
        assert not con.execute("SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'").fetchall()
    finally:
        con.close()
    # The next start simply migrates again, from a fresh backup.
    db = dbmod.open_database(db_path)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.head_revision()
        with db.reader() as s:
            assert s.scalar(select(func.count(Volunteer.id))) == 2000
    finally:
        db.dispose()
    assert integrity(db_path) == "ok"


# --- bad input: a damaged or foreign file, a full disk, a read-only file ------------------


def _cli(*args: str, preexec=None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("STATIONDESK_DB", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        preexec_fn=preexec, timeout=120,
    )


def _fingerprint(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def test_a_damaged_file_given_to_db_gets_a_clear_message_and_stays_as_it_was(db_path):
    db = dbmod.open_database(db_path)
    with db.uow() as s:
        for i in range(50):
            volunteers.add_volunteer(s, volunteers.VolunteerInput(
                f"志愿者{i}", id_type="passport", id_number=f"P{i:07d}", registered_on=date(2024, 1, 1)))
    db.dispose()
    with db_path.open("r+b") as fh:  # the schema page overwritten
        fh.seek(100)
        fh.write(b"\xff" * 3000)
    before = _fingerprint(db_path)
    result = _cli("--db", str(db_path), "list", "volunteers")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("stationdesk: ") and "damaged" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert _fingerprint(db_path) == before


def test_a_text_file_given_to_db_is_refused_untouched(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("不是数据库\n" * 100, encoding="utf-8")
    before = notes.read_bytes()
    result = _cli("--db", str(notes), "stats")
    assert result.returncode == 2 and "is not a StationDesk database file" in result.stderr
    assert notes.read_bytes() == before


def test_a_full_disk_during_a_save_is_explained_and_nothing_is_lost(db, admin):
    """SQLite's own "database or disk is full", produced by capping the file's size in pages."""
    with db.uow() as s:
        volunteers.add_volunteer(s, volunteers.VolunteerInput(
            "张三", id_type="passport", id_number="P0000001", registered_on=date(2024, 1, 1)))

    @event.listens_for(db.engine, "begin")
    def cap(conn):
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")

    with pytest.raises(OperationalError) as err:
        with db.uow() as s:
            for i in range(2000):
                volunteers.add_volunteer(s, volunteers.VolunteerInput(
                    f"志愿者{i}", id_type="passport", id_number=f"Q{i:07d}", registered_on=date(2024, 1, 1),
                    notes="很长的备注" * 40))
    message = datafile.explain(err.value)
    assert message is not None and message.startswith("The disk is full, so nothing was saved.")
    event.remove(db.engine, "begin", cap)
    db.engine.dispose()  # connections with the cap go
    with db.reader() as s:
        assert s.scalars(select(Volunteer.name)).all() == ["张三"]
    assert integrity(db.path) == "ok"


def test_a_file_size_limit_during_a_backup_is_explained_and_leaves_no_half_copy(db_path, tmp_path):
    """A real write failure from the operating system (the file-size limit), in a child process."""
    db = dbmod.open_database(db_path)
    with db.uow() as s:
        for i in range(1500):
            volunteers.add_volunteer(s, volunteers.VolunteerInput(
                f"志愿者{i}", id_type="passport", id_number=f"P{i:07d}", registered_on=date(2024, 1, 1),
                notes="备注" * 100))
    db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = db_path.stat().st_size
    assert size > 400_000
    before = _fingerprint(db_path)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size // 3, size // 3))

    out = tmp_path / "usb" / "copy.sqlite"
    result = _cli("--db", str(db_path), "backup", "--out", str(out), preexec=limit)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "nothing was saved" in result.stderr
    assert not list(out.parent.glob("copy.sqlite*"))
    assert _fingerprint(db_path) == before and integrity(db_path) == "ok"


# Root ignores permission bits; without these capabilities it obeys them like anyone else.
AS_ORDINARY_USER = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--")


@pytest.mark.skipif(
    os.geteuid() == 0 and shutil.which("setpriv") is None, reason="root without setpriv ignores read-only bits"
)
def test_a_read_only_file_opens_for_reading_and_refuses_writes_clearly():
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-ro-"))
    try:
        path = folder / "station.sqlite"
        db = dbmod.open_database(path)
        with db.uow() as s:
            volunteers.add_volunteer(s, volunteers.VolunteerInput(
                "张三", id_type="passport", id_number="P0000001", registered_on=date(2024, 1, 1)))
        db.dispose()
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        for extra in ("-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        path.chmod(0o444)
        folder.chmod(0o555)
        before = _fingerprint(path)
        prefix = AS_ORDINARY_USER if os.geteuid() == 0 else ()
        listed = _cli("--db", str(path), "list", "volunteers", prefix=prefix)
        wrote = _cli("--db", str(path), "backup", prefix=prefix)
        assert _fingerprint(path) == before
        assert "Traceback" not in listed.stderr + wrote.stderr
        if listed.returncode == 0:
            assert "张三" in listed.stdout
        else:
            assert "read-only" in listed.stderr or "cannot be opened" in listed.stderr, listed.stderr
        assert wrote.returncode == 2
        assert wrote.stderr.count("\n") == 1
        assert "read-only" in wrote.stderr or "cannot be opened" in wrote.stderr, wrote.stderr
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
