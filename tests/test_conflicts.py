"""Conflicts: the same place twice, a volunteer or a team leader in two events, overrides with a reason."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from desktop.models import AuditEntry, ConflictOverride, Event
from desktop.services import conflicts, enrolment, events, teams
from desktop.services.conflicts import ConflictsFound
from desktop.services.errors import ValidationError
from tests.helpers import add_volunteer, id_number

DAY = date(2031, 5, 10)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def data(title: str, start: int, end: int, **kw) -> events.EventInput:
    kw.setdefault("place", "社区活动室")
    return events.EventInput(title=title, start_at=at(start), end_at=at(end), **kw)


def event_count(db) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count(Event.id)))


def test_the_same_place_booked_twice_is_refused_until_a_reason_is_given(db, admin):
    with db.uow() as s:
        first = events.save_event(s, admin, data("义诊", 9, 11))
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            events.save_event(s, admin, data("书法课", 10, 12, place=" 社区活动室 "))
    (c,) = err.value.conflicts
    assert (c.kind, c.other_event_id, c.other_title, c.detail) == ("place", first, "义诊", "社区活动室")
    assert "社区活动室 is already booked for 义诊" in str(err.value)
    assert event_count(db) == 1  # nothing was saved

    with pytest.raises(ValidationError) as err2:
        with db.uow() as s:
            events.save_event(s, admin, data("书法课", 10, 12), override_reason="   ")
    assert "override_reason" in err2.value.fields
    with db.uow() as s:
        second = events.save_event(s, admin, data("书法课", 10, 12), override_reason="两场活动共用大厅，已协调")
    with db.reader() as s:
        (o,) = s.scalars(select(ConflictOverride)).all()
        assert (o.event_id, o.other_event_id, o.kind, o.reason) == (second, first, "place", "两场活动共用大厅，已协调")
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "override_conflicts"))
        assert entry.entity_id == second and "两场活动共用大厅" in entry.after
        assert [r.reason for r in conflicts.list_overrides(s, first)] == ["两场活动共用大厅，已协调"]
    # Once accepted, the same clash is not asked about again on the next edit of either event.
    with db.uow() as s:
        d, _ = events.get_event(s, first)
        d.description = "带血压计"
        events.save_event(s, admin, d, first)


def test_no_conflict_back_to_back_elsewhere_or_with_a_cancelled_event(db, admin):
    with db.uow() as s:
        events.save_event(s, admin, data("义诊", 9, 11))
        cancelled = events.save_event(s, admin, data("旧活动", 13, 15))
        events.change_status(s, admin, cancelled, "cancelled")
        events.save_event(s, admin, data("书法课", 11, 12))  # starts when the other ends
        events.save_event(s, admin, data("垃圾分类宣传", 9, 11, place="小区南门"))
        events.save_event(s, admin, data("合唱排练", 13, 15))
    assert event_count(db) == 5


def test_a_volunteer_in_two_overlapping_events(db, admin):
    with db.uow() as s:
        a = events.save_event(s, admin, data("义诊", 9, 11, place="卫生站"))
        b = events.save_event(s, admin, data("交通劝导", 10, 12, place="十字路口"))
        c = events.save_event(s, admin, data("环境清扫", 14, 16, place="河道"))
        wang, li = add_volunteer(s, "王芳"), add_volunteer(s, "李娜")
        enrolment.enrol(s, admin, a, [wang, li])
        enrolment.enrol(s, admin, c, [wang])
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            enrolment.enrol(s, admin, b, [wang], check_conflicts=True)
    (hit,) = err.value.conflicts
    assert (hit.kind, hit.volunteer_name, hit.other_event_id) == ("volunteer", "王芳", a)
    assert "王芳 is also enrolled in 义诊" in hit.message
    with db.reader() as s:
        assert enrolment.list_enrolments(s, b) == []  # rolled back
    with db.uow() as s:
        result = enrolment.enrol(s, admin, b, [wang], check_conflicts=True, override_reason="上午只待一小时")
        assert result.enrolled == [wang]
    # Moving the afternoon event onto the morning is an edit: the same check.
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            events.move_event(s, admin, c, at(10, 30))
    kinds = {(x.kind, x.volunteer_name, x.other_event_id) for x in err.value.conflicts}
    assert kinds == {("volunteer", "王芳", a), ("volunteer", "王芳", b)}


def test_a_team_leader_double_booked(db, admin):
    with db.uow() as s:
        leader = add_volunteer(s, "赵刚")
        t1 = teams.create_team(s, admin, teams.TeamInput("助老服务队", "elderly_disability", leader_id=leader))
        t2 = teams.create_team(s, admin, teams.TeamInput("文明交通队", "civilized_traffic", leader_id=leader))
        t3 = teams.create_team(s, admin, teams.TeamInput("环保队", "environment"))
        a = events.save_event(s, admin, data("助老探访", 9, 11, place="敬老院", team_id=t1))
        other = events.save_event(s, admin, data("河道清理", 13, 15, place="河道", team_id=t3))
        enrolment.enrol(s, admin, other, [leader])
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            events.save_event(s, admin, data("路口劝导", 10, 12, place="路口", team_id=t2))
    (hit,) = err.value.conflicts
    assert (hit.kind, hit.other_event_id, hit.detail) == ("leader", a, "赵刚")
    assert "Team leader 赵刚 also leads 助老探访" in hit.message
    # The leader enrolled as a plain volunteer elsewhere at that time is double-booked too.
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            events.save_event(s, admin, data("路口劝导", 14, 16, place="路口", team_id=t2))
    assert [(x.kind, x.other_event_id) for x in err.value.conflicts] == [("leader", other)]


def test_the_same_activity_leader_named_on_two_events(db, admin):
    with db.uow() as s:
        events.save_event(s, admin, data("宣讲", 9, 11, place="礼堂", leader_name="陈主任"))
    with pytest.raises(ConflictsFound) as err:
        with db.uow() as s:
            events.save_event(s, admin, data("调研", 10, 12, place="村委会", leader_name=" 陈主任"))
    assert [c.kind for c in err.value.conflicts] == ["leader"]


def test_checking_an_event_with_200_volunteers_takes_two_set_based_queries(db, admin):
    with db.uow() as s:
        big = events.save_event(s, admin, data("大型义诊", 8, 12, place="广场"))
        other = events.save_event(s, admin, data("交通劝导", 11, 13, place="路口"))
        people = [
            add_volunteer(s, f"志愿者{i:03d}", id_number=id_number(born=date(1970, 1, 1 + i % 28).replace(month=1 + i // 28)))
            for i in range(200)
        ]
        enrolment.enrol(s, admin, big, people)
        enrolment.enrol(s, admin, other, people[:7])
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.reader() as s:
            found = conflicts.find_conflicts(s, [big])
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", count)
    assert sorted(c.volunteer_name for c in found) == [f"志愿者{i:03d}" for i in range(7)]
    # One look at the event itself, one for places and leaders, one for every volunteer at once.
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) <= 3
