"""Demo data: realistic, valid, deterministic for a seed, exact in size, all-or-nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from desktop import codes
from desktop.db import open_database
from desktop.idcard import is_mobile, parse_resident_id
from desktop.models import (
    SCAN_REASONS,
    SERVICE_CATEGORIES,
    AuditEntry,
    Card,
    Enrolment,
    Event,
    Scan,
    ServiceRecord,
    Station,
    Team,
    TeamMembership,
    Volunteer,
)
from desktop.services import demo, hours, stats
from desktop.services.errors import ValidationError
from desktop.services.events import local_tz
from desktop.services.permissions import Actor
from desktop.services.stations import create_station
from desktop.services.volunteers import name_keys

SMALL = demo.DemoSize(volunteers=150, teams=6, events=40, scans=1500)
TABLES = (
    Station,
    Volunteer,
    Card,
    Team,
    TeamMembership,
    Event,
    Enrolment,
    Scan,
    ServiceRecord,
    AuditEntry,
)


def local(day: date, hh: int, mm: int) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=local_tz()).astimezone(timezone.utc)


NOW = local(date(2026, 5, 16), 10, 7)  # a Saturday morning


@pytest.fixture
def made(db):
    return demo.generate(db, SMALL, seed=3, now=NOW)


def counts(db) -> dict[str, int]:
    with db.reader() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in TABLES}


def rows(db, model) -> list:
    """Plain rows (attribute access by column name), safe to use after the session ends."""
    with db.reader() as s:
        return s.execute(select(model.__table__)).all()


def dump(db) -> dict[str, list[tuple]]:
    """Every generated row (stations' own creation time aside), for comparing two runs."""
    out = {}
    with db.reader() as s:
        for model in TABLES[1:-1]:
            table = model.__table__
            out[table.name] = [
                tuple(r) for r in s.execute(select(table).order_by(*table.primary_key.columns))
            ]
    return out


def test_small_demo_has_the_sizes_asked_for(db, made):
    n = counts(db)
    assert (made.volunteers, made.teams, made.events, made.scans) == (150, 6, 40, 1500)
    assert n["volunteers"] == 150 and n["teams"] == 6 and n["events"] == 40
    assert n["scans"] == 1500
    assert n["enrolments"] == made.enrolments > 0
    assert n["service_records"] == made.service_records > 0
    assert n["cards"] >= 150
    assert made.seconds < 10
    # A new file gets a district: one centre, its institutes and stations.
    with db.reader() as s:
        levels = Counter(s.scalars(select(Station.level)))
    assert levels["centre"] == 1 and levels["institute"] >= 2 and levels["station"] >= 4


def test_same_seed_same_data_and_another_seed_other_data(tmp_path):
    dumps = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database = open_database(tmp_path / f"{name}.sqlite")
        try:
            demo.generate(database, SMALL, seed=seed, now=NOW)
            dumps.append(dump(database))
        finally:
            database.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0]["volunteers"] != dumps[2]["volunteers"]
    assert dumps[0]["scans"] != dumps[2]["scans"]


def test_volunteers_have_valid_ids_phones_codes_and_search_keys(db, made):
    people = rows(db, Volunteer)
    cards = rows(db, Card)
    ids = [v.id_number for v in people]
    assert len(set(ids)) == len(ids)
    for v in people:
        rid = parse_resident_id(v.id_number)  # raises on a bad check character or date
        assert (rid.birth_date, rid.gender) == (v.birth_date, v.gender)
        assert date(1945, 1, 1) <= v.birth_date <= date(2008, 12, 31)
        assert v.id_tail == v.id_number[-4:]
        assert 2 <= len(v.name) <= 4
        assert (v.name_initials, v.name_pinyin) == name_keys(v.name)
        assert v.registered_on <= NOW.date()
        if v.phone:
            assert is_mobile(v.phone) and v.phone_tail == v.phone[-4:]
    phones = [v.phone for v in people if v.phone]
    assert len(set(phones)) == len(phones)
    card_codes = [c.code for c in cards]
    assert len(set(card_codes)) == len(card_codes)
    assert all(codes.is_valid(c) for c in card_codes)
    current = {c.volunteer_id: c.code for c in cards if c.revoked_at is None}
    assert current == {v.id: v.card_code for v in people}
    inactive = sum(v.status == "inactive" for v in people)
    assert 0 < inactive < len(people) * 0.15


