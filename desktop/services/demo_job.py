"""One run of the demo generator: its session, random streams, ids, bulk inserts, progress and cancel."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.i18n import translate
from desktop.models import Card, Event, ServiceRecord, Team, Volunteer
from desktop.services.errors import ServiceError
from desktop.services.events import local_tz
from desktop.services.permissions import Actor
from desktop.services.volunteers import name_keys

if TYPE_CHECKING:
    from desktop.services.demo import DemoSize

CHUNK = 5000  # rows per INSERT batch: big enough to be fast, small enough to cancel promptly
TODAY_EVENTS = 3  # the open one, one in the morning, one in the afternoon

Progress = Callable[[int, int], None]


class DemoCancelled(ServiceError):
    """The user stopped the generation; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(translate("Demo", "Making demo data was cancelled; nothing was saved."))


class Job:
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
        self.next_id = {t: max_id(s, t) + 1 for t in (Volunteer, Card, Team, Event)}
        self.first_record = max_id(s, ServiceRecord) + 1  # points are earned by this run's records
        self.taken_codes = set(s.scalars(select(Card.code)))
        self.taken_phones = set(s.scalars(select(Volunteer.phone).where(Volunteer.phone != "")))
        self.taken_ids = set(
            s.scalars(select(Volunteer.id_number).where(Volunteer.id_number.is_not(None)))
        )
        self._keys: dict[str, tuple[str, str]] = {}
        self.counts = {"enrolments": 0, "service_records": 0, "scans": 0}
        self.station_ids: list[int] = []

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

    def new_code(self, rng: random.Random) -> str:
        while True:
            code = codes.make_code(rng)  # type: ignore[arg-type]  # any Random has .choice
            if code not in self.taken_codes:
                self.taken_codes.add(code)
                return code


def max_id(s: Session, model) -> int:
    return s.scalar(select(func.max(model.id))) or 0


def seconds(rng: random.Random, low: float, high: float) -> timedelta:
    """A random whole number of seconds in [low, high) (random() is far cheaper than randint)."""
    return timedelta(seconds=int(low + (high - low) * rng.random()))
