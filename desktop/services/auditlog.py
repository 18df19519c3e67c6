"""The audit log, read only: filter, page and export who changed what and when.

Nothing here writes to `audit_log` except the entry that records an export; the database
itself refuses UPDATE and DELETE on the table (migration 0005).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import AuditEntry
from desktop.services import audit
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor, require

ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("AuditLog", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditLog", "Changed"),
    "status": QT_TRANSLATE_NOOP("AuditLog", "Status changed"),
    "reissue_card": QT_TRANSLATE_NOOP("AuditLog", "Card reissued"),
    "reveal": QT_TRANSLATE_NOOP("AuditLog", "Personal data shown"),
    "add_members": QT_TRANSLATE_NOOP("AuditLog", "Members added"),
    "remove_members": QT_TRANSLATE_NOOP("AuditLog", "Members removed"),
    "enrol": QT_TRANSLATE_NOOP("AuditLog", "Enrolled"),
    "withdraw": QT_TRANSLATE_NOOP("AuditLog", "Withdrawn"),
    "walk_in": QT_TRANSLATE_NOOP("AuditLog", "Walk-in enrolled"),
    "manual_scan": QT_TRANSLATE_NOOP("AuditLog", "Signed in by hand"),
    "undo_scan": QT_TRANSLATE_NOOP("AuditLog", "Scan undone"),
    "close": QT_TRANSLATE_NOOP("AuditLog", "Event closed"),
    "update_closing": QT_TRANSLATE_NOOP("AuditLog", "Closing details changed"),
    "close_hours": QT_TRANSLATE_NOOP("AuditLog", "Hours worked out"),
    "approve": QT_TRANSLATE_NOOP("AuditLog", "Hours approved"),
    "reject": QT_TRANSLATE_NOOP("AuditLog", "Hours rejected"),
    "correct": QT_TRANSLATE_NOOP("AuditLog", "Hours corrected"),
    "override_conflicts": QT_TRANSLATE_NOOP("AuditLog", "Clash accepted"),
    "import": QT_TRANSLATE_NOOP("AuditLog", "Imported"),
    "login": QT_TRANSLATE_NOOP("AuditLog", "Logged in"),
    "locked": QT_TRANSLATE_NOOP("AuditLog", "Locked after wrong passwords"),
    "unlock": QT_TRANSLATE_NOOP("AuditLog", "Unlocked"),
    "role": QT_TRANSLATE_NOOP("AuditLog", "Role changed"),
    "enable": QT_TRANSLATE_NOOP("AuditLog", "Account enabled"),
    "disable": QT_TRANSLATE_NOOP("AuditLog", "Account disabled"),
    "rename": QT_TRANSLATE_NOOP("AuditLog", "Renamed"),
    "reset_password": QT_TRANSLATE_NOOP("AuditLog", "Password reset"),
    "change_password": QT_TRANSLATE_NOOP("AuditLog", "Password changed"),
    "backup": QT_TRANSLATE_NOOP("AuditLog", "Backup made"),
    "restore": QT_TRANSLATE_NOOP("AuditLog", "Backup restored"),
    "export": QT_TRANSLATE_NOOP("AuditLog", "Exported"),
    "delete": QT_TRANSLATE_NOOP("AuditLog", "Deleted"),
    "from_template": QT_TRANSLATE_NOOP("AuditLog", "Created from a template"),
    "skip": QT_TRANSLATE_NOOP("AuditLog", "Date skipped"),
    "split": QT_TRANSLATE_NOOP("AuditLog", "Series split"),
    "promote": QT_TRANSLATE_NOOP("AuditLog", "Moved up from the waiting list"),
    "no_show": QT_TRANSLATE_NOOP("AuditLog", "Marked as no-show"),
    "undo_no_show": QT_TRANSLATE_NOOP("AuditLog", "No-show mark removed"),
    "merge": QT_TRANSLATE_NOOP("AuditLog", "Merged"),
    "issue": QT_TRANSLATE_NOOP("AuditLog", "Certificate issued"),
    "reprint": QT_TRANSLATE_NOOP("AuditLog", "Certificate reprinted"),
    "credit": QT_TRANSLATE_NOOP("AuditLog", "Points earned"),
    "award": QT_TRANSLATE_NOOP("AuditLog", "Points awarded"),
    "deduct": QT_TRANSLATE_NOOP("AuditLog", "Points deducted"),
    "reverse": QT_TRANSLATE_NOOP("AuditLog", "Points entry reversed"),
    "redeem": QT_TRANSLATE_NOOP("AuditLog", "Redeemed"),
    "cancel": QT_TRANSLATE_NOOP("AuditLog", "Redemption cancelled"),
    "intake": QT_TRANSLATE_NOOP("AuditLog", "Goods received"),
    "adjust": QT_TRANSLATE_NOOP("AuditLog", "Stock adjusted"),
    "generate": QT_TRANSLATE_NOOP("AuditLog", "Demo data made"),
}
ENTITY_LABELS = {
    "volunteer": QT_TRANSLATE_NOOP("AuditLog", "Volunteer"),
    "team": QT_TRANSLATE_NOOP("AuditLog", "Team"),
    "event": QT_TRANSLATE_NOOP("AuditLog", "Event"),
    "scan": QT_TRANSLATE_NOOP("AuditLog", "Scan"),
    "service_record": QT_TRANSLATE_NOOP("AuditLog", "Service record"),
    "station": QT_TRANSLATE_NOOP("AuditLog", "Station"),
    "settings": QT_TRANSLATE_NOOP("AuditLog", "Settings"),
    "account": QT_TRANSLATE_NOOP("AuditLog", "Staff account"),
    "database": QT_TRANSLATE_NOOP("AuditLog", "Database"),
    "audit_log": QT_TRANSLATE_NOOP("AuditLog", "Audit log"),
    "series": QT_TRANSLATE_NOOP("AuditLog", "Repeating series"),
    "template": QT_TRANSLATE_NOOP("AuditLog", "Event template"),
    "certificate": QT_TRANSLATE_NOOP("AuditLog", "Certificate"),
    "points": QT_TRANSLATE_NOOP("AuditLog", "Points"),
    "redemption": QT_TRANSLATE_NOOP("AuditLog", "Redemption"),
    "shop_item": QT_TRANSLATE_NOOP("AuditLog", "Shop item"),
    "dashboard": QT_TRANSLATE_NOOP("AuditLog", "Overview"),
    "demo": QT_TRANSLATE_NOOP("AuditLog", "Demo data"),
}

EXPORT_PAGE = 5000


class ExportCancelled(ServiceError):
    """The person stopped the export; no file was written."""


def action_label(action: str) -> str:
    return translate("AuditLog", ACTION_LABELS[action]) if action in ACTION_LABELS else action


def entity_label(entity: str) -> str:
    return translate("AuditLog", ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


@dataclass
class AuditQuery:
    """Filters for the log; every one runs in SQL. `text` looks inside the before/after values."""

    start: datetime | None = None
    end: datetime | None = None
    actor_id: int | None = None
    actor_name: str = ""
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    text: str = ""
    newest_first: bool = True


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any]
    after: dict[str, Any]

    def summary(self) -> str:
        """One line: `field: old → new` for each field (values as stored)."""
        keys = list(dict.fromkeys([*self.before, *self.after]))
        parts = []
        for key in keys:
            if key in self.before and key in self.after:
                parts.append(f"{key}: {_show(self.before[key])} → {_show(self.after[key])}")
            elif key in self.after:
                parts.append(f"{key}: {_show(self.after[key])}")
            else:
                parts.append(f"{key}: {_show(self.before[key])} → ∅")
        return "; ".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"value": text}
    return value if isinstance(value, dict) else {"value": value}


def _filtered(q: AuditQuery, stmt: Select) -> Select:
    if q.start is not None:
        stmt = stmt.where(AuditEntry.at >= q.start)
    if q.end is not None:
        stmt = stmt.where(AuditEntry.at < q.end)
    if q.actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == q.actor_id)
    if q.actor_name.strip():
        stmt = stmt.where(AuditEntry.actor_name.contains(q.actor_name.strip()))
    if q.action:
        stmt = stmt.where(AuditEntry.action == q.action)
    if q.entity:
        stmt = stmt.where(AuditEntry.entity == q.entity)
    if q.entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == q.entity_id)
    if q.text.strip():
        text = q.text.strip()
        stmt = stmt.where(or_(AuditEntry.before.contains(text), AuditEntry.after.contains(text)))
    return stmt


def _check(q: AuditQuery) -> None:
    if q.start is not None and q.end is not None and q.end <= q.start:
        raise ValidationError("end", translate("AuditLog", "The end of the period is before its start."))


def count_entries(s: Session, actor: Actor, q: AuditQuery | None = None) -> int:
    require(actor, "audit.view")
    q = q or AuditQuery()
    _check(q)
    return s.scalar(_filtered(q, select(func.count(AuditEntry.id)))) or 0


def list_entries(
    s: Session, actor: Actor, q: AuditQuery | None = None, offset: int = 0, limit: int = 200
) -> list[AuditRow]:
    """One page of the log, newest first by default (ordered on the `at` index)."""
    require(actor, "audit.view")
    q = q or AuditQuery()
    _check(q)
    order = (AuditEntry.at.desc(), AuditEntry.id.desc()) if q.newest_first else (AuditEntry.at, AuditEntry.id)
    stmt = _filtered(q, select(AuditEntry)).order_by(*order).offset(offset).limit(limit)
    return [
        AuditRow(e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id,
                 _load(e.before), _load(e.after))
        for e in s.scalars(stmt)
    ]


def known_values(s: Session, actor: Actor) -> tuple[list[str], list[str]]:
    """The actions and kinds of record present in the log, for the filter lists."""
    require(actor, "audit.view")
    entities = list(s.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)))
    actions = sorted(set(ACTION_LABELS) | set(s.scalars(select(AuditEntry.action).distinct())))
    return actions, entities


def _pages(db: Database, actor: Actor, q: AuditQuery, cancelled: Callable[[], bool] | None) -> Iterator[AuditRow]:
    # Every page from one read-only look: a consistent snapshot, and no write lock held.
    with db.reader() as s:
        offset = 0
        while True:
            if cancelled is not None and cancelled():
                raise ExportCancelled(translate("AuditLog", "The export was stopped; no file was written."))
            page = list_entries(s, actor, q, offset, EXPORT_PAGE)
            yield from page
            if len(page) < EXPORT_PAGE:
                return
            offset += len(page)


def export_header() -> list[str]:
    return [
        translate("AuditLog", "No."),
        translate("AuditLog", "Time"),
        translate("AuditLog", "Staff member"),
        translate("AuditLog", "Action"),
        translate("AuditLog", "Record"),
        translate("AuditLog", "Record No."),
        translate("AuditLog", "Before"),
        translate("AuditLog", "After"),
    ]


def _safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text (names are typed by anyone)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _cells(row: AuditRow) -> list[Any]:
    return [_safe(v) for v in [
        row.id,
        row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        row.actor_name,
        action_label(row.action),
        entity_label(row.entity),
        row.entity_id if row.entity_id is not None else "",
        json.dumps(row.before, ensure_ascii=False, default=str) if row.before else "",
        json.dumps(row.after, ensure_ascii=False, default=str) if row.after else "",
    ]]


def export_entries(
    db: Database,
    actor: Actor,
    q: AuditQuery,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the filtered log to .csv or .xlsx (by suffix), page by page; returns the rows written.

    Reads in one read-only look (the check-in console keeps scanning meanwhile), writes the file
    beside its final name and renames it at the end, then records the export: the log holds
    personal data (ID numbers in before/after values).
    """
    require(actor, "audit.view")
    _check(q)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError("path", translate("AuditLog", "Export to a .csv or .xlsx file."))
    with db.reader() as s:
        total = count_entries(s, actor, q)
    part = path.with_name(path.name + ".part")
    n = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal n
        for row in _pages(db, actor, q, cancelled):
            n += 1
            if progress is not None and n % 500 == 0:
                progress(n, total)
            yield _cells(row)

    try:
        if suffix == ".csv":
            # utf-8-sig: Excel on Chinese Windows opens it with the right characters.
            with part.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(export_header())
                writer.writerows(rows())
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet(translate("AuditLog", "Audit log"))
            sheet.append(export_header())
            for cells in rows():
                sheet.append(cells)
            book.save(part)
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    if progress is not None:
        progress(n, total)
    with db.uow() as s:
        audit.record(s, actor, "export", "audit_log", None, after={"file": path.name, "rows": n})
    return n
