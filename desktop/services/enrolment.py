"""Enrolment: volunteers sign up for events; capacity, a waiting list that moves up, walk-ins, no-shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, exists, func, select, update
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Enrolment, Event, Scan, TeamMembership, Volunteer, utcnow
from desktop.services import audit, conflicts
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.permissions import Actor, require

STATUS_LABELS = {
    "enrolled": QT_TRANSLATE_NOOP("Enrolment", "Enrolled"),
    "waitlisted": QT_TRANSLATE_NOOP("Enrolment", "Waiting list"),
    "withdrawn": QT_TRANSLATE_NOOP("Enrolment", "Withdrawn"),
    "no_show": QT_TRANSLATE_NOOP("Enrolment", "No-show"),
}


def status_label(status: str) -> str:
    return translate("Enrolment", STATUS_LABELS.get(status, status))


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
    signed_in: bool = False


@dataclass
class EnrolmentQuery:
    """One event's enrolment list, optionally one status only (for a paged table)."""

    event_id: int | None = None
    status: str | None = None


@dataclass(frozen=True)
class EnrolmentCounts:
    capacity: int
    enrolled: int
    waitlisted: int
    no_show: int
    withdrawn: int


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
    s: Session,
    actor: Actor,
    event_id: int,
    volunteer_ids: list[int],
    *,
    walk_in: bool = False,
    check_conflicts: bool = False,
    override_reason: str | None = None,
) -> EnrolmentResult:
    """Enrol volunteers; past capacity they join the waiting list (walk-ins always get in).

    With `check_conflicts`, a volunteer already enrolled in an overlapping event raises
    conflicts.ConflictsFound (nothing saved) unless `override_reason` is given.
    """
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
        elif row.status in ("withdrawn", "no_show"):
            row.created_at = utcnow()  # signing up again joins the back of the waiting list
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
    if check_conflicts and enrolled:
        conflicts.guard(s, actor, [event_id], override_reason, volunteer_ids=enrolled)
    return EnrolmentResult(enrolled, waitlisted, already)


def team_member_ids(s: Session, team_id: int) -> list[int]:
    """A team's active members, longest-serving first (they get the places if the event fills)."""
    return list(
        s.scalars(
            select(TeamMembership.volunteer_id)
            .join(Volunteer, Volunteer.id == TeamMembership.volunteer_id)
            .where(TeamMembership.team_id == team_id, Volunteer.status == "active")
            .order_by(TeamMembership.joined_on, TeamMembership.volunteer_id)
        )
    )


def enrol_team(
    s: Session,
    actor: Actor,
    event_id: int,
    team_id: int,
    *,
    check_conflicts: bool = False,
    override_reason: str | None = None,
) -> EnrolmentResult:
    members = team_member_ids(s, team_id)
    if not members:
        raise ValidationError("team_id", translate("Enrolment", "This team has no active members."))
    return enrol(s, actor, event_id, members, check_conflicts=check_conflicts, override_reason=override_reason)


def _promote(s: Session, event: Event) -> list[int]:
    """Move people up from the waiting list, in the order they joined it, while places are free."""
    free = None if not event.capacity else event.capacity - enrolled_count(s, event.id)
    if free is not None and free <= 0:
        return []
    stmt = (
        select(Enrolment)
        .where(Enrolment.event_id == event.id, Enrolment.status == "waitlisted")
        .order_by(Enrolment.created_at, Enrolment.id)
    )
    if free is not None:
        stmt = stmt.limit(free)
    promoted = []
    for row in s.scalars(stmt):
        row.status = "enrolled"
        promoted.append(row.volunteer_id)
    s.flush()
    return promoted


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
    s.flush()
    promoted = None
    if was_enrolled and event.status not in ("finished", "cancelled"):
        moved = _promote(s, event)
        promoted = moved[0] if moved else None
    audit.record(
        s, actor, "withdraw", "event", event_id,
        before={"volunteer_id": volunteer_id}, after={"promoted": promoted},
    )
    return promoted


def fill_from_waiting_list(s: Session, actor: Actor, event_id: int) -> list[int]:
    """After the capacity is raised: move up as many waiting volunteers as there are new places."""
    require(actor, "events.edit")
    event = _event(s, event_id)
    if event.status in ("finished", "cancelled"):
        return []
    promoted = _promote(s, event)
    if promoted:
        audit.record(s, actor, "promote", "event", event_id, after={"promoted": promoted})
    return promoted


