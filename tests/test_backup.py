"""Backups and restore: online copies, daily and rotated, restore that checks before it replaces."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from desktop import db as dbmod
from desktop.models import AuditEntry, Volunteer
from desktop.services import backup, settings, volunteers
from desktop.services.errors import PermissionDenied
from desktop.services.permissions import Actor
from tests.helpers import add_volunteer


def names(db) -> list[str]:
    with db.reader() as s:
        return list(s.scalars(select(Volunteer.name).order_by(Volunteer.id)))


def names_in(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM volunteers ORDER BY id")]
    finally:
        con.close()


def fingerprint(path: Path) -> str:
    """The database's bytes, write-ahead log included: "untouched" means this is unchanged."""
    h = hashlib.sha256()
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def add(db, *people: str) -> None:
    with db.uow() as s:
        for name in people:
            add_volunteer(s, name)


# --- making backups ----------------------------------------------------------------------


def test_a_manual_backup_is_a_consistent_copy_in_the_backups_folder(db, admin):
    add(db, "张三", "李四")
    path = backup.backup_now(db, admin)
    assert path.parent == db.path.parent / "backups"
    assert path.name.startswith("station-") and path.name.endswith("-manual.sqlite")
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert names_in(path) == ["张三", "李四"]
    assert [(b.path, b.kind) for b in backup.list_backups(db.path)] == [(path, "manual")]
    with db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "backup")).one()
        assert entry.entity == "database" and str(path) in entry.after


def test_a_backup_to_a_chosen_file_and_never_over_the_database(db, admin, tmp_path):
    add(db, "张三")
    out = backup.backup_now(db, admin, tmp_path / "usb" / "station-copy.sqlite")
    assert names_in(out) == ["张三"]
    before = fingerprint(db.path)
    with pytest.raises(backup.BackupFailed):
        backup.backup_now(db, admin, db.path)
    assert fingerprint(db.path) == before


def test_a_backup_is_consistent_while_another_program_writes(db, admin, tmp_path):
    """The online backup copies one committed state, even with a write pending in another connection."""
    add(db, "张三")
    other = sqlite3.connect(db.path, isolation_level=None, timeout=15)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO volunteers (name, name_initials, name_pinyin, gender, id_type, id_tail, phone, phone_tail,"
        " skills, political_status, registered_on, status, consent_extra, notes, created_at, updated_at)"
        " VALUES ('未提交', '', '', '', 'other', '', '', '', '', '', '2024-01-01', 'active', 0, '', "
        "'2024-01-01', '2024-01-01')"
    )
    try:
        path = backup.automatic_backup(db, backup.DAILY)  # writes nothing, so it need not wait
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert names_in(path) == ["张三"]


def test_daily_backup_once_a_day_while_in_use(db):
    first = backup.daily_backup_if_due(db)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backup.daily_backup_if_due(db) is None
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    # Made "tomorrow": the file name carries the time it was made.
    second = backup.automatic_backup(db, backup.DAILY)
    shutil.move(second, second.with_name(second.name.replace(
        second.name.split("-")[1], tomorrow.strftime("%Y%m%d"), 1)))
    assert backup.daily_backup_if_due(db, now=tomorrow) is None
    assert backup.daily_backup_if_due(db, now=tomorrow + timedelta(days=1)) is not None


def _fake(db_path: Path, kind: str, at: datetime) -> Path:
    path = dbmod.backup_name(db_path, kind, at)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_the_newest_of_each_automatic_kind_and_every_manual_one(db_path):
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    daily = [_fake(db_path, "daily", t0 + timedelta(days=i)) for i in range(10)]
    migr = [_fake(db_path, "pre-migrate", t0 + timedelta(days=i, hours=1)) for i in range(4)]
    manual = [_fake(db_path, "manual", t0 + timedelta(days=i, hours=2)) for i in range(6)]
    other_db = _fake(db_path.with_name("other.sqlite"), "daily", t0)
    stale_part = db_path.parent / "backups" / f"{db_path.stem}-20250101-000000-000000-daily.sqlite.part"
    stale_part.write_bytes(b"half")
    import os

    os.utime(stale_part, (0, 0))
    removed = backup.rotate(db_path, 3)
    assert sorted(removed) == sorted(daily[:7] + migr[:1])
    left = {(b.kind, b.path) for b in backup.list_backups(db_path)}
    assert left == {("daily", p) for p in daily[7:]} | {("pre-migrate", p) for p in migr[1:]} | {
        ("manual", p) for p in manual
    }
    assert other_db.exists() and not stale_part.exists()


