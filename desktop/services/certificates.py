"""The certificate register: issue numbered certificates (one or a batch), reprint, look up.

A number is station code, year and serial (``001-2025-00017``), unique, given in order within
the year under the write lock of the unit of work. What a certificate says (hours, activities)
is stored with it, so a reprint keeps the number, says it is a copy and shows the same figures
even after later corrections to the records.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    Certificate,
    Event,
    ServiceRecord,
    Team,
    TeamMembership,
    Volunteer,
    utcnow,
)
from desktop.services import audit, settings, stars, stations
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require

KIND_LABELS = {
    "service": QT_TRANSLATE_NOOP("Certificates", "Service certificate"),
    "honour": QT_TRANSLATE_NOOP("Certificates", "Honour certificate"),
}
# Activities listed one by one on a certificate; beyond this they are summed by category.
MAX_LISTED = 8
_CHUNK = 500  # volunteer ids per IN (...) query


def kind_label(kind: str) -> str:
    return translate("Certificates", KIND_LABELS.get(kind, kind))


@dataclass(frozen=True)
class CertificateRow:
    """One line of the register."""

    id: int
    number: str
    kind: str
    volunteer_id: int
    volunteer_name: str
    period_from: date | None
    period_to: date | None
    hours: float
    star_level: int | None
    issuer_name: str
    issued_at: datetime
    reprints: int


@dataclass(frozen=True)
class Skipped:
    """A volunteer a batch left out: `reason` for the program, `message` for the person."""

    volunteer_id: int
    reason: str  # "unknown", "no_hours", "duplicate" or "level"
    message: str


@dataclass(frozen=True)
class BatchResult:
    issued: list[int]  # certificate ids, in print order
    skipped: list[Skipped]


@dataclass(frozen=True)
class ServiceSummary:
    """Approved service of one volunteer in a period, as a certificate states it."""

    minutes: int
    events: int
    by_category: list[tuple[str, int, int]]  # (category, events, minutes)
    activities: list[tuple[date, str, int]]  # (local date, title, minutes); empty if too many


# --- numbers -----------------------------------------------------------------------------


def station_code(s: Session) -> str:
    """The issuing station's code in certificate numbers: its number in this file, three digits."""
    return f"{stations.home_station_id(s) or 0:03d}"


def format_number(code: str, year: int, serial: int) -> str:
    return f"{code}-{year}-{serial:05d}"


def normalise_number(text: str) -> str:
    """What a person types or a scanner reads, as stored: trimmed, full-width folded, upper-case."""
    return unicodedata.normalize("NFKC", text or "").strip().upper()


class _Numbers:
    """Hands out the next serials of a year; the unit of work's write lock keeps them unique."""

    def __init__(self, s: Session, today: date):
        self.code = station_code(s)
        self.year = today.year
        self.last = s.scalar(
            select(func.max(Certificate.serial)).where(
                Certificate.station_code == self.code, Certificate.year == self.year
            )
        ) or 0

    def next(self) -> tuple[int, str]:
        self.last += 1
        return self.last, format_number(self.code, self.year, self.last)


# --- what the records say ----------------------------------------------------------------


