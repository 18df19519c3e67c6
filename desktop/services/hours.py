"""Service hours: in/out pairs become service records that staff review, correct and approve.

The rules, in order: a stay is clipped to the event window, rounded by the event's rule, then
capped by the event's hours cap. A volunteer who signed in but never out is closed at the event's
end and flagged "auto_signout" for review. Records are never edited in place: recalculating
supersedes pending records only, and a correction is a new approved record that points at the old
one (which becomes "superseded"), so the history stays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    REVIEW_STATES,
    ROUNDING_RULES,
    Event,
    Scan,
    ServiceRecord,
    Volunteer,
    utcnow,
)
from desktop.services import audit, points
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require

FLAG_AUTO_SIGNOUT = "auto_signout"
FLAG_WALK_IN = "walk_in"
FLAG_CAPPED = "capped"
FLAG_CORRECTED = "corrected"

FLAG_LABELS = {
    FLAG_AUTO_SIGNOUT: QT_TRANSLATE_NOOP("Hours", "No sign-out: closed at the event's end"),
    FLAG_WALK_IN: QT_TRANSLATE_NOOP("Hours", "Walk-in"),
    FLAG_CAPPED: QT_TRANSLATE_NOOP("Hours", "Capped at the event's limit"),
    FLAG_CORRECTED: QT_TRANSLATE_NOOP("Hours", "Corrected by staff"),
}
STATE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("Hours", "Pending"),
    "approved": QT_TRANSLATE_NOOP("Hours", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Hours", "Rejected"),
    "superseded": QT_TRANSLATE_NOOP("Hours", "Superseded"),
}
ROUNDING_LABELS = {
    "none": QT_TRANSLATE_NOOP("Hours", "Exact minutes"),
    "quarter_down": QT_TRANSLATE_NOOP("Hours", "Down to the quarter hour"),
    "half_down": QT_TRANSLATE_NOOP("Hours", "Down to the half hour"),
    "half_nearest": QT_TRANSLATE_NOOP("Hours", "To the nearest half hour"),
    "hour_down": QT_TRANSLATE_NOOP("Hours", "Down to the whole hour"),
}
assert set(ROUNDING_LABELS) == set(ROUNDING_RULES)


def flag_label(flag: str) -> str:
    return translate("Hours", FLAG_LABELS[flag]) if flag in FLAG_LABELS else flag


def state_label(state: str) -> str:
    return translate("Hours", STATE_LABELS[state]) if state in STATE_LABELS else state


def split_flags(text: str) -> list[str]:
    return [f for f in (text or "").split(",") if f]


def join_flags(flags: set[str] | list[str]) -> str:
    return ",".join(sorted(set(flags)))


# --- the rules ---------------------------------------------------------------------------


def round_minutes(seconds: float, rule: str) -> int:
    """Whole minutes credited for `seconds` of service under a rounding rule."""
    seconds = max(0.0, seconds)
    whole = int(seconds // 60)
    if rule == "none":
        return whole
    if rule == "quarter_down":
        return whole // 15 * 15
    if rule == "half_down":
        return whole // 30 * 30
    if rule == "half_nearest":
        # Ties go up: 45 minutes credit an hour, 44 minutes half an hour.
        return math.floor((seconds + 15 * 60) / (30 * 60)) * 30
    if rule == "hour_down":
        return whole // 60 * 60
    raise ValueError(f"unknown rounding rule {rule!r}")


@dataclass(frozen=True)
class Credit:
    minutes: int
    capped: bool


def credit(
    start_at: datetime,
    end_at: datetime,
    sign_in: datetime,
    sign_out: datetime,
    rounding: str,
    hours_cap: float,
) -> Credit:
    """Minutes for one stay: clipped to [start_at, end_at], rounded, then capped (0 = no cap)."""
    begin = max(sign_in, start_at)
    end = min(sign_out, end_at)
    minutes = round_minutes((end - begin).total_seconds(), rounding) if end > begin else 0
    cap = round(hours_cap * 60) if hours_cap and hours_cap > 0 else 0
    if cap and minutes > cap:
        return Credit(cap, True)
    return Credit(minutes, False)


def event_credit(event: Event, sign_in: datetime, sign_out: datetime) -> Credit:
    return credit(event.start_at, event.end_at, sign_in, sign_out, event.rounding, event.hours_cap)


# --- from the scan log to stays ----------------------------------------------------------


@dataclass(frozen=True)
class Stay:
    """One volunteer's time at an event as the scan log shows it (sign_out None: never left)."""

    volunteer_id: int
    sign_in: datetime
    sign_out: datetime | None
    walk_in: bool


