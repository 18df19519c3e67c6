"""Demo attendance: for each event, who enrolled and who came, the scan log and the service records."""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING

from sqlalchemy import false, null

from desktop import codes
from desktop.models import Enrolment, Event, Scan, ServiceRecord
from desktop.services import demo_words as words
from desktop.services import hours
from desktop.services.demo_events import EventPlan, event_row
from desktop.services.demo_job import Job, seconds
from desktop.services.demo_teams import DemoTeam, Pool

if TYPE_CHECKING:
    from desktop.services.demo_people import People

EVENT_BATCH = 100  # events whose enrolments, scans and records are built and written together
SCANS_PER_ATTENDEE = 2.08  # in + out, a few duplicates, a few missing sign-outs
SCANS_PER_REGULAR = 3  # kept for each regular in an event's crew: in, out and a repeat at most
OPEN_SIGNINS = 12  # volunteers already signed in at the event open right now
DUTY_CROWD = 0.08  # a duty shift draws this share of an event's usual crowd besides its regulars


def add_attendance(job: Job, plans: list[EventPlan], teams: list[DemoTeam], people: People) -> None:
    """Events with their enrolments, scans and service records, written batch by batch."""
    rng = job.rng("attendance")
    _allot_scans(job, rng, plans, people)
    everyone = Pool()
    everyone.add_all([(d, p) for p, d in enumerate(people.registered)])
    per_station: dict[int, list[tuple[int, int]]] = {}
    for p, st in enumerate(people.station):
        per_station.setdefault(st, []).append((people.registered[p], p))
    station_pools = {st: Pool() for st in per_station}
    for st, pairs in per_station.items():
        station_pools[st].add_all(pairs)
    ctx = _Attendance(job, rng, people, teams, everyone, station_pools)
    for first in range(0, len(plans), EVENT_BATCH):
        batch = plans[first : first + EVENT_BATCH]
        events, enrolments, scans, records = [], [], [], []
        for plan in batch:
            e, s, r = ctx.for_event(plan)
            events.append(event_row(job, rng, plan, teams, people, e))
            enrolments += e
            scans += s
            records += r
        job.insert(Event, events)
        # In volunteer order, the volunteer indexes fill page by page instead of at random.
        enrolments.sort(key=_VOLUNTEER)
        records.sort(key=_VOLUNTEER)
        job.insert(Enrolment, enrolments)
        job.insert(Scan, scans, operator_id=null(), undone=false())
        job.insert(
            ServiceRecord, records, reviewed_by=null(), corrects_id=null(), created_by=null()
        )
        job.counts["enrolments"] += len(enrolments)
        job.counts["scans"] += len(scans)
        job.counts["service_records"] += len(records)
        job.advance(len(batch) + len(scans))


def _allot_scans(job: Job, rng: random.Random, plans: list[EventPlan], people: People) -> None:
    """Share exactly `size.scans` among the finished events; the open one gets its sign-ins.

    Each finished event first keeps enough for its regulars (demo_regulars keeps their sum below
    the budget), then the rest is shared out at random, duty shifts taking little of it."""
    budget = job.size.scans
    finished = [p for p in plans if p.status == "finished"]
    open_plan = next(p for p in plans if p.is_open)
    open_plan.quota = min(budget, OPEN_SIGNINS if people.ids else 0)
    budget -= open_plan.quota
    if not finished:
        open_plan.quota += budget
        return
    kept = [SCANS_PER_REGULAR * len(p.crew) for p in finished]
    budget -= sum(kept)
    weights = [rng.uniform(0.4, 1.6) * (DUTY_CROWD if p.duty else 1.0) for p in finished]
    total = sum(weights)
    previous = 0
    for plan, cum, own in zip(finished, accumulate(weights), kept):
        upto = round(budget * cum / total)
        plan.quota, previous = own + upto - previous, upto