def _signed_in(event_id: int, volunteer_col):
    return exists().where(
        Scan.event_id == event_id,
        Scan.volunteer_id == volunteer_col,
        Scan.accepted.is_(True),
        Scan.undone.is_(False),
        Scan.direction == "in",
    )


def mark_no_show(
    s: Session, actor: Actor, event_id: int, volunteer_ids: list[int], no_show: bool = True
) -> int:
    """Mark enrolled volunteers who did not come as no-shows, or undo it (a correction).

    Only once the event has started, and never for someone who signed in. Returns how many changed.
    """
    require(actor, "events.edit")
    event = _event(s, event_id)
    if event.status in ("draft", "cancelled") or event.start_at > utcnow():
        raise Conflict(translate("Enrolment", "No-shows are marked once the event has taken place."))
    ids = list(dict.fromkeys(volunteer_ids))
    came = s.execute(
        select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(ids), _signed_in(event_id, Volunteer.id))
    ).first()
    if no_show and came is not None:
        raise Conflict(
            translate("Enrolment", "{name} signed in at this event, so cannot be a no-show.").format(name=came.name)
        )
    old, new = ("enrolled", "no_show") if no_show else ("no_show", "enrolled")
    changed = list(
        s.scalars(
            select(Enrolment.volunteer_id).where(
                Enrolment.event_id == event_id, Enrolment.volunteer_id.in_(ids), Enrolment.status == old
            )
        )
    )
    if not changed:
        return 0
    s.execute(
        update(Enrolment)
        .where(Enrolment.event_id == event_id, Enrolment.volunteer_id.in_(changed))
        .values(status=new)
    )
    audit.record(
        s, actor, "no_show" if no_show else "undo_no_show", "event", event_id, after={"volunteer_ids": changed}
    )
    return len(changed)


def absent_volunteer_ids(s: Session, event_id: int) -> list[int]:
    """Enrolled volunteers with no sign-in at the event: the no-shows, once it is over."""
    return list(
        s.scalars(
            select(Enrolment.volunteer_id).where(
                Enrolment.event_id == event_id,
                Enrolment.status == "enrolled",
                ~_signed_in(event_id, Enrolment.volunteer_id),
            )
        )
    )


def mark_absent_as_no_shows(s: Session, actor: Actor, event_id: int) -> int:
    """Everyone enrolled who never signed in becomes a no-show (each can be corrected later)."""
    absent = absent_volunteer_ids(s, event_id)
    return mark_no_show(s, actor, event_id, absent) if absent else 0


def _rows_query(event_id: int, status: str | None):
    stmt = (
        select(
            Enrolment.volunteer_id,
            Volunteer.name,
            Volunteer.card_code,
            Enrolment.status,
            Enrolment.walk_in,
            _signed_in(event_id, Enrolment.volunteer_id).label("signed_in"),
        )
        .join(Volunteer, Volunteer.id == Enrolment.volunteer_id)
        .where(Enrolment.event_id == event_id)
    )
    if status:
        stmt = stmt.where(Enrolment.status == status)
    return stmt


def list_enrolments(
    s: Session, event_id: int, status: str | None = None, offset: int = 0, limit: int | None = None
) -> list[EnrolmentRow]:
    """Enrolled first, then the waiting list in its order, then no-shows and withdrawals."""
    status_rank = case(
        {"enrolled": 0, "waitlisted": 1, "no_show": 2, "withdrawn": 3}, value=Enrolment.status, else_=4
    )
    # The waiting list keeps its order (who moves up next); everyone else is listed by name.
    queue = case((Enrolment.status == "waitlisted", Enrolment.created_at), else_=None)
    stmt = _rows_query(event_id, status).order_by(
        status_rank, queue, Volunteer.name_pinyin, Enrolment.id
    ).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [EnrolmentRow(r[0], r[1], r[2] or "", r[3], r[4], bool(r[5])) for r in s.execute(stmt)]


def count_enrolments(s: Session, event_id: int, status: str | None = None) -> int:
    stmt = select(func.count()).select_from(Enrolment).where(Enrolment.event_id == event_id)
    if status:
        stmt = stmt.where(Enrolment.status == status)
    return s.scalar(stmt) or 0


def counts(s: Session, event_id: int) -> EnrolmentCounts:
    event = _event(s, event_id)
    by = dict(
        s.execute(
            select(Enrolment.status, func.count()).where(Enrolment.event_id == event_id).group_by(Enrolment.status)
        ).all()
    )
    return EnrolmentCounts(
        event.capacity, by.get("enrolled", 0), by.get("waitlisted", 0), by.get("no_show", 0), by.get("withdrawn", 0)
    )


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
