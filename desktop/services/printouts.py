"""What each printed document shows, read from the database into the printing dataclasses.

Printing is two steps, the same from the window and the command line: a function here builds a
document's data (in a unit of work, quickly), then `desktop.printing.<document>.render_xxx`
writes the PDF (outside the transaction, with progress and cancel for long batches).
Phone and ID numbers are masked unless the caller asks to reveal them, which needs the
"reveal_personal" permission and is audited (so use a writing unit of work for that).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.idcard import mask_id, mask_phone
from desktop.models import (
    Certificate,
    Enrolment,
    Event,
    ServiceRecord,
    Station,
    Team,
    TeamMembership,
    Volunteer,
    utcnow,
)
from desktop.printing.attendance import AttendanceData, AttendanceRow
from desktop.printing.cards import CardData
from desktop.printing.certificate import ActivityLine, CategoryTotal, CertificateData
from desktop.printing.common import Branding
from desktop.printing.event_details import EventInfo
from desktop.printing.honour import HonourData
from desktop.printing.period_report import CategoryLine, PeriodReportData, TeamLine
from desktop.printing.roster import RosterData, RosterRow
from desktop.printing.signin_sheet import SigninRow, SigninSheetData
from desktop.services import audit, certificates, hours, hours_export, settings, stars, stations, stats
from desktop.services.errors import NotFound
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require
from desktop.services.teams import category_label
from desktop.services.volunteers import GENDER_LABELS, ID_TYPE_LABELS, STATUS_LABELS, label

_CHUNK = 500


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def branding(s: Session) -> Branding:
    """The station as the settings describe it; its name falls back to the home station's."""
    conf = settings.load(s)
    name = conf.station_name
    if not name:
        home = stations.home_station_id(s)
        name = (s.get(Station, home).name if home is not None else "") or ""
    return Branding(
        station_name=name,
        person_in_charge=conf.person_in_charge,
        handler=conf.handler,
        contact=conf.contact,
        logo_path=str(Path(conf.logo_path).expanduser()) if conf.logo_path else "",
        seal_path=str(Path(conf.seal_path).expanduser()) if conf.seal_path else "",
    )


def _reveal(s: Session, actor: Actor, reveal: bool, entity: str, entity_id: int | None) -> None:
    if reveal:
        require(actor, "reveal_personal")
        audit.record(s, actor, "reveal", entity, entity_id, after={"printed": True})


# --- certificates --------------------------------------------------------------------------


def _ordered(s: Session, ids: list[int]) -> list[tuple[Certificate, Volunteer]]:
    found: dict[int, tuple[Certificate, Volunteer]] = {}
    for chunk in _chunks(ids):
        for cert, vol in s.execute(
            select(Certificate, Volunteer)
            .join(Volunteer, Volunteer.id == Certificate.volunteer_id)
            .where(Certificate.id.in_(chunk))
        ):
            found[cert.id] = (cert, vol)
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(
            translate("Certificates", "No certificate with number {number} in the register.").format(
                number=missing[0]
            )
        )
    return [found[i] for i in ids]


def certificate_documents(
    s: Session, actor: Actor, certificate_ids: list[int], *, copy: bool = False
) -> list[CertificateData]:
    """Service certificates as registered, in the order given; `copy` marks reprints."""
    require(actor, "printing")
    out = []
    for cert, v in _ordered(s, certificate_ids):
        content = json.loads(cert.content or "{}")
        full_id = bool(content.get("full_id"))
        out.append(
            CertificateData(
                number=cert.number,
                name=content.get("name") or v.name,
                gender=label(GENDER_LABELS, v.gender) if v.gender else "",
                id_type=label(ID_TYPE_LABELS, v.id_type),
                id_number=(v.id_number or "") if full_id else mask_id(v.id_number),
                volunteer_no=f"{v.id:06d}",
                registered_on=v.registered_on,
                period_from=cert.period_from,
                period_to=cert.period_to,
                hours=cert.minutes / 60,
                events=int(content.get("events", 0)),
                issued_on=cert.issued_at.astimezone().date(),
                activities=[
                    ActivityLine(date.fromisoformat(d), title, m / 60)
                    for d, title, m in content.get("activities", [])
                ],
                summary=[
                    CategoryTotal(category_label(c), e, m / 60) for c, e, m in content.get("summary", [])
                ],
                remarks=cert.remarks,
                copy=copy,
                reprinted_on=date.today() if copy else None,
            )
        )
    return out