class _Attendance:
    """Draws who came to an event and writes what the check-in console would have logged.

    This runs once per attendee (about half a million times at district size), so it keeps to
    random() and plain dicts; randint, gauss and keyword-heavy helpers would double the time.
    """

    def __init__(
        self,
        job: Job,
        rng: random.Random,
        people: People,
        teams: list[DemoTeam],
        everyone: Pool,
        station_pools: dict[int, Pool],
    ) -> None:
        self.job = job
        self.rng = rng
        self.people = people
        self.teams = teams
        self.everyone = everyone
        self.station_pools = station_pools
        people.revoked.sort()
        self.revoked_at = [when for when, _, _ in people.revoked]
        # When each person may sign in again: half an hour after their last sign-out (sign-in
        # opens before an event starts), so nobody is ever at two events at once.
        self.free_from: dict[int, datetime] = {}
        self.regular = people.regular or [False] * len(people.ids)

    def for_event(self, plan: EventPlan) -> tuple[list[dict], list[dict], list[dict]]:
        if plan.status in ("draft", "cancelled"):
            return [], [], []
        if plan.status == "finished":
            return self._finished(plan)
        return self._upcoming(plan)

    def _pick(
        self, plan: EventPlan, n: int, *, active_only: bool, crowd_only: bool = False
    ) -> list[int]:
        """Up to n people who had joined by the event's day: its team first, then its station.

        Nobody still at another event; `crowd_only` leaves out the regulars, who come to the
        events demo_regulars put them in and to no others."""
        day = plan.day.toordinal()
        pools = [self.teams[plan.team].pool] if plan.team is not None else []
        pools += [self.station_pools.get(plan.station, self.everyone), self.everyone]
        chosen: dict[int, None] = {}
        free_from, start = self.free_from, plan.start
        regular, active = self.regular, self.people.active
        for pool in pools:
            k = bisect_right(pool.since, day)
            need = n - len(chosen)
            if need <= 0:
                break
            for j in self.rng.sample(range(k), min(k, need + len(chosen))):
                p = pool.people[j]
                if (
                    p not in chosen
                    and (active[p] or not active_only)
                    and not (crowd_only and regular[p])
                    and free_from.get(p, _LONG_AGO) <= start
                ):
                    chosen[p] = None
                    if len(chosen) == n:
                        break
        return list(chosen)

    def _enrolment(self, plan: EventPlan, p: int, status: str, walk_in: bool = False) -> dict:
        # A day to two weeks ahead; a walk-in is enrolled by the scan itself.
        created = plan.start if walk_in else plan.start - seconds(self.rng, 86_400, 14 * 86_400)
        return {
            "event_id": plan.id,
            "volunteer_id": self.people.ids[p],
            "status": status,
            "walk_in": walk_in,
            "created_at": min(created, self.job.now),
        }

    def _upcoming(self, plan: EventPlan) -> tuple[list[dict], list[dict], list[dict]]:
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

    def _signed_in_now(self, plan: EventPlan, picked: list[int]) -> list[dict]:
        """The open event: its first volunteers have signed in already."""
        scans = []
        opened = plan.start - timedelta(minutes=20)
        span = max(1, int((self.job.now - opened).total_seconds()) - 60)
        for p in picked[: plan.quota]:
            at = opened + seconds(self.rng, 0, span)
            scans.append(
                self._scan(plan.id, self.people.ids[p], at, "in", self.people.codes[p], True)
            )
        scans += self._rejected(plan, plan.quota - len(scans), scans, picked)
        return self._numbered(scans)

    def _finished(self, plan: EventPlan) -> tuple[list[dict], list[dict], list[dict]]:
        """Enrolled volunteers who came (an in and an out scan, a service record), and no-shows."""
        random_ = self.rng.random
        budget = plan.quota - round(plan.quota * 0.04)  # the rest: refused scans
        enrolments, scans, records = [], [], []
        for p in plan.crew:  # the regulars: enrolled ahead, and they seldom forget to sign out
            no_out, dup = random_() < 0.01, random_() < 0.03
            cost = 1 + (not no_out) + dup
            if cost > budget:
                enrolments.append(self._enrolment(plan, p, "no_show"))
                continue
            budget -= cost
            enrolments.append(self._enrolment(plan, p, "enrolled"))
            signed_in, signed_out = self._came(plan, p, False, no_out, dup, scans)
            records.append(self._record(plan, p, signed_in, signed_out, False, regular=True))
        wanted = int(budget / SCANS_PER_ATTENDEE)
        picked = self._pick(plan, wanted + max(1, wanted // 12), active_only=False, crowd_only=True)
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
        self, plan: EventPlan, p: int, walk_in: bool, no_out: bool, dup: bool, scans: list[dict]
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
            log(at_in + seconds(self.rng, 3, 50), None, False, "duplicate")
        if no_out:
            self.free_from[p] = max(plan.end, at_in) + _HALF_HOUR  # closed at the event's end
            return at_in, None
        # Most leave around the end; some stay to tidy up, a few leave early.
        at_out = plan.end + timedelta(seconds=int((random_() + random_() - 0.8) * 1500))
        at_out = max(min(at_out, self.job.now), at_in + _TEN_MINUTES)  # an event that just ended
        log(at_out, "out", True)
        self.free_from[p] = at_out + _HALF_HOUR
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

    def _rejected(self, plan: EventPlan, n: int, accepted: list[dict], picked: list[int]) -> list[dict]:
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
                scan = self._again(rng.choice(ok), 3, 55, kind)
            elif kind == "already_signed_out" and outs:
                scan = self._again(rng.choice(outs), 60, 1800, kind)
            elif kind == "event_not_open" and picked and opened < self.job.now:
                p = rng.choice(picked)
                at = opened - seconds(rng, 60, 2400)
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

    def _again(self, scan: dict, low: int, high: int, reason: str) -> dict:
        """The same card shown again `low` to `high` seconds after an accepted scan, and refused."""
        return dict(
            scan,
            scanned_at=min(self.job.now, scan["scanned_at"] + seconds(self.rng, low, high)),
            direction=None,
            accepted=False,
            walk_in=False,
            reason=reason,
        )

    def _during(self, plan: EventPlan) -> datetime:
        """A moment at the entrance while the event is open (and not in the future)."""
        lo = plan.start - timedelta(minutes=30)
        hi = min(plan.end, self.job.now)
        return lo + seconds(self.rng, 0, max(1, int((hi - lo).total_seconds())))

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
        self,
        plan: EventPlan,
        p: int,
        signed_in: datetime,
        signed_out: datetime | None,
        walk_in: bool,
        *,
        regular: bool = False,
    ) -> dict:
        """The record closing the event made (hours.compute's rules), and how its review went.

        Staff know their regulars: once the week's review is done, a regular's complete record
        is approved."""
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
        elif regular:
            state = "approved"
        else:
            r = random_()
            state = "approved" if r < 0.95 else "pending" if r < 0.98 else "rejected"
        reviewed = None
        if state != "pending":
            reviewed = min(self.job.now, closed + seconds(self.rng, 3600, 5 * 86_400))
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
_HALF_HOUR = timedelta(minutes=30)
_LONG_AGO = datetime(1900, 1, 1, tzinfo=UTC)


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
    """One line of the scan log (operator and undone are the same for all: see `add_attendance`)."""
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
