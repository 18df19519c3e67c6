"""Service events: create, edit, change status, list by period and filters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    EVENT_STATUSES,
    ROUNDING_RULES,
    SERVICE_CATEGORIES,
    Enrolment,
    Event,
    Team,
)
from desktop.services import audit
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.permissions import Actor, require

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("Events", "Draft"),
    "published": QT_TRANSLATE_NOOP("Events", "Published"),
    "ongoing": QT_TRANSLATE_NOOP("Events", "Ongoing"),
    "finished": QT_TRANSLATE_NOOP("Events", "Finished"),
    "cancelled": QT_TRANSLATE_NOOP("Events", "Cancelled"),
}

# Which status may follow which; anything else is refused with a message.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("published", "cancelled"),
    "published": ("ongoing", "cancelled", "draft"),
    "ongoing": ("finished",),
    "finished": (),
    "cancelled": ("draft",),
}


def status_label(status: str) -> str:
    return translate("Events", STATUS_LABELS.get(status, status))


def local_tz():
    return datetime.now().astimezone().tzinfo


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants at which a local calendar day starts and ends."""
    tz = local_tz()
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start.astimezone(timezone.utc), (start + timedelta(days=1)).astimezone(timezone.utc)


@dataclass
class EventInput:
    title: str
    start_at: datetime
    end_at: datetime
    category: str = "other"
    station_id: int | None = None
    team_id: int | None = None
    place: str = ""
    capacity: int = 0
    service_content: str = ""
    beneficiaries: str = ""
    leader_name: str = ""
    recorder_name: str = ""
    description: str = ""
    allow_walk_ins: bool = True
    signin_opens_minutes: int = 60
    duplicate_window_seconds: int = 60
    rounding: str = "quarter_down"
    hours_cap: float = 0.0


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    category: str
    start_at: datetime
    end_at: datetime
    place: str
    team: str
    status: str
    enrolled: int
    capacity: int


def _validate(s: Session, data: EventInput) -> EventInput:
    errors = {}
    out = dataclasses.replace(data, title=" ".join((data.title or "").split()))
    if not out.title:
        errors["title"] = translate("Events", "The event needs a title.")
    if out.start_at is None or out.end_at is None:
        errors["start_at"] = translate("Events", "The event needs a start and an end time.")
    else:
        for name in ("start_at", "end_at"):
            value = getattr(out, name)
            if value.tzinfo is None:
                setattr(out, name, value.replace(tzinfo=local_tz()))
        if out.end_at <= out.start_at:
            errors["end_at"] = translate("Events", "The event must end after it starts.")
        elif out.end_at - out.start_at > timedelta(days=7):
            errors["end_at"] = translate("Events", "An event cannot last more than seven days.")
    if out.category not in SERVICE_CATEGORIES:
        errors["category"] = translate("Events", "Unknown service category: {category}").format(
            category=out.category
        )
    if out.capacity < 0:
        errors["capacity"] = translate("Events", "The capacity cannot be negative.")
    if out.rounding not in ROUNDING_RULES:
        errors["rounding"] = translate("Events", "Unknown rounding rule.")
    if out.hours_cap < 0:
        errors["hours_cap"] = translate("Events", "The hours cap cannot be negative.")
    if out.duplicate_window_seconds < 0 or out.signin_opens_minutes < 0:
        errors["duplicate_window_seconds"] = translate("Events", "Check-in windows cannot be negative.")
    if out.team_id is not None and s.get(Team, out.team_id) is None:
        errors["team_id"] = translate("Events", "No team with number {id}.").format(id=out.team_id)
    if errors:
        raise ValidationError(errors)
    return out


