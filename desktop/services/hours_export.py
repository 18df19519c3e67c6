"""Service hours and one event's attendance as tables: the hours export and the attendance list.

Read only, apart from the audit entry an export writes; the rules that make the hours are in hours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    Enrolment,
    Event,
    ServiceRecord,
    Volunteer,
    utcnow,
)
from desktop.services import audit
from desktop.services.events import local_day_bounds
from desktop.services.hours import (
    FLAG_WALK_IN,
    compute,
    current_records,
    find_event,
    flag_label,
    split_flags,
    state_label,
    stays,
)
from desktop.services.permissions import Actor, require

# --- exports -----------------------------------------------------------------------------


@dataclass
class HoursFilter:
    date_from: date | None = None
    date_to: date | None = None
    states: tuple[str, ...] = ("approved", "pending")
    event_id: int | None = None
    volunteer_id: int | None = None


HOURS_COLUMNS = (
    ("volunteer", QT_TRANSLATE_NOOP("Hours", "Volunteer")),
    ("code", QT_TRANSLATE_NOOP("Hours", "Card code")),
    ("event", QT_TRANSLATE_NOOP("Hours", "Event")),
    ("date", QT_TRANSLATE_NOOP("Hours", "Date")),
    ("minutes", QT_TRANSLATE_NOOP("Hours", "Minutes")),
    ("hours", QT_TRANSLATE_NOOP("Hours", "Hours")),
    ("state", QT_TRANSLATE_NOOP("Hours", "State")),
    ("flags", QT_TRANSLATE_NOOP("Hours", "Flags")),
)


def hours_headers() -> list[str]:
    return [translate("Hours", label) for _, label in HOURS_COLUMNS]


@dataclass(frozen=True)
class HoursExportRow:
    volunteer: str
    code: str
    event: str
    date: date
    minutes: int
    hours: float
    state: str
    flags: str

    def as_list(self) -> list:
        return [getattr(self, key) for key, _ in HOURS_COLUMNS]


def hours_rows(s: Session, filters: HoursFilter | None = None, batch: int = 2000) -> Iterator[HoursExportRow]:
    """Rows for an hours export, streamed in batches so a district file does not fill memory."""
    f = filters or HoursFilter()
    stmt = (
        select(
            Volunteer.name,
            func.coalesce(Volunteer.card_code, ""),
            Event.title,
            Event.start_at,
            ServiceRecord.minutes,
            ServiceRecord.review_state,
            ServiceRecord.flags,
            ServiceRecord.id,
        )
        .join(Event, Event.id == ServiceRecord.event_id)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
    )
    if f.states:
        stmt = stmt.where(ServiceRecord.review_state.in_(f.states))
    if f.event_id is not None:
        stmt = stmt.where(ServiceRecord.event_id == f.event_id)
    if f.volunteer_id is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id == f.volunteer_id)
    if f.date_from is not None:
        stmt = stmt.where(Event.start_at >= local_day_bounds(f.date_from)[0])
    if f.date_to is not None:
        stmt = stmt.where(Event.start_at < local_day_bounds(f.date_to)[1])
    # Keyset paging on (start, record id): each batch is an indexed range, not a growing OFFSET.
    last: tuple[datetime, int] | None = None
    while True:
        page = stmt
        if last is not None:
            page = page.where(
                or_(Event.start_at > last[0], and_(Event.start_at == last[0], ServiceRecord.id > last[1]))
            )
        rows = s.execute(page.order_by(Event.start_at, ServiceRecord.id).limit(batch)).all()
        for name, code, title, start, minutes, state, flags, _ in rows:
            yield HoursExportRow(
                volunteer=name,
                code=code,
                event=title,
                date=start.astimezone().date(),
                minutes=minutes,
                hours=round(minutes / 60, 2),
                state=state_label(state),
                flags=translate("Common", ", ").join(flag_label(x) for x in split_flags(flags)),
            )
        if len(rows) < batch:
            return
        last = (rows[-1][3], rows[-1][7])


def export_hours(s: Session, actor: Actor, path: Path | str, filters: HoursFilter | None = None) -> int:
    """Write the hours export to .xlsx or .csv; audited. Returns the rows written."""
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    f = filters or HoursFilter()
    count = exporting.write_table(
        path, hours_headers(), (r.as_list() for r in hours_rows(s, f)),
        title=translate("Hours", "Service hours"), widths=[12, 16, 30, 12, 8, 8, 10, 24],
    )
    audit.record(
        s, actor, "export", "service_record", None,
        after={"file": Path(path).name, "rows": count, "from": f.date_from, "to": f.date_to},
    )
    return count


# --- attendance --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    volunteer_id: int
    name: str
    code: str
    sign_in: datetime | None
    sign_out: datetime | None
    hours: float | None
    flags: list[str]


@dataclass(frozen=True)
class Attendance:
    event: dict
    rows: list[AttendanceRow]

    def as_json(self) -> dict:
        def iso(t: datetime | None) -> str | None:
            return t.isoformat() if t is not None else None

        return {
            "event": {k: iso(v) if isinstance(v, datetime) else v for k, v in self.event.items()},
            "rows": [
                {
                    "volunteer_id": r.volunteer_id,
                    "name": r.name,
                    "code": r.code,
                    "sign_in": iso(r.sign_in),
                    "sign_out": iso(r.sign_out),
                    "hours": r.hours,
                    "flags": r.flags,
                }
                for r in self.rows
            ],
        }


ATTENDANCE_COLUMNS = (
    QT_TRANSLATE_NOOP("Hours", "No."),
    QT_TRANSLATE_NOOP("Hours", "Name"),
    QT_TRANSLATE_NOOP("Hours", "Card code"),
    QT_TRANSLATE_NOOP("Hours", "Signed in"),
    QT_TRANSLATE_NOOP("Hours", "Signed out"),
    QT_TRANSLATE_NOOP("Hours", "Hours"),
    QT_TRANSLATE_NOOP("Hours", "Flags"),
)


def export_attendance(s: Session, actor: Actor, event_id: int, path: Path | str) -> int:
    """Write an event's attendance to .xlsx or .csv (times in local time); audited."""
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    sheet = attendance(s, event_id)
    count = exporting.write_table(
        path,
        [translate("Hours", label) for label in ATTENDANCE_COLUMNS],
        (
            [r.volunteer_id, r.name, r.code, r.sign_in, r.sign_out, r.hours,
             translate("Common", ", ").join(flag_label(f) for f in r.flags)]
            for r in sheet.rows
        ),
        title=translate("Hours", "Attendance"),
        widths=[8, 12, 16, 18, 18, 8, 24],
    )
    audit.record(s, actor, "export", "event", event_id, after={"file": Path(path).name, "rows": count})
    return count


