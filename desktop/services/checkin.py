"""Check-in at an event: a scanned card signs a volunteer in, the next scan signs them out.

Every scan is appended to the scan log, accepted or not, with its reason. The caller runs each
scan in its own `db.uow()`: writers take the database lock up front (BEGIN IMMEDIATE), so two
consoles on one event are serialised and a volunteer cannot be signed in twice; the console shows
green only after that unit of work has committed.

When check-in is open: the event is published or ongoing, from `signin_opens_minutes` before its
start until its end for sign-ins, and until SIGNOUT_GRACE after its end for sign-outs (people
tidy up and queue at the door; hours are clipped to the event's end anyway).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import SCAN_SOURCES, Card, Enrolment, Event, Scan, Volunteer, utcnow
from desktop.services import audit, hours
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import status_label
from desktop.services.permissions import Actor, require

SIGNOUT_GRACE = timedelta(hours=2)
OPEN_STATUSES = ("published", "ongoing")
RAW_LIMIT = Scan.__table__.c.raw.type.length or 120
# Longer input cannot be a card, whatever spaces or dashes it carries: refused before normalising.
INPUT_LIMIT = 256

REASON_LABELS = {
    "unknown_code": QT_TRANSLATE_NOOP("Checkin", "Unknown card"),
    "revoked_card": QT_TRANSLATE_NOOP("Checkin", "Replaced card"),
    "event_not_open": QT_TRANSLATE_NOOP("Checkin", "Check-in not open"),
    "not_enrolled": QT_TRANSLATE_NOOP("Checkin", "Not enrolled"),
    "duplicate": QT_TRANSLATE_NOOP("Checkin", "Repeat scan"),
    "already_signed_out": QT_TRANSLATE_NOOP("Checkin", "Already signed out"),
}
DIRECTION_LABELS = {
    "in": QT_TRANSLATE_NOOP("Checkin", "Signed in"),
    "out": QT_TRANSLATE_NOOP("Checkin", "Signed out"),
}


def reason_label(reason: str) -> str:
    return translate("Checkin", REASON_LABELS[reason]) if reason in REASON_LABELS else reason


def direction_label(direction: str | None) -> str:
    return translate("Checkin", DIRECTION_LABELS[direction]) if direction in DIRECTION_LABELS else ""


@dataclass(frozen=True)
class ScanOutcome:
    """What the console shows for one scan (green when accepted)."""

    accepted: bool
    direction: str | None  # "in", "out", or None when refused
    reason: str  # "" when accepted, else one of models.SCAN_REASONS
    message: str
    volunteer_id: int | None = None
    volunteer_name: str = ""
    first_scan_at: datetime | None = None  # for a duplicate: when the scan it repeats was taken
    hours: float | None = None  # for a sign-out: credited by the event's rules
    walk_in: bool = False
    scan_id: int | None = None
    scanned_at: datetime | None = None


def loggable(raw: str | bytes) -> str:
    """Raw input as it may be stored: control characters escaped, cut to the column's size."""
    if isinstance(raw, bytes):
        raw = raw[: RAW_LIMIT * 4].decode("utf-8", "backslashreplace")
    out: list[str] = []
    size = 0
    for ch in (raw or "")[: RAW_LIMIT + 1]:
        if ch == "\\":
            piece = "\\\\"
        elif unicodedata.category(ch)[0] == "C":
            n = ord(ch)
            piece = f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"
        else:
            piece = ch
        if size + len(piece) > RAW_LIMIT:
            return "".join(out)[: RAW_LIMIT - 1] + "…"
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _clock(at: datetime, now: datetime) -> str:
    """A time as the operator reads it: local, with the date only when it is not today."""
    local = at.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class _Event:
    id: int
    status: str
    start_at: datetime
    end_at: datetime
    allow_walk_ins: bool
    signin_opens_minutes: int
    duplicate_window_seconds: int
    rounding: str
    hours_cap: float