def honour_documents(
    s: Session, actor: Actor, certificate_ids: list[int], *, copy: bool = False
) -> list[HonourData]:
    require(actor, "printing")
    out = []
    for cert, v in _ordered(s, certificate_ids):
        content = json.loads(cert.content or "{}")
        out.append(
            HonourData(
                number=cert.number,
                name=content.get("name") or v.name,
                level=cert.star_level or 0,
                hours=cert.minutes / 60,
                as_of=cert.period_to or cert.issued_at.astimezone().date(),
                issued_on=cert.issued_at.astimezone().date(),
                copy=copy,
                reprinted_on=date.today() if copy else None,
            )
        )
    return out


def reprint_documents(
    s: Session, actor: Actor, number: str
) -> tuple[str, list[CertificateData] | list[HonourData]]:
    """Record a reprint of the certificate with this number and return (kind, its copy)."""
    cid = certificates.find_by_number(s, number)
    certificates.reprint(s, actor, cid)
    kind = s.scalar(select(Certificate.kind).where(Certificate.id == cid)) or "service"
    if kind == "honour":
        return kind, honour_documents(s, actor, [cid], copy=True)
    return kind, certificate_documents(s, actor, [cid], copy=True)


# --- cards ---------------------------------------------------------------------------------


def volunteer_by_code(s: Session, code: str) -> int:
    from desktop.services.volunteers import find_by_code

    vid = find_by_code(s, code)
    if vid is None:
        raise NotFound(translate("Printing", "No volunteer has the card code {code}.").format(code=code.strip()))
    return vid


def team_member_ids(s: Session, team_id: int) -> list[int]:
    """A team's members in roster order (by name); NotFound for an unknown team."""
    if s.get(Team, team_id) is None:
        raise NotFound(translate("Teams", "No team with number {id}.").format(id=team_id))
    return list(
        s.scalars(
            select(TeamMembership.volunteer_id)
            .join(Volunteer, Volunteer.id == TeamMembership.volunteer_id)
            .where(TeamMembership.team_id == team_id)
            .order_by(Volunteer.name_pinyin, Volunteer.id)
        )
    )


def enrolled_ids(s: Session, event_id: int) -> list[int]:
    """An event's enrolled volunteers (walk-ins included), by name."""
    _event(s, event_id)
    return list(
        s.scalars(
            select(Enrolment.volunteer_id)
            .join(Volunteer, Volunteer.id == Enrolment.volunteer_id)
            .where(Enrolment.event_id == event_id, Enrolment.status == "enrolled")
            .order_by(Volunteer.name_pinyin, Volunteer.id)
        )
    )


def _team_names(s: Session, volunteer_ids: list[int], prefer: int | None = None) -> dict[int, str]:
    """Each volunteer's team for a printed line: `prefer` if a member, else the first by name."""
    names: dict[int, list[tuple[int, str]]] = {}
    for chunk in _chunks(volunteer_ids):
        for vid, tid, name in s.execute(
            select(TeamMembership.volunteer_id, Team.id, Team.name)
            .join(Team, Team.id == TeamMembership.team_id)
            .where(TeamMembership.volunteer_id.in_(chunk))
            .order_by(Team.name)
        ):
            names.setdefault(vid, []).append((tid, name))
    out = {}
    for vid, teams in names.items():
        chosen = next((n for t, n in teams if t == prefer), teams[0][1])
        out[vid] = chosen
    return out


def card_documents(
    s: Session, actor: Actor, volunteer_ids: list[int], *, team_id: int | None = None
) -> list[CardData]:
    """Cards for these volunteers in this order; volunteers without a card code are left out."""
    require(actor, "printing")
    ids = list(dict.fromkeys(volunteer_ids))
    people: dict[int, tuple[str, str | None, str]] = {}
    for chunk in _chunks(ids):
        for vid, name, code, station in s.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.card_code, Station.name)
            .outerjoin(Station, Station.id == Volunteer.station_id)
            .where(Volunteer.id.in_(chunk))
        ):
            people[vid] = (name, code, station or "")
    teams = _team_names(s, ids, prefer=team_id)
    return [
        CardData(name=people[v][0], code=people[v][1] or "", team=teams.get(v, ""), station=people[v][2])
        for v in ids
        if v in people and people[v][1]
    ]


# --- events --------------------------------------------------------------------------------