def test_automatic_backups_follow_the_backups_kept_setting(db, admin):
    with db.uow() as s:
        settings.update(s, admin, backups_kept=2)
    made = [backup.automatic_backup(db, backup.PRE_MIGRATE) for _ in range(4)]
    assert [b.path for b in backup.list_backups(db.path)] == made[:1:-1]


def test_no_space_for_a_backup_is_said_before_writing(db, admin, monkeypatch, tmp_path):
    add(db, "张三")
    real = shutil.disk_usage
    monkeypatch.setattr(
        backup.shutil, "disk_usage", lambda p: real(p)._replace(free=1000)
    )
    with pytest.raises(backup.BackupFailed, match="Not enough free space"):
        backup.backup_now(db, admin, tmp_path / "b.sqlite")
    assert not list(tmp_path.glob("b.sqlite*"))


def test_a_failing_write_leaves_no_half_copy(db, admin, monkeypatch, tmp_path):
    def full(engine, target):
        target.with_suffix(target.suffix + ".part").write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(dbmod, "online_backup", full)
    with pytest.raises(backup.BackupFailed, match="The disk is full"):
        backup.backup_now(db, admin, tmp_path / "b.sqlite")
    assert not list(tmp_path.glob("b.sqlite*"))


# --- restore -----------------------------------------------------------------------------


def test_restore_round_trip_keeps_the_replaced_database(db, admin):
    add(db, "张三", "李四")
    saved = backup.backup_now(db, admin)
    add(db, "王五")
    assert names(db) == ["张三", "李四", "王五"]
    result = backup.restore(db.path, saved, admin)
    # The window's own engine sees the restored data at once (same file, new content).
    assert names(db) == ["张三", "李四"]
    assert result.restored.volunteers == 2 and result.restored.revision == dbmod.head_revision()
    assert result.kept is not None and result.kept.name.endswith("-pre-restore.sqlite")
    assert names_in(result.kept) == ["张三", "李四", "王五"]
    with db.reader() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
        assert str(saved) in entry.after and str(result.kept) in entry.after
    assert {b.kind for b in backup.list_backups(db.path)} == {"manual", "pre-restore"}
    # The kept file restores as well: nothing is ever lost by a restore.
    backup.restore(db.path, result.kept, admin)
    assert names(db) == ["张三", "李四", "王五"]


def test_restore_is_seen_by_another_program_with_the_file_open(db, admin, tmp_path):
    add(db, "张三")
    saved = backup.backup_now(db, admin, tmp_path / "saved.sqlite")
    other = dbmod.open_database(db.path)  # a second window on the same file
    try:
        add(other, "李四")
        assert names(other) == ["张三", "李四"]
        backup.restore(db.path, saved, admin)
        assert names(other) == ["张三"]
        add(other, "赵六")  # and it keeps working afterwards
        assert names(db) == ["张三", "赵六"]
    finally:
        other.dispose()


def test_restore_of_an_older_schema_upgrades_it(db, admin, tmp_path):
    old = tmp_path / "old.sqlite"
    engine = dbmod.make_engine(old)
    with engine.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
        conn.execute(text(
            "INSERT INTO volunteers (name, name_initials, name_pinyin, gender, id_type, id_number, id_tail,"
            " phone, phone_tail, skills, political_status, registered_on, status, consent_extra, notes,"
            " created_at, updated_at) VALUES ('老数据', '', '', '', 'other', 'A1', 'A1', '', '', '', '',"
            " '2020-01-01', 'active', 0, '', '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
        ))
    engine.dispose()
    summary = backup.inspect(old)
    assert summary.revision == "0001" and summary.volunteers == 1 and backup.restore_is_older(summary)
    backup.restore(db.path, old, admin)
    assert names(db) == ["老数据"]
    assert dbmod.current_revision(db.engine) == dbmod.head_revision()


def _newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2 - 4096)
        fh.write(b"\x0d\x00\xff\xff" * 2048)


