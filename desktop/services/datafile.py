"""Problems with the data file told in words: a full disk, a read-only file, a damaged file, a busy one."""

from __future__ import annotations

import errno
import sqlite3

from desktop.i18n import translate

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _driver_error(exc: BaseException) -> BaseException:
    """SQLAlchemy wraps the driver's error; the driver's own message is the one to read."""
    return getattr(exc, "orig", None) or exc


def explain(exc: BaseException) -> str | None:
    """A message for the user if `exc` is a storage problem they can act on, else None (a bug)."""
    err = _driver_error(exc)
    text = str(err).lower()
    if isinstance(err, OSError) and err.errno in _FULL_ERRNOS or "disk is full" in text:
        return translate(
            "DataFile",
            "The disk is full, so nothing was saved. Free some space on the disk (or choose "
            "another place) and try again; the data already saved is untouched.",
        )
    if isinstance(err, OSError) and err.errno in _READ_ONLY_ERRNOS or "readonly" in text or "read-only" in text:
        return translate(
            "DataFile",
            "The database file (or its folder) is read-only, so StationDesk cannot work with it; "
            "nothing was changed. Copy it to a folder you may write to, or remove the write "
            "protection, and open it again.",
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return translate(
            "DataFile",
            "The database file is damaged. Restore the latest backup (Backups in the File menu, "
            "or `stationdesk restore FILE`).",
        )
    if "database is locked" in text or "database table is locked" in text:
        return translate(
            "DataFile",
            "Another StationDesk window kept the database busy for too long; nothing was saved. "
            "Try again in a moment.",
        )
    if "unable to open database" in text:
        return translate(
            "DataFile",
            "The database file cannot be opened: check that its folder exists and that you may write to it.",
        )
    if isinstance(err, sqlite3.DatabaseError | OSError) and "disk i/o error" in text:
        return translate(
            "DataFile",
            "The disk reported an error while saving, so nothing was saved. Check the disk or "
            "USB drive and try again.",
        )
    return None