# The hot path's statements are built once: building and keying a statement costs more than
# running it, and a scan should cost little more than its commit. They run on the session's
# connection (Core), inside the caller's unit of work.
_EVENT = select(
    Event.id, Event.status, Event.start_at, Event.end_at, Event.allow_walk_ins,
    Event.signin_opens_minutes, Event.duplicate_window_seconds, Event.rounding, Event.hours_cap,
).where(Event.id == bindparam("event_id"))
_CURRENT_CARD = (
    select(Volunteer.id, Volunteer.name, Volunteer.status, Card.revoked_at)
    .outerjoin(Card, Card.code == Volunteer.card_code)
    .where(Volunteer.card_code == bindparam("code"))
)
_ANY_CARD = (
    select(Card.volunteer_id, Volunteer.name, Card.revoked_at)
    .join(Volunteer, Volunteer.id == Card.volunteer_id)
    .where(Card.code == bindparam("code"))
)
_LAST_ACCEPTED = (
    select(Scan.direction, Scan.scanned_at, Scan.walk_in)
    .where(
        Scan.event_id == bindparam("event_id"),
        Scan.volunteer_id == bindparam("volunteer_id"),
        Scan.accepted.is_(True),
        Scan.undone.is_(False),
    )
    .order_by(Scan.scanned_at.desc(), Scan.id.desc())
    .limit(1)
)
_ENROLMENT = select(Enrolment.id, Enrolment.status, Enrolment.walk_in).where(
    Enrolment.event_id == bindparam("event_id"), Enrolment.volunteer_id == bindparam("volunteer_id")
)
_LOG = insert(Scan).returning(Scan.id)


def _load_event(s: Session, event_id: int) -> _Event:
    row = s.connection().execute(_EVENT, {"event_id": event_id}).first()
    if row is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return _Event(*row)


def _closed_message(event: _Event, now: datetime, signing_in: bool) -> str | None:
    """Why check-in is closed at `now`, or None when it is open."""
    if event.status not in OPEN_STATUSES:
        return translate("Checkin", "This event is not open for check-in: it is {status}.").format(
            status=status_label(event.status)
        )
    opens = event.start_at - timedelta(minutes=event.signin_opens_minutes)
    if now < opens:
        return translate("Checkin", "Check-in for this event opens at {time}.").format(time=_clock(opens, now))
    closes = event.end_at + SIGNOUT_GRACE
    if now > closes:
        return translate("Checkin", "Check-in for this event closed at {time}.").format(time=_clock(closes, now))
    if signing_in and now > event.end_at:
        return translate("Checkin", "The event ended at {time}; only sign-outs are taken now.").format(
            time=_clock(event.end_at, now)
        )
    return None


class _Scan:
    """Builds the scan log row and the outcome together so they always say the same thing."""

    def __init__(self, s: Session, actor: Actor, event_id: int, raw: str, source: str, now: datetime):
        self.s, self.actor, self.event_id, self.raw, self.source, self.now = s, actor, event_id, raw, source, now
        self.volunteer_id: int | None = None
        self.name = ""

    def _log(self, direction: str | None, reason: str, walk_in: bool) -> int:
        return self.s.connection().execute(
            _LOG,
            {
                "event_id": self.event_id,
                "volunteer_id": self.volunteer_id,
                "scanned_at": self.now,
                "direction": direction,
                "source": self.source,
                "operator_id": self.actor.id,
                "raw": self.raw,
                "accepted": not reason,
                "reason": reason,
                "walk_in": walk_in,
                "undone": False,
            },
        ).scalar_one()

    def refuse(self, reason: str, message: str, first_scan_at: datetime | None = None) -> ScanOutcome:
        scan_id = self._log(None, reason, False)
        return ScanOutcome(
            False, None, reason, message, self.volunteer_id, self.name, first_scan_at,
            scan_id=scan_id, scanned_at=self.now,
        )

    def accept(self, direction: str, message: str, walk_in: bool, hours_: float | None = None) -> ScanOutcome:
        scan_id = self._log(direction, "", walk_in)
        return ScanOutcome(
            True, direction, "", message, self.volunteer_id, self.name,
            hours=hours_, walk_in=walk_in, scan_id=scan_id, scanned_at=self.now,
        )


def process_scan(
    s: Session,
    actor: Actor,
    event_id: int,
    raw: str | bytes,
    source: str = "scanner",
    now: datetime | None = None,
) -> ScanOutcome:
    """Take one scan at an event: whatever `raw` holds, the answer is an outcome, not an exception.

    (A missing event, a missing permission or a `source` not in SCAN_SOURCES are the caller's
    mistakes and do raise.)
    """
    require(actor, "checkin.scan")
    if source not in SCAN_SOURCES:
        raise ValidationError("source", translate("Checkin", "Unknown scan source: {source}").format(source=source))
    now = now or utcnow()
    event = _load_event(s, event_id)
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else (raw or "")
    scan = _Scan(s, actor, event_id, loggable(raw), source, now)
    code = codes.normalise(text) if len(text) <= INPUT_LIMIT else ""
    if not codes.is_valid(code):
        return scan.refuse("unknown_code", translate("Checkin", "Unknown card: this is not one of our volunteer cards."))

    conn = s.connection()
    card = conn.execute(_CURRENT_CARD, {"code": code}).first()
    if card is None:
        # Not anyone's current card: a replaced one, or a well-formed code we never issued.
        old = conn.execute(_ANY_CARD, {"code": code}).first()
        if old is None:
            return scan.refuse("unknown_code", translate("Checkin", "Unknown card: this card was never issued here."))
        scan.volunteer_id, scan.name = old.volunteer_id, old.name
        return _refuse_revoked(scan, old.revoked_at, now)
    scan.volunteer_id, scan.name = card.id, card.name
    if card.revoked_at is not None:
        return _refuse_revoked(scan, card.revoked_at, now)
    return _toggle(s, actor, scan, event, card.status == "active")


