"""Demo volunteers: realistic people (name, birth date, resident ID, mobile, skills), their cards and stations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from desktop.idcard import check_character
from desktop.models import Card, Volunteer
from desktop.services import demo_words as words
from desktop.services.demo_job import CHUNK, Job

if TYPE_CHECKING:
    from desktop.services.demo import DemoStation


@dataclass
class People:
    """The generated volunteers as parallel lists (index = position), for the later steps."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    registered: list[int] = field(default_factory=list)  # date ordinals
    codes: list[str] = field(default_factory=list)
    station: list[int] = field(default_factory=list)  # index into the job's stations
    active: list[bool] = field(default_factory=list)
    born: list[int] = field(default_factory=list)  # birth years
    regular: list[bool] = field(default_factory=list)  # one of the core who serve week after week
    revoked: list[tuple[datetime, int, str]] = field(default_factory=list)  # when, who, old code


def add_volunteers(job: Job, stations: list[DemoStation]) -> People:
    """The volunteers and their cards, spread over the stations by weight, written chunk by chunk."""
    rng = job.rng("volunteers")
    people = People()
    station_cum = list(accumulate(st.weight for st in stations))
    make = PersonMaker(rng, job.today, job.taken_ids, job.taken_phones)
    ids = job.ids(Volunteer, job.size.volunteers)
    for first in range(0, len(ids), CHUNK):
        rows, cards = [], []
        for vid in ids[first : first + CHUNK]:
            row = make.person()
            st = rng.choices(range(len(stations)), cum_weights=station_cum)[0]
            row.update(_volunteer_fields(job, rng, vid, row, stations[st].id))
            rows.append(row)
            cards += _cards(job, rng, len(people.ids), row, people)
            people.ids.append(vid)
            people.names.append(row["name"])
            people.registered.append(row["registered_on"].toordinal())
            people.codes.append(row["card_code"])
            people.station.append(st)
            people.active.append(row["status"] == "active")
            people.born.append(row["birth_date"].year)
        job.insert(Volunteer, rows)
        job.insert(Card, cards)
        job.advance(len(rows))
    return people


def _volunteer_fields(job: Job, rng: random.Random, vid: int, row: dict, station_id: int) -> dict:
    initials, pinyin = job.name_keys(row["name"])
    created = job.at(row["registered_on"], time(8 + rng.randrange(9), rng.randrange(60)))
    return {
        "id": vid,
        "name_initials": initials,
        "name_pinyin": pinyin,
        "id_type": "resident_id",
        "id_tail": row["id_number"][-4:],
        "phone_tail": row["phone"][-4:],
        "status": "inactive" if rng.random() < 0.05 else "active",
        "consent_extra": rng.random() < 0.3,
        "card_code": job.new_code(rng),
        "station_id": station_id,
        "notes": "",
        "created_at": created,
        "updated_at": created,
    }


def _cards(job: Job, rng: random.Random, person: int, row: dict, people: People) -> list[dict]:
    """The current card; about 2 in 100 lost a card once, so an older revoked one exists."""
    issued = row["created_at"]
    days = (job.today - row["registered_on"]).days
    out = []
    if days > 30 and rng.random() < 0.02:
        revoked = issued + timedelta(days=rng.randrange(1, days), hours=rng.randrange(8))
        old = job.new_code(rng)
        out.append(_card_row(job, row["id"], old, issued, revoked))
        people.revoked.append((revoked, person, old))
        issued = revoked
    out.append(_card_row(job, row["id"], row["card_code"], issued, None))
    return out


def _card_row(job: Job, vid: int, code: str, issued: datetime, revoked: datetime | None) -> dict:
    return {
        "id": job.one_id(Card),
        "volunteer_id": vid,
        "code": code,
        "issued_at": issued,
        "revoked_at": revoked,
    }


class PersonMaker:
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


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)