def _get(s: Session, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return event


def _snapshot(e: Event) -> dict:
    return {f.name: getattr(e, f.name) for f in dataclasses.fields(EventInput)} | {"status": e.status}


def create_event(s: Session, actor: Actor, data: EventInput, status: str = "draft") -> int:
    require(actor, "events.edit")
    clean = _validate(s, data)
    if status not in EVENT_STATUSES:
        raise ValidationError("status", translate("Events", "Unknown status."))
    event = Event(**vars(clean), status=status)
    s.add(event)
    s.flush()
    audit.record(s, actor, "create", "event", event.id, after=_snapshot(event))
    return event.id


def update_event(s: Session, actor: Actor, event_id: int, data: EventInput) -> None:
    require(actor, "events.edit")
    event = _get(s, event_id)
    if event.status in ("finished", "cancelled"):
        raise Conflict(translate("Events", "A finished or cancelled event cannot be edited."))
    clean = _validate(s, data)
    before = _snapshot(event)
    for key, value in vars(clean).items():
        setattr(event, key, value)
    old, new = audit.changed(before, _snapshot(event))
    if new:
        audit.record(s, actor, "update", "event", event.id, old, new)


def change_status(s: Session, actor: Actor, event_id: int, status: str) -> None:
    require(actor, "events.edit")
    event = _get(s, event_id)
    if status not in TRANSITIONS.get(event.status, ()):
        raise Conflict(
            translate("Events", "An event that is {old} cannot become {new}.").format(
                old=status_label(event.status), new=status_label(status)
            )
        )
    audit.record(s, actor, "status", "event", event.id, {"status": event.status}, {"status": status})
    event.status = status


def get_event(s: Session, event_id: int) -> tuple[EventInput, str]:
    e = _get(s, event_id)
    return EventInput(**{f.name: getattr(e, f.name) for f in dataclasses.fields(EventInput)}), e.status


@dataclass
class EventQuery:
    start: datetime | None = None
    end: datetime | None = None
    search: str = ""
    station_id: int | None = None
    team_id: int | None = None
    category: str | None = None
    status: str | None = None
    sort: str = "start_at"
    descending: bool = False


def today_query() -> EventQuery:
    start, end = local_day_bounds(date.today())
    return EventQuery(start=start, end=end)


def _filtered(q: EventQuery, stmt):
    if q.start is not None:
        stmt = stmt.where(Event.end_at > q.start)
    if q.end is not None:
        stmt = stmt.where(Event.start_at < q.end)
    if q.search.strip():
        text = q.search.strip()
        stmt = stmt.where(or_(Event.title.contains(text), Event.place.contains(text)))
    if q.station_id:
        stmt = stmt.where(Event.station_id == q.station_id)
    if q.team_id:
        stmt = stmt.where(Event.team_id == q.team_id)
    if q.category:
        stmt = stmt.where(Event.category == q.category)
    if q.status:
        stmt = stmt.where(Event.status == q.status)
    return stmt


def list_events(s: Session, q: EventQuery | None = None, offset: int = 0, limit: int = 1000) -> list[EventRow]:
    q = q or EventQuery()
    # A correlated count runs for the page's rows only, on the (event_id, volunteer_id) index.
    enrolled = (
        select(func.count())
        .where(Enrolment.event_id == Event.id, Enrolment.status == "enrolled")
        .correlate(Event)
        .scalar_subquery()
    )
    stmt = _filtered(
        q,
        select(
            Event.id,
            Event.title,
            Event.category,
            Event.start_at,
            Event.end_at,
            Event.place,
            func.coalesce(Team.name, "").label("team"),
            Event.status,
            enrolled.label("enrolled"),
            Event.capacity,
        ).outerjoin(Team, Team.id == Event.team_id),
    )
    order = {"start_at": Event.start_at, "title": Event.title, "status": Event.status, "id": Event.id}.get(
        q.sort, Event.start_at
    )
    stmt = stmt.order_by(order.desc() if q.descending else order.asc(), Event.id).offset(offset).limit(limit)
    return [EventRow(*r) for r in s.execute(stmt)]


def count_events(s: Session, q: EventQuery | None = None) -> int:
    return s.scalar(_filtered(q or EventQuery(), select(func.count(Event.id)))) or 0
