"""Demo regulars: the core who serve week after week, so that star levels and honours have people.

Most demo volunteers come now and then and stay far below the first star. A real station rests on
a few team leaders and retirees who come every week for years and carry most of its hours. This
step picks that core (a few percent of the roster), gives each one a star level their time with
the station can reach (most one star, fewer two or three, a handful four or five, some crossing a
threshold in the last months), and places them in finished events from the day they joined at a
steady rate: a leader at their own team's events, everyone at the duty shifts and events of their
street first, never in two events at once, never more of them at an event than its share of the
scans allows. demo_scans then signs them in and out like everyone else, so their hours come from
scans and closing the event, as all hours do.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from desktop.services import settings
from desktop.services.demo_scans import (
    DUTY_CROWD,
    OPEN_SIGNINS,
    SCANS_PER_ATTENDEE,
    SCANS_PER_REGULAR,
)

if TYPE_CHECKING:
    from desktop.services.demo import DemoStation
    from desktop.services.demo_events import EventPlan
    from desktop.services.demo_job import Job
    from desktop.services.demo_people import People
    from desktop.services.demo_teams import DemoTeam

REGULAR_SHARE = 0.03  # of the roster at most; a small scan budget holds it lower
LEVEL_WEIGHTS = (10, 50, 22, 11, 5, 2)  # the star level a regular is headed for: 0 (new) to 5
RECENT_DAYS = 120  # "in the last months": about a quarter and a bit
RECENT_SHARE = 0.3  # of the regulars with a star, those who reached it in the last RECENT_DAYS
DUTY_PREFERENCE = 3.0  # a regular takes a duty shift this many times as readily as an event
CREW_SHARE = 0.55  # at most this share of an event's usual attendance are regulars
DUTY_CREW = 6  # regulars on one duty shift, at most
RESERVED_SCANS = 0.75  # of all scans, at most, kept for regulars (what they leave goes to others)
FILL = 0.65  # of that room the regulars' aims add up to: some of it clashes or stays empty
APPROVED = 0.97  # of a regular's minutes that end up approved (last week's are mostly pending)
SLACK_MINUTES = 6  # arriving late, leaving early and rounding down take this much on average
GAP = 3600.0  # seconds between two events of one regular: sign-in opens early, sign-out runs late


def add_regulars(
    job: Job,
    stations: list[DemoStation],
    people: People,
    teams: list[DemoTeam],
    plans: list[EventPlan],
) -> None:
    """Mark the core in `people.regular` and put each one in the `crew` of the events they serve."""
    people.regular = [False] * len(people.ids)
    events = [p for p in plans if p.status == "finished"]  # in time order, as plans are
    if not events or not people.ids:
        return
    rng = job.rng("regulars")
    thresholds = [t * 60 for t in settings.load(job.s).star_thresholds]
    placer = _Placer(job, rng, events, stations)
    leaders, others = _choose(job, rng, people, teams, round(REGULAR_SHARE * len(people.ids)))
    aims = []
    room = FILL * placer.room()
    for k, p in enumerate(leaders + others):
        aim = placer.aim(p, people.registered[p], stations[people.station[p]].area, thresholds)
        room -= aim[1]
        if room < 0 and k >= len(leaders):
            break  # as many as the events and the scans can give the hours they aim at
        aims.append(aim)
        people.regular[p] = True
    for ti, team in enumerate(teams):  # leaders lead their team's events: these come first
        if team.leader is not None:
            since = team.pool.since[team.pool.people.index(team.leader)]
            placer.lead(team.leader, ti, since)
    # Those crossing a threshold in the last months first (their timing is the point), then the
    # busiest: they need the room.
    for _, target, p, area in sorted(aims, reverse=True):
        placer.place(p, people.registered[p], area, target)


def _choose(
    job: Job, rng: random.Random, people: People, teams: list[DemoTeam], n: int
) -> tuple[list[int], list[int]]:
    """Every team leader, then up to n others: retirees above all, by how long they have served."""
    leaders = list(dict.fromkeys(t.leader for t in teams if t.leader is not None))
    taken = set(leaders)
    today = job.today.toordinal()
    keyed = []
    for p, registered in enumerate(people.registered):
        if p in taken or not people.active[p] or registered > today - 60:
            continue
        born = people.born[p]
        weight = 3.0 if born <= 1965 else 0.3 if born >= 2003 else 1.0
        weight *= min(3 * 365, today - registered) / 365
        keyed.append((rng.random() ** (1 / weight), p))  # a weighted draw without replacement
    return leaders, [p for _, p in heapq.nlargest(max(0, n - len(leaders)), keyed)]


class _Placer:
    """The finished events as the regulars see them: when, how long, how much room is left."""

    def __init__(
        self, job: Job, rng: random.Random, events: list[EventPlan], stations: list[DemoStation]
    ) -> None:
        self.job = job
        self.rng = rng
        self.events = events
        self.start = [e.start.timestamp() for e in events]
        self.end = [e.end.timestamp() for e in events]
        self.day = [e.day.toordinal() for e in events]
        self.duty = [e.duty for e in events]
        self.credit = [
            APPROVED * max(0.0, (b - a) / 60 - SLACK_MINUTES) for a, b in zip(self.start, self.end)
        ]
        n_duty = sum(self.duty)
        usual = (
            job.size.scans
            / SCANS_PER_ATTENDEE
            / max(1.0, len(events) - n_duty + DUTY_CROWD * n_duty)
        )
        crew = int(CREW_SHARE * usual)
        self.room_at = [min(DUTY_CREW, crew) if d else crew for d in self.duty]
        self.scans_left = int(RESERVED_SCANS * max(0, job.size.scans - OPEN_SIGNINS))
        self.taken: dict[int, tuple[list[float], list[float]]] = {}  # person: starts, ends
        self.by_team: dict[int, list[int]] = {}
        areas = {st.area for st in stations}
        event_area = [stations[e.station].area for e in events]
        self.lists = {-1: _Stretch(self, list(range(len(events))))}  # the centre's: everything
        for area in areas - {-1}:
            self.lists[area] = _Stretch(
                self, [i for i, a in enumerate(event_area) if a in (area, -1)]
            )
        for i, e in enumerate(events):
            if e.team is not None:
                self.by_team.setdefault(e.team, []).append(i)
        self.got: dict[int, float] = {}

    def room(self) -> float:
        """Minutes the regulars could serve in all: the crews' places, or the scans kept."""
        places = sum(r * c for r, c in zip(self.room_at, self.credit))
        mean_credit = sum(self.credit) / len(self.credit)
        return min(places, self.scans_left / SCANS_PER_REGULAR * mean_credit)

    def lead(self, p: int, team: int, since: int) -> None:
        for i in self.by_team.get(team, ()):
            if self.day[i] >= since:
                self._take(p, i)

    def aim(
        self, p: int, registered: int, area: int, thresholds: list[float]
    ) -> tuple[bool, float, int, int]:
        """(crossing lately, minutes aimed at, person, area whose events they serve): a level
        their time allows."""
        rng = self.rng
        local = self.lists.get(area, self.lists[-1])
        reach = local.reach(registered)
        widest = self.lists[-1].reach(registered)
        top = sum(1 for t in thresholds if t * 1.06 <= widest)  # the highest level in reach
        level = rng.choices(range(top + 1), weights=LEVEL_WEIGHTS[: top + 1])[0]
        if level and thresholds[level - 1] * 1.06 > reach:
            area, local, reach = -1, self.lists[-1], widest  # too few events on their street
        if level == 0:
            return False, min(reach, thresholds[0] * (0.3 + 0.6 * rng.random())), p, area
        low = thresholds[level - 1]
        high = thresholds[level] if level < len(thresholds) else low * 1.3
        recent = local.recent_share(registered, self.job.today.toordinal() - RECENT_DAYS)
        if rng.random() < RECENT_SHARE and recent > 0:
            # Hours come at a steady rate, so the threshold is crossed in the last months.
            return True, low / (1 - recent * (0.1 + 0.8 * rng.random())), p, area
        top = min(high * 0.95, reach)
        return False, low * 1.06 + max(0.0, top - low * 1.06) * rng.random(), p, area

    def place(self, p: int, registered: int, area: int, target: float) -> None:
        """Events at a steady rate from the day they joined, duty shifts first, until the aim.

        The rate is worked out again after each event, from what is still to serve and what is
        left to serve it in, so an event that was full or clashed is made up for later; what is
        still missing at the end is spread over the same stretch again."""
        stretch = self.lists[area]
        order, duty = stretch.order, self.duty
        first = bisect_left(stretch.days, registered)
        random_ = self.rng.random
        for _ in range(3):
            by_duty, rate = _rates(target - self.got.get(p, 0.0), *stretch.sums(first))
            due = random_()
            for k in range(first, len(order)):
                if by_duty <= 0:
                    break
                i = order[k]
                due += (by_duty if duty[i] else rate) * (0.5 + random_())
                if due < 1:
                    continue
                if self._take(p, i):
                    due -= 1
                due = min(due, 1.99)  # a missed one moves to the next free event, not a burst
                by_duty, rate = _rates(target - self.got.get(p, 0.0), *stretch.sums(k + 1))
            if self.got.get(p, 0.0) >= target:
                return

    def _take(self, p: int, i: int) -> bool:
        if self.room_at[i] <= 0 or self.scans_left < SCANS_PER_REGULAR:
            return False
        starts, ends = self.taken.setdefault(p, ([], []))
        start, end = self.start[i], self.end[i]
        k = bisect_left(starts, start)
        if (k and ends[k - 1] + GAP > start) or (k < len(starts) and starts[k] < end + GAP):
            return False  # never in two events at once
        starts.insert(k, start)
        ends.insert(k, end)
        self.room_at[i] -= 1
        self.scans_left -= SCANS_PER_REGULAR
        self.events[i].crew.append(p)
        self.got[p] = self.got.get(p, 0.0) + self.credit[i]
        return True