def attendance(s: Session, event_id: int, now: datetime | None = None) -> Attendance:
    """Who came to an event: everyone enrolled or scanned in, with times, hours and flags.

    Hours come from the current service record when the event is closed, otherwise from the
    scans by the event's rules (nothing yet for someone still signed in before the end).
    """
    now = now or utcnow()
    event = find_event(s, event_id)
    all_stays = stays(s, event_id)
    records = current_records(s, event_id)
    enrolled = set(
        s.scalars(
            select(Enrolment.volunteer_id).where(
                Enrolment.event_id == event_id, Enrolment.status == "enrolled"
            )
        )
    )
    ids = enrolled | set(all_stays) | set(records)
    people = {
        vid: (name, code or "")
        for vid, name, code in s.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.card_code).where(Volunteer.id.in_(ids))
        )
    } if ids else {}
    rows = []
    for vid in ids:
        stay = all_stays.get(vid)
        rec = records.get(vid)
        flags: list[str] = []
        hours = None
        sign_in = stay.sign_in if stay else None
        sign_out = stay.sign_out if stay else None
        if rec is not None and rec.review_state in ("pending", "approved"):
            hours = round(rec.minutes / 60, 2)
            flags = split_flags(rec.flags)
            sign_in, sign_out = rec.sign_in, rec.sign_out
        elif stay is not None and (stay.sign_out is not None or now >= event.end_at):
            c = compute(event, stay)
            hours, flags, sign_out = round(c.minutes / 60, 2), split_flags(c.flags), c.sign_out
        elif stay is not None and stay.walk_in:
            flags = [FLAG_WALK_IN]
        name, code = people.get(vid, ("", ""))
        rows.append(AttendanceRow(vid, name, code, sign_in, sign_out, hours, flags))
    far = datetime.max.replace(tzinfo=event.start_at.tzinfo)
    rows.sort(key=lambda r: (r.sign_in is None, r.sign_in or far, r.name, r.volunteer_id))
    info = {
        "id": event.id,
        "title": event.title,
        "place": event.place,
        "start": event.start_at,
        "end": event.end_at,
        "status": event.status,
        "rounding": event.rounding,
        "hours_cap": event.hours_cap,
    }
    return Attendance(info, rows)
