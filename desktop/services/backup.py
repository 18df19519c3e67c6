"""Backups of the data file: daily while in use, before migrations and restores, by hand; and restore.

Every copy is made with SQLite's online backup (consistent while other windows keep writing) and
lands in the `backups` folder beside the database, named `<file>-<UTC time>-<kind>.sqlite`.
Automatic copies are rotated per kind (the newest `backups_kept` stay); manual ones are never
deleted by the program. A restore checks the chosen file completely before anything is replaced,
keeps the replaced database as a `pre-restore` copy, and writes the chosen file into the live
database with the backup API, so other windows see either the old or the new data, never a mix.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from desktop import db as dbmod
from desktop.config import backups_dir_for
from desktop.db import Database, NotADatabase, SchemaTooNew
from desktop.i18n import translate
from desktop.models import StaffAccount
from desktop.services import audit, datafile, settings
from desktop.services.errors import ServiceError
from desktop.services.permissions import Actor, require

DAILY = "daily"
PRE_MIGRATE = "pre-migrate"
PRE_RESTORE = "pre-restore"
MANUAL = "manual"
AUTOMATIC_KINDS = (DAILY, PRE_MIGRATE, PRE_RESTORE)

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<kind>[a-z-]+)\.sqlite$")
# A copy needs the file's size on the disk, plus room for SQLite's own journal while writing.
_SPACE_MARGIN = 1.1


class BackupFailed(ServiceError):
    """A backup or restore could not be written (full disk, read-only folder...); nothing changed."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    made_at: datetime  # UTC
    size: int


@dataclass(frozen=True)
class BackupSummary:
    """What a backup file holds, shown before a restore is confirmed."""

    path: Path
    revision: str
    volunteers: int
    events: int
    last_change: datetime | None  # UTC; the newest audit entry


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupSummary
    kept: Path | None  # the replaced database, as it was


