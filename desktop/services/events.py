"""Service events: create, edit (with conflict checks), move, change status, close, list."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    EVENT_STATUSES,
    ROUNDING_RULES,
    SERVICE_CATEGORIES,
    Enrolment,
    Event,
    SeriesException,
    Team,
    utcnow,
)
from desktop.services import audit, conflicts, enrolment
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.permissions import Actor, require

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("Events", "Draft"),
    "published": QT_TRANSLATE_NOOP("Events", "Published"),
    "ongoing": QT_TRANSLATE_NOOP("Events", "Ongoing"),
    "finished": QT_TRANSLATE_NOOP("Events", "Finished"),
    "cancelled": QT_TRANSLATE_NOOP("Events", "Cancelled"),
}

# A status filter that is no single status: every event that is planned or held (the overview's
# count of events leaves out the cancelled ones, and so does the list it opens).
NOT_CANCELLED = "not_cancelled"

# Which status may follow which; anything else is refused with a message. A published event
# may be closed straight away once it has started: nobody has to remember to press "ongoing".
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("published", "cancelled"),
    "published": ("ongoing", "finished", "cancelled", "draft"),
    "ongoing": ("finished",),
    "finished": (),
    "cancelled": ("draft",),
}

# The usual four grades of a service record's quality evaluation (优秀/良好/合格/不合格).
QUALITY_LABELS = {
    4: QT_TRANSLATE_NOOP("Events", "Excellent"),
    3: QT_TRANSLATE_NOOP("Events", "Good"),
    2: QT_TRANSLATE_NOOP("Events", "Satisfactory"),
    1: QT_TRANSLATE_NOOP("Events", "Unsatisfactory"),
}
SUMMARY_MAX = 2000


def status_label(status: str) -> str:
    return translate("Events", STATUS_LABELS.get(status, status))


def quality_label(rating: int | None) -> str:
    return translate("Events", QUALITY_LABELS[rating]) if rating in QUALITY_LABELS else ""


def allowed_statuses(status: str) -> tuple[str, ...]:
    """The statuses an event in `status` may change to (the editor offers only these)."""
    return TRANSITIONS.get(status, ())


def local_tz():
    return datetime.now().astimezone().tzinfo


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants at which a local calendar day starts and ends."""
    tz = local_tz()
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


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
    series_id: int | None = None


def _validate(s: Session, data: EventInput) -> EventInput:
    errors = {}
    out = dataclasses.replace(
        data,
        title=" ".join((data.title or "").split()),
        # Places and leaders are compared when looking for double bookings: one spelling each.
        place=" ".join((data.place or "").split()),
        leader_name=" ".join((data.leader_name or "").split()),
        recorder_name=" ".join((data.recorder_name or "").split()),
    )
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
        elif out.end_at - out.start_at > conflicts.MAX_EVENT_LENGTH:
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
    if event.series_id is not None and ("start_at" in new or "end_at" in new):
        _note_moved(s, event)
    if "capacity" in new:
        enrolment.fill_from_waiting_list(s, actor, event.id)


def _note_moved(s: Session, event: Event) -> None:
    """An occurrence moved on its own is an exception, so regenerating the series keeps it."""
    if event.occurrence_date is None:
        return
    known = s.scalar(
        select(SeriesException).where(
            SeriesException.series_id == event.series_id,
            SeriesException.occurrence_date == event.occurrence_date,
        )
    )
    if known is None:
        s.add(SeriesException(series_id=event.series_id, occurrence_date=event.occurrence_date, kind="move"))


def save_event(
    s: Session,
    actor: Actor,
    data: EventInput,
    event_id: int | None = None,
    *,
    status: str = "draft",
    override_reason: str | None = None,
) -> int:
    """The editor's save: create or update, then look for double bookings.

    Raises conflicts.ConflictsFound (nothing saved) unless `override_reason` is given, which is
    then recorded with each clash.
    """
    if event_id is None:
        event_id = create_event(s, actor, data, status=status)
    else:
        update_event(s, actor, event_id, data)
    conflicts.guard(s, actor, [event_id], override_reason)
    return event_id


def move_event(
    s: Session,
    actor: Actor,
    event_id: int,
    start_at: datetime,
    end_at: datetime | None = None,
    *,
    override_reason: str | None = None,
) -> None:
    """Move an event in time (dragged in the calendar), with the same checks as an edit."""
    data, _status = get_event(s, event_id)
    if start_at.tzinfo is None:
        start_at = start_at.replace(tzinfo=local_tz())
    end_at = end_at or start_at + (data.end_at - data.start_at)
    save_event(
        s, actor, dataclasses.replace(data, start_at=start_at, end_at=end_at), event_id,
        override_reason=override_reason,
    )


def change_status(s: Session, actor: Actor, event_id: int, status: str) -> None:
    require(actor, "events.edit")
    event = _get(s, event_id)
    if status not in TRANSITIONS.get(event.status, ()):
        raise Conflict(
            translate("Events", "An event that is {old} cannot become {new}.").format(
                old=status_label(event.status), new=status_label(status)
            )
        )
    if status == "finished":
        _finish(s, actor, event, utcnow())
        return
    audit.record(s, actor, "status", "event", event.id, {"status": event.status}, {"status": status})
    event.status = status


