"""Demo events: three years of past events and duty shifts, next month's, and today's (one open now)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from itertools import accumulate
from typing import TYPE_CHECKING

from desktop.models import SERVICE_CATEGORIES, Event
from desktop.services import demo_words as words
from desktop.services.demo_job import TODAY_EVENTS, Job, seconds

if TYPE_CHECKING:
    from desktop.services.demo import DemoStation
    from desktop.services.demo_people import People
    from desktop.services.demo_teams import DemoTeam


@dataclass
class EventPlan:
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
    duty: bool = False  # a long duty shift kept by regulars (demo_words.DUTY_SERIES)
    crew: list[int] = field(default_factory=list)  # regulars who came (people indexes)


DUTY_SHARE = 0.15  # of the past events: a station's duty shifts


def plan_events(job: Job, stations: list[DemoStation], teams: list[DemoTeam]) -> list[EventPlan]:
    """Past events over three years, some next month, and today's (one open right now)."""
    rng = job.rng("events")
    n = max(job.size.events, TODAY_EVENTS)
    n_future = round((n - TODAY_EVENTS) * 0.04)
    n_duty = round((n - TODAY_EVENTS - n_future) * DUTY_SHARE)
    team_cum = list(accumulate(len(t.pool.people) + 1 for t in teams))  # big teams hold more
    plans = [
        _plan(job, rng, stations, teams, team_cum, _past_day(job, rng))
        for _ in range(n - TODAY_EVENTS - n_future - n_duty)
    ]
    station_cum = list(accumulate(st.weight for st in stations))
    plans += [_duty(job, rng, stations, station_cum) for _ in range(n_duty)]
    plans += [
        _plan(job, rng, stations, teams, team_cum, job.today + timedelta(days=rng.randint(1, 30)))
        for _ in range(n_future)
    ]
    plans += _today(job, rng, stations, teams, team_cum)
    plans.sort(key=lambda p: (p.start, p.series.title))
    serial: dict[tuple[int, str], int] = {}
    for plan, eid in zip(plans, job.ids(Event, len(plans))):
        plan.id = eid
        plan.title = _numbered(plan, serial)
        if not plan.is_open:
            plan.status = _status(job, rng, plan)
        if plan.status == "finished":  # staff close it the same day, or the next morning
            plan.closed = min(job.now, plan.end + seconds(rng, 1800, 18 * 3600))
    return plans


def _past_day(job: Job, rng: random.Random) -> date:
    day = job.today - timedelta(days=rng.randint(1, 3 * 365))
    if day.weekday() < 5 and rng.random() < 0.4:  # weekends are busier
        day = job.today - timedelta(days=rng.randint(1, 3 * 365))
    return day


def _plan(
    job: Job,
    rng: random.Random,
    stations: list[DemoStation],
    teams: list[DemoTeam],
    team_cum: list[int],
    day: date,
) -> EventPlan:
    index = None
    if teams and rng.random() < 0.9:
        index = rng.choices(range(len(teams)), cum_weights=team_cum)[0]
    team = teams[index] if index is not None else None
    category = team.category if team and rng.random() < 0.85 else rng.choice(SERVICE_CATEGORIES)
    series = rng.choice(words.EVENT_SERIES[category])
    hh, mm = map(int, rng.choice(series.starts).split(":"))
    start = job.at(day, time(hh, mm))
    station = team.station if team else rng.randrange(len(stations))
    end = start + timedelta(minutes=rng.choice(series.minutes))
    return EventPlan(day, start, end, series, category, station, index)


def _duty(
    job: Job, rng: random.Random, stations: list[DemoStation], station_cum: list[float]
) -> EventPlan:
    """A duty shift at a station on any day of the last three years, run by the station itself."""
    day = job.today - timedelta(days=rng.randint(1, 3 * 365))
    category, series = rng.choice(words.DUTY_SERIES)
    hh, mm = map(int, rng.choice(series.starts).split(":"))
    start = job.at(day, time(hh, mm))
    end = start + timedelta(minutes=rng.choice(series.minutes))
    station = rng.choices(range(len(stations)), cum_weights=station_cum)[0]
    return EventPlan(day, start, end, series, category, station, None, duty=True)


def _today(
    job: Job, rng: random.Random, stations: list[DemoStation], teams: list[DemoTeam], team_cum: list[int]
) -> list[EventPlan]:
    """Morning and afternoon events, and one that started a few minutes ago, open for check-in."""
    local_now = job.now.astimezone(job.tz)
    midnight = datetime.combine(job.today, time.min, tzinfo=job.tz)
    begin = local_now - timedelta(
        minutes=15 + local_now.minute % 5,
        seconds=local_now.second,
        microseconds=local_now.microsecond,
    )
    begin = max(begin, midnight).astimezone(timezone.utc)
    plans = []
    for clock_time, minutes in ((time(9), 120), (time(14, 30), 120)):
        plan = _plan(job, rng, stations, teams, team_cum, job.today)
        plan.start = job.at(job.today, clock_time)
        plan.end = plan.start + timedelta(minutes=minutes)
        plans.append(plan)
    open_plan = _plan(job, rng, stations, teams, team_cum, job.today)
    open_plan.start, open_plan.end = begin, begin + timedelta(minutes=180)
    open_plan.status, open_plan.is_open = "ongoing", True
    return plans + [open_plan]


def _status(job: Job, rng: random.Random, plan: EventPlan) -> str:
    if plan.end <= job.now:
        return "cancelled" if rng.random() < 0.03 else "finished"
    if plan.start <= job.now:
        return "ongoing"
    if plan.day == job.today:
        return "published"
    return "draft" if rng.random() < 0.15 else "published"


def event_row(
    job: Job,
    rng: random.Random,
    plan: EventPlan,
    teams: list[DemoTeam],
    people: People,
    enrolments: list[dict],
) -> dict:
    """The event's row, written with its enrolments: capacity, leader and closing follow from them."""
    team = teams[plan.team] if plan.team is not None else None
    leader = people.names[team.leader] if team and team.leader is not None else _staff_name(rng)
    finished = plan.status == "finished"
    served = rng.randint(*plan.series.served) if finished else 0
    return {
        "id": plan.id,
        "title": plan.title,
        "category": plan.category,
        "station_id": job.station_ids[plan.station],
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
        "created_at": min(job.now, plan.start - timedelta(days=rng.randint(3, 20))),
    }


BRAND_SERIES = {"亲子阅读时光", "红色故事会", "政策宣讲进社区", "科普进校园", "法律知识讲座"}


def _numbered(plan: EventPlan, serial: dict[tuple[int, str], int]) -> str:
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

