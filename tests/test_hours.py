"""Service hours: rounding rules, caps, auto sign-out, closing an event, review, corrections, stars."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Event, ServiceRecord, Volunteer
from desktop.services import checkin, enrolment, hours, hours_export, settings
from desktop.services import volunteers as vs
from desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.services.permissions import SYSTEM, Actor

from .test_checkin import END, START, enrolled, make_event, make_volunteer, scan

AFTER = END + timedelta(hours=3)
REVIEWER = Actor(None, "刘主任", "coordinator")


def minutes(m: float) -> timedelta:
    return timedelta(minutes=m)


@pytest.mark.parametrize(
    "rule, cases",
    [
        ("none", {0: 0, 59.9: 59, 74: 74, 181: 181}),
        ("quarter_down", {14: 0, 15: 15, 29: 15, 44.9: 30, 61: 60, 134: 120}),
        ("half_down", {29: 0, 30: 30, 59: 30, 89: 60, 90: 90}),
        ("half_nearest", {14: 0, 15: 30, 44: 30, 45: 60, 74.9: 60, 75: 90, 100: 90}),
        ("hour_down", {59: 0, 60: 60, 119: 60, 179: 120}),
    ],
)
def test_each_rounding_rule(rule, cases):
    for stay, credited in cases.items():
        assert hours.round_minutes(stay * 60, rule) == credited, (rule, stay)


def test_credit_is_clipped_to_the_event_then_rounded_then_capped():
    c = hours.credit(START, END, START - minutes(40), END + minutes(40), "none", 0)
    assert c == hours.Credit(180, False)
    assert hours.credit(START, END, START + minutes(10), START + minutes(100), "half_down", 0).minutes == 90
    assert hours.credit(START, END, START, END, "quarter_down", 2.5) == hours.Credit(150, True)
    assert hours.credit(START, END, START, START + minutes(100), "hour_down", 2.5) == hours.Credit(60, False)
    assert hours.credit(START, END, END + minutes(5), END + minutes(30), "none", 0).minutes == 0
    with pytest.raises(ValueError):
        hours.round_minutes(60, "sometimes")


def _records(db, eid=None):
    with db.reader() as s:
        stmt = select(
            ServiceRecord.volunteer_id, ServiceRecord.minutes, ServiceRecord.flags, ServiceRecord.review_state
        ).order_by(ServiceRecord.id)
        if eid is not None:
            stmt = stmt.where(ServiceRecord.event_id == eid)
        return s.execute(stmt).all()


def close(db, eid, actor=REVIEWER, now=AFTER):
    with db.uow() as s:
        return hours.close_event_hours(s, actor, eid, now=now)


@pytest.mark.parametrize(
    "rule, cap, stay, expected, flags",
    [
        ("none", 0.0, 100, 100, ""),
        ("quarter_down", 0.0, 100, 90, ""),
        ("half_down", 0.0, 100, 90, ""),
        ("half_nearest", 0.0, 105, 120, ""),
        ("hour_down", 0.0, 100, 60, ""),
        ("none", 1.5, 100, 90, "capped"),
    ],
)
def test_closing_applies_the_events_rule_and_cap(db, rule, cap, stay, expected, flags):
    eid, [(vid, code)] = enrolled(db, rounding=rule, hours_cap=cap)
    scan(db, eid, code, START)
    out = scan(db, eid, code, START + minutes(stay))
    assert out.hours == round(expected / 60, 2)
    assert close(db, eid) == hours.CloseResult(created=1, superseded=0, unchanged=0, flagged=bool(flags))
    assert _records(db) == [(vid, expected, flags, "pending")]


def test_a_missing_sign_out_is_closed_at_the_end_and_flagged(db):
    with db.uow() as s:
        eid = make_event(s)
        walker, walk_code = make_volunteer(s, "路人")
    with db.uow() as s:
        vid, code = make_volunteer(s, "王五")
        enrolment.enrol(s, SYSTEM, eid, [vid])
    scan(db, eid, code, START + minutes(30))
    scan(db, eid, walk_code, START + minutes(45))
    scan(db, eid, walk_code, START + minutes(105))
    result = close(db, eid)
    assert (result.created, result.flagged) == (2, 2)
    with db.reader() as s:
        recs = {r.volunteer_id: r for r in s.scalars(select(ServiceRecord))}
        assert (recs[vid].minutes, recs[vid].flags, recs[vid].sign_out) == (150, "auto_signout", END)
        assert (recs[walker].minutes, recs[walker].flags) == (60, "walk_in")
        review = hours.list_for_review(s, hours.ReviewQuery(flag="auto_signout"))
        assert [r.volunteer_id for r in review] == [vid]


def test_closing_twice_changes_nothing_and_recalculating_supersedes_pending_only(db):
    eid, [(a, code_a), (b, code_b)] = enrolled(db, n=2)
    scan(db, eid, code_a, START)
    scan(db, eid, code_b, START)
    scan(db, eid, code_b, START + minutes(60))
    close(db, eid)
    assert close(db, eid) == hours.CloseResult(created=0, superseded=0, unchanged=2, flagged=0)
    with db.uow() as s:
        rec_a = s.scalar(select(ServiceRecord.id).where(ServiceRecord.volunteer_id == a))
        hours.approve(s, REVIEWER, [rec_a])
    # a signs out late, that sign-out and b's are undone, b signs out again later: a's approved
    # record must not move, b's pending one is replaced.
    scan(db, eid, code_a, START + minutes(90))
    with db.uow() as s:
        checkin.undo_last_scan(s, SYSTEM, eid)  # a's sign-out
        checkin.undo_last_scan(s, SYSTEM, eid)  # b's sign-out
    scan(db, eid, code_b, START + minutes(120))
    assert close(db, eid) == hours.CloseResult(created=1, superseded=1, unchanged=1, flagged=0)
    assert _records(db) == [
        (a, 180, "auto_signout", "approved"),
        (b, 60, "", "superseded"),
        (b, 120, "", "pending"),
    ]
    with db.reader() as s:
        new_b = s.scalars(select(ServiceRecord).where(ServiceRecord.review_state == "pending")).one()
        old_b = s.scalar(select(ServiceRecord.id).where(ServiceRecord.review_state == "superseded"))
        assert new_b.corrects_id == old_b
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "close_hours")) == 2


def test_a_pending_record_whose_sign_in_was_undone_is_superseded(db):
    eid, [(_, code)] = enrolled(db)
    scan(db, eid, code, START)
    close(db, eid)
    with db.uow() as s:
        checkin.undo_last_scan(s, SYSTEM, eid)
    assert close(db, eid).superseded == 1
    assert [r[3] for r in _records(db)] == ["superseded"]


def test_closing_needs_an_ended_event_and_the_permission(db):
    eid, _ = enrolled(db)
    with pytest.raises(Conflict, match="not ended yet"):
        close(db, eid, now=END - minutes(1))
    with pytest.raises(PermissionDenied):
        close(db, eid, actor=Actor(None, "operator", "operator"))
    with db.uow() as s:
        s.get(Event, eid).status = "finished"
    assert close(db, eid, now=END - minutes(1)).created == 0  # finished early: allowed
    with db.uow() as s:
        draft = make_event(s, status="draft")
    with pytest.raises(Conflict):
        close(db, draft)


def _one_record(db, stay=120, **event_kw) -> tuple[int, int, int]:
    eid, [(vid, code)] = enrolled(db, **event_kw)
    scan(db, eid, code, START)
    scan(db, eid, code, START + minutes(stay))
    close(db, eid)
    with db.reader() as s:
        return eid, vid, s.scalar(select(ServiceRecord.id).where(ServiceRecord.event_id == eid))


def test_approval_feeds_star_levels(db):
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 3, 4, 5))
    _, vid, rec = _one_record(db, stay=130)  # quarter_down: 2 h
    with db.reader() as s:
        assert vs.get_volunteer(s, SYSTEM, vid).stars == 0
    with db.uow() as s:
        result = hours.approve(s, REVIEWER, [rec])
        assert result == hours.ReviewResult(done=[rec], skipped=[])
        assert hours.approve(s, REVIEWER, [rec]) == hours.ReviewResult(done=[], skipped=[rec])
    with db.reader() as s:
        detail = vs.get_volunteer(s, SYSTEM, vid)
        assert (detail.hours, detail.stars) == (2.0, 2)
        assert [r.id for r in vs.list_volunteers(s, vs.VolunteerQuery(star_level=2))] == [vid]
        assert hours.volunteer_hours(s, vid).approved_minutes == 120
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "approve")).one()
        assert (entry.entity, entry.entity_id, entry.actor_name) == ("service_record", rec, "刘主任")


def test_reject_keeps_the_record_out_of_the_totals(db):
    _, vid, rec = _one_record(db)
    with db.uow() as s:
        hours.reject(s, REVIEWER, [rec], reason="  没有到场  ")
    with db.reader() as s:
        totals = hours.volunteer_hours(s, vid)
        assert (totals.approved_minutes, totals.pending_minutes) == (0, 0)
        assert [r.state for r in totals.records] == ["rejected"]
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reject")).one()
        assert json.loads(entry.after)["reason"] == "没有到场"
    with pytest.raises(NotFound):
        with db.uow() as s:
            hours.approve(s, REVIEWER, [rec, 999])
    with pytest.raises(ValidationError):
        with db.uow() as s:
            hours.approve(s, REVIEWER, [])


def test_a_correction_is_a_new_reasoned_record_and_the_history_stays(db):
    _, vid, rec = _one_record(db, stay=120)
    with db.uow() as s:
        hours.approve(s, REVIEWER, [rec])
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            hours.correct(s, REVIEWER, rec, 150, "   ")
    assert "reason" in err.value.fields
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            hours.correct(s, Actor(None, " ", "coordinator"), rec, -5, "忘记签退")
    assert set(err.value.fields) == {"actor", "minutes"}
    with db.uow() as s:
        new = hours.correct(s, REVIEWER, rec, 150, "忘记签退，负责人确认 11:30 离开")
    with db.reader() as s:
        old_row, new_row = s.get(ServiceRecord, rec), s.get(ServiceRecord, new)
        assert (old_row.minutes, old_row.review_state) == (120, "superseded")
        assert (new_row.minutes, new_row.review_state, new_row.corrects_id) == (150, "approved", rec)
        assert new_row.reason == "忘记签退，负责人确认 11:30 离开" and new_row.flags == "corrected"
        assert (new_row.sign_in, new_row.sign_out) == (old_row.sign_in, old_row.sign_out)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "correct")).one()
        assert entry.actor_name == "刘主任" and entry.entity_id == new
        assert json.loads(entry.before) == {"record": rec, "minutes": 120, "review_state": "approved"}
        assert json.loads(entry.after)["corrects"] == rec
        history = hours.volunteer_hours(s, vid)
        assert history.approved_minutes == 150
        assert [(r.id, r.state) for r in history.records] == [(new, "approved"), (rec, "superseded")]
    with pytest.raises(Conflict, match="already replaced"):
        with db.uow() as s:
            hours.correct(s, REVIEWER, rec, 100, "again")


def test_a_correction_respects_the_events_cap(db):
    _, _, rec = _one_record(db, hours_cap=2.0)
    with pytest.raises(ValidationError, match="at most 2.0 hours"):
        with db.uow() as s:
            hours.correct(s, REVIEWER, rec, 121, "reason")


def test_review_list_filters_pages_and_puts_flagged_first(db):
    with db.uow() as s:
        eid = make_event(s)
        people = [make_volunteer(s, f"志愿者{i:02d}") for i in range(12)]
        enrolment.enrol(s, SYSTEM, eid, [vid for vid, _ in people[:10]])
    for i, (_, code) in enumerate(people):
        scan(db, eid, code, START + minutes(i))
        if i % 3:  # every third never signs out
            scan(db, eid, code, START + minutes(100 + i))
    close(db, eid)
    with db.reader() as s:
        q = hours.ReviewQuery(limit=5)
        page1, page2, page3 = (
            hours.list_for_review(s, hours.ReviewQuery(limit=5, offset=o)) for o in (0, 5, 10)
        )
        assert hours.count_for_review(s, q) == 12
        assert len(page1) == 5 and len(page3) == 2
        ids = [r.id for r in page1 + page2 + page3]
        assert len(set(ids)) == 12
        flagged = [bool(r.flags) for r in page1 + page2 + page3]
        assert flagged == sorted(flagged, reverse=True)  # flagged first
        # Four never signed out (0, 3, 6, 9), two walked in (10, 11).
        assert hours.count_for_review(s, hours.ReviewQuery(flagged_only=True)) == 6
        assert hours.count_for_review(s, hours.ReviewQuery(flag="walk_in")) == 2
        assert hours.count_for_review(s, hours.ReviewQuery(search="志愿者0")) == 10
        assert hours.count_for_review(s, hours.ReviewQuery(search=people[3][1][:8].lower())) == 1
        assert hours.count_for_review(s, hours.ReviewQuery(states=("approved",))) == 0
        day = START.astimezone().date()
        assert hours.count_for_review(s, hours.ReviewQuery(date_from=day, date_to=day)) == 12
        assert hours.count_for_review(s, hours.ReviewQuery(date_from=day + timedelta(days=1))) == 0
        with pytest.raises(ValidationError):
            hours.list_for_review(s, hours.ReviewQuery(states=("bogus",)))



@pytest.fixture
def mixed_records(db):
    """Three events whose id, date and title orders all differ; four volunteers whose pinyin order
    differs from their characters' order (阿 a, 李 li, 王 wang, 张 zhang); stays of several lengths,
    missing sign-outs and walk-ins; then approved, rejected and corrected (superseded) records."""
    with db.uow() as s:
        reading = make_event(s, title="读书会", rounding="none")
        cleaning = make_event(s, start=START + timedelta(days=2), title="清洁日", rounding="none")
        visit = make_event(s, start=START + timedelta(days=1), title="敬老院探访", rounding="none")
        people = {name: make_volunteer(s, name) for name in ("张三", "李四", "王五", "阿强")}
        enrolment.enrol(s, SYSTEM, reading, [people[n][0] for n in ("张三", "李四", "王五")])
        enrolment.enrol(s, SYSTEM, cleaning, [people[n][0] for n in ("张三", "李四", "王五")])
        enrolment.enrol(s, SYSTEM, visit, [people[n][0] for n in ("张三", "李四", "王五")])
    stays = {  # minutes of each stay; None: never signed out. 阿强 is never enrolled: a walk-in.
        reading: {"张三": 60, "李四": None, "王五": 90, "阿强": 60},
        visit: {"张三": None, "王五": 60, "阿强": None},
        cleaning: {"李四": 60, "王五": 120, "张三": 60},
    }
    starts = {reading: START, visit: START + timedelta(days=1), cleaning: START + timedelta(days=2)}
    for eid, stay in stays.items():
        for name, length in stay.items():
            scan(db, eid, people[name][1], starts[eid] + minutes(10))
            if length is not None:
                scan(db, eid, people[name][1], starts[eid] + minutes(10 + length))
        close(db, eid, now=starts[eid] + timedelta(hours=6))
    with db.reader() as s:
        rec = {
            (eid, vid): rid
            for rid, eid, vid in s.execute(select(ServiceRecord.id, ServiceRecord.event_id, ServiceRecord.volunteer_id))
        }
    with db.uow() as s:
        hours.approve(s, REVIEWER, [rec[(reading, people["张三"][0])]])
        hours.reject(s, REVIEWER, [rec[(reading, people["王五"][0])]])
        hours.correct(s, REVIEWER, rec[(cleaning, people["李四"][0])], 45, "提前离开")
    return people


def _expected_key(sort: str, row: hours.ReviewRow, pinyin: dict[int, str]) -> tuple:
    """What each sort key means, said again in Python over the rows the service returns."""
    rank = 2 if "auto_signout" in row.flags else 1 if row.flags else 0
    return {
        "name": (pinyin[row.volunteer_id], row.volunteer_id),
        "event": (row.event_title, row.event_start, row.event_id),
        "date": (row.event_start, row.event_id),
        "hours": (row.minutes,),
        "flagged": (rank, ",".join(row.flags)),
        "state": (row.state,),
    }[sort] + (row.id,)


@pytest.mark.parametrize("sort", ["name", "event", "date", "hours", "flagged", "state"])
def test_each_review_sort_key_orders_both_ways_and_pages_consistently(db, mixed_records, sort):
    with db.reader() as s:
        pinyin = dict(s.execute(select(Volunteer.id, Volunteer.name_pinyin)).all())
        up = hours.list_for_review(s, hours.ReviewQuery(states=(), sort=sort, limit=100))
        down = hours.list_for_review(s, hours.ReviewQuery(states=(), sort=sort, descending=True, limit=100))
        paged = [
            r for offset in range(0, 12, 4)
            for r in hours.list_for_review(s, hours.ReviewQuery(states=(), sort=sort, offset=offset, limit=4))
        ]
    assert len(up) == 11  # ten stays, plus the correction of one of them
    assert [_expected_key(sort, r, pinyin) for r in up] == sorted(_expected_key(sort, r, pinyin) for r in up)
    assert [r.id for r in down] == [r.id for r in reversed(up)]
    assert [r.id for r in paged] == [r.id for r in up]


def test_review_sort_keys_say_what_staff_expect(db, mixed_records):
    def listed(sort: str, descending: bool = False, states: tuple[str, ...] = ()) -> list[hours.ReviewRow]:
        with db.reader() as s:
            return hours.list_for_review(s, hours.ReviewQuery(states=states, sort=sort, descending=descending))

    def names(rows: list[hours.ReviewRow]) -> list[str]:
        return list(dict.fromkeys(r.name for r in rows))  # each name once, in order of first sight

    assert names(listed("name")) == ["阿强", "李四", "王五", "张三"]  # by pinyin, not by character
    assert names(listed("name", True)) == ["张三", "王五", "李四", "阿强"]
    assert [r.event_title for r in listed("date")][::4] == ["读书会", "敬老院探访", "清洁日"]
    assert listed("date", True)[0].event_title == "清洁日"
    assert [r.minutes for r in listed("hours", True)][:5] == [170, 170, 170, 120, 90]  # 170: 09:10 to the end
    flagged = listed("flagged", True)
    assert [("auto_signout" in r.flags) for r in flagged[:3]] == [True, True, True]
    assert {r.flags for r in flagged[3:5]} == {("walk_in",), ("corrected",)} and flagged[-1].flags == ()
    assert [r.state for r in listed("state")][:2] == ["approved", "approved"]
    assert listed("state", True)[0].state == "superseded"
    # Filters still apply under any order: the pending ones only, newest event first.
    assert [(r.event_title, r.state) for r in listed("date", True, ("pending",))][:2] == [
        ("清洁日", "pending"), ("清洁日", "pending"),
    ]
    with db.reader() as s, pytest.raises(ValidationError) as err:
        hours.list_for_review(s, hours.ReviewQuery(sort="id_number"))
    assert "sort" in err.value.fields

def test_hours_rows_for_export_stream_in_batches(db):
    eids = []
    for day in range(3):
        start = START + timedelta(days=day)
        eid, people = enrolled(db, n=2, start=start, title=f"活动{day}")
        for _, code in people:
            scan(db, eid, code, start)
            scan(db, eid, code, start + minutes(60))
        close(db, eid, now=start + timedelta(hours=6))
        eids.append(eid)
    with db.uow() as s:
        pending = s.scalars(select(ServiceRecord.id).where(ServiceRecord.event_id != eids[2])).all()
        hours.approve(s, REVIEWER, pending)
    with db.reader() as s:
        rows = list(hours_export.hours_rows(s, hours_export.HoursFilter(states=("approved",)), batch=2))
        assert [(r.event, r.minutes, r.hours, r.state) for r in rows] == [
            ("活动0", 60, 1.0, "Approved"), ("活动0", 60, 1.0, "Approved"),
            ("活动1", 60, 1.0, "Approved"), ("活动1", 60, 1.0, "Approved"),
        ]
        assert rows[0].date == START.astimezone().date() and rows[0].code.startswith("ZY")
        every = list(hours_export.hours_rows(s, hours_export.HoursFilter(), batch=3))
        assert len(every) == 6
        day1 = (START + timedelta(days=1)).astimezone().date()
        assert [r.event for r in hours_export.hours_rows(s, hours_export.HoursFilter(date_from=day1, date_to=day1))] == ["活动1"] * 2
        assert hours_export.hours_headers()[:2] == ["Volunteer", "Card code"]
        assert len(rows[0].as_list()) == len(hours_export.hours_headers())


def test_attendance_lists_everyone_with_iso_times(db):
    with db.uow() as s:
        eid = make_event(s)
        (a, code_a), (b, code_b), (c, _) = (make_volunteer(s, n) for n in ("甲", "乙", "丙"))
        enrolment.enrol(s, SYSTEM, eid, [a, c])
    scan(db, eid, code_a, START)
    scan(db, eid, code_a, START + minutes(70))
    scan(db, eid, code_b, START + minutes(5))
    with db.reader() as s:
        during = hours_export.attendance(s, eid, now=START + minutes(80)).as_json()
        after = hours_export.attendance(s, eid, now=AFTER).as_json()
    assert during["event"]["id"] == eid and during["event"]["start"] == START.isoformat()
    rows = {r["volunteer_id"]: r for r in during["rows"]}
    assert rows[a]["sign_in"] == START.isoformat() and rows[a]["hours"] == 1.0
    assert rows[b]["sign_out"] is None and rows[b]["hours"] is None and rows[b]["flags"] == ["walk_in"]
    assert rows[c] == {"volunteer_id": c, "name": "丙", "code": rows[c]["code"], "sign_in": None,
                       "sign_out": None, "hours": None, "flags": []}
    later = {r["volunteer_id"]: r for r in after["rows"]}
    assert later[b]["sign_out"] == END.isoformat() and later[b]["flags"] == ["auto_signout", "walk_in"]
    assert later[b]["hours"] == 2.75
    assert [r["volunteer_id"] for r in after["rows"]] == [a, b, c]
    json.dumps(after)  # plain JSON values only


def test_command_line_exports_hours_and_attendance(db, db_path, tmp_path, capsys):
    import csv

    from desktop import cli

    eid, [(vid, code)] = enrolled(db)
    scan(db, eid, code, START)
    scan(db, eid, code, START + minutes(100))
    close(db, eid)
    out = tmp_path / "hours.csv"
    day = START.astimezone().date().isoformat()
    assert cli.main(["--db", str(db_path), "export", "hours", "--out", str(out), "--from", day, "--to", day, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"rows": 1, "path": str(out)}
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Volunteer", "Card code", "Event"]
    assert rows[1][1] == code and rows[1][4:7] == ["90", "1.5", "Pending"]
    assert cli.main(["--db", str(db_path), "export", "attendance", "--event", str(eid), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["event"]["id"] == eid and doc["rows"][0]["volunteer_id"] == vid
    assert doc["rows"][0]["sign_out"] == (START + minutes(100)).isoformat() and doc["rows"][0]["hours"] == 1.5
    xlsx = tmp_path / "attendance.xlsx"
    assert cli.main(["--db", str(db_path), "export", "attendance", "--event", str(eid), "--out", str(xlsx)]) == 0
    assert xlsx.exists() and "1 rows written" in capsys.readouterr().out
    assert cli.main(["--db", str(db_path), "export", "attendance", "--out", str(xlsx)]) == 2
    assert cli.main(["--db", str(db_path), "export", "hours"]) == 2
    with db.reader() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "export")) == 2