def _event(s: Session, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return event


def event_info(s: Session, event: Event) -> EventInfo:
    team = s.get(Team, event.team_id).name if event.team_id else ""
    return EventInfo(
        id=event.id,
        title=event.title,
        category=category_label(event.category),
        start_at=event.start_at,
        end_at=event.end_at,
        place=event.place,
        team=team,
        leader_name=event.leader_name,
        recorder_name=event.recorder_name,
        beneficiaries=event.beneficiaries,
        service_content=event.service_content,
    )


def signin_sheet(
    s: Session, actor: Actor, event_id: int, *, blank_rows: int = 10, reveal: bool = False
) -> SigninSheetData:
    require(actor, "printing")
    event = _event(s, event_id)
    _reveal(s, actor, reveal, "event", event_id)
    ids = enrolled_ids(s, event_id)
    phones = {}
    names = {}
    for chunk in _chunks(ids):
        for vid, name, phone in s.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.phone).where(Volunteer.id.in_(chunk))
        ):
            names[vid] = name
            phones[vid] = phone if reveal else mask_phone(phone)
    teams = _team_names(s, ids, prefer=event.team_id)
    rows = [SigninRow(names[v], teams.get(v, ""), phones[v]) for v in ids]
    return SigninSheetData(event_info(s, event), rows, max(0, blank_rows))


def attendance(s: Session, actor: Actor, event_id: int, now: datetime | None = None) -> AttendanceData:
    """Who came, from the service records when the event is closed, else from the scans."""
    require(actor, "printing")
    now = now or utcnow()
    event = _event(s, event_id)
    sheet = hours_export.attendance(s, event_id, now=now)
    states = dict(
        s.execute(
            select(ServiceRecord.volunteer_id, ServiceRecord.review_state)
            .where(ServiceRecord.event_id == event_id, ServiceRecord.review_state != "superseded")
            .order_by(ServiceRecord.id)
        ).all()
    )
    ids = [r.volunteer_id for r in sheet.rows]
    teams = _team_names(s, ids, prefer=event.team_id)
    ended = now >= event.end_at.astimezone(UTC)
    rows = []
    for r in sheet.rows:
        if r.volunteer_id in states:
            state = hours.state_label(states[r.volunteer_id])
        elif r.sign_in is None:
            state = translate("Printing", "Did not come") if ended else translate("Printing", "Not signed in")
        else:
            state = translate("Printing", "Not closed")
        flags = [f for f in r.flags if f != hours.FLAG_WALK_IN]
        rows.append(
            AttendanceRow(
                name=r.name,
                team=teams.get(r.volunteer_id, ""),
                sign_in=r.sign_in,
                sign_out=r.sign_out,
                hours=r.hours,
                state=state,
                flags=translate("Common", "; ").join(hours.flag_label(f) for f in flags),
                walk_in=hours.FLAG_WALK_IN in r.flags,
            )
        )
    came = [r for r in sheet.rows if r.sign_in is not None]
    return AttendanceData(
        event=event_info(s, event),
        rows=rows,
        enrolled=len(enrolled_ids(s, event_id)),
        attended=len(came),
        walk_ins=sum(1 for r in rows if r.walk_in),
        no_shows=sum(1 for r in sheet.rows if r.sign_in is None) if ended else 0,
        hours=round(sum(r.hours or 0 for r in sheet.rows), 2),
        people_served=event.people_served,
    )


# --- teams ---------------------------------------------------------------------------------


def roster(s: Session, actor: Actor, team_id: int, *, reveal: bool = False) -> RosterData:
    require(actor, "printing")
    team = s.get(Team, team_id)
    if team is None:
        raise NotFound(translate("Teams", "No team with number {id}.").format(id=team_id))
    _reveal(s, actor, reveal, "team", team_id)
    thresholds = settings.load(s).star_thresholds
    minutes = (
        select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes).label("m"))
        .join(TeamMembership, TeamMembership.volunteer_id == ServiceRecord.volunteer_id)
        .where(TeamMembership.team_id == team_id, ServiceRecord.review_state == "approved")
        .group_by(ServiceRecord.volunteer_id)
        .subquery()
    )
    rows = s.execute(
        select(
            Volunteer.id, Volunteer.name, Volunteer.gender, Volunteer.phone, TeamMembership.joined_on,
            func.coalesce(minutes.c.m, 0), Volunteer.status,
        )
        .join(TeamMembership, TeamMembership.volunteer_id == Volunteer.id)
        .outerjoin(minutes, minutes.c.volunteer_id == Volunteer.id)
        .where(TeamMembership.team_id == team_id)
        .order_by(Volunteer.name_pinyin, Volunteer.id)
    )
    members = []
    for vid, name, gender, phone, joined, mins, status in rows:
        h = (mins or 0) / 60
        members.append(
            RosterRow(
                name=name,
                gender=label(GENDER_LABELS, gender) if gender else "",
                phone=phone if reveal else mask_phone(phone),
                joined_on=joined,
                hours=h,
                stars=stars.level_for_hours(h, thresholds),
                status=label(STATUS_LABELS, status),
                is_leader=vid == team.leader_id,
            )
        )
    # The leader heads the list, as on a paper roster.
    members.sort(key=lambda m: not m.is_leader)
    station = s.get(Station, team.station_id).name if team.station_id else ""
    leader = s.get(Volunteer, team.leader_id).name if team.leader_id else ""
    return RosterData(
        team_id=team.id,
        team_name=team.name,
        category=category_label(team.category),
        station=station,
        leader=leader,
        description=team.description,
        members=members,
    )


