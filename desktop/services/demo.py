"""Demo data: a realistic station (or a whole district), deterministic for a seed, in one transaction.

`generate` fills a database with volunteers, teams, events, enrolments, the scan log and the
service records that check-in would have produced, plus events happening today, one of them open
for check-in right now. Rows go in through SQLAlchemy Core bulk inserts in chunks (no ORM object per
row) inside one unit of work: a cancel or an error leaves nothing behind. Each kind of data has its
own random stream, so more events do not change who the volunteers are.
"""

from __future__ import annotations

import random
import time as clock
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from itertools import accumulate
from operator import itemgetter
from typing import Any

from sqlalchemy import false, func, insert, null, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.db import Database
from desktop.i18n import translate
from desktop.idcard import check_character
from desktop.models import (
    SERVICE_CATEGORIES,
    Card,
    Enrolment,
    Event,
    Scan,
    ServiceRecord,
    Team,
    TeamMembership,
    Volunteer,
    utcnow,
)
from desktop.services import audit, hours
from desktop.services import demo_words as words
from desktop.services import stations as station_service
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.events import local_tz
from desktop.services.permissions import SYSTEM, Actor, require
from desktop.services.volunteers import name_keys

CHUNK = 5000  # rows per INSERT batch: big enough to be fast, small enough to cancel promptly
EVENT_BATCH = 100  # events whose enrolments, scans and records are built and written together
TODAY_EVENTS = 3  # the open one, one in the morning, one in the afternoon
SCANS_PER_ATTENDEE = 2.08  # in + out, a few duplicates, a few missing sign-outs

Progress = Callable[[int, int], None]


@dataclass
class DemoSize:
    volunteers: int = 2000
    teams: int = 24
    events: int = 300
    scans: int = 20000


@dataclass
class DemoResult:
    volunteers: int
    teams: int
    events: int
    scans: int
    seconds: float
    open_event: int | None
    enrolments: int = 0
    service_records: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class DemoCancelled(ServiceError):
    """The user stopped the generation; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(translate("Demo", "Making demo data was cancelled; nothing was saved."))


def generate(
    db: Database,
    size: DemoSize,
    seed: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    append: bool = False,
    actor: Actor = SYSTEM,
    now: datetime | None = None,
) -> DemoResult:
    """Fill `db` with demo data; refuses a database that holds volunteers unless `append`.

    `now` fixes the moment the data is made around (for tests); the same seed, size and moment
    give the same data.
    """
    _check_size(size)
    started = clock.perf_counter()
    moment = (now or utcnow()).astimezone(timezone.utc)
    with db.uow() as s:
        require(actor, "demo")
        if not append and s.scalar(select(Volunteer.id).limit(1)) is not None:
            raise ValidationError(
                "volunteers",
                translate(
                    "Demo",
                    "This database already holds volunteers. Demo data goes into an empty database; "
                    "make a new one for it.",
                ),
            )
        job = _Job(s, actor, size, seed, moment, progress, cancelled)
        result = job.run()
        made = {k: v for k, v in result.as_dict().items() if k != "seconds"}
        audit.record(s, actor, "generate", "demo", None, after=made | {"seed": seed})
    result.seconds = round(clock.perf_counter() - started, 2)
    return result


def _check_size(size: DemoSize) -> None:
    errors = {
        name: translate("Demo", "The number cannot be negative.")
        for name in ("volunteers", "teams", "events", "scans")
        if getattr(size, name) < 0
    }
    if errors:
        raise ValidationError(errors)


# --- what later steps need to know about earlier ones -----------------------------------------


@dataclass
class _Station:
    id: int
    prefix: str  # put before its teams' names ("明珠社区" + "书香阅读志愿队")
    weight: float


@dataclass
class _People:
    """The generated volunteers as parallel lists (index = position), for the later steps."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    registered: list[int] = field(default_factory=list)  # date ordinals
    codes: list[str] = field(default_factory=list)
    station: list[int] = field(default_factory=list)  # index into the job's stations
    active: list[bool] = field(default_factory=list)
    revoked: list[tuple[datetime, int, str]] = field(default_factory=list)  # when, who, old code


@dataclass
class _Pool:
    """People who may serve at an event: sorted by the day they joined, so a prefix is 'by then'."""

    since: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)

    def add_all(self, pairs: list[tuple[int, int]]) -> None:
        pairs.sort()
        self.since = [d for d, _ in pairs]
        self.people = [p for _, p in pairs]


@dataclass
class _Team:
    id: int
    name: str
    category: str
    station: int
    weight: float
    created_at: datetime
    pool: _Pool = field(default_factory=_Pool)
    leader: int | None = None


@dataclass
class _Plan:
    """An event before it is written: enough to draw its people, scans and records."""

    day: date
    start: datetime
    end: datetime
    series: words.Series
    category: str
    station: int
    team: int | None
    status: str = "published"
    id: int = 0
    title: str = ""
    quota: int = 0  # scans to produce
    is_open: bool = False
    closed: datetime | None = None  # when staff closed it (finished events only)


