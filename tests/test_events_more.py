"""Events: capacity and the waiting list, status transitions, closing, no-shows, moving, templates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Event, Scan, ServiceRecord
from desktop.services import enrolment, events, teams, templates
from desktop.services.errors import Conflict, PermissionDenied, ValidationError
from tests.helpers import add_volunteer

NOW = datetime.now(UTC).replace(microsecond=0)


def make(s, actor, title="敬老院探访", start=None, hours=2, status="draft", **kw) -> int:
    start = start or NOW + timedelta(days=3)
    data = events.EventInput(title=title, start_at=start, end_at=start + timedelta(hours=hours), **kw)
    return events.create_event(s, actor, data, status=status)


def statuses(s, event_id) -> dict[int, str]:
    return {r.volunteer_id: r.status for r in enrolment.list_enrolments(s, event_id)}


def scan(s, event_id, volunteer_id, at, direction="in"):
    s.add(Scan(event_id=event_id, volunteer_id=volunteer_id, scanned_at=at, direction=direction,
               source="manual", accepted=True))


# --- capacity and waiting list ---------------------------------------------------------------


def test_waiting_list_moves_up_in_order_and_rejoining_goes_to_the_back(db, admin):
    with db.uow() as s:
        eid = make(s, admin, capacity=2)
        a, b, c, d = (add_volunteer(s, n) for n in ("安", "包", "陈", "邓"))
        first = enrolment.enrol(s, admin, eid, [a, b, c])
        assert (first.enrolled, first.waitlisted) == ([a, b], [c])
        assert enrolment.enrol(s, admin, eid, [d]).waitlisted == [d]
    with db.uow() as s:
        assert enrolment.withdraw(s, admin, eid, a) == c
        assert enrolment.enrol(s, admin, eid, [a]).waitlisted == [a]  # behind 邓 now
    with db.uow() as s:
        assert enrolment.withdraw(s, admin, eid, b) == d
    with db.reader() as s:
        assert statuses(s, eid) == {a: "waitlisted", b: "withdrawn", c: "enrolled", d: "enrolled"}
        order = [r.status for r in enrolment.list_enrolments(s, eid)]
        assert order == ["enrolled", "enrolled", "waitlisted", "withdrawn"]
        counts = enrolment.counts(s, eid)
        assert (counts.capacity, counts.enrolled, counts.waitlisted, counts.withdrawn) == (2, 2, 1, 1)


def test_raising_the_capacity_moves_people_up_and_withdrawing_a_waiting_one_moves_nobody(db, admin):
    with db.uow() as s:
        eid = make(s, admin, capacity=1)
        people = [add_volunteer(s, n) for n in ("甲", "乙", "丙", "丁")]
        enrolment.enrol(s, admin, eid, people)
    with db.uow() as s:
        assert enrolment.withdraw(s, admin, eid, people[3]) is None
        data, _ = events.get_event(s, eid)
        data.capacity = 3
        events.update_event(s, admin, eid, data)
    with db.reader() as s:
        assert statuses(s, eid) == {people[0]: "enrolled", people[1]: "enrolled", people[2]: "enrolled",
                                    people[3]: "withdrawn"}
        assert s.scalar(select(func.count()).where(AuditEntry.action == "promote")) == 1


def test_enrol_a_whole_team_fills_places_then_the_waiting_list(db, admin):
    with db.uow() as s:
        members = [add_volunteer(s, n) for n in ("刘一", "刘二", "刘三")]
        tid = teams.create_team(s, admin, teams.TeamInput("读书会", "reading"))
        teams.add_members(s, admin, tid, members)
        empty = teams.create_team(s, admin, teams.TeamInput("新队伍", "other"))
        eid = make(s, admin, capacity=2)
        result = enrolment.enrol_team(s, admin, eid, tid)
        assert len(result.enrolled) == 2 and len(result.waitlisted) == 1
    with pytest.raises(ValidationError, match="no active members"):
        with db.uow() as s:
            enrolment.enrol_team(s, admin, eid, empty)


# --- status transitions -------------------------------------------------------------------


def test_bad_transitions_are_refused_with_a_message(db, admin):
    with db.uow() as s:
        eid = make(s, admin)
    for bad in ("ongoing", "finished", "draft"):
        with pytest.raises(Conflict) as err:
            with db.uow() as s:
                events.change_status(s, admin, eid, bad)
        assert str(err.value) == f"An event that is Draft cannot become {events.status_label(bad)}."
    with db.uow() as s:
        events.change_status(s, admin, eid, "cancelled")
        events.change_status(s, admin, eid, "draft")
        events.change_status(s, admin, eid, "published")
    assert events.allowed_statuses("published") == ("ongoing", "finished", "cancelled", "draft")
    assert events.allowed_statuses("finished") == ()


def test_an_operator_may_not_edit_events(db, admin, operator):
    with db.uow() as s:
        eid = make(s, admin)
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            events.change_status(s, operator, eid, "published")


# --- closing ------------------------------------------------------------------------------


def test_closing_before_the_start_or_a_draft_is_refused(db, admin):
    with db.uow() as s:
        future = make(s, admin, status="published")
        draft = make(s, admin, start=NOW - timedelta(hours=3))
    closing = events.Closing(people_served=30, quality_rating=4, summary="顺利")
    with pytest.raises(Conflict, match="before it starts"):
        with db.uow() as s:
            events.close_event(s, admin, future, closing)
    with pytest.raises(Conflict, match="Only a published or ongoing event can be closed"):
        with db.uow() as s:
            events.close_event(s, admin, draft, closing)
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            events.close_event(s, admin, future, events.Closing(people_served=-1, quality_rating=9))
    assert set(err.value.fields) == {"people_served", "quality_rating"}


def test_closing_finishes_the_event_and_hands_its_hours_to_review(db, admin):
    start = NOW - timedelta(hours=3)
    with db.uow() as s:
        eid = make(s, admin, start=start, status="published")
        a, b = add_volunteer(s, "周敏"), add_volunteer(s, "吴磊")
        enrolment.enrol(s, admin, eid, [a, b])
        events.change_status(s, admin, eid, "ongoing")
        scan(s, eid, a, start + timedelta(minutes=2))
        scan(s, eid, a, start + timedelta(hours=2), "out")
    with db.uow() as s:
        events.close_event(s, admin, eid, events.Closing(people_served=45, quality_rating=4, summary=" 为45位老人理发 "))
    with db.reader() as s:
        e = s.get(Event, eid)
        assert (e.status, e.people_served, e.quality_rating, e.summary) == ("finished", 45, 4, "为45位老人理发")
        assert e.closed_at is not None
        (rec,) = s.scalars(select(ServiceRecord).where(ServiceRecord.event_id == eid)).all()
        assert (rec.volunteer_id, rec.review_state, rec.minutes) == (a, "pending", 105)  # quarter-hour rule
        detail = events.get_event_detail(s, eid)
        assert detail.closing == events.Closing(45, 4, "为45位老人理发") and not detail.editable
        assert events.quality_label(4) == "Excellent"
    # A finished event's closing details can be corrected; the change is audited.
    with db.uow() as s:
        events.close_event(s, admin, eid, events.Closing(people_served=48, quality_rating=3, summary="为48位老人理发"))
    with db.reader() as s:
        assert s.get(Event, eid).people_served == 48
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "update_closing"))
        assert '"people_served": 45' in entry.before and '"people_served": 48' in entry.after
        assert s.scalar(select(func.count(ServiceRecord.id))) == 1


def test_a_published_event_that_has_started_can_be_closed_directly(db, admin):
    with db.uow() as s:
        eid = make(s, admin, start=NOW - timedelta(hours=1), status="published")
        events.close_event(s, admin, eid, events.Closing(10, 2, ""))
    with db.reader() as s:
        assert s.get(Event, eid).status == "finished"


# --- no-shows -----------------------------------------------------------------------------


def test_no_shows_after_the_event_are_correctable(db, admin):
    start = NOW - timedelta(hours=3)
    with db.uow() as s:
        future = make(s, admin, status="published")
        eid = make(s, admin, start=start, status="published")
        came, absent, also_absent = (add_volunteer(s, n) for n in ("冯", "韩", "杨"))
        enrolment.enrol(s, admin, eid, [came, absent, also_absent])
        enrolment.enrol(s, admin, future, [came])
        scan(s, eid, came, start)
    with pytest.raises(Conflict, match="once the event has taken place"):
        with db.uow() as s:
            enrolment.mark_no_show(s, admin, future, [came])
    with pytest.raises(Conflict, match="冯 signed in"):
        with db.uow() as s:
            enrolment.mark_no_show(s, admin, eid, [came])
    with db.uow() as s:
        assert enrolment.absent_volunteer_ids(s, eid) == [absent, also_absent]
        assert enrolment.mark_absent_as_no_shows(s, admin, eid) == 2
    with db.uow() as s:
        assert enrolment.mark_no_show(s, admin, eid, [also_absent], no_show=False) == 1
    with db.reader() as s:
        assert statuses(s, eid) == {came: "enrolled", absent: "no_show", also_absent: "enrolled"}
        rows = {r.volunteer_id: r for r in enrolment.list_enrolments(s, eid)}
        assert rows[came].signed_in and not rows[absent].signed_in
        assert [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("%no_show")))] == [
            "no_show", "undo_no_show",
        ]


# --- moving, listing ----------------------------------------------------------------------


def test_move_keeps_the_length_and_refuses_a_finished_event(db, admin):
    with db.uow() as s:
        eid = make(s, admin, hours=2)
        done = make(s, admin, start=NOW - timedelta(hours=5), status="published")
        events.close_event(s, admin, done, events.Closing(1, 3, ""))
    new_start = NOW + timedelta(days=5)
    with db.uow() as s:
        events.move_event(s, admin, eid, new_start)
    with db.reader() as s:
        e = s.get(Event, eid)
        assert (e.start_at, e.end_at) == (new_start, new_start + timedelta(hours=2))
    with pytest.raises(Conflict, match="cannot be edited"):
        with db.uow() as s:
            events.move_event(s, admin, done, new_start)


def test_calendar_events_include_those_that_began_before_the_range(db, admin):
    first = datetime.combine(date(2031, 6, 1), time()).astimezone()
    with db.uow() as s:
        make(s, admin, "夏令营", start=first - timedelta(days=2), hours=24 * 4)
        make(s, admin, "六月义诊", start=first + timedelta(days=9))
        make(s, admin, "七月义诊", start=first + timedelta(days=31))
        make(s, admin, "五月旧活动", start=first - timedelta(days=10))
    with db.reader() as s:
        rows = events.calendar_events(s, first, first + timedelta(days=30))
    assert [r.title for r in rows] == ["夏令营", "六月义诊"]


# --- templates ----------------------------------------------------------------------------


def test_an_event_from_a_template_in_two_clicks(db, admin):
    with db.uow() as s:
        tid_team = teams.create_team(s, admin, teams.TeamInput("理发队", "elderly_disability"))
        start = datetime.combine(date(2031, 1, 5), time(14, 30)).astimezone()
        data = events.EventInput(
            title="爱心义剪", start_at=start, end_at=start + timedelta(minutes=150), category="elderly_disability",
            team_id=tid_team, place="幸福院", capacity=8, service_content="为老人理发", allow_walk_ins=False,
            hours_cap=2.5,
        )
        tpl = templates.create_template(s, admin, "每月义剪", data)
        with pytest.raises(ValidationError, match="already exists"):
            templates.create_template(s, admin, " 每月义剪 ", data)
    with db.reader() as s:
        (row,) = templates.list_templates(s)
        assert (row.name, row.title, row.start_time, row.duration_minutes) == ("每月义剪", "爱心义剪", time(14, 30), 150)
    with db.uow() as s:
        eid = templates.create_from_template(s, admin, tpl, date(2031, 2, 9))
    with db.reader() as s:
        e = s.get(Event, eid)
        assert e.start_at.astimezone() == datetime.combine(date(2031, 2, 9), time(14, 30)).astimezone()
        assert e.end_at - e.start_at == timedelta(minutes=150)
        assert (e.title, e.team_id, e.place, e.capacity, e.allow_walk_ins, e.hours_cap, e.status) == (
            "爱心义剪", tid_team, "幸福院", 8, False, 2.5, "draft",
        )
    # A template outlives a dissolved team: the event is still made, without it.
    with db.uow() as s:
        from desktop.models import Team

        s.delete(s.get(Team, tid_team))
    with db.uow() as s:
        again = templates.create_from_template(s, admin, tpl, date(2031, 3, 9))
    with db.reader() as s:
        assert s.get(Event, again).team_id is None