def test_teams_events_and_records_look_like_a_station(db, made):
    with db.reader() as s:
        teams = s.execute(select(Team.name, Team.category, Team.leader_id)).all()
        members = Counter(s.scalars(select(TeamMembership.volunteer_id)))
        reasons = Counter(s.scalars(select(Scan.reason).where(Scan.accepted.is_(False))))
        accepted = Counter(s.scalars(select(Scan.direction).where(Scan.accepted.is_(True))))
    events = rows(db, Event)
    records = rows(db, ServiceRecord)
    assert all(t.name.endswith(("队", "团")) and t.category in SERVICE_CATEGORIES for t in teams)
    assert all(t.leader_id is not None for t in teams)
    assert sum(1 for n in members.values() if n in (1, 2)) > 0.7 * made.volunteers
    finished = [e for e in events if e.status == "finished"]
    assert len(finished) > 20
    assert all(e.people_served > 0 and e.quality_rating in (3, 4, 5) for e in finished)
    assert all(
        e.end_at > e.start_at and e.place and e.service_content and e.leader_name for e in events
    )
    assert min(e.start_at for e in events) < NOW - timedelta(days=700)
    assert max(e.start_at for e in events) > NOW + timedelta(days=3)
    assert set(reasons) <= set(SCAN_REASONS) and reasons["duplicate"] > 0
    assert accepted["in"] >= accepted["out"] > 0
    states = Counter(r.review_state for r in records)
    assert states["approved"] > 0.7 * len(records) and states["pending"] > 0
    assert all(r.minutes % 15 == 0 and r.minutes >= 0 for r in records)
    flagged = [r for r in records if "auto_signout" in r.flags]
    assert flagged and all(r.review_state == "pending" for r in flagged)
    assert any("walk_in" in r.flags for r in records)


def test_records_are_what_closing_the_event_makes_of_its_scans(db, made):
    """The hours service, run over the demo's scan log, gives the demo's service records."""
    with db.reader() as s:
        finished = list(s.scalars(select(Event).where(Event.status == "finished")))
        assert finished and all(
            e.closed_at is not None and e.closed_at >= e.end_at for e in finished
        )
        for event in finished:
            expected = {
                vid: hours.compute(event, stay) for vid, stay in hours.stays(s, event.id).items()
            }
            got = {
                r.volunteer_id: (r.sign_in, r.sign_out, r.minutes, r.flags)
                for r in s.execute(
                    select(ServiceRecord).where(ServiceRecord.event_id == event.id)
                ).scalars()
            }
            assert got == {
                v: (c.sign_in, c.sign_out, c.minutes, c.flags) for v, c in expected.items()
            }
        assert s.scalar(select(func.max(Scan.scanned_at))) <= NOW


@pytest.mark.parametrize("clock", [(10, 7), (0, 4), (23, 52)])
def test_an_event_is_open_for_check_in_now(db, clock):
    now = local(date(2026, 5, 16), *clock)
    result = demo.generate(db, SMALL, seed=1, now=now)
    event = next(e for e in rows(db, Event) if e.id == result.open_event)
    with db.reader() as s:
        enrolled = (
            s.execute(
                select(Volunteer.status)
                .join(Enrolment, Enrolment.volunteer_id == Volunteer.id)
                .where(Enrolment.event_id == event.id, Enrolment.status == "enrolled")
            )
            .scalars()
            .all()
        )
        today = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(
                Event.start_at >= local(now.astimezone(local_tz()).date(), 0, 0),
                Event.start_at < local(now.astimezone(local_tz()).date() + timedelta(days=1), 0, 0),
            )
        )
    assert event.status == "ongoing"
    assert now - timedelta(hours=1) <= event.start_at <= now + timedelta(minutes=30)
    assert event.start_at - timedelta(minutes=event.signin_opens_minutes) <= now < event.end_at
    assert event.start_at.astimezone(local_tz()).date() == now.astimezone(local_tz()).date()
    assert len(enrolled) >= 10 and set(enrolled) == {"active"}
    assert today >= 3


def test_scans_are_exactly_the_number_asked_for(db):
    size = demo.DemoSize(volunteers=40, teams=3, events=12, scans=2345)
    result = demo.generate(db, size, seed=5, now=NOW)
    with db.reader() as s:
        assert s.scalar(select(func.count(Scan.id))) == 2345 == result.scans
    # Nothing asked, nothing made; the open event still is there.
    other = open_database(db.path.with_name("empty-ish.sqlite"))
    try:
        result = demo.generate(
            other, demo.DemoSize(volunteers=0, teams=0, events=0, scans=0), now=NOW
        )
        assert (result.volunteers, result.scans, result.events) == (0, 0, demo.TODAY_EVENTS)
        assert result.open_event is not None
    finally:
        other.dispose()


