"""The audit log, read only: filter, page, say in words and export who changed what and when.

Nothing here writes to `audit_log` except the entry that records an export; the database
itself refuses UPDATE and DELETE on the table (migration 0005).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.idcard import mask_id, mask_phone
from desktop.models import AuditEntry
from desktop.services import (
    audit,
    certificates,
    checkin,
    conflicts,
    enrolment,
    events,
    hours,
    shop,
    stations,
    teams,
    volunteers,
)
from desktop.services.audit_labels import (
    ACTION_LABELS,
    ENTITY_FIELD_LABELS,
    ENTITY_LABELS,
    FIELD_LABELS,
)
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, require

# Lists of volunteer numbers: a few are listed, more are counted.
VOLUNTEER_LISTS = frozenset({"volunteer_ids", "enrolled", "waitlisted", "promoted"})
LISTED_AT_MOST = 5
# Per-volunteer changes (a roster import's updates) listed one by one in the detail, at most.
DETAIL_RECORDS = 100
# The two exports of the points page, named as the page names them.
POINTS_LISTS = {
    "balances": QT_TRANSLATE_NOOP("Points", "Points balances"),
    "history": QT_TRANSLATE_NOOP("Points", "Points entries"),
}
SYSTEM_LABEL = QT_TRANSLATE_NOOP("AuditLog", "System")
EMPTY = "—"

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
        """One line in words: "Phone: 139****0001 → 139****0002; Skills: — → 书法"."""
        return translate("Common", "; ").join(change_text(*r) for r in describe(self, expand=False))

    def actor_text(self) -> str:
        return actor_label(self.actor_id, self.actor_name)


def field_label(key: str, entity: str = "") -> str:
    """What a stored key is called on screen; an unknown key is shown as it is."""
    text = ENTITY_FIELD_LABELS.get((entity, key)) or FIELD_LABELS.get(key)
    return translate("AuditLog", text) if text else key


def is_system(actor_id: int | None, actor_name: str) -> bool:
    """The command line's and the demo's actor (permissions.SYSTEM), which has no account."""
    return actor_id is None and actor_name == SYSTEM.name


def actor_label(actor_id: int | None, actor_name: str) -> str:
    """The staff member's name as stored, or "System" for the program's own actor."""
    return translate("AuditLog", SYSTEM_LABEL) if is_system(actor_id, actor_name) else actor_name


def yes_no(flag: bool) -> str:
    return translate("AuditLog", "Yes") if flag else translate("AuditLog", "No")


Labeller = Callable[[Any], str | None]


def _table(context: str, table: Mapping[Any, str]) -> Labeller:
    def label(value: Any) -> str | None:
        # bool is an int: True must not read as quality grade 1.
        if isinstance(value, bool) or not isinstance(value, str | int) or value not in table:
            return None
        return translate(context, table[value])

    return label


def _outcome(value: Any) -> str | None:
    if value == "deleted":
        return action_label("delete")
    if value == "cancelled":
        return events.status_label("cancelled")
    return None


_VOLUNTEER_STATUS = _table("Volunteers", volunteers.STATUS_LABELS)
_EVENT_STATUS = _table("Events", events.STATUS_LABELS)
_ENROLMENT_STATUS = _table("Enrolment", enrolment.STATUS_LABELS)
_CERTIFICATE_KIND = _table("Certificates", certificates.KIND_LABELS)
_CONFLICT_KIND = _table("Conflicts", conflicts.KIND_LABELS)
_CODES_BY_KEY: dict[str, Labeller] = {
    "gender": _table("Volunteers", volunteers.GENDER_LABELS),
    "id_type": _table("Volunteers", volunteers.ID_TYPE_LABELS),
    "role": _table("Permissions", ROLE_LABELS),
    "category": _table("Categories", teams.CATEGORY_LABELS),
    "level": _table("Stations", stations.LEVEL_LABELS),
    "station_level": _table("Stations", stations.LEVEL_LABELS),
    "rounding": _table("Hours", hours.ROUNDING_LABELS),
    "review_state": _table("Hours", hours.STATE_LABELS),
    "quality_rating": _table("Events", events.QUALITY_LABELS),
    "limit_period": _table("Shop", shop.PERIOD_LABELS),
    "direction": _table("Checkin", checkin.DIRECTION_LABELS),
    "list": _table("Points", POINTS_LISTS),
    "outcome": _outcome,
}


def code_labeller(action: str, entity: str, key: str) -> Labeller | None:
    """The label table for a key that holds one of the program's codes (status, gender, role...)."""
    if key == "status":
        if entity == "volunteer":
            return _VOLUNTEER_STATUS
        # A walk-in's status is its enrolment's; every other event status is the event's own.
        return _ENROLMENT_STATUS if action == "walk_in" else _EVENT_STATUS
    if key == "kind":
        return _CONFLICT_KIND if action == "override_conflicts" else _CERTIFICATE_KIND
    return _CODES_BY_KEY.get(key)


