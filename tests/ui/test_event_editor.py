"""The event editor and the enrolment panel through pytest-qt: create, enrol a team, conflicts, series, closing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.models import ConflictOverride, Enrolment, Event, EventTemplate, Scan
from desktop.services import enrolment, events, series, teams
from desktop.ui.calendar import EventCalendar
from desktop.ui.event_editor import EventEditor
from tests.helpers import add_volunteer

DAY = date.today() + timedelta(days=14)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def type_chinese(qtbot, widget, text: str) -> None:
    """Chinese arrives from an input method as committed text, not as key presses."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def qdt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def editor(qtbot, db, actor, **kw) -> EventEditor:
    dialog = EventEditor(db, actor, None, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def make_team(db, admin, name: str, n: int) -> tuple[int, list[int]]:
    with db.uow() as s:
        people = [add_volunteer(s, f"{name}{i}") for i in range(n)]
        tid = teams.create_team(s, admin, teams.TeamInput(name, "reading"))
        teams.add_members(s, admin, tid, people)
    return tid, people


def test_create_an_event_enrol_a_team_and_see_it_in_the_calendar(qtbot, db, admin):
    tid, people = make_team(db, admin, "读书会", 5)
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(9, 30)))
    assert dialog.heading.text() == "New event"
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["draft", "published"]
    type_chinese(qtbot, dialog.title_edit, "亲子阅读时光")
    dialog.category.setCurrentIndex(dialog.category.findData("reading"))
    type_chinese(qtbot, dialog.place, "社区图书室")
    dialog.end.setDateTime(qdt(at(11)))
    dialog.capacity.setValue(4)
    dialog.status.setCurrentIndex(dialog.status.findData("published"))
    type_chinese(qtbot, dialog.service_content, "为社区儿童讲绘本")
    type_chinese(qtbot, dialog.beneficiaries, "社区儿童及家长")
    type_chinese(qtbot, dialog.leader_name, "陈老师")
    dialog.walk_ins.setChecked(False)
    dialog.hours_cap.setValue(1.5)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    event_id = saved.args[0]
    with db.reader() as s:
        e = s.get(Event, event_id)
        assert (e.title, e.category, e.place, e.capacity, e.status) == ("亲子阅读时光", "reading", "社区图书室", 4, "published")
        assert (e.start_at.astimezone(), e.end_at.astimezone()) == (at(9, 30), at(11))
        assert (e.service_content, e.beneficiaries, e.leader_name) == ("为社区儿童讲绘本", "社区儿童及家长", "陈老师")
        assert (e.allow_walk_ins, e.hours_cap) == (False, 1.5)
    # The dialog stays open on the Volunteers tab: enrol the whole team.
    assert dialog.tabs.currentWidget() is dialog.enrolment and dialog.isVisible()
    panel = dialog.enrolment
    panel.team.setCurrentIndex(panel.team.findData(tid))
    qtbot.mouseClick(panel.enrol_team_button, Qt.MouseButton.LeftButton)
    assert panel.summary.text() == "Enrolled 4 of 4 · 1 on the waiting list"
    assert panel.model.total() == 5
    with db.reader() as s:
        statuses = sorted(r.status for r in s.query(Enrolment).filter_by(event_id=event_id))
    assert statuses == ["enrolled"] * 4 + ["waitlisted"]
    dialog.reject()

    calendar = EventCalendar(db, admin)
    qtbot.addWidget(calendar)
    calendar.set_date(DAY)
    (shown,) = calendar.entries
    assert (shown.id, shown.title, shown.enrolled, shown.capacity) == (event_id, "亲子阅读时光", 4, 4)