def stays(s: Session, event_id: int) -> dict[int, Stay]:
    """Each volunteer's first sign-in and the first sign-out after it; undone scans are ignored."""
    rows = s.execute(
        select(Scan.volunteer_id, Scan.direction, Scan.scanned_at, Scan.walk_in)
        .where(
            Scan.event_id == event_id,
            Scan.accepted.is_(True),
            Scan.undone.is_(False),
            Scan.volunteer_id.is_not(None),
        )
        .order_by(Scan.volunteer_id, Scan.scanned_at, Scan.id)
    )
    out: dict[int, Stay] = {}
    for vid, direction, at, walk_in in rows:
        stay = out.get(vid)
        if stay is None:
            if direction == "in":
                out[vid] = Stay(vid, at, None, bool(walk_in))
        elif direction == "out" and stay.sign_out is None:
            out[vid] = Stay(vid, stay.sign_in, at, stay.walk_in)
    return out


@dataclass(frozen=True)
class Computed:
    sign_in: datetime
    sign_out: datetime
    minutes: int
    flags: str


def compute(event: Event, stay: Stay) -> Computed:
    flags: set[str] = set()
    sign_out = stay.sign_out
    if sign_out is None:
        sign_out = event.end_at
        flags.add(FLAG_AUTO_SIGNOUT)
    if stay.walk_in:
        flags.add(FLAG_WALK_IN)
    c = event_credit(event, stay.sign_in, sign_out)
    if c.capped:
        flags.add(FLAG_CAPPED)
    return Computed(stay.sign_in, sign_out, c.minutes, join_flags(flags))


# --- closing an event --------------------------------------------------------------------


@dataclass(frozen=True)
class CloseResult:
    created: int
    superseded: int
    unchanged: int
    flagged: int