def test_stats_agree_with_direct_counts(db, made):
    with db.reader() as s:
        figures = stats.figures(s)
        year = stats.figures(s, date(2025, 1, 1), date(2025, 12, 31))
        lo, hi = local(date(2025, 1, 1), 0, 0), local(date(2026, 1, 1), 0, 0)
        held = s.execute(
            select(func.count(), func.sum(Event.people_served)).where(
                Event.status == "finished", Event.start_at >= lo, Event.start_at < hi
            )
        ).one()
        minutes = s.scalar(
            select(func.sum(ServiceRecord.minutes)).where(ServiceRecord.review_state == "approved")
        )
        in_year = s.scalar(
            select(func.count(Scan.id)).where(Scan.scanned_at >= lo, Scan.scanned_at < hi)
        )
        served_all = s.scalar(
            select(func.sum(Event.people_served)).where(Event.status == "finished")
        )
    assert figures.volunteers == made.volunteers
    assert figures.teams == made.teams
    assert figures.scans == made.scans
    assert figures.service_hours == round(minutes / 60, 2)
    assert figures.people_served == served_all
    assert (year.events_held, year.people_served) == (held[0], held[1])
    assert year.scans == in_year > 0


def test_cancel_leaves_nothing_behind(db):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 8

    progress = []
    with pytest.raises(demo.DemoCancelled):
        demo.generate(
            db, SMALL, cancelled=cancelled, progress=lambda d, t: progress.append((d, t)), now=NOW
        )
    assert progress  # it had started writing
    assert set(counts(db).values()) == {0}


def test_progress_rises_to_the_total(db):
    seen: list[tuple[int, int]] = []
    demo.generate(db, SMALL, progress=lambda done, total: seen.append((done, total)), now=NOW)
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1]
    assert seen[-1][1] == SMALL.volunteers + SMALL.teams + SMALL.events + SMALL.scans


def test_refuses_a_database_with_volunteers_unless_appending(db, made):
    with pytest.raises(ValidationError) as err:
        demo.generate(db, SMALL, now=NOW)
    assert "volunteers" in err.value.fields
    more = demo.generate(
        db,
        demo.DemoSize(volunteers=60, teams=2, events=10, scans=300),
        seed=9,
        append=True,
        now=NOW,
    )
    with db.reader() as s:
        assert s.scalar(select(func.count(Volunteer.id))) == 150 + more.volunteers
        all_codes = list(s.scalars(select(Card.code)))
        assert len(all_codes) == len(set(all_codes))
        assert s.scalar(select(func.count(Scan.id))) == 1500 + 300


def test_demo_data_belongs_to_an_existing_home_station(db):
    with db.uow() as s:
        home = create_station(s, Actor(None, "admin", "admin"), "明珠社区新时代文明实践站")
    demo.generate(db, SMALL, now=NOW)
    with db.reader() as s:
        assert s.scalar(select(func.count(Station.id))) == 1
        assert set(s.scalars(select(Volunteer.station_id))) == {home}
        assert set(s.scalars(select(Event.station_id))) == {home}
        names = list(s.scalars(select(Team.name)))
    assert len(names) == len(set(names))


def test_refuses_negative_sizes_and_non_admins(db):
    with pytest.raises(ValidationError):
        demo.generate(db, demo.DemoSize(volunteers=-1))
    from desktop.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        demo.generate(db, SMALL, actor=Actor(None, "op", "operator"))
    assert set(counts(db).values()) == {0}


def test_an_audit_entry_says_demo_data_was_made(db, made):
    entry = next(e for e in rows(db, AuditEntry) if e.entity == "demo")
    assert entry.action == "generate" and '"volunteers": 150' in entry.after


# --- the regulars: star levels, the star filter, levels reached lately, honours ---------------

# Few people and many events: enough service for a core to climb to three stars.
RICH = demo.DemoSize(volunteers=600, teams=8, events=800, scans=16000)
THRESHOLDS = (100, 300, 600, 1000, 1500)  # the default setting


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("rich") / "rich.sqlite")
    demo.generate(database, RICH, seed=3, now=NOW)
    yield database
    database.dispose()


def approved_minutes(s, before: date | None = None) -> dict[int, int]:
    """Each volunteer's approved minutes, straight from the service records."""
    stmt = (
        select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
        .join(Event, Event.id == ServiceRecord.event_id)
        .where(ServiceRecord.review_state == "approved")
        .group_by(ServiceRecord.volunteer_id)
    )
    if before is not None:
        stmt = stmt.where(func.date(Event.start_at) < before.isoformat())
    return {vid: int(m) for vid, m in s.execute(stmt)}


