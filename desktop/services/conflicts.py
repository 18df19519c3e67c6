"""Scheduling conflicts: a place booked twice, a volunteer or a team leader in two events at once.

Conflicts are looked for on the saved state: a save flushes its changes, `guard` runs two
set-based queries over them, and either records the staff member's reason for going ahead or
raises ConflictsFound, which rolls the whole unit of work back. The window shows the list and
asks for a reason, then saves again with it. A pair once accepted with a reason is not asked
about again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, insert, null, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import ConflictOverride, Enrolment, Event, Team, Volunteer
from desktop.services import audit
from desktop.services.errors import Conflict, ValidationError
from desktop.services.permissions import Actor

# events.py refuses events longer than this, so "overlaps [a, b)" only needs start_at in
# (a - MAX_EVENT_LENGTH, b): a bounded range on the start_at index instead of every past event.
MAX_EVENT_LENGTH = timedelta(days=7)

KIND_LABELS = {
    "place": QT_TRANSLATE_NOOP("Conflicts", "Place booked twice"),
    "volunteer": QT_TRANSLATE_NOOP("Conflicts", "Volunteer in two events"),
    "leader": QT_TRANSLATE_NOOP("Conflicts", "Team leader double-booked"),
}


def kind_label(kind: str) -> str:
    return translate("Conflicts", KIND_LABELS.get(kind, kind))


def _when(start: datetime, end: datetime) -> str:
    a, b = start.astimezone(), end.astimezone()
    return f"{a:%Y-%m-%d %H:%M}–{b:%H:%M}" if a.date() == b.date() else f"{a:%m-%d %H:%M}–{b:%m-%d %H:%M}"


@dataclass(frozen=True)
class ConflictItem:
    """One clash between the event being saved and another event."""

    kind: str  # "place", "volunteer" or "leader"
    event_id: int
    other_event_id: int
    other_title: str
    other_start: datetime
    other_end: datetime
    volunteer_id: int | None = None
    volunteer_name: str = ""
    detail: str = ""  # the place or the leader's name

    @property
    def key(self) -> tuple:
        """The same clash seen from either event."""
        pair = tuple(sorted((self.event_id, self.other_event_id)))
        return (self.kind, pair, self.volunteer_id, self.detail)

    @property
    def message(self) -> str:
        when = _when(self.other_start, self.other_end)
        if self.kind == "place":
            return translate("Conflicts", "{place} is already booked for {title} ({when}).").format(
                place=self.detail, title=self.other_title, when=when
            )
        if self.kind == "volunteer":
            return translate("Conflicts", "{name} is also enrolled in {title} ({when}).").format(
                name=self.volunteer_name, title=self.other_title, when=when
            )
        return translate("Conflicts", "Team leader {name} also leads {title} ({when}).").format(
            name=self.detail, title=self.other_title, when=when
        )


class ConflictsFound(Conflict):
    """Saving would double-book; nothing was saved. Save again with a reason to go ahead."""

    def __init__(self, conflicts: list[ConflictItem]):
        self.conflicts = conflicts
        shown = [c.message for c in conflicts[:3]]
        if len(conflicts) > 3:
            shown.append(translate("Conflicts", "... and {n} more.").format(n=len(conflicts) - 3))
        super().__init__(
            translate("Conflicts", "This clashes with other events:") + "\n" + "\n".join(shown)
        )


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass(frozen=True)
class _Booking:
    id: int
    title: str
    start: datetime
    end: datetime
    place: str
    leader_id: int | None
    leader_name: str
    leader_volunteer: str


def _bookings(s: Session, event_ids: list[int]) -> list[_Booking]:
    leader = aliased(Volunteer)
    rows = s.execute(
        select(
            Event.id, Event.title, Event.start_at, Event.end_at, Event.place,
            Team.leader_id, Event.leader_name, func.coalesce(leader.name, ""),
        )
        .outerjoin(Team, Team.id == Event.team_id)
        .outerjoin(leader, leader.id == Team.leader_id)
        .where(Event.id.in_(event_ids), Event.status != "cancelled")
    )
    return [_Booking(r[0], r[1], r[2], r[3], _norm(r[4]), r[5], _norm(r[6]), r[7]) for r in rows]


@dataclass(frozen=True)
class _Other:
    id: int
    title: str
    start: datetime
    end: datetime
    place: str
    leader_id: int | None
    leader_name: str
    leader_enrolled: int | None  # one of `mine`'s team leaders enrolled here as a volunteer


def _overlapping(s: Session, mine: list[_Booking]) -> dict[int, list[_Other]]:
    """One query: every other event overlapping each of `mine`, with what the checks compare."""
    lo = min(b.start for b in mine)
    hi = max(b.end for b in mine)
    leader_ids = {b.leader_id for b in mine if b.leader_id}
    leader_enrolled = (
        select(func.min(Enrolment.volunteer_id))
        .where(
            Enrolment.event_id == Event.id,
            Enrolment.volunteer_id.in_(leader_ids),
            Enrolment.status == "enrolled",
        )
        .correlate(Event)
        .scalar_subquery()
        if leader_ids
        else null()
    )
    rows = s.execute(
        select(
            Event.id, Event.title, Event.start_at, Event.end_at, Event.place,
            Team.leader_id, Event.leader_name, leader_enrolled,
        )
        .outerjoin(Team, Team.id == Event.team_id)
        .where(
            Event.start_at > lo - MAX_EVENT_LENGTH,
            Event.start_at < hi,
            Event.end_at > lo,
            Event.status != "cancelled",
            Event.id.not_in([b.id for b in mine]),
        )
        .order_by(Event.start_at)
    )
    others = [_Other(r[0], r[1], r[2], r[3], _norm(r[4]), r[5], _norm(r[6]), r[7]) for r in rows]
    return {b.id: [o for o in others if o.start < b.end and o.end > b.start] for b in mine}


def _place_and_leader(mine: list[_Booking], overlap: dict[int, list[_Other]]) -> list[ConflictItem]:
    found: list[ConflictItem] = []
    for b in mine:
        for o in overlap.get(b.id, ()):
            common = dict(event_id=b.id, other_event_id=o.id, other_title=o.title, other_start=o.start, other_end=o.end)
            if b.place and o.place == b.place:
                found.append(ConflictItem("place", detail=b.place, **common))
            if b.leader_id and b.leader_id in (o.leader_id, o.leader_enrolled):
                found.append(ConflictItem("leader", volunteer_id=b.leader_id, detail=b.leader_volunteer, **common))
            elif b.leader_name and o.leader_name == b.leader_name:
                found.append(ConflictItem("leader", detail=b.leader_name, **common))
    return found


def _volunteers(
    s: Session, overlap: dict[int, list[_Other]], volunteer_ids: list[int] | None
) -> list[ConflictItem]:
    """One query: volunteers enrolled both in one of ours and in an event overlapping it."""
    pairs = {(mine, o.id): o for mine, others in overlap.items() for o in others}
    other_ids = {o for _mine, o in pairs}
    if not other_ids:
        return []
    en1, en2 = aliased(Enrolment), aliased(Enrolment)
    stmt = (
        select(en1.event_id, en2.event_id, Volunteer.id, Volunteer.name)
        .select_from(en2)
        .join(en1, and_(en1.volunteer_id == en2.volunteer_id, en1.event_id.in_(list(overlap))))
        .join(Volunteer, Volunteer.id == en1.volunteer_id)
        .where(en2.event_id.in_(other_ids), en2.status == "enrolled", en1.status == "enrolled")
        .order_by(Volunteer.name_pinyin, Volunteer.id)
    )
    if volunteer_ids is not None:
        stmt = stmt.where(en1.volunteer_id.in_(volunteer_ids))
    found = []
    for mine, other, vid, name in s.execute(stmt):
        o = pairs.get((mine, other))
        if o is not None:  # both events are in the list, but only some pairs overlap
            found.append(ConflictItem("volunteer", mine, o.id, o.title, o.start, o.end, volunteer_id=vid,
                                      volunteer_name=name))
    found.sort(key=lambda c: c.other_start)
    return found


def find_conflicts(
    s: Session, event_ids: Iterable[int], *, volunteer_ids: list[int] | None = None
) -> list[ConflictItem]:
    """Every clash of these events as they are now stored (flush first). Each pair is reported once.

    Three queries whatever the number of volunteers: the events themselves, every other event
    overlapping them, and the volunteers enrolled on both sides. With `volunteer_ids`, only those
    volunteers' clashes are looked for (used when enrolling).
    """
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return []
    mine = _bookings(s, ids)
    if not mine:
        return []
    overlap = _overlapping(s, mine)
    found: list[ConflictItem] = []
    if volunteer_ids is None:
        found += _place_and_leader(mine, overlap)
    if volunteer_ids is None or volunteer_ids:
        found += _volunteers(s, overlap, volunteer_ids)
    seen: set[tuple] = set()
    unique = []
    for c in found:
        if c.key not in seen:
            seen.add(c.key)
            unique.append(c)
    return unique


def _accepted(s: Session, event_ids: list[int]) -> set[tuple]:
    rows = s.execute(
        select(
            ConflictOverride.kind, ConflictOverride.event_id, ConflictOverride.other_event_id,
            ConflictOverride.volunteer_id, ConflictOverride.detail,
        ).where(or_(ConflictOverride.event_id.in_(event_ids), ConflictOverride.other_event_id.in_(event_ids)))
    )
    return {(kind, tuple(sorted((a, b or 0))), vid, detail) for kind, a, b, vid, detail in rows}


def record_override(s: Session, actor: Actor, conflicts: list[ConflictItem], reason: str) -> None:
    """Keep each accepted clash with the reason, and one audit entry per event."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            "override_reason", translate("Conflicts", "Say why the event should go ahead despite the clash.")
        )
    s.execute(
        insert(ConflictOverride),
        [
            {
                "event_id": c.event_id,
                "kind": c.kind,
                "other_event_id": c.other_event_id,
                "volunteer_id": c.volunteer_id,
                "detail": c.detail[:300],
                "reason": reason,
                "actor_id": actor.id,
                "actor_name": actor.name,
            }
            for c in conflicts
        ],
    )
    by_event: dict[int, list[ConflictItem]] = {}
    for c in conflicts:
        by_event.setdefault(c.event_id, []).append(c)
    for event_id, items in by_event.items():
        audit.record(
            s, actor, "override_conflicts", "event", event_id,
            after={
                "reason": reason,
                "count": len(items),
                # The full list is in conflict_overrides; the audit keeps a readable sample.
                "conflicts": [
                    {"kind": c.kind, "other_event_id": c.other_event_id, "volunteer_id": c.volunteer_id}
                    for c in items[:20]
                ],
            },
        )