# Timestamps arrive as text: the services' datetimes pass through JSON with str().
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$")
_TIME = re.compile(r"^(\d{2}:\d{2}):\d{2}(\.\d+)?$")


def _local_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # stored times are UTC
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _masked(key: str, text: str) -> str:
    if "*" in text:
        return text  # masked already (a form that kept the stored value shows it masked)
    return mask_id(text) if key == "id_number" else mask_phone(text)


def _parsed(key: str, value: Any) -> Any:
    """A template keeps its event fields as JSON text: read it so its fields get labels too."""
    if key == "fields" and isinstance(value, str) and value.startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _by_record(value: Any) -> bool:
    """Changes keyed by record number, e.g. an import's {"12": {"phone": ...}, ...}."""
    return isinstance(value, dict) and bool(value) and all(str(k).isdigit() for k in value)


def _count(entity: str, n: int) -> str:
    if entity == "volunteer":
        return translate("AuditLog", "{n} volunteer(s)").format(n=n)
    return translate("AuditLog", "{n} record(s)").format(n=n)


def _list_text(action: str, entity: str, key: str, values: list[Any]) -> str:
    if not values:
        return EMPTY
    sep = translate("Common", ", ")
    if key in VOLUNTEER_LISTS:
        if len(values) > LISTED_AT_MOST:
            return translate("AuditLog", "{n} volunteers").format(n=len(values))
        return translate("AuditLog", "No. {ids}").format(ids=sep.join(str(v) for v in values))
    if key == "conflicts":
        if len(values) > LISTED_AT_MOST:
            return translate("AuditLog", "{n} clashes").format(n=len(values))
        return translate("Common", "; ").join(format_value(action, entity, key, v) for v in values)
    if key == "teams_created" and len(values) > LISTED_AT_MOST:
        return translate("AuditLog", "{n} teams").format(n=len(values))
    return sep.join(format_value(action, entity, key, v) for v in values)


def _dict_text(action: str, entity: str, key: str, value: dict[str, Any]) -> str:
    if _by_record(value):
        return _count(entity, len(value))
    pairs = [
        (_child_label(entity, key, k), format_value(action, entity, str(k), v))
        for k, v in value.items()
        if v is not None and v != ""
    ]
    colon = translate("Common", ": ")
    # Pairs are set apart more strongly than the items of a list (、 in Chinese would run them together).
    return translate("Common", "; ").join(f"{label}{colon}{text}" for label, text in pairs)


def _child_label(entity: str, parent: str, key: Any) -> str:
    key = str(key)
    if parent == "category_weights":
        return teams.category_label(key)
    if key.isdigit():
        if entity == "volunteer":
            return translate("AuditLog", "Volunteer No. {id}").format(id=key)
        return translate("AuditLog", "No. {id}").format(id=key)
    return field_label(key, entity)


def format_value(action: str, entity: str, key: str, value: Any) -> str:
    """One stored value as a clerk reads it: codes as their labels, yes/no, local times,
    ID numbers and phones masked as the lists show them, long lists of numbers counted."""
    value = _parsed(key, value)
    labeller = code_labeller(action, entity, key)
    if labeller is not None:
        text = labeller(value)  # first: an empty code may have a label ("" = no limit)
        if text is not None:
            return text
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return _list_text(action, entity, key, value)
    if isinstance(value, dict):
        return _dict_text(action, entity, key, value)
    if isinstance(value, int | float):
        return _number(value)
    text = str(value)
    if key in ("id_number", "phone"):
        return _masked(key, text)
    if _DATETIME.match(text):
        return _local_time(text)
    time_only = _TIME.match(text)
    if time_only:
        return time_only.group(1)
    return text


_ABSENT = object()


def _blank(value: Any) -> bool:
    return value is _ABSENT or value is None or value == "" or value == [] or value == {}