def _counted(volunteer_ids: list[int], start: date | None, end: date | None) -> list:
    """What a certificate counts: these volunteers' approved records of events held in [start, end]."""
    conds = [ServiceRecord.volunteer_id.in_(volunteer_ids), ServiceRecord.review_state == "approved"]
    if start is not None:
        conds.append(Event.start_at >= local_day_bounds(start)[0])
    if end is not None:
        conds.append(Event.start_at < local_day_bounds(end)[1])
    return conds


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def service_summaries(
    s: Session, volunteer_ids: list[int], start: date | None, end: date | None
) -> dict[int, ServiceSummary]:
    """Approved service in [start, end] (local dates of the events) for many volunteers at once."""
    totals: dict[int, dict[str, tuple[int, int]]] = {}
    for chunk in _chunks(volunteer_ids):
        rows = s.execute(
            select(
                ServiceRecord.volunteer_id,
                Event.category,
                func.count(func.distinct(ServiceRecord.event_id)),
                func.sum(ServiceRecord.minutes),
            )
            .join(Event, Event.id == ServiceRecord.event_id)
            .where(*_counted(chunk, start, end))
            .group_by(ServiceRecord.volunteer_id, Event.category)
        )
        for vid, category, events, minutes in rows:
            totals.setdefault(vid, {})[category] = (int(events), int(minutes or 0))
    few = [vid for vid, cats in totals.items() if sum(e for e, _ in cats.values()) <= MAX_LISTED]
    listed: dict[int, list[tuple[date, str, int]]] = {}
    for chunk in _chunks(few):
        rows = s.execute(
            select(ServiceRecord.volunteer_id, Event.start_at, Event.title, ServiceRecord.minutes)
            .join(Event, Event.id == ServiceRecord.event_id)
            .where(*_counted(chunk, start, end))
            .order_by(ServiceRecord.volunteer_id, Event.start_at, Event.id)
        )
        for vid, start_at, title, minutes in rows:
            listed.setdefault(vid, []).append((start_at.astimezone().date(), title, int(minutes)))
    out = {}
    for vid, cats in totals.items():
        by_category = sorted(((c, e, m) for c, (e, m) in cats.items()), key=lambda t: (-t[2], t[0]))
        out[vid] = ServiceSummary(
            minutes=sum(m for _, _, m in by_category),
            events=sum(e for _, e, _ in by_category),
            by_category=by_category,
            activities=listed.get(vid, []),
        )
    return out


def _volunteers(s: Session, ids: list[int]) -> dict[int, Volunteer]:
    found: dict[int, Volunteer] = {}
    for chunk in _chunks(ids):
        found.update({v.id: v for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(chunk)))})
    return found


# --- issuing -----------------------------------------------------------------------------


def _check_period(start: date | None, end: date | None, today: date) -> None:
    if start and end and start > end:
        raise ValidationError("period_from", translate("Certificates", "The period starts after it ends."))
    if (end and end > today) or (start and start > today):
        raise ValidationError("period_to", translate("Certificates", "The period cannot end in the future."))


@dataclass(frozen=True)
class _Terms:
    """What one certificate of a batch states, before it has a number."""

    period_from: date | None
    period_to: date | None
    minutes: int
    star_level: int | None
    remarks: str
    content: dict


def _same_as(kind: str, volunteer_id: int, terms: _Terms | Certificate) -> tuple:
    """What makes a second certificate a duplicate: the same period (service) or star level (honour)."""
    if kind == "service":
        return (volunteer_id, terms.period_from, terms.period_to)
    return (volunteer_id, terms.star_level)


def _already(s: Session, kind: str, volunteer_ids: list[int]) -> dict[tuple, Certificate]:
    """Certificates already issued, keyed by what makes one a duplicate."""
    out: dict[tuple, Certificate] = {}
    for chunk in _chunks(volunteer_ids):
        for c in s.scalars(
            select(Certificate).where(Certificate.kind == kind, Certificate.volunteer_id.in_(chunk))
        ):
            out.setdefault(_same_as(kind, c.volunteer_id, c), c)
    return out


def _duplicate(vid: int, c: Certificate) -> Skipped:
    return Skipped(vid, "duplicate", translate(
        "Certificates",
        "Certificate No. {number} was already issued for this on {date}. Reprint it instead.",
    ).format(number=c.number, date=c.issued_at.astimezone().date().isoformat()))


def _unknown(vid: int) -> Skipped:
    return Skipped(vid, "unknown", translate("Certificates", "No volunteer with number {id}.").format(id=vid))