def test_enrol_one_by_one_with_the_registry_search_and_withdraw(qtbot, db, admin):
    with db.uow() as s:
        wang = add_volunteer(s, "王芳")
        add_volunteer(s, "李娜")
        eid = events.create_event(s, admin, events.EventInput(title="义诊", start_at=at(9), end_at=at(11), capacity=1))
        other = add_volunteer(s, "王小明")
        enrolment.enrol(s, admin, eid, [other])
    dialog = editor(qtbot, db, admin, event_id=eid)
    panel = dialog.enrolment
    panel.search.setText("wf")  # pinyin initials, as in the registry
    panel.search.returnPressed.emit()
    assert [r.name for r in panel.results.rows] == ["王芳"]
    qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
    assert "1 joined the waiting list" in panel.message.text()
    panel.table.selectRow(0)  # 王小明, enrolled
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert "1 moved up from the waiting list" in panel.message.text()
    with db.reader() as s:
        assert {r.volunteer_id: r.status for r in enrolment.list_enrolments(s, eid)} == {
            wang: "enrolled", other: "withdrawn",
        }


def test_validation_errors_are_shown_next_to_the_fields_and_nothing_is_saved(qtbot, db, admin):
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(9)))
    dialog.tabs.setCurrentIndex(2)
    dialog.end.setDateTime(qdt(at(8)))
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.event_form.error_label("title").text() == "The event needs a title."
    assert dialog.event_form.error_label("end_at").text() == "The event must end after it starts."
    with db.reader() as s:
        assert s.query(Event).count() == 0


def test_status_offers_allowed_changes_only(qtbot, db, admin):
    with db.uow() as s:
        eid = events.create_event(s, admin, events.EventInput(title="宣讲", start_at=at(9), end_at=at(10)))
    dialog = editor(qtbot, db, admin, event_id=eid)
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["draft", "published", "cancelled"]
    dialog.status.setCurrentIndex(dialog.status.findData("published"))
    assert dialog.save()
    dialog = editor(qtbot, db, admin, event_id=eid)
    # "Finished" is reached by closing the event, on its own tab.
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == [
        "published", "ongoing", "cancelled", "draft",
    ]
    with db.reader() as s:
        assert s.get(Event, eid).status == "published"


def test_conflicts_are_shown_before_saving_and_a_reason_lets_it_through(qtbot, db, admin):
    with db.uow() as s:
        events.create_event(s, admin, events.EventInput(title="义诊", start_at=at(9), end_at=at(11), place="活动室"))
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(10)))
    shown = []
    dialog.ask_override = lambda parent, items: shown.append([c.message for c in items]) or None
    type_chinese(qtbot, dialog.title_edit, "书法课")
    type_chinese(qtbot, dialog.place, "活动室")
    assert not dialog.save()
    assert shown == [[f"活动室 is already booked for 义诊 ({at(9):%Y-%m-%d %H:%M}–11:00)."]]
    assert "clashes" in dialog.message.text()
    with db.reader() as s:
        assert s.query(Event).count() == 1
    dialog.ask_override = lambda parent, items: "大厅分两半使用"
    assert dialog.save()
    with db.reader() as s:
        assert s.query(Event).count() == 2
        assert s.query(ConflictOverride).one().reason == "大厅分两半使用"


def test_a_repeating_event_and_this_and_following(qtbot, db, admin):
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(9, 30)))
    type_chinese(qtbot, dialog.title_edit, "亲子阅读时光")
    dialog.repeat.setChecked(True)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    dialog.count_radio.setChecked(True)
    dialog.count.setValue(4)
    assert dialog.preview.text().startswith(f"Every week on {series.weekday_label(DAY.weekday())}, 4 times: 4 events")
    assert dialog.save()
    with db.reader() as s:
        ids = [e.id for e in s.query(Event).order_by(Event.start_at)]
        assert len(ids) == 4 and len({s.get(Event, i).series_id for i in ids}) == 1
    dialog.reject()

    third = editor(qtbot, db, admin, event_id=ids[2])
    assert third.skip_button.isVisible()
    assert "Part of a series: Every week" in third.repeat_note.text()
    third.title_edit.setText("亲子阅读时光（科普专场）")
    third.choose_scope = lambda: "following"
    assert third.save()
    with db.reader() as s:
        assert [s.get(Event, i).title for i in ids] == ["亲子阅读时光"] * 2 + ["亲子阅读时光（科普专场）"] * 2

    # Publishing one date changes no field: nobody is asked about the rest of the series.
    fourth = editor(qtbot, db, admin, event_id=ids[3])
    fourth.choose_scope = lambda: pytest.fail("asked about the series for a status change")
    fourth.status.setCurrentIndex(fourth.status.findData("published"))
    assert fourth.save()
    with db.reader() as s:
        assert [s.get(Event, i).status for i in ids] == ["draft"] * 3 + ["published"]

    second = editor(qtbot, db, admin, event_id=ids[1])
    second.confirm = lambda text: True
    assert second.skip_date()
    with db.reader() as s:
        assert s.get(Event, ids[1]) is None


