"""Teams, events, enrolment, settings and stats through the services."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Enrolment, Event, ServiceRecord
from desktop.services import enrolment, events, settings, stats, teams
from desktop.services.errors import Conflict, PermissionDenied, ValidationError

from .helpers import add_volunteer


def _event(s, admin, start=None, hours=2, **kw):
    start = start or datetime.now(timezone.utc).replace(microsecond=0)
    status = kw.pop("status", "published")
    title = kw.pop("title", "亲子阅读时光")
    data = events.EventInput(title=title, start_at=start, end_at=start + timedelta(hours=hours), **kw)
    return events.create_event(s, admin, data, status=status)


def test_team_members_add_remove_move(db, admin):
    with db.uow() as s:
        a = [add_volunteer(s, f"队员{i}") for i in range(5)]
        t1 = teams.create_team(s, admin, teams.TeamInput("书香阅读志愿队", "reading", leader_id=a[0]))
        t2 = teams.create_team(s, admin, teams.TeamInput("敬老助残志愿队", "elderly_disability"))
        assert teams.add_members(s, admin, t1, a) == 4  # the leader is already in
        assert teams.move_members(s, admin, t1, t2, a[3:]) == 2
        assert teams.remove_members(s, admin, t1, [a[0]]) == 1
    with db.reader() as s:
        assert sorted(teams.member_ids(s, t1)) == a[1:3]
        assert sorted(teams.member_ids(s, t2)) == a[3:]
        rows = {r.name: r for r in teams.list_teams(s)}
        assert rows["书香阅读志愿队"].members == 2 and rows["书香阅读志愿队"].leader == ""
        assert teams.count_teams(s, teams.TeamQuery(search="敬老")) == 1


def test_team_validation(db, admin):
    with db.uow() as s:
        teams.create_team(s, admin, teams.TeamInput("科普志愿服务队", "science"))
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            teams.create_team(s, admin, teams.TeamInput(" 科普志愿服务队 ", "nonsense"))
    assert set(err.value.fields) == {"name", "category"}


def test_event_validation_and_transitions(db, admin):
    now = datetime.now(timezone.utc)
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            events.create_event(s, admin, events.EventInput(title="", start_at=now, end_at=now - timedelta(hours=1), capacity=-1))
    assert {"title", "end_at", "capacity"} <= set(err.value.fields)
    with db.uow() as s:
        eid = _event(s, admin, status="draft")
    with pytest.raises(Conflict, match="cannot become"):
        with db.uow() as s:
            events.change_status(s, admin, eid, "finished")
    with db.uow() as s:
        for status in ("published", "ongoing", "finished"):
            events.change_status(s, admin, eid, status)
    with pytest.raises(Conflict):
        with db.uow() as s:
            events.update_event(s, admin, eid, events.get_event(s, eid)[0])
    with db.reader() as s:
        assert s.get(Event, eid).status == "finished"
        assert s.scalar(select(func.count()).where(AuditEntry.action == "status")) == 3


def test_capacity_waiting_list_and_promotion(db, admin):
    with db.uow() as s:
        people = [add_volunteer(s, f"志愿者{i}") for i in range(4)]
        eid = _event(s, admin, capacity=2)
        result = enrolment.enrol(s, admin, eid, people)
        assert result.enrolled == people[:2] and result.waitlisted == people[2:]
        assert enrolment.enrol(s, admin, eid, people[:1]).already == people[:1]
    with db.uow() as s:
        assert enrolment.withdraw(s, admin, eid, people[0]) == people[2]
    with db.reader() as s:
        states = dict(s.execute(select(Enrolment.volunteer_id, Enrolment.status)).all())
        assert states == {people[0]: "withdrawn", people[1]: "enrolled", people[2]: "enrolled", people[3]: "waitlisted"}


def test_walk_ins_always_get_in_and_are_flagged(db, admin, operator):
    with db.uow() as s:
        a, b = add_volunteer(s, "甲"), add_volunteer(s, "乙")
        eid = _event(s, admin, capacity=1)
        enrolment.enrol(s, admin, eid, [a])
        enrolment.enrol(s, operator, eid, [b], walk_in=True)
        rows = {r.volunteer_id: r for r in enrolment.list_enrolments(s, eid)}
        assert rows[b].status == "enrolled" and rows[b].walk_in
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            enrolment.enrol(s, operator, eid, [a])


def test_events_listing_by_period(db, admin):
    today = datetime.now(timezone.utc)
    with db.uow() as s:
        _event(s, admin, start=today, title="今天的活动")
        _event(s, admin, start=today - timedelta(days=40), title="上个月的活动")
    with db.reader() as s:
        assert [r.title for r in events.list_events(s, events.today_query())] == ["今天的活动"]
        assert events.count_events(s) == 2
        assert [r.title for r in events.list_events(s, events.EventQuery(search="上个月"))] == ["上个月的活动"]


def test_settings_validation_and_audit(db, admin, coordinator):
    with db.uow() as s:
        new = settings.update(s, admin, star_thresholds=(10, 20, 30, 40, 50), station_name="幸福里新时代文明实践站")
        assert new.star_thresholds == (10, 20, 30, 40, 50)
    with pytest.raises(ValidationError):
        with db.uow() as s:
            settings.update(s, admin, star_thresholds=(50, 20, 30, 40, 10))
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            settings.update(s, coordinator, station_name="x")
    with db.reader() as s:
        assert settings.load(s).station_name == "幸福里新时代文明实践站"


def test_stats_against_hand_counted_data(db, admin):
    now = datetime.now(timezone.utc)
    with db.uow() as s:
        a, b, c = (add_volunteer(s, n) for n in ("甲", "乙", "丙"))
        teams.create_team(s, admin, teams.TeamInput("书香阅读志愿队", "reading"))
        held = _event(s, admin, start=now - timedelta(days=3))
        _event(s, admin, start=now + timedelta(days=3))
        old = _event(s, admin, start=now - timedelta(days=400))
        s.get(Event, held).status = "finished"
        s.get(Event, held).people_served = 35
        s.add_all([
            ServiceRecord(event_id=held, volunteer_id=a, minutes=90, review_state="approved"),
            ServiceRecord(event_id=held, volunteer_id=b, minutes=60, review_state="pending"),
            ServiceRecord(event_id=old, volunteer_id=c, minutes=600, review_state="approved"),
        ])
    with db.reader() as s:
        f = stats.figures(s, date.today() - timedelta(days=30), date.today() + timedelta(days=30))
        assert (f.volunteers, f.active_volunteers, f.teams, f.events, f.events_held) == (3, 2, 1, 2, 1)
        assert (f.service_hours, f.people_served, f.scans) == (1.5, 35, 0)
        assert stats.figures(s).service_hours == 11.5