def guard(
    s: Session,
    actor: Actor,
    event_ids: Iterable[int],
    override_reason: str | None = None,
    *,
    volunteer_ids: list[int] | None = None,
) -> list[ConflictItem]:
    """Check the flushed changes; go ahead with a reason (recorded) or raise ConflictsFound."""
    ids = list(dict.fromkeys(event_ids))
    s.flush()
    found = find_conflicts(s, ids, volunteer_ids=volunteer_ids)
    if not found:
        return []
    accepted = _accepted(s, ids)
    new = [c for c in found if c.key not in accepted]
    if not new:
        return []
    if override_reason is None:
        raise ConflictsFound(new)
    record_override(s, actor, new, override_reason)  # a blank reason is refused there
    return new


@dataclass(frozen=True)
class OverrideRow:
    kind: str
    other_event_id: int | None
    volunteer_id: int | None
    detail: str
    reason: str
    actor_name: str
    at: datetime


def list_overrides(s: Session, event_id: int) -> list[OverrideRow]:
    """The clashes accepted for an event, newest first, for the event's history."""
    rows = s.execute(
        select(
            ConflictOverride.kind, ConflictOverride.other_event_id, ConflictOverride.volunteer_id,
            ConflictOverride.detail, ConflictOverride.reason, ConflictOverride.actor_name, ConflictOverride.at,
        )
        .where(or_(ConflictOverride.event_id == event_id, ConflictOverride.other_event_id == event_id))
        .order_by(ConflictOverride.at.desc(), ConflictOverride.id.desc())
    )
    return [OverrideRow(*r) for r in rows]