def _rates(rest: float, duty: float, other: float) -> tuple[float, float]:
    """How readily to take a duty shift and an event to serve `rest` more minutes out of `duty`
    minutes of shifts and `other` minutes of events: shifts DUTY_PREFERENCE times as readily."""
    if rest <= 0 or duty + other <= 0:
        return 0.0, 0.0
    rate = rest / (DUTY_PREFERENCE * duty + other)
    if DUTY_PREFERENCE * rate <= 1:
        return DUTY_PREFERENCE * rate, rate
    return 1.0, min(1.0, (rest - duty) / other) if other > 0 else 1.0  # every shift, and events


class _Stretch:
    """The finished events one group of regulars serves at, in time order, with running sums."""

    def __init__(self, placer: _Placer, order: list[int]) -> None:
        self.order = order
        self.days = [placer.day[i] for i in order]
        self.duty = [0.0, *accumulate(placer.credit[i] if placer.duty[i] else 0.0 for i in order)]
        self.other = [0.0, *accumulate(0.0 if placer.duty[i] else placer.credit[i] for i in order)]
        # Many events a day cannot all be served by one person: their share shrinks with the crowd.
        span = max(1, self.days[-1] - self.days[0] + 1) if order else 1
        self.per_day = len(order) / span

    def sums(self, first: int) -> tuple[float, float]:
        return self.duty[-1] - self.duty[first], self.other[-1] - self.other[first]

    def reach(self, registered: int) -> float:
        """Minutes a regular who joined on `registered` could have served here."""
        duty, other = self.sums(bisect_left(self.days, registered))
        return 0.65 * (duty + other) / (1 + 0.5 * self.per_day)

    def recent_share(self, registered: int, since: int) -> float:
        first = bisect_left(self.days, registered)
        recent = bisect_left(self.days, max(since, registered))
        weighted = [DUTY_PREFERENCE * d + o for d, o in (self.sums(first), self.sums(recent))]
        return weighted[1] / weighted[0] if weighted[0] > 0 else 0.0