def _issue_each(
    s: Session,
    actor: Actor,
    kind: str,
    ids: list[int],
    today: date,
    terms_for: Callable[[Volunteer], _Terms | Skipped],
) -> BatchResult:
    """Register a certificate per volunteer, in order; unknown volunteers, those `terms_for` turns
    down and those who already hold the same certificate are skipped and said why."""
    people = _volunteers(s, ids)
    existing = _already(s, kind, ids)
    numbers = _Numbers(s, today)
    issued: list[int] = []
    skipped: list[Skipped] = []
    for vid in ids:
        v = people.get(vid)
        if v is None:
            skipped.append(_unknown(vid))
            continue
        terms = terms_for(v)
        if isinstance(terms, Skipped):
            skipped.append(terms)
            continue
        dup = existing.get(_same_as(kind, vid, terms))
        if dup is not None:
            skipped.append(_duplicate(vid, dup))
            continue
        issued.append(_register(s, actor, numbers, kind, v, terms).id)
    return BatchResult(issued, skipped)


def _register(
    s: Session, actor: Actor, numbers: _Numbers, kind: str, volunteer: Volunteer, terms: _Terms
) -> Certificate:
    serial, number = numbers.next()
    cert = Certificate(
        number=number,
        kind=kind,
        station_code=numbers.code,
        year=numbers.year,
        serial=serial,
        volunteer_id=volunteer.id,
        period_from=terms.period_from,
        period_to=terms.period_to,
        minutes=terms.minutes,
        star_level=terms.star_level,
        remarks=terms.remarks,
        content=json.dumps(terms.content, ensure_ascii=False, default=str),
        issued_by=actor.id,
        issuer_name=actor.name,
    )
    s.add(cert)
    s.flush()
    audit.record(
        s, actor, "issue", "certificate", cert.id,
        after={
            "number": number, "kind": kind, "volunteer_id": volunteer.id,
            "period_from": terms.period_from, "period_to": terms.period_to, "minutes": terms.minutes,
            "star_level": terms.star_level,
        },
    )
    return cert


def _service_content(v: Volunteer, summary: ServiceSummary, full_id: bool) -> dict:
    return {
        "name": v.name,
        "events": summary.events,
        "activities": [[d.isoformat(), title, m] for d, title, m in summary.activities],
        "summary": [[c, e, m] for c, e, m in summary.by_category],
        "full_id": full_id,
    }


def issue_service_certificates(
    s: Session,
    actor: Actor,
    volunteer_ids: list[int],
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    remarks: str = "",
    full_id: bool = False,
    today: date | None = None,
) -> BatchResult:
    """Register a service certificate for each volunteer with approved hours in the period.

    Without an end the period runs to today. Volunteers without approved hours in the period,
    or who already have a certificate for exactly this period, are skipped and said why.
    """
    require(actor, "printing")
    if full_id:
        require(actor, "reveal_personal")
    today = today or date.today()
    period_to = period_to or today
    _check_period(period_from, period_to, today)
    remarks = (remarks or "").strip()
    if len(remarks) > 300:
        raise ValidationError("remarks", translate("Certificates", "Remarks are limited to 300 characters."))
    ids = list(dict.fromkeys(volunteer_ids))
    # Unknown ids have no records, so they add nothing here; the batch skips them.
    summaries = service_summaries(s, ids, period_from, period_to)

    def terms_for(v: Volunteer) -> _Terms | Skipped:
        summary = summaries.get(v.id)
        if summary is None or summary.minutes <= 0:
            return Skipped(v.id, "no_hours", translate(
                "Certificates", "{name} has no approved service hours in this period."
            ).format(name=v.name))
        return _Terms(
            period_from=period_from, period_to=period_to, minutes=summary.minutes, star_level=None,
            remarks=remarks, content=_service_content(v, summary, full_id),
        )

    return _issue_each(s, actor, "service", ids, today, terms_for)


