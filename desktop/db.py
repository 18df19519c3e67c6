"""The database file: engine and pragmas, units of work, backups and migrations at start-up.

Everything SQLite-specific lives here, so the rest of the code also runs on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from desktop.config import backups_dir_for
from desktop.i18n import translate
from desktop.migrations import HEAD

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Long enough for the biggest single write (a 70,000-row import holds the lock ~16 s):
# a scan at the console waits rather than fails.
BUSY_TIMEOUT_MS = 60_000
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A problem with the data file the user can act on (wrong file, newer schema, read-only)."""


class SchemaTooNew(DatabaseError):
    pass


class NotADatabase(DatabaseError):
    pass


def _set_pragmas(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is switched off so that we emit BEGIN ourselves:
    # writers take the lock up front (BEGIN IMMEDIATE) and wait on busy_timeout instead of
    # failing half-way with "database is locked" when two programs share one file.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    try:
        cur.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # read-only media cannot switch mode; the file stays usable for reading
    cur.execute("PRAGMA synchronous = FULL")
    # 64 MB of page cache: district-sized files (300+ MB) are read by set-based queries.
    cur.execute("PRAGMA cache_size = -65536")
    cur.close()


def _begin(conn) -> None:
    if conn.get_execution_options().get("stationdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str) -> Engine:
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def check_is_database(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before anything touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotADatabase(translate("Database", "{path} is a folder, not a database file.").format(path=path))
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise NotADatabase(
            translate("Database", "{path} is not a StationDesk database file.").format(path=path)
        )


# Alembic is imported only when needed: it costs a fifth of a second at every start-up.


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    return _script().get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def online_backup(engine: Engine, target: Path) -> Path:
    """A consistent copy of the live database via SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(tmp)
        try:
            raw.driver_connection.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
    tmp.replace(target)
    return target


def backup_name(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%d-%H%M%S-%f")
    return backups_dir_for(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"


def _stored_revision(conn) -> str | None:
    """The schema revision written in the file, read with plain SQL (no Alembic import)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _refuse_unknown(script, current: str | None) -> None:
    if current is None:
        return
    try:
        script.get_revision(current)
    except Exception:  # alembic raises several kinds for an unknown revision
        raise SchemaTooNew(
            translate(
                "Database",
                "This database was written by a newer StationDesk (schema {rev}). "
                "Install the newer program to open it.",
            ).format(rev=current)
        ) from None


def migrate(engine: Engine, db_path: Path | None) -> Path | None:
    """Bring the schema to head, copying the file first. Returns the backup made, if any.

    The usual start-up (file already at head) costs one small query; Alembic is loaded only
    when there is something to do. The upgrade runs under BEGIN IMMEDIATE, so a second program
    opening the same file at the same moment waits, then finds the work done.
    """
    with engine.connect() as conn:
        if _stored_revision(conn) == HEAD:
            return None
    from alembic import command

    script = _script()
    with engine.execution_options(stationdesk_write=True).begin() as conn:
        current = _stored_revision(conn)
        if current is None and inspect(conn).get_table_names():
            # Another program's SQLite file: never add our tables to it.
            raise NotADatabase(
                translate("Database", "{path} belongs to another program, not StationDesk.").format(
                    path=db_path or ":memory:"
                )
            )
        _refuse_unknown(script, current)
        if current == script.get_current_head():
            return None
        backup = None
        if db_path is not None and current is not None:
            backup = online_backup(engine, backup_name(db_path, "pre-migrate"))
        command.upgrade(_alembic_config(conn), "head")
    return backup


@dataclass
class Database:
    """An open data file. Pass it around explicitly; there is no global session."""

    path: Path | None
    engine: Engine

    def __post_init__(self) -> None:
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=self.engine.execution_options(stationdesk_write=True), expire_on_commit=False
        )

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One user action that writes: committed on success, rolled back on any exception."""
        with self._writer() as session:
            with session.begin():
                yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only look: no write lock is taken, nothing is committed."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    def backup_to(self, target: Path) -> Path:
        return online_backup(self.engine, target)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) and migrate the data file; raises DatabaseError for the user."""
    if str(path) == ":memory:":
        db = Database(None, make_engine(":memory:"))
    else:
        path = Path(path)
        check_is_database(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path, make_engine(path))
    try:
        if upgrade:
            migrate(db.engine, db.path)
    except (sqlite3.DatabaseError, sa_exc.DatabaseError) as exc:
        db.dispose()
        if isinstance(getattr(exc, "orig", exc), sqlite3.OperationalError):
            raise  # read-only, full disk, busy: services.datafile words these for the user
        raise NotADatabase(
            translate("Database", "{path} is damaged or is not a StationDesk database file.").format(path=path)
        ) from exc
    except Exception:
        db.dispose()
        raise
    return db

