"""Volunteer teams: create, edit, list with member counts, add, remove and move members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, aliased

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import SERVICE_CATEGORIES, Station, Team, TeamMembership, Volunteer
from desktop.services import audit
from desktop.services.errors import NotFound, ValidationError
from desktop.services.permissions import Actor, require

CATEGORY_LABELS = {
    "elderly_disability": QT_TRANSLATE_NOOP("Categories", "Elderly and disability assistance"),
    "reading": QT_TRANSLATE_NOOP("Categories", "Reading promotion and parent-child reading"),
    "civilized_traffic": QT_TRANSLATE_NOOP("Categories", "Civilized traffic"),
    "policy_lecture": QT_TRANSLATE_NOOP("Categories", "Policy lectures"),
    "science": QT_TRANSLATE_NOOP("Categories", "Science popularisation"),
    "environment": QT_TRANSLATE_NOOP("Categories", "Environmental protection"),
    "culture_arts": QT_TRANSLATE_NOOP("Categories", "Culture and arts"),
    "other": QT_TRANSLATE_NOOP("Categories", "Other services"),
}


def category_label(category: str) -> str:
    return translate("Categories", CATEGORY_LABELS.get(category, category))


@dataclass
class TeamInput:
    name: str
    category: str = "other"
    station_id: int | None = None
    leader_id: int | None = None
    description: str = ""


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    category: str
    station: str
    leader: str
    members: int


@dataclass
class TeamQuery:
    search: str = ""
    category: str | None = None
    station_id: int | None = None
    sort: str = "name"
    descending: bool = False


def _validate(s: Session, data: TeamInput, existing_id: int | None = None) -> TeamInput:
    errors = {}
    name = " ".join((data.name or "").split())
    if not name:
        errors["name"] = translate("Teams", "The team needs a name.")
    if data.category not in SERVICE_CATEGORIES:
        errors["category"] = translate("Teams", "Unknown service category: {category}").format(
            category=data.category
        )
    if data.leader_id is not None and s.get(Volunteer, data.leader_id) is None:
        errors["leader_id"] = translate("Teams", "The leader is not a registered volunteer.")
    if name and "name" not in errors:
        clash = s.scalar(
            select(Team.id).where(
                Team.name == name, Team.station_id.is_(data.station_id) if data.station_id is None
                else Team.station_id == data.station_id, Team.id != (existing_id or 0)
            )
        )
        if clash:
            errors["name"] = translate("Teams", "A team named {name} already exists.").format(name=name)
    if errors:
        raise ValidationError(errors)
    return TeamInput(name, data.category, data.station_id, data.leader_id, data.description or "")


def _get(s: Session, team_id: int) -> Team:
    team = s.get(Team, team_id)
    if team is None:
        raise NotFound(translate("Teams", "No team with number {id}.").format(id=team_id))
    return team


def _snapshot(t: Team) -> dict:
    return {
        "name": t.name,
        "category": t.category,
        "station_id": t.station_id,
        "leader_id": t.leader_id,
        "description": t.description,
    }


def create_team(s: Session, actor: Actor, data: TeamInput) -> int:
    require(actor, "teams.edit")
    clean = _validate(s, data)
    team = Team(**vars(clean))
    s.add(team)
    s.flush()
    audit.record(s, actor, "create", "team", team.id, after=_snapshot(team))
    if clean.leader_id:
        _add(s, team.id, [clean.leader_id])
    return team.id


def update_team(s: Session, actor: Actor, team_id: int, data: TeamInput) -> None:
    require(actor, "teams.edit")
    team = _get(s, team_id)
    clean = _validate(s, data, existing_id=team_id)
    before = _snapshot(team)
    for key, value in vars(clean).items():
        setattr(team, key, value)
    old, new = audit.changed(before, _snapshot(team))
    if new:
        audit.record(s, actor, "update", "team", team.id, old, new)
    if clean.leader_id:
        _add(s, team.id, [clean.leader_id])


def _add(s: Session, team_id: int, volunteer_ids: list[int]) -> list[int]:
    present = set(
        s.scalars(
            select(TeamMembership.volunteer_id).where(
                TeamMembership.team_id == team_id, TeamMembership.volunteer_id.in_(volunteer_ids)
            )
        )
    )
    new = [v for v in dict.fromkeys(volunteer_ids) if v not in present]
    if new:
        s.execute(
            insert(TeamMembership),
            [{"team_id": team_id, "volunteer_id": v, "joined_on": date.today()} for v in new],
        )
    return new


def add_members(s: Session, actor: Actor, team_id: int, volunteer_ids: list[int]) -> int:
    """Add many volunteers at once; those already members are left as they are."""
    require(actor, "teams.edit")
    _get(s, team_id)
    known = set(s.scalars(select(Volunteer.id).where(Volunteer.id.in_(volunteer_ids))))
    missing = [v for v in volunteer_ids if v not in known]
    if missing:
        raise ValidationError(
            "volunteer_ids",
            translate("Teams", "No volunteer with number {id}.").format(id=missing[0]),
        )
    added = _add(s, team_id, volunteer_ids)
    if added:
        audit.record(s, actor, "add_members", "team", team_id, after={"volunteer_ids": added})
    return len(added)


def remove_members(s: Session, actor: Actor, team_id: int, volunteer_ids: list[int]) -> int:
    require(actor, "teams.edit")
    team = _get(s, team_id)
    result = s.execute(
        delete(TeamMembership).where(
            TeamMembership.team_id == team_id, TeamMembership.volunteer_id.in_(volunteer_ids)
        )
    )
    if team.leader_id in volunteer_ids:
        team.leader_id = None
    if result.rowcount:
        audit.record(s, actor, "remove_members", "team", team_id, before={"volunteer_ids": volunteer_ids})
    return result.rowcount or 0


def move_members(s: Session, actor: Actor, from_team: int, to_team: int, volunteer_ids: list[int]) -> int:
    """Move volunteers from one team to another in one step (both audited)."""
    require(actor, "teams.edit")
    if from_team == to_team:
        raise ValidationError("to_team", translate("Teams", "Choose a different team to move to."))
    _get(s, to_team)
    moved = remove_members(s, actor, from_team, volunteer_ids)
    add_members(s, actor, to_team, volunteer_ids)
    return moved


def _query(q: TeamQuery):
    leader = aliased(Volunteer)
    members = (
        select(TeamMembership.team_id, func.count().label("n"))
        .group_by(TeamMembership.team_id)
        .subquery()
    )
    stmt = (
        select(
            Team.id,
            Team.name,
            Team.category,
            func.coalesce(Station.name, "").label("station"),
            func.coalesce(leader.name, "").label("leader"),
            func.coalesce(members.c.n, 0).label("members"),
        )
        .outerjoin(Station, Station.id == Team.station_id)
        .outerjoin(leader, leader.id == Team.leader_id)
        .outerjoin(members, members.c.team_id == Team.id)
    )
    if q.search.strip():
        stmt = stmt.where(Team.name.contains(q.search.strip()))
    if q.category:
        stmt = stmt.where(Team.category == q.category)
    if q.station_id:
        stmt = stmt.where(Team.station_id == q.station_id)
    return stmt, members


def list_teams(s: Session, q: TeamQuery | None = None, offset: int = 0, limit: int = 1000) -> list[TeamRow]:
    q = q or TeamQuery()
    stmt, members = _query(q)
    order = {
        "name": Team.name,
        "category": Team.category,
        "members": func.coalesce(members.c.n, 0),
        "id": Team.id,
    }.get(q.sort, Team.name)
    stmt = stmt.order_by(order.desc() if q.descending else order.asc(), Team.id).offset(offset).limit(limit)
    return [TeamRow(*r) for r in s.execute(stmt)]


def count_teams(s: Session, q: TeamQuery | None = None) -> int:
    stmt, _ = _query(q or TeamQuery())
    return s.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def get_team(s: Session, team_id: int) -> TeamInput:
    t = _get(s, team_id)
    return TeamInput(t.name, t.category, t.station_id, t.leader_id, t.description)


def member_ids(s: Session, team_id: int) -> list[int]:
    return list(
        s.scalars(select(TeamMembership.volunteer_id).where(TeamMembership.team_id == team_id))
    )


def find_team_by_name(s: Session, name: str) -> int | None:
    return s.scalar(select(Team.id).where(Team.name == " ".join(name.split())).limit(1))