_ORDER = {key: n for n, key in enumerate(FIELD_LABELS)}


def _ordered(keys: list[Any]) -> list[Any]:
    """The table's order (name first, ID, gender...), not the stored alphabetical one; record
    numbers by number; anything else after, as it came."""
    unique = list(dict.fromkeys(keys))
    if unique and all(str(k).isdigit() for k in unique):
        return sorted(unique, key=lambda k: int(k))
    return sorted(unique, key=lambda k: _ORDER.get(k, len(_ORDER)))


def _describe(
    action: str,
    entity: str,
    label: str,
    key: str,
    before: Any,
    after: Any,
    rows: list[tuple[str, str, str]],
    expand: bool,
) -> None:
    before, after = _parsed(key, before), _parsed(key, after)
    sides = [v for v in (before, after) if v is not _ABSENT and v is not None]
    nested = bool(sides) and all(isinstance(v, dict) for v in sides)
    by_record = nested and any(_by_record(v) for v in sides)
    if by_record and not expand:
        # Counted on one side: the old values belong to the same volunteers as the new ones.
        counted = after if isinstance(after, dict) else before
        rows.append((label, "", format_value(action, entity, key, counted)))
        return
    if nested:
        old = before if isinstance(before, dict) else {}
        new = after if isinstance(after, dict) else {}
        both = isinstance(before, dict) and isinstance(after, dict)
        # Where both sides hold the whole dict (a template's fields), only what differs is listed.
        keys = [k for k in _ordered([*old, *new]) if not (both and old.get(k, _ABSENT) == new.get(k, _ABSENT))]
        rest = 0
        if by_record:
            rest, keys = len(keys) - DETAIL_RECORDS, keys[:DETAIL_RECORDS]
        for child in keys:
            part = _child_label(entity, key, child)
            sub = translate("AuditLog", "{field} › {part}").format(field=label, part=part)
            _describe(
                action, entity, sub, str(child), old.get(child, _ABSENT), new.get(child, _ABSENT), rows, expand
            )
        if rest > 0:
            rows.append((label, "", translate("AuditLog", "{n} more, not listed here").format(n=rest)))
        return
    if (before is _ABSENT and _blank(after)) or (after is _ABSENT and _blank(before)):
        return  # nothing on either side: a blank field of a new record says nothing
    rows.append((
        label,
        "" if before is _ABSENT else format_value(action, entity, key, before),
        "" if after is _ABSENT else format_value(action, entity, key, after),
    ))


def describe(row: AuditRow, *, expand: bool = True) -> list[tuple[str, str, str]]:
    """(label, before, after) for each field of an entry, in words; "" where a side has no value.

    A roster import's per-volunteer changes are listed field by field (up to DETAIL_RECORDS
    volunteers) unless `expand` is false, when they are counted.
    """
    rows: list[tuple[str, str, str]] = []
    for key in _ordered([*row.before, *row.after]):
        _describe(
            row.action, row.entity, field_label(key, row.entity), key,
            row.before.get(key, _ABSENT), row.after.get(key, _ABSENT), rows, expand,
        )
    return rows


def change_text(label: str, before: str, after: str) -> str:
    """"Phone: 139****0001 → 139****0002", or "Phone: 139****0001" for a value on one side only."""
    colon = translate("Common", ": ")
    if before and after:
        return f"{label}{colon}{before} → {after}"
    if before:
        return f"{label}{colon}{before} → {EMPTY}"
    return f"{label}{colon}{after}"


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
        name = q.actor_name.strip()
        match = AuditEntry.actor_name.contains(name)
        if name.casefold() in translate("AuditLog", SYSTEM_LABEL).casefold():
            # The program's own entries are shown as "System" (系统): typing that finds them too.
            match = or_(match, and_(AuditEntry.actor_id.is_(None), AuditEntry.actor_name == SYSTEM.name))
        stmt = stmt.where(match)
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
        translate("AuditLog", "What changed"),
        # The stored values, unmasked and complete, for an auditor: the column before says it in words.
        translate("AuditLog", "Before (as stored)"),
        translate("AuditLog", "After (as stored)"),
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
        row.actor_text(),
        action_label(row.action),
        entity_label(row.entity),
        row.entity_id if row.entity_id is not None else "",
        "\n".join(change_text(*r) for r in describe(row)),
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