def _refuse_revoked(scan: _Scan, revoked_at: datetime | None, now: datetime) -> ScanOutcome:
    if revoked_at is None:  # an old card not marked revoked: still not the current one
        text = translate("Checkin", "This card of {name} was replaced by a new one. Please use the new card.")
    else:
        text = translate(
            "Checkin", "This card of {name} was replaced by a new one ({time}). Please use the new card."
        )
    return scan.refuse("revoked_card", text.format(name=scan.name, time=_clock(revoked_at or now, now)))


def _toggle(s: Session, actor: Actor, scan: _Scan, event: _Event, active: bool) -> ScanOutcome:
    """Sign in, sign out, or say why not, from the volunteer's last accepted scan here."""
    vid, name, now = scan.volunteer_id, scan.name, scan.now
    keys = {"event_id": event.id, "volunteer_id": vid}
    last = s.connection().execute(_LAST_ACCEPTED, keys).first()
    closed = _closed_message(event, now, signing_in=last is None)
    if closed is not None:
        return scan.refuse("event_not_open", closed)
    if last is not None:
        direction, at, walk_in = last
        if now - at < timedelta(seconds=event.duplicate_window_seconds):
            text = (
                translate("Checkin", "{name} was already signed in at {time}; this scan is a repeat.")
                if direction == "in"
                else translate("Checkin", "{name} was already signed out at {time}; this scan is a repeat.")
            )
            return scan.refuse("duplicate", text.format(name=name, time=_clock(at, now)), first_scan_at=at)
        if direction == "out":
            return scan.refuse(
                "already_signed_out",
                translate("Checkin", "{name} already signed out at {time}.").format(name=name, time=_clock(at, now)),
                first_scan_at=at,
            )
        # The last accepted scan is a sign-in, so it is the only one standing: the stay began then.
        credit = hours.credit(event.start_at, event.end_at, at, now, event.rounding, event.hours_cap)
        h = round(credit.minutes / 60, 2)
        return scan.accept(
            "out",
            translate("Checkin", "{name} signed out at {time}: {hours} hours.").format(
                name=name, time=_clock(now, now), hours=f"{h:g}"
            ),
            bool(walk_in),
            h,
        )

    enrolment = s.connection().execute(_ENROLMENT, keys).first()
    walk_in = bool(enrolment.walk_in) if enrolment is not None else False
    if enrolment is None or enrolment.status != "enrolled":
        if not active:
            return scan.refuse(
                "not_enrolled",
                translate("Checkin", "{name} is not an active volunteer and is not enrolled in this event.").format(
                    name=name
                ),
            )
        if not event.allow_walk_ins:
            return scan.refuse(
                "not_enrolled",
                translate("Checkin", "{name} is not enrolled in this event, and it takes no walk-ins.").format(
                    name=name
                ),
            )
        _enrol_walk_in(s, actor, event.id, vid, enrolment.id if enrolment is not None else None)
        walk_in = True
    text = (
        translate("Checkin", "{name} signed in at {time} as a walk-in.")
        if walk_in
        else translate("Checkin", "{name} signed in at {time}.")
    )
    return scan.accept("in", text.format(name=name, time=_clock(now, now)), walk_in)


def _enrol_walk_in(s: Session, actor: Actor, event_id: int, volunteer_id: int, enrolment_id: int | None) -> None:
    """A walk-in always gets in (capacity is for sign-ups); a waiting-list place is taken up."""
    if enrolment_id is None:
        s.add(Enrolment(event_id=event_id, volunteer_id=volunteer_id, status="enrolled", walk_in=True))
        before = None
    else:
        row = s.get(Enrolment, enrolment_id)
        before = {"status": row.status}
        row.status, row.walk_in = "enrolled", True
    audit.record(
        s, actor, "walk_in", "event", event_id, before,
        {"volunteer_id": volunteer_id, "status": "enrolled", "walk_in": True},
    )


