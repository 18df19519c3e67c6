"""The data file: pragmas, units of work, migrations, backups before migrating, refusals."""

import sqlite3

import pytest
from alembic import command
from sqlalchemy import select, text

from desktop import db as dbmod
from desktop.models import Station, Volunteer
from desktop.services import volunteers
from desktop.services.permissions import SYSTEM


def test_pragmas_are_set_on_every_connection(db):
    with db.reader() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == dbmod.BUSY_TIMEOUT_MS


def test_uow_commits_on_success_and_rolls_back_on_error(db):
    with db.uow() as s:
        s.add(Station(name="A", level="station"))
    with pytest.raises(RuntimeError):
        with db.uow() as s:
            s.add(Station(name="B", level="station"))
            s.flush()
            raise RuntimeError("boom")
    with db.reader() as s:
        assert s.scalars(select(Station.name)).all() == ["A"]


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with db.uow() as s:
            s.add(Station(name="orphan", level="station", parent_id=999))


def test_fresh_file_is_at_head(db):
    assert dbmod.current_revision(db.engine) == dbmod.head_revision()


def test_upgrade_from_the_first_schema_keeps_data_and_backs_up(db_path):
    engine = dbmod.make_engine(db_path)
    with engine.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO volunteers (name, name_initials, name_pinyin, gender, id_type, id_number,"
                " id_tail, phone, phone_tail, skills, political_status, registered_on, status,"
                " consent_extra, notes, created_at, updated_at) VALUES ('张三', 'zs', 'zhangsan', 'M',"
                " 'resident_id', '11010519491231002X', '002X', '', '', '', '', '2024-01-01', 'active',"
                " 0, '', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
            )
        )
    engine.dispose()
    db = dbmod.open_database(db_path)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.head_revision()
        with db.reader() as s:
            assert s.scalars(select(Volunteer.name)).all() == ["张三"]
        backups = list((db_path.parent / "backups").glob("*pre-migrate*.sqlite"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        old.close()
    finally:
        db.dispose()


def test_no_backup_when_nothing_to_migrate(db_path):
    dbmod.open_database(db_path).dispose()
    dbmod.open_database(db_path).dispose()
    assert not list((db_path.parent / "backups").glob("*.sqlite"))


def test_newer_schema_is_refused_and_untouched(db_path):
    dbmod.open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(dbmod.SchemaTooNew) as err:
        dbmod.open_database(db_path)
    assert "newer" in str(err.value)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are my notes, not a database\n" * 10)
    with pytest.raises(dbmod.NotADatabase):
        dbmod.open_database(bogus)
    assert bogus.read_text().startswith("these are my notes")


def test_online_backup_is_a_consistent_copy(db, tmp_path):
    with db.uow() as s:
        volunteers.create_volunteer(s, SYSTEM, volunteers.VolunteerInput(name="李四", id_number="11010519491231002X"))
    target = db.backup_to(tmp_path / "copy.sqlite")
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT name FROM volunteers").fetchall() == [("李四",)]
    con.close()


def test_models_match_migrations(db):
    """Every model change comes with a migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop.models import Base

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_head_constant_matches_alembic():
    from desktop.migrations import HEAD

    assert HEAD == dbmod.head_revision()


def test_two_programs_opening_a_new_file_at_once(db_path):
    """Both wait for one migration instead of one failing with 'database is locked'."""
    import concurrent.futures

    def open_close():
        dbmod.open_database(db_path).dispose()
        return True

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        assert all(pool.map(lambda _: open_close(), range(4)))
    engine = dbmod.make_engine(db_path)
    assert dbmod.current_revision(engine) == dbmod.head_revision()
    engine.dispose()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "wechat.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()
    with pytest.raises(dbmod.NotADatabase, match="another program"):
        dbmod.open_database(other)
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["messages"]
    con.close()


def test_a_damaged_file_is_refused_with_a_message(db_path):
    dbmod.open_database(db_path).dispose()
    data = bytearray(db_path.read_bytes())
    for i in range(200, len(data), 97):  # keep the header, scramble the pages
        data[i] ^= 0xFF
    db_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (db_path.parent / (db_path.name + suffix)).unlink(missing_ok=True)
    with pytest.raises(dbmod.DatabaseError):
        dbmod.open_database(db_path)