def find_event(s: Session, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return event


def current_records(s: Session, event_id: int) -> dict[int, ServiceRecord]:
    """The latest record per volunteer that is not superseded (pending, approved or rejected)."""
    current: dict[int, ServiceRecord] = {}
    for rec in s.scalars(
        select(ServiceRecord)
        .where(ServiceRecord.event_id == event_id, ServiceRecord.review_state != "superseded")
        .order_by(ServiceRecord.id)
    ):
        current[rec.volunteer_id] = rec
    return current


def close_event_hours(
    s: Session, actor: Actor, event_id: int, now: datetime | None = None
) -> CloseResult:
    """Turn the event's scans into pending service records. Safe to run again at any time."""
    require(actor, "hours.review")
    now = now or utcnow()
    event = find_event(s, event_id)
    if event.status in ("draft", "cancelled"):
        raise Conflict(translate("Hours", "A draft or cancelled event has no service hours."))
    if now < event.end_at and event.status != "finished":
        raise Conflict(
            translate("Hours", "The event has not ended yet; its hours are worked out after {time}.").format(
                time=event.end_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
    current = current_records(s, event_id)
    created = superseded = unchanged = flagged = 0
    for vid, stay in stays(s, event_id).items():
        c = compute(event, stay)
        old = current.pop(vid, None)
        if old is not None:
            same = (old.sign_in, old.sign_out, old.minutes, old.flags) == (
                c.sign_in, c.sign_out, c.minutes, c.flags,
            )
            # Approved hours are only ever changed by a named correction, never by a recalculation.
            if old.review_state == "approved" or same:
                unchanged += 1
                continue
            if old.review_state == "pending":
                old.review_state = "superseded"
                superseded += 1
        rec = ServiceRecord(
            event_id=event_id,
            volunteer_id=vid,
            sign_in=c.sign_in,
            sign_out=c.sign_out,
            minutes=c.minutes,
            flags=c.flags,
            review_state="pending",
            corrects_id=old.id if old is not None else None,
            created_by=actor.id,
        )
        s.add(rec)
        created += 1
        flagged += bool(c.flags)
    # A pending record whose sign-in has since been undone is no longer backed by the scan log.
    for old in current.values():
        if old.review_state == "pending":
            old.review_state = "superseded"
            superseded += 1
    s.flush()
    result = CloseResult(created, superseded, unchanged, flagged)
    if created or superseded:
        audit.record(s, actor, "close_hours", "event", event_id, after=vars(result))
    return result


# --- review ------------------------------------------------------------------------------


@dataclass
class ReviewQuery:
    """What the review list shows; every filter runs in SQL, a page at a time."""

    states: tuple[str, ...] = ("pending",)
    flagged_only: bool = False
    flag: str | None = None
    event_id: int | None = None
    volunteer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    sort: str | None = None  # a key of REVIEW_SORTS; None: the reviewer's order (flagged first)
    descending: bool = False
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class ReviewRow:
    id: int
    event_id: int
    event_title: str
    event_start: datetime
    volunteer_id: int
    name: str
    code: str
    sign_in: datetime | None
    sign_out: datetime | None
    minutes: int
    flags: tuple[str, ...]
    state: str
    corrects_id: int | None
    reason: str

    @property
    def hours(self) -> float:
        return self.minutes / 60


def _review_filtered(q: ReviewQuery, stmt):
    bad = [st for st in q.states if st not in REVIEW_STATES]
    if bad:
        raise ValidationError("states", translate("Hours", "Unknown review state: {state}").format(state=bad[0]))
    if q.states:
        stmt = stmt.where(ServiceRecord.review_state.in_(q.states))
    if q.flagged_only:
        stmt = stmt.where(ServiceRecord.flags != "")
    if q.flag:
        # Flags are a sorted comma list; match a whole item, not a substring of another flag.
        padded = "," + ServiceRecord.flags + ","
        stmt = stmt.where(padded.contains(f",{q.flag},", autoescape=True))
    if q.event_id is not None:
        stmt = stmt.where(ServiceRecord.event_id == q.event_id)
    if q.volunteer_id is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id == q.volunteer_id)
    if q.date_from is not None:
        stmt = stmt.where(Event.start_at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        stmt = stmt.where(Event.start_at < local_day_bounds(q.date_to)[1])
    text = (q.search or "").strip()
    if text:
        code = codes.normalise(text)
        lower = text.lower()
        conds = [
            Volunteer.name.startswith(text, autoescape=True),
            Volunteer.name_initials.startswith(lower, autoescape=True),
            Volunteer.name_pinyin.startswith(lower, autoescape=True),
            Event.title.contains(text, autoescape=True),
        ]
        if code.startswith(codes.PREFIX) and len(code) > 2:
            conds.append(Volunteer.card_code.startswith(code, autoescape=True))
        stmt = stmt.where(or_(*conds))
    return stmt


def _review_select():
    return (
        select(
            ServiceRecord.id,
            ServiceRecord.event_id,
            Event.title,
            Event.start_at,
            ServiceRecord.volunteer_id,
            Volunteer.name,
            func.coalesce(Volunteer.card_code, ""),
            ServiceRecord.sign_in,
            ServiceRecord.sign_out,
            ServiceRecord.minutes,
            ServiceRecord.flags,
            ServiceRecord.review_state,
            ServiceRecord.corrects_id,
            ServiceRecord.reason,
        )
        .join(Event, Event.id == ServiceRecord.event_id)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id)
    )


def _row(r) -> ReviewRow:
    return ReviewRow(*r[:10], tuple(split_flags(r[10])), *r[11:])


def _flag_rank():
    """2 for a missing sign-out (the flag that most needs a look), 1 for any other flag, 0 for none."""
    padded = "," + ServiceRecord.flags + ","
    return case(
        (padded.contains(f",{FLAG_AUTO_SIGNOUT},", autoescape=True), 2),
        (ServiceRecord.flags != "", 1),
        else_=0,
    )


# The sort keys the review list accepts, each with the columns it orders by. The record id is
# added last as the tie-breaker, in the same direction, so descending is exactly ascending
# reversed and paging never shows a record twice. Names sort by pinyin, as the volunteer list
# does. Each key follows its index's own order ((pinyin, id), (start, id), (state, id)), so a
# database that drives the query from that index needs no extra sort.
REVIEW_SORTS: dict[str, tuple] = {
    "name": (Volunteer.name_pinyin, Volunteer.id),
    "event": (Event.title, Event.start_at, Event.id),
    "date": (Event.start_at, Event.id),
    "hours": (ServiceRecord.minutes,),
    "flagged": (_flag_rank(), ServiceRecord.flags),
    "state": (ServiceRecord.review_state,),
}


def _review_order(q: ReviewQuery) -> list:
    if q.sort is None:
        return [(ServiceRecord.flags == "").asc(), Event.start_at.desc(), Volunteer.name_pinyin, ServiceRecord.id]
    columns = REVIEW_SORTS.get(q.sort)
    if columns is None:
        raise ValidationError(
            "sort", translate("Hours", "The list cannot be sorted that way.")
        )
    return [c.desc() if q.descending else c.asc() for c in (*columns, ServiceRecord.id)]


def list_for_review(s: Session, query: ReviewQuery | None = None) -> list[ReviewRow]:
    """One page of records to review: by `sort` when given, else flagged first, then by event and name."""
    q = query or ReviewQuery()
    stmt = _review_filtered(q, _review_select()).order_by(*_review_order(q))
    return [_row(r) for r in s.execute(stmt.offset(max(0, q.offset)).limit(max(0, q.limit)))]


def count_for_review(s: Session, query: ReviewQuery | None = None) -> int:
    q = query or ReviewQuery()
    stmt = _review_filtered(
        q,
        select(func.count(ServiceRecord.id))
        .join(Event, Event.id == ServiceRecord.event_id)
        .join(Volunteer, Volunteer.id == ServiceRecord.volunteer_id),
    )
    return s.scalar(stmt) or 0


@dataclass(frozen=True)
class ReviewResult:
    done: list[int]
    skipped: list[int]  # not pending any more (already decided or superseded): left as they are


def _records(s: Session, record_ids: list[int]) -> list[ServiceRecord]:
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        raise ValidationError("record_ids", translate("Hours", "Choose at least one record."))
    found = {r.id: r for r in s.scalars(select(ServiceRecord).where(ServiceRecord.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(translate("Hours", "No service record with number {id}.").format(id=missing[0]))
    return [found[i] for i in ids]


_DECISION_ACTIONS = {"approved": "approve", "rejected": "reject"}


def _decide(s: Session, actor: Actor, record_ids: list[int], state: str, reason: str) -> ReviewResult:
    require(actor, "hours.review")
    now = utcnow()
    done, skipped = [], []
    for rec in _records(s, record_ids):
        if rec.review_state != "pending":
            skipped.append(rec.id)
            continue
        rec.review_state = state
        rec.reviewed_by = actor.id
        rec.reviewed_at = now
        audit.record(
            s, actor, _DECISION_ACTIONS[state], "service_record", rec.id,
            {"review_state": "pending"},
            {"review_state": state, "minutes": rec.minutes} | ({"reason": reason} if reason else {}),
        )
        done.append(rec.id)
    s.flush()
    if state == "approved":
        points.credit_approved(s, actor, done)
    return ReviewResult(done, skipped)


def approve(s: Session, actor: Actor, record_ids: list[int]) -> ReviewResult:
    """Approve pending records (bulk). Approved hours count for stars and points."""
    return _decide(s, actor, record_ids, "approved", "")


def reject(s: Session, actor: Actor, record_ids: list[int], reason: str = "") -> ReviewResult:
    return _decide(s, actor, record_ids, "rejected", " ".join((reason or "").split()))


def correct(s: Session, actor: Actor, record_id: int, minutes: int, reason: str) -> int:
    """A reasoned correction: a new approved record pointing at the old one, which is superseded."""
    require(actor, "hours.review")
    errors: dict[str, str] = {}
    reason = " ".join((reason or "").split())
    if not reason:
        errors["reason"] = translate("Hours", "Say why the hours are corrected.")
    if not (actor.name or "").strip():
        errors["actor"] = translate("Hours", "A correction must be made by a named staff member.")
    old = s.get(ServiceRecord, record_id)
    if old is None:
        raise NotFound(translate("Hours", "No service record with number {id}.").format(id=record_id))
    event = find_event(s, old.event_id)
    days = max(1, -(-int((event.end_at - event.start_at).total_seconds()) // 86400))
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        errors["minutes"] = translate("Hours", "The minutes must be a whole number.")
    elif minutes < 0:
        errors["minutes"] = translate("Hours", "The minutes cannot be negative.")
    elif minutes > days * 24 * 60:
        errors["minutes"] = translate("Hours", "More than 24 hours a day of the event cannot be credited.")
    elif event.hours_cap and minutes > round(event.hours_cap * 60):
        errors["minutes"] = translate("Hours", "This event credits at most {hours} hours.").format(
            hours=event.hours_cap
        )
    if errors:
        raise ValidationError(errors)
    if old.review_state == "superseded":
        raise Conflict(
            translate("Hours", "This record was already replaced; correct the newest one instead.")
        )
    now = utcnow()
    new = ServiceRecord(
        event_id=old.event_id,
        volunteer_id=old.volunteer_id,
        sign_in=old.sign_in,
        sign_out=old.sign_out,
        minutes=minutes,
        flags=FLAG_CORRECTED,
        review_state="approved",
        reviewed_by=actor.id,
        reviewed_at=now,
        corrects_id=old.id,
        reason=reason,
        created_by=actor.id,
    )
    before = {"record": old.id, "minutes": old.minutes, "review_state": old.review_state}
    old.review_state = "superseded"
    s.add(new)
    s.flush()
    audit.record(
        s, actor, "correct", "service_record", new.id, before,
        {"record": new.id, "minutes": minutes, "review_state": new.review_state, "reason": reason, "corrects": old.id},
    )
    points.after_correction(s, actor, old.id, new.id, reason)
    return new.id


# --- a volunteer's hours -----------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerHours:
    approved_minutes: int
    pending_minutes: int
    records: list[ReviewRow] = field(default_factory=list)  # every record, history included

    @property
    def approved_hours(self) -> float:
        return self.approved_minutes / 60


def volunteer_hours(s: Session, volunteer_id: int) -> VolunteerHours:
    if s.get(Volunteer, volunteer_id) is None:
        raise NotFound(translate("Volunteers", "No volunteer with number {id}.").format(id=volunteer_id))
    totals = dict(
        s.execute(
            select(ServiceRecord.review_state, func.sum(ServiceRecord.minutes))
            .where(ServiceRecord.volunteer_id == volunteer_id,
                   ServiceRecord.review_state.in_(("approved", "pending")))
            .group_by(ServiceRecord.review_state)
        ).all()
    )
    rows = s.execute(
        _review_select()
        .where(ServiceRecord.volunteer_id == volunteer_id)
        .order_by(Event.start_at.desc(), ServiceRecord.id.desc())
    )
    return VolunteerHours(
        int(totals.get("approved") or 0), int(totals.get("pending") or 0), [_row(r) for r in rows]
    )