# --- the period report ---------------------------------------------------------------------


def period_report(s: Session, actor: Actor, start: date | None, end: date | None) -> PeriodReportData:
    """The station's figures for [start, end] as the district office collects them."""
    require(actor, "printing")
    fig = stats.figures(s, start, end)
    lo = local_day_bounds(start)[0] if start else None
    hi = local_day_bounds(end)[1] if end else None
    period = []
    if lo is not None:
        period.append(Event.start_at >= lo)
    if hi is not None:
        period.append(Event.start_at < hi)
    new_q = select(func.count(Volunteer.id))
    if start:
        new_q = new_q.where(Volunteer.registered_on >= start)
    if end:
        new_q = new_q.where(Volunteer.registered_on <= end)

    held = (
        select(
            Event.category,
            func.count(Event.id),
            func.coalesce(func.sum(Event.people_served), 0),
        )
        .where(Event.status == "finished", *period)
        .group_by(Event.category)
    )
    served = (
        select(
            Event.category,
            func.count(func.distinct(ServiceRecord.volunteer_id)),
            func.coalesce(func.sum(ServiceRecord.minutes).filter(ServiceRecord.review_state == "approved"), 0),
        )
        .join(Event, Event.id == ServiceRecord.event_id)
        .where(ServiceRecord.review_state.in_(("pending", "approved")), *period)
        .group_by(Event.category)
    )
    events_held = {c: (n, int(people)) for c, n, people in s.execute(held)}
    service = {c: (vols, int(mins)) for c, vols, mins in s.execute(served)}
    by_category = []
    for c in sorted(set(events_held) | set(service)):
        n, people = events_held.get(c, (0, 0))
        vols, mins = service.get(c, (0, 0))
        by_category.append(CategoryLine(category_label(c), n, vols, round(mins / 60, 2), people))
    by_category.sort(key=lambda line: -line.hours)

    members = (
        select(TeamMembership.team_id, func.count().label("n")).group_by(TeamMembership.team_id).subquery()
    )
    team_held = dict(
        s.execute(
            select(Event.team_id, func.count(Event.id))
            .where(Event.status == "finished", Event.team_id.is_not(None), *period)
            .group_by(Event.team_id)
        ).all()
    )
    team_served = {
        tid: (vols, int(mins))
        for tid, vols, mins in s.execute(
            select(
                Event.team_id,
                func.count(func.distinct(ServiceRecord.volunteer_id)),
                func.coalesce(
                    func.sum(ServiceRecord.minutes).filter(ServiceRecord.review_state == "approved"), 0
                ),
            )
            .join(Event, Event.id == ServiceRecord.event_id)
            .where(
                ServiceRecord.review_state.in_(("pending", "approved")), Event.team_id.is_not(None), *period
            )
            .group_by(Event.team_id)
        )
    }
    team_q = select(Team.id, Team.name, func.coalesce(members.c.n, 0)).outerjoin(
        members, members.c.team_id == Team.id
    )
    if hi is not None:
        team_q = team_q.where(Team.created_at < hi)
    by_team = []
    for tid, name, n in s.execute(team_q):
        vols, mins = team_served.get(tid, (0, 0))
        by_team.append(TeamLine(name, int(n), team_held.get(tid, 0), vols, round(mins / 60, 2)))
    by_team.sort(key=lambda t: (-t.hours, -t.events, t.team))
    return PeriodReportData(
        start=start,
        end=end,
        volunteers=fig.volunteers,
        active_volunteers=fig.active_volunteers,
        teams=fig.teams,
        events=fig.events,
        events_held=fig.events_held,
        service_hours=fig.service_hours,
        people_served=fig.people_served,
        by_category=by_category,
        by_team=by_team,
        new_volunteers=s.scalar(new_q) or 0,
    )