# --- the job ----------------------------------------------------------------------------------


class _Job:
    """One run of the generator: the session, the random streams, the ids and the progress."""

    def __init__(
        self,
        s: Session,
        actor: Actor,
        size: DemoSize,
        seed: int,
        now: datetime,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.s = s
        self.actor = actor
        self.size = size
        self.seed = seed
        self.now = now
        self.tz = local_tz()
        self.today = now.astimezone(self.tz).date()
        self._progress = progress
        self._cancelled = cancelled
        self.total = size.volunteers + size.teams + max(size.events, TODAY_EVENTS) + size.scans
        self.done = 0
        # Ids of rows that others point at are given here; the log's rows get theirs from the database.
        self.next_id = {t: _max_id(s, t) + 1 for t in (Volunteer, Card, Team, Event)}
        self.taken_codes = set(s.scalars(select(Card.code)))
        self.taken_phones = set(s.scalars(select(Volunteer.phone).where(Volunteer.phone != "")))
        self.taken_ids = set(
            s.scalars(select(Volunteer.id_number).where(Volunteer.id_number.is_not(None)))
        )
        self._keys: dict[str, tuple[str, str]] = {}
        self.counts = {"enrolments": 0, "service_records": 0, "scans": 0}
        self.station_ids: list[int] = []
        self._team_cum: list[int] = []

    # plumbing

    def rng(self, kind: str) -> random.Random:
        return random.Random(f"stationdesk-demo:{self.seed}:{kind}")

    def ids(self, model, n: int) -> range:
        first = self.next_id[model]
        self.next_id[model] = first + n
        return range(first, first + n)

    def one_id(self, model) -> int:
        self.next_id[model] += 1
        return self.next_id[model] - 1

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise DemoCancelled()

    def advance(self, n: int) -> None:
        self.done += n
        self.check()
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def insert(self, model, rows: Sequence[dict[str, Any]], **constants: Any) -> None:
        """Bulk insert in chunks; `constants` (null(), false()) go into the SQL, not into every row."""
        stmt = insert(model.__table__).values(**constants) if constants else insert(model.__table__)
        for i in range(0, len(rows), CHUNK):
            self.check()
            self.s.execute(stmt, rows[i : i + CHUNK])

    def at(self, day: date, clock_time: time) -> datetime:
        """A local wall-clock moment as an aware UTC datetime."""
        return datetime.combine(day, clock_time, tzinfo=self.tz).astimezone(timezone.utc)

    def name_keys(self, name: str) -> tuple[str, str]:
        # pypinyin takes ~20 us a call; names repeat a lot (张伟), so one call per distinct name.
        keys = self._keys.get(name)
        if keys is None:
            keys = self._keys[name] = name_keys(name)
        return keys

    # the steps

    def run(self) -> DemoResult:
        stations = self.stations()
        self.station_ids = [st.id for st in stations]
        people = self.volunteers(stations)
        teams = self.teams(stations, people)
        plans = self.events(stations, teams, people)
        self.attendance(plans, teams, people)
        open_event = next((p.id for p in plans if p.is_open), None)
        return DemoResult(
            volunteers=len(people.ids),
            teams=len(teams),
            events=len(plans),
            scans=self.counts["scans"],
            seconds=0.0,
            open_event=open_event,
            enrolments=self.counts["enrolments"],
            service_records=self.counts["service_records"],
        )

    def stations(self) -> list[_Station]:
        """The existing home station, or a new district: a centre, its institutes and stations."""
        home = station_service.home_station_id(self.s)
        if home is not None:
            return [_Station(home, "", 1.0)]
        make = station_service.create_station
        centre = make(self.s, self.actor, f"{words.DISTRICT}新时代文明实践中心", "centre")
        out = [_Station(centre, words.DISTRICT, 2.0)]
        for street, communities in words.INSTITUTES:
            inst = make(self.s, self.actor, f"{street}新时代文明实践所", "institute", centre)
            out.append(_Station(inst, street, 1.0))
            for community in communities:
                sid = make(self.s, self.actor, f"{community}新时代文明实践站", "station", inst)
                out.append(_Station(sid, community, 1.5))
        return out

    def volunteers(self, stations: list[_Station]) -> _People:
        rng = self.rng("volunteers")
        people = _People()
        station_cum = list(accumulate(st.weight for st in stations))
        make = _PersonMaker(rng, self.today, self.taken_ids, self.taken_phones)
        ids = self.ids(Volunteer, self.size.volunteers)
        for first in range(0, len(ids), CHUNK):
            rows, cards = [], []
            for vid in ids[first : first + CHUNK]:
                row = make.person()
                st = rng.choices(range(len(stations)), cum_weights=station_cum)[0]
                row.update(self._volunteer_fields(rng, vid, row, stations[st].id))
                rows.append(row)
                cards += self._cards(rng, len(people.ids), row, people)
                people.ids.append(vid)
                people.names.append(row["name"])
                people.registered.append(row["registered_on"].toordinal())
                people.codes.append(row["card_code"])
                people.station.append(st)
                people.active.append(row["status"] == "active")
            self.insert(Volunteer, rows)
            self.insert(Card, cards)
            self.advance(len(rows))
        return people

    def _volunteer_fields(self, rng: random.Random, vid: int, row: dict, station_id: int) -> dict:
        initials, pinyin = self.name_keys(row["name"])
        created = self.at(row["registered_on"], time(8 + rng.randrange(9), rng.randrange(60)))
        return {
            "id": vid,
            "name_initials": initials,
            "name_pinyin": pinyin,
            "id_type": "resident_id",
            "id_tail": row["id_number"][-4:],
            "phone_tail": row["phone"][-4:],
            "status": "inactive" if rng.random() < 0.05 else "active",
            "consent_extra": rng.random() < 0.3,
            "card_code": self.new_code(rng),
            "station_id": station_id,
            "notes": "",
            "created_at": created,
            "updated_at": created,
        }

    def new_code(self, rng: random.Random) -> str:
        while True:
            code = codes.make_code(rng)  # type: ignore[arg-type]  # any Random has .choice
            if code not in self.taken_codes:
                self.taken_codes.add(code)
                return code

    def _cards(self, rng: random.Random, person: int, row: dict, people: _People) -> list[dict]:
        """The current card; about 2 in 100 lost a card once, so an older revoked one exists."""
        issued = row["created_at"]
        days = (self.today - row["registered_on"]).days
        out = []
        if days > 30 and rng.random() < 0.02:
            revoked = issued + timedelta(days=rng.randrange(1, days), hours=rng.randrange(8))
            old = self.new_code(rng)
            out.append(self._card_row(row["id"], old, issued, revoked))
            people.revoked.append((revoked, person, old))
            issued = revoked
        out.append(self._card_row(row["id"], row["card_code"], issued, None))
        return out

    def _card_row(self, vid: int, code: str, issued: datetime, revoked: datetime | None) -> dict:
        return {
            "id": self.one_id(Card),
            "volunteer_id": vid,
            "code": code,
            "issued_at": issued,
            "revoked_at": revoked,
        }

    def teams(self, stations: list[_Station], people: _People) -> list[_Team]:
        """Teams with members (most volunteers in one or two) and a leader each."""
        rng = self.rng("teams")
        kinds = [
            (cat, name) for cat in SERVICE_CATEGORIES for name in words.TEAM_NAMES.get(cat, ())
        ]
        rng.shuffle(kinds)
        station_cum = list(accumulate(st.weight for st in stations))
        used = {(sid, name) for sid, name in self.s.execute(select(Team.station_id, Team.name))}
        teams: list[_Team] = []
        for i, tid in enumerate(self.ids(Team, self.size.teams)):
            category, base = kinds[i % len(kinds)]
            st = rng.choices(range(len(stations)), cum_weights=station_cum)[0]
            name = _unique_name(stations[st].prefix + base, stations[st].id, used)
            founded = self.today - timedelta(days=rng.randrange(400, 6 * 365))
            teams.append(
                _Team(
                    tid, name, category, st, rng.lognormvariate(0, 0.6), self.at(founded, time(9))
                )
            )
        memberships = self._memberships(rng, teams, people)
        for team in teams:
            team.leader = _leader(rng, team.pool)
        self.insert(Team, [self._team_row(t, people) for t in teams])
        self.insert(TeamMembership, memberships)
        self.advance(len(teams))
        return teams

    def _memberships(self, rng: random.Random, teams: list[_Team], people: _People) -> list[dict]:
        if not teams:
            return []
        by_station: dict[int, list[_Team]] = {}
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
                lag = min(90, self.today.toordinal() - people.registered[p])
                joined = people.registered[p] + rng.randint(0, max(0, lag))
                pairs[team.id].append((joined, p))
                rows.append(
                    {"team_id": team.id, "volunteer_id": vid, "joined_on": date.fromordinal(joined)}
                )
        for t in teams:
            t.pool.add_all(pairs[t.id])
        return rows

    def _team_row(self, t: _Team, people: _People) -> dict:
        return {
            "id": t.id,
            "name": t.name,
            "category": t.category,
            "station_id": self.station_ids[t.station],
            "leader_id": people.ids[t.leader] if t.leader is not None else None,
            "description": "",
            "created_at": t.created_at,
        }

    def events(self, stations: list[_Station], teams: list[_Team], people: _People) -> list[_Plan]:
        """Past events over three years, some next month, and today's (one open right now)."""
        rng = self.rng("events")
        n = max(self.size.events, TODAY_EVENTS)
        n_future = round((n - TODAY_EVENTS) * 0.04)
        self._team_cum = list(
            accumulate(len(t.pool.people) + 1 for t in teams)
        )  # big teams hold more
        plans = [
            self._plan(rng, stations, teams, self._past_day(rng))
            for _ in range(n - TODAY_EVENTS - n_future)
        ]
        plans += [
            self._plan(rng, stations, teams, self.today + timedelta(days=rng.randint(1, 30)))
            for _ in range(n_future)
        ]
        plans += self._today(rng, stations, teams)
        plans.sort(key=lambda p: (p.start, p.series.title))
        serial: dict[tuple[int, str], int] = {}
        for plan, eid in zip(plans, self.ids(Event, len(plans))):
            plan.id = eid
            plan.title = _numbered(plan, serial)
            if not plan.is_open:
                plan.status = self._status(rng, plan)
            if plan.status == "finished":  # staff close it the same day, or the next morning
                plan.closed = min(self.now, plan.end + _seconds(rng, 1800, 18 * 3600))
        return plans

    def _past_day(self, rng: random.Random) -> date:
        day = self.today - timedelta(days=rng.randint(1, 3 * 365))
        if day.weekday() < 5 and rng.random() < 0.4:  # weekends are busier
            day = self.today - timedelta(days=rng.randint(1, 3 * 365))
        return day

    def _plan(
        self, rng: random.Random, stations: list[_Station], teams: list[_Team], day: date
    ) -> _Plan:
        index = None
        if teams and rng.random() < 0.9:
            index = rng.choices(range(len(teams)), cum_weights=self._team_cum)[0]
        team = teams[index] if index is not None else None
        category = team.category if team and rng.random() < 0.85 else rng.choice(SERVICE_CATEGORIES)
        series = rng.choice(words.EVENT_SERIES[category])
        hh, mm = map(int, rng.choice(series.starts).split(":"))
        start = self.at(day, time(hh, mm))
        station = team.station if team else rng.randrange(len(stations))
        end = start + timedelta(minutes=rng.choice(series.minutes))
        return _Plan(day, start, end, series, category, station, index)

    def _today(
        self, rng: random.Random, stations: list[_Station], teams: list[_Team]
    ) -> list[_Plan]:
        """Morning and afternoon events, and one that started a few minutes ago, open for check-in."""
        local_now = self.now.astimezone(self.tz)
        midnight = datetime.combine(self.today, time.min, tzinfo=self.tz)
        begin = local_now - timedelta(
            minutes=15 + local_now.minute % 5,
            seconds=local_now.second,
            microseconds=local_now.microsecond,
        )
        begin = max(begin, midnight).astimezone(timezone.utc)
        plans = []
        for clock_time, minutes in ((time(9), 120), (time(14, 30), 120)):
            plan = self._plan(rng, stations, teams, self.today)
            plan.start = self.at(self.today, clock_time)
            plan.end = plan.start + timedelta(minutes=minutes)
            plans.append(plan)
        open_plan = self._plan(rng, stations, teams, self.today)
        open_plan.start, open_plan.end = begin, begin + timedelta(minutes=180)
        open_plan.status, open_plan.is_open = "ongoing", True
        return plans + [open_plan]

    def _status(self, rng: random.Random, plan: _Plan) -> str:
        if plan.end <= self.now:
            return "cancelled" if rng.random() < 0.03 else "finished"
        if plan.start <= self.now:
            return "ongoing"
        if plan.day == self.today:
            return "published"
        return "draft" if rng.random() < 0.15 else "published"

    def attendance(self, plans: list[_Plan], teams: list[_Team], people: _People) -> None:
        """Events with their enrolments, scans and service records, written batch by batch."""
        rng = self.rng("attendance")
        self._allot_scans(rng, plans, people)
        everyone = _Pool()
        everyone.add_all([(d, p) for p, d in enumerate(people.registered)])
        per_station: dict[int, list[tuple[int, int]]] = {}
        for p, st in enumerate(people.station):
            per_station.setdefault(st, []).append((people.registered[p], p))
        station_pools = {st: _Pool() for st in per_station}
        for st, pairs in per_station.items():
            station_pools[st].add_all(pairs)
        ctx = _Attendance(self, rng, people, teams, everyone, station_pools)
        for first in range(0, len(plans), EVENT_BATCH):
            batch = plans[first : first + EVENT_BATCH]
            events, enrolments, scans, records = [], [], [], []
            for plan in batch:
                e, s, r = ctx.for_event(plan)
                events.append(self._event_row(rng, plan, teams, people, e))
                enrolments += e
                scans += s
                records += r
            self.insert(Event, events)
            # In volunteer order, the volunteer indexes fill page by page instead of at random.
            enrolments.sort(key=_VOLUNTEER)
            records.sort(key=_VOLUNTEER)
            self.insert(Enrolment, enrolments)
            self.insert(Scan, scans, operator_id=null(), undone=false())
            self.insert(
                ServiceRecord, records, reviewed_by=null(), corrects_id=null(), created_by=null()
            )
            self.counts["enrolments"] += len(enrolments)
            self.counts["scans"] += len(scans)
            self.counts["service_records"] += len(records)
            self.advance(len(batch) + len(scans))

    def _allot_scans(self, rng: random.Random, plans: list[_Plan], people: _People) -> None:
        """Share exactly `size.scans` among the finished events; the open one gets its sign-ins."""
        budget = self.size.scans
        finished = [p for p in plans if p.status == "finished"]
        open_plan = next(p for p in plans if p.is_open)
        open_plan.quota = min(budget, 12 if people.ids else 0)
        budget -= open_plan.quota
        if not finished:
            open_plan.quota += budget
            return
        weights = [rng.uniform(0.4, 1.6) for _ in finished]
        total = sum(weights)
        previous = 0
        for plan, cum in zip(finished, accumulate(weights)):
            upto = round(budget * cum / total)
            plan.quota, previous = upto - previous, upto

    def _event_row(
        self,
        rng: random.Random,
        plan: _Plan,
        teams: list[_Team],
        people: _People,
        enrolments: list[dict],
    ) -> dict:
        team = teams[plan.team] if plan.team is not None else None
        leader = people.names[team.leader] if team and team.leader is not None else _staff_name(rng)
        finished = plan.status == "finished"
        served = rng.randint(*plan.series.served) if finished else 0
        return {
            "id": plan.id,
            "title": plan.title,
            "category": plan.category,
            "station_id": self.station_ids[plan.station],
            "team_id": team.id if team else None,
            "place": rng.choice(plan.series.places),
            "start_at": plan.start,
            "end_at": plan.end,
            "capacity": _capacity(rng, enrolments),
            "service_content": plan.series.content,
            "beneficiaries": plan.series.beneficiaries,
            "people_served": served,
            "leader_name": leader,
            "recorder_name": _staff_name(rng),
            "description": "",
            "status": plan.status,
            "allow_walk_ins": True,
            "signin_opens_minutes": 60,
            "duplicate_window_seconds": 60,
            "rounding": "quarter_down",
            "hours_cap": 0.0,
            "quality_rating": rng.choices((3, 4, 5), weights=(1, 4, 5))[0] if finished else None,
            "summary": _summary(rng, plan.status, served),
            "closed_at": plan.closed,
            "created_at": min(self.now, plan.start - timedelta(days=rng.randint(3, 20))),
        }


# --- attendance: enrolments, the scan log and service records for one event -------------------


class _Attendance:
    """Draws who came to an event and writes what the check-in console would have logged.

    This runs once per attendee (about half a million times at district size), so it keeps to
    random() and plain dicts; randint, gauss and keyword-heavy helpers would double the time.
    """

    def __init__(
        self,
        job: _Job,
        rng: random.Random,
        people: _People,
        teams: list[_Team],
        everyone: _Pool,
        station_pools: dict[int, _Pool],
    ) -> None:
        self.job = job
        self.rng = rng
        self.people = people
        self.teams = teams
        self.everyone = everyone
        self.station_pools = station_pools
        people.revoked.sort()
        self.revoked_at = [when for when, _, _ in people.revoked]

    def for_event(self, plan: _Plan) -> tuple[list[dict], list[dict], list[dict]]:
        if plan.status in ("draft", "cancelled"):
            return [], [], []
        if plan.status == "finished":
            return self._finished(plan)
        return self._upcoming(plan)

    def _pick(self, plan: _Plan, n: int, *, active_only: bool) -> list[int]:
        """Up to n people who had joined by the event's day: its team first, then its station."""
        day = plan.day.toordinal()
        pools = [self.teams[plan.team].pool] if plan.team is not None else []
        pools += [self.station_pools.get(plan.station, self.everyone), self.everyone]
        chosen: dict[int, None] = {}
        for pool in pools:
            k = bisect_right(pool.since, day)
            need = n - len(chosen)
            if need <= 0:
                break
            for j in self.rng.sample(range(k), min(k, need + len(chosen))):
                p = pool.people[j]
                if p not in chosen and (self.people.active[p] or not active_only):
                    chosen[p] = None
                    if len(chosen) == n:
                        break
        return list(chosen)

    def _enrolment(self, plan: _Plan, p: int, status: str, walk_in: bool = False) -> dict:
        # A day to two weeks ahead; a walk-in is enrolled by the scan itself.
        created = plan.start if walk_in else plan.start - _seconds(self.rng, 86_400, 14 * 86_400)
        return {
            "event_id": plan.id,
            "volunteer_id": self.people.ids[p],
            "status": status,
            "walk_in": walk_in,
            "created_at": min(created, self.job.now),
        }

    def _upcoming(self, plan: _Plan) -> tuple[list[dict], list[dict], list[dict]]:
        """Today's and future events: enrolled active volunteers, a waiting list when full."""
        rng = self.rng
        want = rng.randint(20, 40) if plan.day == self.job.today else rng.randint(3, 30)
        picked = self._pick(plan, want, active_only=True)
        enrolments = [self._enrolment(plan, p, "enrolled") for p in picked]
        if plan.day > self.job.today and len(enrolments) > 20 and rng.random() < 0.3:
            for row in enrolments[-3:]:
                row["status"] = "waitlisted"
        scans = self._signed_in_now(plan, picked) if plan.is_open else []
        return enrolments, scans, []

    def _signed_in_now(self, plan: _Plan, picked: list[int]) -> list[dict]:
        """The open event: its first volunteers have signed in already."""
        scans = []
        opened = plan.start - timedelta(minutes=20)
        span = max(1, int((self.job.now - opened).total_seconds()) - 60)
        for p in picked[: plan.quota]:
            at = opened + _seconds(self.rng, 0, span)
            scans.append(
                self._scan(plan.id, self.people.ids[p], at, "in", self.people.codes[p], True)
            )
        scans += self._rejected(plan, plan.quota - len(scans), scans, picked)
        return self._numbered(scans)

    def _finished(self, plan: _Plan) -> tuple[list[dict], list[dict], list[dict]]:
        """Enrolled volunteers who came (an in and an out scan, a service record), and no-shows."""
        random_ = self.rng.random
        budget = plan.quota - round(plan.quota * 0.04)  # the rest: refused scans
        wanted = int(budget / SCANS_PER_ATTENDEE)
        picked = self._pick(plan, wanted + max(1, wanted // 12), active_only=False)
        enrolments, scans, records = [], [], []
        for i, p in enumerate(picked):
            walk_in, no_out, dup = random_() < 0.03, random_() < 0.04, random_() < 0.03
            cost = 1 + (not no_out) + dup
            if i >= wanted or cost > budget:
                enrolments.append(
                    self._enrolment(plan, p, "no_show" if random_() < 0.8 else "withdrawn")
                )
                continue
            budget -= cost
            enrolments.append(self._enrolment(plan, p, "enrolled", walk_in))
            signed_in, signed_out = self._came(plan, p, walk_in, no_out, dup, scans)
            records.append(self._record(plan, p, signed_in, signed_out, walk_in))
        scans += self._rejected(plan, plan.quota - len(scans), scans, picked)
        return enrolments, self._numbered(scans), records

    def _came(
        self, plan: _Plan, p: int, walk_in: bool, no_out: bool, dup: bool, scans: list[dict]
    ) -> tuple[datetime, datetime | None]:
        """Scans of one volunteer who came: in (maybe twice), and out unless they forgot."""
        random_ = self.rng.random
        vid, code = self.people.ids[p], self.people.codes[p]
        source = _SOURCES[int(random_() * len(_SOURCES))]
        # Most arrive up to twenty minutes early; a few come a little late.
        at_in = plan.start + timedelta(seconds=int((random_() + random_() - 1.4) * 1200))

        def log(at: datetime, direction: str | None, accepted: bool, reason: str = "") -> None:
            walked_in = walk_in and direction == "in"
            scans.append(
                _scan_row(plan.id, vid, at, direction, source, code, accepted, reason, walked_in)
            )

        log(at_in, "in", True, "not_enrolled" if walk_in else "")
        if dup:
            log(at_in + _seconds(self.rng, 3, 50), None, False, "duplicate")
        if no_out:
            return at_in, None
        # Most leave around the end; some stay to tidy up, a few leave early.
        at_out = plan.end + timedelta(seconds=int((random_() + random_() - 0.8) * 1500))
        at_out = max(min(at_out, self.job.now), at_in + _TEN_MINUTES)  # an event that just ended
        log(at_out, "out", True)
        return at_in, at_out

    def _scan(
        self,
        event_id: int,
        volunteer_id: int | None,
        at: datetime,
        direction: str | None,
        raw: str,
        accepted: bool = False,
        reason: str = "",
    ) -> dict:
        source = _SOURCES[int(self.rng.random() * len(_SOURCES))]
        return _scan_row(
            event_id, volunteer_id, at, direction, source, raw, accepted, reason, False
        )

    def _rejected(self, plan: _Plan, n: int, accepted: list[dict], picked: list[int]) -> list[dict]:
        """n refused scans of the kinds a real entrance sees, to reach the event's share exactly."""
        rng = self.rng
        ok = [s for s in accepted if s["accepted"]]
        outs = [s for s in ok if s["direction"] == "out"]
        opened = plan.start - timedelta(minutes=60)
        revoked = bisect_right(self.revoked_at, plan.start)  # cards revoked before the event
        out = []
        for _ in range(max(0, n)):
            kind = rng.choices(_REFUSALS, cum_weights=_REFUSAL_CUM)[0]
            if kind == "duplicate" and ok:
                first = rng.choice(ok)
                scan = dict(
                    first,
                    scanned_at=min(self.job.now, first["scanned_at"] + _seconds(rng, 3, 55)),
                    direction=None,
                    accepted=False,
                    walk_in=False,
                    reason="duplicate",
                )
            elif kind == "already_signed_out" and outs:
                last = rng.choice(outs)
                scan = dict(
                    last,
                    scanned_at=min(self.job.now, last["scanned_at"] + _seconds(rng, 60, 1800)),
                    direction=None,
                    accepted=False,
                    walk_in=False,
                    reason="already_signed_out",
                )
            elif kind == "event_not_open" and picked and opened < self.job.now:
                p = rng.choice(picked)
                at = opened - _seconds(rng, 60, 2400)
                scan = self._scan(
                    plan.id, self.people.ids[p], at, None, self.people.codes[p], reason=kind
                )
            elif kind == "revoked_card" and revoked:
                _, who, code = self.people.revoked[rng.randrange(revoked)]
                scan = self._scan(
                    plan.id, self.people.ids[who], self._during(plan), None, code, reason=kind
                )
            else:
                scan = self._scan(
                    plan.id,
                    None,
                    self._during(plan),
                    None,
                    self._unknown_raw(),
                    reason="unknown_code",
                )
            out.append(scan)
        return out

    def _during(self, plan: _Plan) -> datetime:
        """A moment at the entrance while the event is open (and not in the future)."""
        lo = plan.start - timedelta(minutes=30)
        hi = min(plan.end, self.job.now)
        return lo + _seconds(self.rng, 0, max(1, int((hi - lo).total_seconds())))

    def _unknown_raw(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return rng.choice(words.JUNK_SCANS)
        code = codes.make_code(rng)  # type: ignore[arg-type]
        if r < 0.8:  # one symbol mistyped: the check character tells it apart
            i = rng.randrange(2, codes.LENGTH - 1)
            wrong = rng.choice(codes.ALPHABET.replace(code[i], ""))
            return code[:i] + wrong + code[i + 1 :]
        while code in self.job.taken_codes:  # well formed but never issued here
            code = codes.make_code(rng)  # type: ignore[arg-type]
        return code

    def _numbered(self, scans: list[dict]) -> list[dict]:
        """In time order, so the log's ids rise with the clock as the console's would."""
        scans.sort(key=_SCANNED_AT)
        return scans

    def _record(
        self, plan: _Plan, p: int, signed_in: datetime, signed_out: datetime | None, walk_in: bool
    ) -> dict:
        """The record closing the event made (hours.compute's rules), and how its review went."""
        random_ = self.rng.random
        until = signed_out or plan.end  # a missing sign-out is closed at the event's end
        minutes = hours.credit(plan.start, plan.end, signed_in, until, "quarter_down", 0.0).minutes
        flags = set() if signed_out else {hours.FLAG_AUTO_SIGNOUT}
        if walk_in:
            flags.add(hours.FLAG_WALK_IN)
        closed = plan.closed or self.job.now
        if signed_out is None:
            state = "pending"
        elif self.job.today.toordinal() - plan.day.toordinal() <= 7:
            state = "pending" if random_() < 0.75 else "approved"
        else:
            r = random_()
            state = "approved" if r < 0.95 else "pending" if r < 0.98 else "rejected"
        reviewed = None
        if state != "pending":
            reviewed = min(self.job.now, closed + _seconds(self.rng, 3600, 5 * 86_400))
        return {
            "event_id": plan.id,
            "volunteer_id": self.people.ids[p],
            "sign_in": signed_in,
            "sign_out": until,
            "minutes": minutes,
            "flags": hours.join_flags(flags),
            "review_state": state,
            "reviewed_at": reviewed,
            "reason": self.rng.choice(words.REJECT_REASONS) if state == "rejected" else "",
            "created_at": closed,
        }


_SOURCES = ("scanner",) * 7 + ("camera",) * 2 + ("manual",)  # USB scanners are the usual way
_REFUSALS = ("duplicate", "unknown_code", "event_not_open", "already_signed_out", "revoked_card")
_REFUSAL_CUM = tuple(accumulate((40, 25, 15, 12, 8)))
_TEN_MINUTES = timedelta(minutes=10)


_SCANNED_AT = itemgetter("scanned_at")
_VOLUNTEER = itemgetter("volunteer_id")


def _scan_row(
    event_id: int,
    volunteer_id: int | None,
    at: datetime,
    direction: str | None,
    source: str,
    raw: str,
    accepted: bool,
    reason: str,
    walk_in: bool,
) -> dict:
    """One line of the scan log (operator and undone are the same for all: see `attendance`)."""
    return {
        "event_id": event_id,
        "volunteer_id": volunteer_id,
        "scanned_at": at,
        "direction": direction,
        "source": source,
        "raw": raw,
        "accepted": accepted,
        "reason": reason,
        "walk_in": walk_in,
    }


# --- people -----------------------------------------------------------------------------------


class _PersonMaker:
    """Realistic people: name, gender, birth date, resident ID, mobile, skills, registration."""

    def __init__(
        self, rng: random.Random, today: date, taken_ids: set[str], taken_phones: set[str]
    ) -> None:
        self.rng = rng
        self.today = today
        self.taken_ids = taken_ids
        self.taken_phones = taken_phones
        self.surnames = [s for s, _ in words.SURNAMES]
        self.surname_cum = list(accumulate(w for _, w in words.SURNAMES))
        self.regions = [r for r, _ in words.REGIONS]
        self.region_cum = list(accumulate(w for _, w in words.REGIONS))

    def person(self) -> dict[str, Any]:
        rng = self.rng
        gender = "F" if rng.random() < 0.58 else "M"  # more women volunteer, retirees above all
        born = self.birth_date()
        name = self.name(gender, born.year)
        registered = self.registered(born)
        phone = "" if born.year < 1950 and rng.random() < 0.1 else self.phone()
        return {
            "name": name,
            "gender": gender,
            "birth_date": born,
            "id_number": self.resident_id(born, gender),
            "phone": phone,
            "skills": ",".join(
                rng.sample(words.SKILLS, rng.choices((0, 1, 2), weights=(50, 35, 15))[0])
            ),
            "political_status": self.political_status(born.year),
            "registered_on": registered,
        }

    def birth_date(self) -> date:
        """1945-2008, mostly retirees and students, the working-age fewer."""
        r = self.rng.random()
        lo, hi = next((lo, hi) for share, lo, hi in _BIRTH_YEARS if r < share)
        first = date(lo, 1, 1).toordinal()
        return date.fromordinal(self.rng.randrange(first, date(hi, 12, 31).toordinal() + 1))

    def name(self, gender: str, year: int) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
        chars = words.GIVEN_CHARS[(gender, "old" if year < 1985 else "young")]
        if rng.random() < 0.3:
            return surname + rng.choice(chars)
        return surname + "".join(rng.sample(chars, 2))

    def resident_id(self, born: date, gender: str) -> str:
        rng = self.rng
        sex_digits = "13579" if gender == "M" else "02468"  # the 17th digit: odd for men
        while True:
            region = rng.choices(self.regions, cum_weights=self.region_cum)[0]
            body = f"{region}{born:%Y%m%d}{rng.randrange(100):02d}{rng.choice(sex_digits)}"
            number = body + check_character(body)
            if number not in self.taken_ids:
                self.taken_ids.add(number)
                return number

    def phone(self) -> str:
        rng = self.rng
        while True:
            phone = rng.choice(words.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if phone not in self.taken_phones:
                self.taken_phones.add(phone)
                return phone

    def political_status(self, year: int) -> str:
        r = self.rng.random()
        if year >= 2003:
            return "共青团员" if r < 0.6 else "群众"
        if year >= 1990 and r < 0.2:
            return "共青团员"
        return "中共党员" if r < 0.45 and year < 1990 else "群众"

    def registered(self, born: date) -> date:
        """Over the last six years, more of them recently; nobody before turning fourteen."""
        lo = max(self.today.toordinal() - 6 * 365, _years_after(born, 14).toordinal())
        hi = self.today.toordinal()
        if lo >= hi:
            return self.today
        return date.fromordinal(lo + int((hi - lo) * self.rng.random() ** 0.6))


# Birth years by share of volunteers: retirees first, then students; the working-age fewer.
_BIRTH_YEARS = ((0.45, 1945, 1965), (0.72, 1966, 1989), (0.82, 1990, 2002), (1.01, 2003, 2008))


# --- small helpers ----------------------------------------------------------------------------


def _seconds(rng: random.Random, low: float, high: float) -> timedelta:
    """A random whole number of seconds in [low, high) (random() is far cheaper than randint)."""
    return timedelta(seconds=int(low + (high - low) * rng.random()))


def _max_id(s: Session, model) -> int:
    return s.scalar(select(func.max(model.id))) or 0


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


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


def _leader(rng: random.Random, pool: _Pool) -> int | None:
    """One of the earliest members leads the team."""
    if not pool.people:
        return None
    return pool.people[rng.randrange(max(1, len(pool.people) // 10))]


BRAND_SERIES = {"亲子阅读时光", "红色故事会", "政策宣讲进社区", "科普进校园", "法律知识讲座"}


def _numbered(plan: _Plan, serial: dict[tuple[int, str], int]) -> str:
    """Brand projects count their sessions: 亲子阅读时光（第12期）."""
    title = plan.series.title
    if title not in BRAND_SERIES:
        return title
    key = (plan.station, title)
    serial[key] = serial.get(key, 0) + 1
    return f"{title}（第{serial[key]}期）"


_STAFF = ("王丽", "李静", "张建华", "刘洋", "陈晓梅", "赵志刚", "孙红", "周敏")


def _capacity(rng: random.Random, enrolments: list[dict]) -> int:
    """Full if there is a waiting list, else unlimited (0) or a round number above the sign-ups."""
    enrolled = sum(1 for e in enrolments if e["status"] != "waitlisted")
    if len(enrolments) > enrolled:
        return enrolled
    return 0 if rng.random() < 0.3 else max(10, -(-int(enrolled * 1.2) // 10) * 10)


def _staff_name(rng: random.Random) -> str:
    return rng.choice(_STAFF)


def _summary(rng: random.Random, status: str, served: int) -> str:
    if status == "finished":
        return rng.choice(words.EVENT_SUMMARIES).format(served=served)
    if status == "cancelled":
        return rng.choice(words.CANCEL_REASONS)
    return ""