# --- the backups folder ------------------------------------------------------------------


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups, newest first (other files in the folder are ignored)."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        m = _NAME.match(path.name)
        if not m or m["stem"] != db_path.stem:
            continue
        made = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, m["kind"], made, size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep` of each kind; returns what was deleted."""
    keep = max(1, int(keep))
    removed: list[Path] = []
    by_kind: dict[str, int] = {}
    for b in list_backups(db_path):
        if b.kind not in AUTOMATIC_KINDS:
            continue
        by_kind[b.kind] = by_kind.get(b.kind, 0) + 1
        if by_kind[b.kind] > keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass  # a copy someone has open stays until the next rotation
    # Half-written copies left by a backup that was interrupted (program killed, disk full);
    # young ones may be another window's backup in progress.
    cutoff = time.time() - 3600
    for part in [*backups_dir_for(db_path).glob(f"{db_path.stem}-*.part"),
                 *backups_dir_for(db_path).glob(f".{db_path.stem}-*.restoring")]:
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass
    return removed


def _database_size(path: Path) -> int:
    total = 0
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


def _check_space(source: Path, target_dir: Path) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    need = int(_database_size(source) * _SPACE_MARGIN)
    free = shutil.disk_usage(target_dir).free
    if free < need:
        raise BackupFailed(
            translate(
                "Backup",
                "Not enough free space for a backup in {folder}: {need} MB needed, {free} MB free. "
                "Nothing was changed.",
            ).format(folder=target_dir, need=round(need / 1e6, 1), free=round(free / 1e6, 1))
        )


def _failed(exc: BaseException) -> BackupFailed:
    return BackupFailed(
        datafile.explain(exc)
        or translate("Backup", "The backup could not be written: {error}").format(error=exc)
    )


def _copy(db: Database, target: Path) -> Path:
    """The online backup into `target`, leaving nothing half-written behind on failure."""
    assert db.path is not None
    _check_space(db.path, target.parent)
    try:
        return dbmod.online_backup(db.engine, target)
    except (OSError, sqlite3.Error) as exc:
        target.with_suffix(target.suffix + ".part").unlink(missing_ok=True)
        raise _failed(exc) from exc
    except Exception as exc:  # SQLAlchemy's wrapper around the driver's error
        if datafile.explain(exc) is None:
            raise
        target.with_suffix(target.suffix + ".part").unlink(missing_ok=True)
        raise _failed(exc) from exc


def _kept(db: Database) -> int:
    with db.reader() as s:
        return settings.load(s).backups_kept


# --- making backups ----------------------------------------------------------------------


def backup_now(db: Database, actor: Actor, target: Path | None = None) -> Path:
    """A manual backup (administrators): into the backups folder, or to a file the user chose."""
    require(actor, "backup")
    if db.path is None:
        raise BackupFailed(translate("Backup", "A database in memory has no file to back up."))
    target = Path(target) if target else dbmod.backup_name(db.path, MANUAL)
    if target.resolve() == db.path.resolve():
        raise BackupFailed(translate("Backup", "A backup cannot overwrite the database itself."))
    path = _copy(db, target)
    with db.uow() as s:
        audit.record(s, actor, "backup", "database", None, after={"file": str(path)})
    return path


def automatic_backup(db: Database, kind: str) -> Path:
    """An automatic copy of one kind, then rotation of that kind; no person asked for it."""
    assert kind in AUTOMATIC_KINDS and db.path is not None
    path = _copy(db, dbmod.backup_name(db.path, kind))
    rotate(db.path, _kept(db))
    return path


def daily_backup_if_due(db: Database, now: datetime | None = None) -> Path | None:
    """Called at start-up and every hour while the program runs: one `daily` copy per local day."""
    if db.path is None:
        return None
    today = (now or datetime.now(UTC)).astimezone().date()
    if any(b.kind == DAILY and b.made_at.astimezone().date() == today for b in list_backups(db.path)):
        return None
    return automatic_backup(db, DAILY)


def after_open(db: Database) -> Path | None:
    """What start-up does once the file is open and migrated: rotate (migrations add copies),
    then today's daily copy if there is none yet."""
    if db.path is None:
        return None
    rotate(db.path, _kept(db))
    return daily_backup_if_due(db)


def last_backup(db_path: Path) -> BackupFile | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


# --- checking a file before a restore ----------------------------------------------------


def _not_stationdesk(path: Path) -> NotADatabase:
    return NotADatabase(
        translate("Backup", "{path} is not a StationDesk database or backup.").format(path=path)
    )


def _damaged(path: Path) -> NotADatabase:
    return NotADatabase(
        translate(
            "Backup", "{path} is damaged (its integrity check failed); choose another backup."
        ).format(path=path)
    )


def _revision_is_known(revision: str) -> bool:
    """Known to this program's migrations: the same or older, so it can be opened and upgraded."""
    script = ScriptDirectory.from_config(dbmod._alembic_config())
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision
        return False


def inspect(path: Path) -> BackupSummary:
    """Check a file completely without changing it: SQLite, intact, a StationDesk schema this
    program knows (not newer). Raises NotADatabase or SchemaTooNew with a message for the user."""
    path = Path(path)
    if not path.is_file():
        raise NotADatabase(translate("Backup", "{path} is not a file.").format(path=path))
    with path.open("rb") as fh:
        if fh.read(16) != dbmod.SQLITE_MAGIC:
            raise _not_stationdesk(path)
    # immutable=1: read the file as it is, create no -wal/-shm beside it, work on read-only media.
    uri = "file:" + path.resolve().as_posix().replace("?", "%3f").replace("#", "%23") + "?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _not_stationdesk(path) from exc
    try:
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            fk_problems = con.execute("PRAGMA foreign_key_check").fetchmany(1)
        except sqlite3.DatabaseError as exc:
            raise _damaged(path) from exc
        if result != ["ok"] or fk_problems:
            raise _damaged(path)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            volunteers = con.execute("SELECT count(*) FROM volunteers").fetchone()[0]
            events = con.execute("SELECT count(*) FROM events").fetchone()[0]
            last = con.execute("SELECT max(at) FROM audit_log").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _not_stationdesk(path) from exc
    finally:
        con.close()
    if not revision:
        raise _not_stationdesk(path)
    if not _revision_is_known(revision[0]):
        raise SchemaTooNew(
            translate(
                "Backup",
                "{path} was written by a newer StationDesk (schema {rev}); install the newer "
                "program to restore it.",
            ).format(path=path, rev=revision[0])
        )
    last_change = datetime.fromisoformat(last).replace(tzinfo=UTC) if last else None
    return BackupSummary(path, revision[0], volunteers, events, last_change)


# --- restore -----------------------------------------------------------------------------


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _keep_current(db_path: Path, folder: Path) -> Path | None:
    """Copy the database about to be replaced; a damaged one is copied file by file."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    target = dbmod.backup_name(db_path, PRE_RESTORE)
    part = target.with_suffix(".sqlite.part")
    try:
        src = sqlite3.connect(db_path, timeout=dbmod.BUSY_TIMEOUT_MS / 1000)
        try:
            src.execute("PRAGMA schema_version").fetchone()  # fails early on a file SQLite cannot read
            dest = sqlite3.connect(part)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        part.replace(target)
    except sqlite3.DatabaseError:
        part.unlink(missing_ok=True)
        shutil.copy2(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def _write_into(db_path: Path, staged: Path) -> None:
    """Replace the live database's content with the staged file's, in one write transaction."""
    try:
        dest = sqlite3.connect(db_path, timeout=dbmod.BUSY_TIMEOUT_MS / 1000)
        try:
            dest.execute(f"PRAGMA busy_timeout = {dbmod.BUSY_TIMEOUT_MS}")
            dest.execute("PRAGMA schema_version").fetchone()
            src = sqlite3.connect(staged)
            try:
                src.backup(dest)
            finally:
                src.close()
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise
        # The live file is beyond SQLite's reach (damaged): swap the files instead. Its stale
        # write-ahead log must go with it, or SQLite would replay it over the restored data.
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(staged, db_path)


def _is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


def restore(db_path: Path, candidate: Path, actor: Actor) -> RestoreResult:
    """Replace the database at `db_path` with a backup, after checking the backup completely.

    Order: copy the chosen file beside the database and check that copy (integrity, known and not
    newer schema); keep the current database as a `pre-restore` copy; write the checked copy into
    the live file; migrate it if it is older; record the restore in the audit log. A failure in
    any step before the write leaves the database exactly as it was.
    """
    require(actor, "backup")
    db_path = Path(db_path)
    candidate = Path(candidate)
    if candidate.exists() and db_path.exists() and candidate.resolve() == db_path.resolve():
        raise BackupFailed(translate("Backup", "This is the database in use; choose a backup file."))
    inspect(candidate)  # refuse early, before copying a large wrong file
    folder = backups_dir_for(db_path)
    staged = folder / f".{db_path.stem}-{_stamp()}.restoring"
    kept: Path | None = None
    try:
        _check_space(candidate, folder)
        _check_space(db_path, folder)
        try:
            shutil.copyfile(candidate, staged)
        except OSError as exc:
            raise _failed(exc) from exc
        summary = inspect(staged)
        try:
            kept = _keep_current(db_path, folder)
            _write_into(db_path, staged)
        except (OSError, sqlite3.Error) as exc:
            raise _failed(exc) from exc
    finally:
        staged.unlink(missing_ok=True)
    database = dbmod.open_database(db_path)
    try:
        with database.uow() as s:
            known = actor.id is not None and s.get(StaffAccount, actor.id) is not None
            who = actor if known else Actor(None, actor.name, actor.role)
            audit.record(
                s, who, "restore", "database", None,
                after={"from": str(candidate), "kept": str(kept) if kept else ""},
            )
        rotate(db_path, _kept(database))
    finally:
        database.dispose()
    return RestoreResult(BackupSummary(candidate, summary.revision, summary.volunteers,
                                       summary.events, summary.last_change), kept)


def restore_is_older(summary: BackupSummary) -> bool:
    """True when the backup's schema is older than this program's (it will be upgraded)."""
    return summary.revision != dbmod.head_revision()