def _finish(s: Session, actor: Actor, event: Event, now: datetime) -> None:
    if event.start_at > now:
        raise Conflict(
            translate("Events", "An event cannot be closed before it starts ({time}).").format(
                time=event.start_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
    audit.record(s, actor, "status", "event", event.id, {"status": event.status}, {"status": "finished"})
    event.status = "finished"
    event.closed_at = now
    s.flush()
    _hand_records_to_review(s, actor, event.id, now)


def _hand_records_to_review(s: Session, actor: Actor, event_id: int, now: datetime) -> None:
    """Closing turns the event's sign-ins into pending service records for review."""
    # Imported here: hours imports this module for local_day_bounds.
    from desktop.services.hours import close_event_hours

    close_event_hours(s, actor, event_id, now=now)


@dataclass
class Closing:
    """What staff record when an event is over: how many people were served, how well, a summary."""

    people_served: int = 0
    quality_rating: int | None = None
    summary: str = ""


def close_event(
    s: Session, actor: Actor, event_id: int, closing: Closing, now: datetime | None = None
) -> None:
    """Close a started event: it becomes finished and its service records go to review.

    A finished event's closing details can be corrected by closing it again (audited); its
    service records are not worked out a second time.
    """
    require(actor, "events.edit")
    now = now or utcnow()
    event = _get(s, event_id)
    errors = {}
    if closing.people_served is None or closing.people_served < 0:
        errors["people_served"] = translate("Events", "The number of people served cannot be negative.")
    if closing.quality_rating not in QUALITY_LABELS:
        errors["quality_rating"] = translate("Events", "Choose a quality evaluation.")
    summary = (closing.summary or "").strip()
    if len(summary) > SUMMARY_MAX:
        errors["summary"] = translate("Events", "The summary is too long ({n} characters at most).").format(
            n=SUMMARY_MAX
        )
    if errors:
        raise ValidationError(errors)
    before = {"people_served": event.people_served, "quality_rating": event.quality_rating, "summary": event.summary}
    after = {"people_served": closing.people_served, "quality_rating": closing.quality_rating, "summary": summary}
    if event.status != "finished" and "finished" not in TRANSITIONS.get(event.status, ()):
        raise Conflict(
            translate("Events", "Only a published or ongoing event can be closed; this one is {status}.").format(
                status=status_label(event.status)
            )
        )
    if event.status == "finished":
        old, new = audit.changed(before, after)
        if new:
            audit.record(s, actor, "update_closing", "event", event.id, old, new)
    else:
        _finish(s, actor, event, now)
        audit.record(s, actor, "close", "event", event.id, before, after)
    event.people_served = closing.people_served
    event.quality_rating = closing.quality_rating
    event.summary = summary


def get_event(s: Session, event_id: int) -> tuple[EventInput, str]:
    e = _get(s, event_id)
    return EventInput(**{f.name: getattr(e, f.name) for f in dataclasses.fields(EventInput)}), e.status


@dataclass(frozen=True)
class EventDetail:
    """Everything the editor shows about one event, as plain values."""

    id: int
    data: EventInput
    status: str
    series_id: int | None
    occurrence_date: date | None
    closing: Closing
    closed_at: datetime | None
    enrolled: int
    waitlisted: int
    no_shows: int

    @property
    def started(self) -> bool:
        return self.data.start_at <= utcnow()

    @property
    def editable(self) -> bool:
        return self.status not in ("finished", "cancelled")


def get_event_detail(s: Session, event_id: int) -> EventDetail:
    data, status = get_event(s, event_id)
    e = _get(s, event_id)
    counts = dict(
        s.execute(
            select(Enrolment.status, func.count()).where(Enrolment.event_id == event_id).group_by(Enrolment.status)
        ).all()
    )
    return EventDetail(
        id=e.id,
        data=data,
        status=status,
        series_id=e.series_id,
        occurrence_date=e.occurrence_date,
        closing=Closing(e.people_served, e.quality_rating, e.summary),
        closed_at=e.closed_at,
        enrolled=counts.get("enrolled", 0),
        waitlisted=counts.get("waitlisted", 0),
        no_shows=counts.get("no_show", 0),
    )


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
        # The second bound is implied by the first (events last at most seven days) and lets the
        # database read only a slice of the start_at index instead of every earlier event.
        stmt = stmt.where(Event.end_at > q.start, Event.start_at > q.start - conflicts.MAX_EVENT_LENGTH)
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
    if q.status == NOT_CANCELLED:
        stmt = stmt.where(Event.status != "cancelled")
    elif q.status:
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
            Event.series_id,
        ).outerjoin(Team, Team.id == Event.team_id),
    )
    order = {"start_at": Event.start_at, "title": Event.title, "status": Event.status, "id": Event.id}.get(
        q.sort, Event.start_at
    )
    stmt = stmt.order_by(order.desc() if q.descending else order.asc(), Event.id).offset(offset).limit(limit)
    return [EventRow(*r) for r in s.execute(stmt)]


def count_events(s: Session, q: EventQuery | None = None) -> int:
    return s.scalar(_filtered(q or EventQuery(), select(func.count(Event.id)))) or 0


# A month at district scale holds about a thousand events; this bounds a runaway range.
CALENDAR_LIMIT = 20_000


def calendar_events(s: Session, start: datetime, end: datetime, q: EventQuery | None = None) -> list[EventRow]:
    """Every event overlapping [start, end) with the list's other filters, in start order."""
    q = dataclasses.replace(q or EventQuery(), start=start, end=end, sort="start_at", descending=False)
    return list_events(s, q, 0, CALENDAR_LIMIT)