def _foreign(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "spoil,expected,message",
    [
        (lambda p: p.write_text("这不是数据库，是一份笔记。" * 100, encoding="utf-8"), dbmod.NotADatabase,
         "not a StationDesk database"),
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), dbmod.NotADatabase, "is damaged"),
        (_damage, dbmod.NotADatabase, "is damaged"),
        (_newer, dbmod.SchemaTooNew, "newer StationDesk"),
        (_foreign, dbmod.NotADatabase, "not a StationDesk database"),
    ],
    ids=["text file", "truncated", "damaged", "newer schema", "another program's database"],
)
def test_a_bad_backup_is_refused_before_anything_is_replaced(db, admin, tmp_path, spoil, expected, message):
    with db.uow() as s:
        for i in range(400):  # enough pages that damage in the middle hits the data
            volunteers.add_volunteer(s, volunteers.VolunteerInput(
                f"志愿者{i}", id_type="passport", id_number=f"E{i:08d}", registered_on=date(2024, 1, 1)))
    candidate = backup.backup_now(db, admin, tmp_path / "candidate.sqlite")
    spoil(candidate)
    add(db, "最后一位")
    before = fingerprint(db.path)
    with pytest.raises(expected, match=message):
        backup.restore(db.path, candidate, admin)
    assert fingerprint(db.path) == before
    assert [b.kind for b in backup.list_backups(db.path)] == []  # no pre-restore copy either
    assert not list((db.path.parent / "backups").glob(".*restoring"))
    assert names(db)[-1] == "最后一位"


def test_restore_refuses_the_database_itself_and_missing_files(db, admin, tmp_path):
    add(db, "张三")
    before = fingerprint(db.path)
    with pytest.raises(backup.BackupFailed, match="database in use"):
        backup.restore(db.path, db.path, admin)
    with pytest.raises(dbmod.NotADatabase, match="not a file"):
        backup.restore(db.path, tmp_path / "missing.sqlite", admin)
    assert fingerprint(db.path) == before


def test_restore_repairs_a_damaged_database(db_path, tmp_path):
    admin = Actor(None, "system", "admin")
    db = dbmod.open_database(db_path)
    add(db, "张三")
    saved = backup.backup_now(db, admin, tmp_path / "good.sqlite")
    db.dispose()
    with db_path.open("r+b") as fh:  # the header page destroyed: SQLite cannot read the file at all
        fh.seek(16)
        fh.write(b"\xff" * 4000)
    result = backup.restore(db_path, saved, admin)
    assert result.kept is not None and result.kept.read_bytes()[16:32] == b"\xff" * 16  # kept as it was
    assert names_in(db_path) == ["张三"]
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_restore_needs_the_backup_permission(db, tmp_path):
    saved = backup.backup_now(db, Actor(None, "system", "admin"), tmp_path / "saved.sqlite")
    before = fingerprint(db.path)
    with pytest.raises(PermissionDenied):
        backup.restore(db.path, saved, Actor(7, "李娜", "coordinator"))
    assert fingerprint(db.path) == before


def test_after_open_rotates_migration_copies_and_makes_the_daily_one(db, admin):
    with db.uow() as s:
        settings.update(s, admin, backups_kept=1)
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    old = [_fake(db.path, "pre-migrate", t0 + timedelta(hours=i)) for i in range(3)]
    made = backup.after_open(db)
    assert made is not None and made.name.endswith("-daily.sqlite")
    assert {b.path for b in backup.list_backups(db.path)} == {old[-1], made}


# --- the command line --------------------------------------------------------------------


def test_cli_backup_and_restore(db_path, tmp_path, capsys):
    from desktop import cli

    db = dbmod.open_database(db_path)
    add(db, "张三")
    db.dispose()
    out = tmp_path / "copy.sqlite"
    assert cli.main(["--db", str(db_path), "backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    db = dbmod.open_database(db_path)
    add(db, "李四")
    db.dispose()
    assert cli.main(["--db", str(db_path), "restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Restored 1 volunteers" in said and "pre-restore" in said
    assert names_in(db_path) == ["张三"]
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    assert cli.main(["--db", str(db_path), "restore", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stationdesk: ") and "not a StationDesk database" in err and err.count("\n") == 1
    assert names_in(db_path) == ["张三"]
