"""Demo teams: named after their station, most volunteers in one or two of them, a leader each."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.models import SERVICE_CATEGORIES, Team, TeamMembership
from desktop.services import demo_words as words

if TYPE_CHECKING:
    from desktop.services.demo import DemoStation
    from desktop.services.demo_job import Job
    from desktop.services.demo_people import People


@dataclass
class Pool:
    """People who may serve at an event: sorted by the day they joined, so a prefix is 'by then'."""

    since: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)

    def add_all(self, pairs: list[tuple[int, int]]) -> None:
        pairs.sort()
        self.since = [d for d, _ in pairs]
        self.people = [p for _, p in pairs]


@dataclass
class DemoTeam:
    """A team as drawn: its station (index), how big it grows, its members by the day they joined."""

    id: int
    name: str
    category: str
    station: int
    weight: float
    created_at: datetime
    pool: Pool = field(default_factory=Pool)
    leader: int | None = None


def add_teams(job: Job, stations: list[DemoStation], people: People) -> list[DemoTeam]:
    """Teams with members (most volunteers in one or two) and a leader each."""
    rng = job.rng("teams")
    kinds = [
        (cat, name) for cat in SERVICE_CATEGORIES for name in words.TEAM_NAMES.get(cat, ())
    ]
    rng.shuffle(kinds)
    station_cum = list(accumulate(st.weight for st in stations))
    used = {(sid, name) for sid, name in job.s.execute(select(Team.station_id, Team.name))}
    teams: list[DemoTeam] = []
    for i, tid in enumerate(job.ids(Team, job.size.teams)):
        category, base = kinds[i % len(kinds)]
        st = rng.choices(range(len(stations)), cum_weights=station_cum)[0]
        name = _unique_name(stations[st].prefix + base, stations[st].id, used)
        founded = job.today - timedelta(days=rng.randrange(400, 6 * 365))
        teams.append(
            DemoTeam(
                tid, name, category, st, rng.lognormvariate(0, 0.6), job.at(founded, time(9))
            )
        )
    memberships = _memberships(job, rng, teams, people)
    for team in teams:
        team.leader = _leader(rng, team.pool)
    job.insert(Team, [_team_row(job, t, people) for t in teams])
    job.insert(TeamMembership, memberships)
    job.advance(len(teams))
    return teams


def _memberships(job: Job, rng: random.Random, teams: list[DemoTeam], people: People) -> list[dict]:
    if not teams:
        return []
    by_station: dict[int, list[DemoTeam]] = {}
    for t in teams:
        by_station.setdefault(t.station, []).append(t)
    pairs: dict[int, list[tuple[int, int]]] = {t.id: [] for t in teams}
    rows = []
    for p, vid in enumerate(people.ids):
        r = rng.random()
        want = 0 if r < 0.1 else 1 if r < 0.75 else 2
        choices = by_station.get(people.station[p]) or teams
        picked = {
            t.id: t for t in rng.choices(choices, weights=[t.weight for t in choices], k=want)
        }
        for team in picked.values():
            lag = min(90, job.today.toordinal() - people.registered[p])
            joined = people.registered[p] + rng.randint(0, max(0, lag))
            pairs[team.id].append((joined, p))
            rows.append(
                {"team_id": team.id, "volunteer_id": vid, "joined_on": date.fromordinal(joined)}
            )
    for t in teams:
        t.pool.add_all(pairs[t.id])
    return rows


def _team_row(job: Job, t: DemoTeam, people: People) -> dict:
    return {
        "id": t.id,
        "name": t.name,
        "category": t.category,
        "station_id": job.station_ids[t.station],
        "leader_id": people.ids[t.leader] if t.leader is not None else None,
        "description": "",
        "created_at": t.created_at,
    }


_CN_DIGITS = "零一二三四五六七八九十"


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    return str(n)


def _unique_name(name: str, station_id: int, used: set[tuple[int, str]]) -> str:
    """书香阅读志愿队, then 书香阅读志愿队第二分队 ... within one station."""
    candidate, n = name, 1
    while (station_id, candidate) in used:
        n += 1
        candidate = f"{name}第{_cn_number(n)}分队"
    used.add((station_id, candidate))
    return candidate


def _leader(rng: random.Random, pool: Pool) -> int | None:
    """One of the earliest members leads the team."""
    if not pool.people:
        return None
    return pool.people[rng.randrange(max(1, len(pool.people) // 10))]
