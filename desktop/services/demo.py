"""Demo data: a realistic station (or a whole district), deterministic for a seed, in one transaction.

`generate` fills a database with volunteers, teams, events, enrolments, the scan log and the
service records that check-in would have produced, plus events happening today, one of them open
for check-in right now. Rows go in through SQLAlchemy Core bulk inserts in chunks (no ORM object per
row) inside one unit of work: a cancel or an error leaves nothing behind. Each kind of data has its
own random stream, so more events do not change who the volunteers are.

The steps live beside this module: demo_job (the run's plumbing), demo_people, demo_teams,
demo_events, demo_regulars (the core who serve week after week and reach star levels), demo_scans
(enrolments, scan log, service records) and demo_points.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.i18n import translate
from desktop.models import Volunteer, utcnow
from desktop.services import audit, demo_points
from desktop.services import demo_words as words
from desktop.services import stations as station_service
from desktop.services.demo_events import plan_events
from desktop.services.demo_job import TODAY_EVENTS, DemoCancelled, Job, Progress
from desktop.services.demo_people import add_volunteers
from desktop.services.demo_regulars import add_regulars
from desktop.services.demo_scans import add_attendance
from desktop.services.demo_teams import add_teams
from desktop.services.errors import ValidationError
from desktop.services.permissions import SYSTEM, Actor, require

__all__ = ["TODAY_EVENTS", "DemoCancelled", "DemoResult", "DemoSize", "Progress", "generate"]


@dataclass
class DemoSize:
    volunteers: int = 2000
    teams: int = 24
    events: int = 800
    scans: int = 40000


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
        job = Job(s, actor, size, seed, moment, progress, cancelled)
        result = _make(job)
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


# --- the steps, each using what the earlier ones made ------------------------------------------


def _make(job: Job) -> DemoResult:
    stations = _stations(job)
    job.station_ids = [st.id for st in stations]
    people = add_volunteers(job, stations)
    teams = add_teams(job, stations, people)
    plans = plan_events(job, stations, teams)
    add_regulars(job, stations, people, teams, plans)
    add_attendance(job, plans, teams, people)
    demo_points.add_points_and_shop(
        job.s, job.actor, job.rng("points"), job.now, job.first_record, job.insert, job.check
    )
    open_event = next((p.id for p in plans if p.is_open), None)
    return DemoResult(
        volunteers=len(people.ids),
        teams=len(teams),
        events=len(plans),
        scans=job.counts["scans"],
        seconds=0.0,
        open_event=open_event,
        enrolments=job.counts["enrolments"],
        service_records=job.counts["service_records"],
    )


@dataclass
class DemoStation:
    id: int
    prefix: str  # put before its teams' names ("明珠社区" + "书香阅读志愿队")
    weight: float
    area: int = 0  # its street (institute) by number; the centre (-1) serves the whole district


def _stations(job: Job) -> list[DemoStation]:
    """The existing home station, or a new district: a centre, its institutes and stations."""
    home = station_service.home_station_id(job.s)
    if home is not None:
        return [DemoStation(home, "", 1.0)]
    make = station_service.create_station
    centre = make(job.s, job.actor, f"{words.DISTRICT}新时代文明实践中心", "centre")
    out = [DemoStation(centre, words.DISTRICT, 2.0, -1)]
    for area, (street, communities) in enumerate(words.INSTITUTES):
        inst = make(job.s, job.actor, f"{street}新时代文明实践所", "institute", centre)
        out.append(DemoStation(inst, street, 1.0, area))
        for community in communities:
            sid = make(job.s, job.actor, f"{community}新时代文明实践站", "station", inst)
            out.append(DemoStation(sid, community, 1.5, area))
    return out