def issue_service_certificate(
    s: Session,
    actor: Actor,
    volunteer_id: int,
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    remarks: str = "",
    full_id: bool = False,
    today: date | None = None,
) -> int:
    """One volunteer's certificate; raises with the reason when there is nothing to certify."""
    result = issue_service_certificates(
        s, actor, [volunteer_id], period_from, period_to, remarks=remarks, full_id=full_id, today=today
    )
    return _the_one(result)


def _the_one(result: BatchResult) -> int:
    """The one certificate a single issue made, or the reason it made none, raised."""
    if not result.issued:
        raise _error(result.skipped[0])
    return result.issued[0]


def _error(skip: Skipped) -> Exception:
    if skip.reason == "unknown":
        return NotFound(skip.message)
    if skip.reason == "duplicate":
        return Conflict(skip.message)
    return ValidationError("period" if skip.reason == "no_hours" else "level", skip.message)


def issue_for_team(
    s: Session,
    actor: Actor,
    team_id: int,
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    remarks: str = "",
    today: date | None = None,
) -> BatchResult:
    """Service certificates for every member of a team who served in the period."""
    members = list(
        s.scalars(
            select(TeamMembership.volunteer_id)
            .join(Volunteer, Volunteer.id == TeamMembership.volunteer_id)
            .where(TeamMembership.team_id == team_id)
            .order_by(Volunteer.name_pinyin, Volunteer.id)
        )
    )
    if not members and s.get(Team, team_id) is None:
        raise NotFound(translate("Certificates", "No team with number {id}.").format(id=team_id))
    return issue_service_certificates(s, actor, members, period_from, period_to, remarks=remarks, today=today)


def _cumulative_minutes(s: Session, volunteer_ids: list[int], as_of: date) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk in _chunks(volunteer_ids):
        rows = s.execute(
            select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
            .join(Event, Event.id == ServiceRecord.event_id)
            .where(*_counted(chunk, None, as_of))
            .group_by(ServiceRecord.volunteer_id)
        )
        out.update({vid: int(m or 0) for vid, m in rows})
    return out


def issue_honours(
    s: Session,
    actor: Actor,
    levels: dict[int, int | None],
    as_of: date | None = None,
    *,
    today: date | None = None,
) -> BatchResult:
    """Honour certificates: volunteer id -> star level (None: the level their hours give).

    Hours count up to `as_of` (default today). A level above what the hours give, or one the
    volunteer already holds a certificate for, is skipped and said why.
    """
    require(actor, "printing")
    today = today or date.today()
    as_of = as_of or today
    _check_period(None, as_of, today)
    ids = list(levels)
    minutes = _cumulative_minutes(s, ids, as_of)
    thresholds = settings.load(s).star_thresholds

    def terms_for(v: Volunteer) -> _Terms | Skipped:
        total = minutes.get(v.id, 0)
        reached = stars.level_for_hours(total / 60, thresholds)
        level = levels[v.id] or reached
        if level < 1 or level > reached:
            return Skipped(v.id, "level", translate(
                "Certificates", "{name} has not reached this star level ({hours} approved hours)."
            ).format(name=v.name, hours=round(total / 60, 2)))
        return _Terms(
            period_from=None, period_to=as_of, minutes=total, star_level=level, remarks="",
            content={"name": v.name},
        )

    return _issue_each(s, actor, "honour", ids, today, terms_for)


def issue_honour(
    s: Session,
    actor: Actor,
    volunteer_id: int,
    level: int | None = None,
    as_of: date | None = None,
    *,
    today: date | None = None,
) -> int:
    """One honour certificate (default: the level the volunteer's hours give)."""
    return _the_one(issue_honours(s, actor, {volunteer_id: level}, as_of, today=today))


