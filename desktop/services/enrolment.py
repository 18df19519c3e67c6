"""Enrolment: volunteers sign up for events; capacity, a waiting list that moves up, walk-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.models import Enrolment, Event, TeamMembership, Volunteer
from desktop.services import audit
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.permissions import Actor, require


@dataclass(frozen=True)
class EnrolmentResult:
    enrolled: list[int]
    waitlisted: list[int]
    already: list[int]


@dataclass(frozen=True)
class EnrolmentRow:
    volunteer_id: int
    name: str
    card_code: str
    status: str
    walk_in: bool


def _event(s: Session, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return event


def enrolled_count(s: Session, event_id: int) -> int:
    return s.scalar(
        select(func.count()).where(Enrolment.event_id == event_id, Enrolment.status == "enrolled")
    ) or 0


def enrol(
    s: Session, actor: Actor, event_id: int, volunteer_ids: list[int], *, walk_in: bool = False
) -> EnrolmentResult:
    """Enrol volunteers; past capacity they join the waiting list (walk-ins always get in)."""
    require(actor, "checkin.manual" if walk_in else "events.edit")
    event = _event(s, event_id)
    if event.status in ("finished", "cancelled"):
        raise Conflict(translate("Enrolment", "Nobody can enrol in a finished or cancelled event."))
    ids = list(dict.fromkeys(volunteer_ids))
    active = set(s.scalars(select(Volunteer.id).where(Volunteer.id.in_(ids), Volunteer.status == "active")))
    bad = [v for v in ids if v not in active]
    if bad:
        raise ValidationError(
            "volunteer_ids",
            translate("Enrolment", "Volunteer No. {id} is not an active registered volunteer.").format(id=bad[0]),
        )
    existing = {e.volunteer_id: e for e in s.scalars(
        select(Enrolment).where(Enrolment.event_id == event_id, Enrolment.volunteer_id.in_(ids))
    )}
    taken = enrolled_count(s, event_id)
    enrolled, waitlisted, already = [], [], []
    for vid in ids:
        row = existing.get(vid)
        if row is not None and row.status in ("enrolled", "waitlisted") and not walk_in:
            already.append(vid)
            continue
        if row is not None and row.status == "enrolled":
            already.append(vid)
            continue
        full = event.capacity and taken >= event.capacity and not walk_in
        status = "waitlisted" if full else "enrolled"
        if row is None:
            row = Enrolment(event_id=event_id, volunteer_id=vid)
            s.add(row)
        row.status = status
        row.walk_in = walk_in
        (waitlisted if full else enrolled).append(vid)
        if not full:
            taken += 1
    s.flush()
    if enrolled or waitlisted:
        audit.record(
            s, actor, "enrol", "event", event_id,
            after={"enrolled": enrolled, "waitlisted": waitlisted, "walk_in": walk_in},
        )
    return EnrolmentResult(enrolled, waitlisted, already)


def enrol_team(s: Session, actor: Actor, event_id: int, team_id: int) -> EnrolmentResult:
    members = list(
        s.scalars(
            select(TeamMembership.volunteer_id)
            .join(Volunteer, Volunteer.id == TeamMembership.volunteer_id)
            .where(TeamMembership.team_id == team_id, Volunteer.status == "active")
            .order_by(TeamMembership.joined_on, TeamMembership.volunteer_id)
        )
    )
    return enrol(s, actor, event_id, members)


def withdraw(s: Session, actor: Actor, event_id: int, volunteer_id: int) -> int | None:
    """Withdraw a volunteer; the first on the waiting list moves up. Returns who moved up."""
    require(actor, "events.edit")
    event = _event(s, event_id)
    row = s.scalar(
        select(Enrolment).where(Enrolment.event_id == event_id, Enrolment.volunteer_id == volunteer_id)
    )
    if row is None or row.status == "withdrawn":
        raise NotFound(translate("Enrolment", "This volunteer is not enrolled in the event."))
    was_enrolled = row.status == "enrolled"
    row.status = "withdrawn"
    promoted = None
    if was_enrolled and (not event.capacity or enrolled_count(s, event_id) < event.capacity):
        nxt = s.scalar(
            select(Enrolment)
            .where(Enrolment.event_id == event_id, Enrolment.status == "waitlisted")
            .order_by(Enrolment.created_at, Enrolment.id)
            .limit(1)
        )
        if nxt is not None:
            nxt.status = "enrolled"
            promoted = nxt.volunteer_id
    audit.record(
        s, actor, "withdraw", "event", event_id,
        before={"volunteer_id": volunteer_id}, after={"promoted": promoted},
    )
    return promoted


def list_enrolments(s: Session, event_id: int) -> list[EnrolmentRow]:
    rows = s.execute(
        select(Enrolment.volunteer_id, Volunteer.name, Volunteer.card_code, Enrolment.status, Enrolment.walk_in)
        .join(Volunteer, Volunteer.id == Enrolment.volunteer_id)
        .where(Enrolment.event_id == event_id)
        .order_by(Enrolment.status, Volunteer.name_pinyin)
    )
    return [EnrolmentRow(r[0], r[1], r[2] or "", r[3], r[4]) for r in rows]


def volunteers_enrolled_between(s: Session, start: datetime, end: datetime) -> list[int]:
    """Volunteers enrolled in any event overlapping [start, end) (e.g. today's events)."""
    return list(
        s.scalars(
            select(Enrolment.volunteer_id)
            .join(Event, Event.id == Enrolment.event_id)
            .where(Event.start_at < end, Event.end_at > start, Enrolment.status == "enrolled")
            .distinct()
        )
    )