def manual_sign_in(
    s: Session, actor: Actor, event_id: int, volunteer_id: int, now: datetime | None = None
) -> ScanOutcome:
    """Sign a volunteer in by hand (card forgotten): the same rules as a scan, logged as manual.

    Like a scan, a second one signs the volunteer out.
    """
    require(actor, "checkin.manual")
    code = s.scalar(select(Volunteer.card_code).where(Volunteer.id == volunteer_id))
    if code is None:
        if s.get(Volunteer, volunteer_id) is None:
            raise NotFound(translate("Volunteers", "No volunteer with number {id}.").format(id=volunteer_id))
        raise Conflict(translate("Checkin", "This volunteer has no card; issue one first."))
    outcome = process_scan(s, actor, event_id, code, source="manual", now=now)
    if outcome.accepted:
        audit.record(
            s, actor, "manual_scan", "event", event_id,
            after={"volunteer_id": volunteer_id, "direction": outcome.direction, "scan_id": outcome.scan_id},
        )
    return outcome


@dataclass(frozen=True)
class UndoResult:
    scan_id: int
    volunteer_id: int | None
    name: str
    direction: str | None
    message: str


def undo_last_scan(s: Session, actor: Actor, event_id: int) -> UndoResult:
    """Undo the operator's latest accepted scan at the event (a wrong card, a double tap).

    The scan stays in the log marked undone; the in/out toggle and the hours then ignore it.
    """
    require(actor, "checkin.scan")
    stmt = select(Scan).where(Scan.event_id == event_id, Scan.accepted.is_(True), Scan.undone.is_(False))
    if actor.id is not None:
        # With two consoles, each undoes its own scans.
        stmt = stmt.where(Scan.operator_id == actor.id)
    last = s.scalars(stmt.order_by(Scan.id.desc()).limit(1)).first()
    if last is None:
        raise NotFound(translate("Checkin", "There is no scan to undo."))
    if last.direction == "in":
        later_out = s.scalar(
            select(Scan.id).where(
                Scan.event_id == event_id, Scan.volunteer_id == last.volunteer_id, Scan.direction == "out",
                Scan.accepted.is_(True), Scan.undone.is_(False), Scan.id > last.id,
            )
        )
        if later_out is not None:
            raise Conflict(translate("Checkin", "This volunteer has signed out since; undo the sign-out first."))
    last.undone = True
    name = s.scalar(select(Volunteer.name).where(Volunteer.id == last.volunteer_id)) or ""
    audit.record(
        s, actor, "undo_scan", "scan", last.id,
        {"undone": False}, {"undone": True, "volunteer_id": last.volunteer_id, "direction": last.direction},
    )
    s.flush()
    text = (
        translate("Checkin", "Undone: the sign-in of {name}.")
        if last.direction == "in"
        else translate("Checkin", "Undone: the sign-out of {name}.")
    )
    return UndoResult(last.id, last.volunteer_id, name, last.direction, text.format(name=name))


@dataclass(frozen=True)
class EventCounters:
    enrolled: int
    signed_in_now: int
    signed_out: int
    walk_ins: int


def event_counters(s: Session, event_id: int) -> EventCounters:
    """The console's header figures, two small indexed queries."""
    enrolled = s.scalar(
        select(func.count()).where(Enrolment.event_id == event_id, Enrolment.status == "enrolled")
    ) or 0
    # The toggle allows one accepted sign-in and one sign-out per volunteer and event.
    ins, outs, walk_ins = s.execute(
        select(
            func.count(func.distinct(Scan.volunteer_id)).filter(Scan.direction == "in"),
            func.count(func.distinct(Scan.volunteer_id)).filter(Scan.direction == "out"),
            func.count(func.distinct(Scan.volunteer_id)).filter(Scan.direction == "in", Scan.walk_in.is_(True)),
        ).where(Scan.event_id == event_id, Scan.accepted.is_(True), Scan.undone.is_(False))
    ).one()
    return EventCounters(enrolled, (ins or 0) - (outs or 0), outs or 0, walk_ins or 0)


@dataclass(frozen=True)
class ScanRow:
    id: int
    scanned_at: datetime
    volunteer_id: int | None
    name: str
    direction: str | None
    accepted: bool
    reason: str
    source: str
    walk_in: bool
    undone: bool
    raw: str

    @property
    def label(self) -> str:
        return direction_label(self.direction) if self.accepted else reason_label(self.reason)


def recent_scans(s: Session, event_id: int, limit: int = 50) -> list[ScanRow]:
    """The console's running list, newest first."""
    rows = s.execute(
        select(
            Scan.id, Scan.scanned_at, Scan.volunteer_id, func.coalesce(Volunteer.name, ""), Scan.direction,
            Scan.accepted, Scan.reason, Scan.source, Scan.walk_in, Scan.undone, Scan.raw,
        )
        .outerjoin(Volunteer, Volunteer.id == Scan.volunteer_id)
        .where(Scan.event_id == event_id)
        .order_by(Scan.id.desc())
        .limit(max(0, limit))
    )
    return [ScanRow(*r) for r in rows]