def issue_for_star_reached(
    s: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    kind: str = "honour",
    today: date | None = None,
) -> BatchResult:
    """Certificates for everyone who reached a new star level in [start, end]: honour
    certificates for the level reached, or service certificates for all hours up to `end`."""
    require(actor, "printing")
    today = today or date.today()
    _check_period(start, end, today)
    reached = stars.reached_in_period(s, start, end, settings.load(s).star_thresholds)
    names: dict[int, str] = {}
    for chunk in _chunks([r[0] for r in reached]):
        names.update(s.execute(select(Volunteer.id, Volunteer.name_pinyin).where(Volunteer.id.in_(chunk))).all())
    reached.sort(key=lambda r: (names.get(r[0], ""), r[0]))
    if kind == "honour":
        return issue_honours(s, actor, {vid: after for vid, _before, after in reached}, end, today=today)
    if kind == "service":
        return issue_service_certificates(s, actor, [vid for vid, _b, _a in reached], None, end, today=today)
    raise ValidationError("kind", translate("Certificates", "Unknown kind of certificate."))


# --- reprints and the register -----------------------------------------------------------


def find_by_number(s: Session, number: str) -> int:
    cid = s.scalar(select(Certificate.id).where(Certificate.number == normalise_number(number)))
    if cid is None:
        raise NotFound(
            translate("Certificates", "No certificate with number {number} in the register.").format(
                number=number.strip()
            )
        )
    return cid


def reprint(s: Session, actor: Actor, certificate_id: int) -> int:
    """Record a reprint (printed as a copy with the same number); returns how many there were."""
    require(actor, "printing")
    cert = s.get(Certificate, certificate_id)
    if cert is None:
        raise NotFound(
            translate("Certificates", "No certificate with number {number} in the register.").format(
                number=certificate_id
            )
        )
    content = json.loads(cert.content or "{}")
    if content.get("full_id"):
        require(actor, "reveal_personal")
    cert.reprints += 1
    cert.last_reprinted_at = utcnow()
    audit.record(
        s, actor, "reprint", "certificate", cert.id,
        before={"reprints": cert.reprints - 1}, after={"reprints": cert.reprints, "number": cert.number},
    )
    return cert.reprints


@dataclass
class CertificateQuery:
    search: str = ""  # number, or the start of a volunteer's name
    kind: str | None = None
    volunteer_id: int | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    descending: bool = True


def _register_query(q: CertificateQuery, stmt):
    text = (q.search or "").strip()
    if text:
        stmt = stmt.where(
            or_(Certificate.number.startswith(normalise_number(text)), Volunteer.name.startswith(text))
        )
    if q.kind:
        stmt = stmt.where(Certificate.kind == q.kind)
    if q.volunteer_id:
        stmt = stmt.where(Certificate.volunteer_id == q.volunteer_id)
    if q.issued_from:
        stmt = stmt.where(Certificate.issued_at >= local_day_bounds(q.issued_from)[0])
    if q.issued_to:
        stmt = stmt.where(Certificate.issued_at < local_day_bounds(q.issued_to)[1])
    return stmt


def list_certificates(
    s: Session, q: CertificateQuery | None = None, offset: int = 0, limit: int = 100
) -> list[CertificateRow]:
    """A page of the register, newest first unless asked otherwise."""
    q = q or CertificateQuery()
    stmt = _register_query(
        q,
        select(
            Certificate.id, Certificate.number, Certificate.kind, Certificate.volunteer_id, Volunteer.name,
            Certificate.period_from, Certificate.period_to, Certificate.minutes, Certificate.star_level,
            Certificate.issuer_name, Certificate.issued_at, Certificate.reprints,
        ).join(Volunteer, Volunteer.id == Certificate.volunteer_id),
    )
    order = Certificate.id.desc() if q.descending else Certificate.id.asc()
    rows = s.execute(stmt.order_by(order).offset(offset).limit(limit))
    return [
        CertificateRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], round(r[7] / 60, 2), r[8], r[9], r[10], r[11])
        for r in rows
    ]


def count_certificates(s: Session, q: CertificateQuery | None = None) -> int:
    stmt = _register_query(
        q or CertificateQuery(),
        select(func.count(Certificate.id)).join(Volunteer, Volunteer.id == Certificate.volunteer_id),
    )
    return s.scalar(stmt) or 0