def test_closing_an_event_in_the_editor(qtbot, db, admin):
    start = datetime.now(timezone.utc) - timedelta(hours=3)
    with db.uow() as s:
        eid = events.create_event(s, admin, events.EventInput(title="敬老院探访", start_at=start,
                                                              end_at=start + timedelta(hours=2)), status="published")
    dialog = editor(qtbot, db, admin, event_id=eid)
    assert dialog.close_event_button.isEnabled()
    assert not dialog.close_event()  # no quality evaluation chosen
    assert dialog.closing_form.error_label("quality_rating").text() == "Choose a quality evaluation."
    dialog.people_served.setValue(36)
    dialog.quality.setCurrentIndex(dialog.quality.findData(4))
    dialog.summary.setPlainText("为36位老人测血压、理发")
    assert dialog.close_event()
    with db.reader() as s:
        e = s.get(Event, eid)
        assert (e.status, e.people_served, e.quality_rating, e.summary) == ("finished", 36, 4, "为36位老人测血压、理发")
    assert not dialog.title_edit.isEnabled()  # a finished event's record is kept as it is
    assert dialog.close_event_button.text() == "Save corrections"


def test_no_shows_are_marked_and_corrected_in_the_panel(qtbot, db, admin):
    start = datetime.now(timezone.utc) - timedelta(hours=3)
    with db.uow() as s:
        came, absent = add_volunteer(s, "冯静"), add_volunteer(s, "韩梅")
        eid = events.create_event(s, admin, events.EventInput(title="河道清洁", start_at=start,
                                                              end_at=start + timedelta(hours=2)), status="published")
        enrolment.enrol(s, admin, eid, [came, absent])
        s.add(Scan(event_id=eid, volunteer_id=came, scanned_at=start, direction="in", source="manual", accepted=True))
    dialog = editor(qtbot, db, admin, event_id=eid)
    panel = dialog.enrolment
    assert panel.absent_button.isEnabled()
    qtbot.mouseClick(panel.absent_button, Qt.MouseButton.LeftButton)
    assert panel.summary.text() == "Enrolled 1 · 1 no-shows"
    row = next(i for i in range(panel.model.total()) if panel.model.row_at(i).volunteer_id == absent)
    panel.table.selectRow(row)
    assert panel.undo_no_show_button.isEnabled() and not panel.no_show_button.isEnabled()
    qtbot.mouseClick(panel.undo_no_show_button, Qt.MouseButton.LeftButton)
    with db.reader() as s:
        assert {r.volunteer_id: r.status for r in enrolment.list_enrolments(s, eid)} == {
            came: "enrolled", absent: "enrolled",
        }


def test_save_as_template(qtbot, db, admin):
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(14)))
    type_chinese(qtbot, dialog.title_edit, "爱心义剪")
    dialog.ask_text = lambda title, label: "每月义剪"
    assert dialog.save_as_template()
    with db.reader() as s:
        assert s.query(EventTemplate).one().name == "每月义剪"


def test_an_operator_can_look_but_not_change(qtbot, db, admin, operator):
    with db.uow() as s:
        eid = events.create_event(s, admin, events.EventInput(title="宣讲", start_at=at(9), end_at=at(10)))
    dialog = editor(qtbot, db, operator, event_id=eid)
    assert not dialog.save_button.isEnabled()
    assert not dialog.title_edit.isEnabled()
    assert not dialog.enrolment.enrol_team_button.isEnabled()


@pytest.mark.parametrize("hour", [9])
def test_the_end_follows_the_start(qtbot, db, admin, hour):
    dialog = editor(qtbot, db, admin, start=datetime.combine(DAY, time(hour)))
    dialog.start.setDateTime(qdt(at(hour + 2)))
    assert dialog.end.dateTime() == qdt(at(hour + 4))