def test_a_core_of_regulars_reaches_star_levels(rich):
    from desktop.services.stars import level_for_hours
    from desktop.services.volunteers import VolunteerQuery, count_volunteers, list_volunteers

    with rich.reader() as s:
        minutes = approved_minutes(s)
        levels = Counter(level_for_hours(m / 60, THRESHOLDS) for m in minutes.values())
        levels[0] += RICH.volunteers - len(minutes)
        filtered = {k: count_volunteers(s, VolunteerQuery(star_level=k)) for k in range(6)}
        two_stars = list_volunteers(s, VolunteerQuery(star_level=2), 0, 50)
    # The star filter counts what the records add up to.
    assert filtered == {k: levels[k] for k in range(6)}
    assert levels[1] > 0 and levels[2] > 0 and levels[3] + levels[4] + levels[5] > 0
    # Most volunteers come now and then; a few percent are the core.
    assert levels[0] > 0.9 * RICH.volunteers
    assert levels[1] >= levels[3] + levels[4] + levels[5]
    assert len(two_stars) == levels[2]
    assert all(r.stars == 2 and 300 <= r.hours < 600 for r in two_stars)


def test_regulars_hours_come_from_scans_at_events_they_enrolled_in(rich):
    """The busiest volunteers' records are what closing each event made of their scans."""
    with rich.reader() as s:
        top = sorted(approved_minutes(s).items(), key=lambda kv: -kv[1])[:3]
        assert top[0][1] >= 600 * 60
        for vid, _ in top:
            records = s.execute(
                select(ServiceRecord).where(ServiceRecord.volunteer_id == vid)
            ).scalars().all()
            enrolled = set(
                s.scalars(
                    select(Enrolment.event_id).where(
                        Enrolment.volunteer_id == vid, Enrolment.status == "enrolled"
                    )
                )
            )
            assert len(records) > 100 and {r.event_id for r in records} <= enrolled
            for r in records:
                event = s.get(Event, r.event_id)
                stay = hours.stays(s, event.id)[vid]
                made = hours.compute(event, stay)
                assert (r.sign_in, r.sign_out, r.minutes, r.flags) == (
                    made.sign_in, made.sign_out, made.minutes, made.flags,
                )
                assert event.status == "finished"
                assert not event.hours_cap or r.minutes <= event.hours_cap * 60
            states = Counter(r.review_state for r in records)
            assert states["approved"] > 0.9 * len(records)


def test_nobody_is_signed_in_at_two_events_at_once(rich):
    with rich.reader() as s:
        stays = s.execute(
            select(ServiceRecord.volunteer_id, ServiceRecord.sign_in, ServiceRecord.sign_out)
            .order_by(ServiceRecord.volunteer_id, ServiceRecord.sign_in)
        ).all()
    clashes = [
        (a, b)
        for a, b in pairwise(stays)
        if a.volunteer_id == b.volunteer_id and b.sign_in < a.sign_out
    ]
    assert len(stays) > 5000 and clashes == []


def test_points_follow_the_regulars_hours(rich):
    from desktop.models import PointsEntry
    from desktop.services import points

    with rich.reader() as s:
        rule = points.earning_rule(s)
        vid = max(approved_minutes(s).items(), key=lambda kv: kv[1])[0]
        expected = sum(
            rule.amount(m, category)
            for m, category in s.execute(
                select(ServiceRecord.minutes, Event.category)
                .join(Event, Event.id == ServiceRecord.event_id)
                .where(ServiceRecord.volunteer_id == vid, ServiceRecord.review_state == "approved")
            )
        )
        earned = s.scalar(
            select(func.sum(PointsEntry.amount)).where(
                PointsEntry.volunteer_id == vid, PointsEntry.kind == "earned"
            )
        )
    assert earned == expected > 600 * points.HUNDREDTHS


@pytest.mark.parametrize("start", [date(2026, 4, 1), date(2026, 1, 1)])
def test_some_reached_a_new_star_level_this_quarter_and_this_year(rich, start):
    from desktop.services.stars import level_for_hours, reached_in_period

    end = NOW.date()
    with rich.reader() as s:
        reached = reached_in_period(s, start, end, THRESHOLDS)
        before = approved_minutes(s, start)
        upto = approved_minutes(s, end + timedelta(days=1))
    assert reached
    for vid, was, now in reached:
        assert was == level_for_hours(before.get(vid, 0) / 60, THRESHOLDS)
        assert now == level_for_hours(upto[vid] / 60, THRESHOLDS) > was


def test_honour_certificates_for_those_who_reached_a_level_this_year(rich):
    from desktop.models import Certificate
    from desktop.services import certificates
    from desktop.services.permissions import SYSTEM
    from desktop.services.stars import reached_in_period

    with rich.uow() as s:
        result = certificates.issue_for_star_reached(
            s, SYSTEM, date(2026, 1, 1), NOW.date(), today=NOW.date()
        )
        reached = reached_in_period(s, date(2026, 1, 1), NOW.date(), THRESHOLDS)
        levels = dict(
            s.execute(
                select(Certificate.volunteer_id, Certificate.star_level).where(
                    Certificate.id.in_(result.issued)
                )
            ).all()
        )
        s.rollback()  # leave the shared demo file as it was for the other tests
    assert result.issued and not result.skipped
    assert levels == {vid: after for vid, _, after in reached}
