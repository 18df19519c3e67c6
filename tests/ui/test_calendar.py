"""The calendar: layout of overlapping events, month and week views, double-click, drag to move, templates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.models import ConflictOverride, Event
from desktop.services import events, templates
from desktop.ui.calendar import CalendarPage, EventCalendar
from desktop.ui.calendar.entries import Entry, fold_columns, place_day
from desktop.ui.calendar.week_view import HOUR_H

# A Wednesday a few weeks ahead: in the future, so every event there can still be moved.
DAY = date.today() + timedelta(days=21 + (2 - date.today().weekday()) % 7)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def add_event(db, admin, title, start, end, place="", status="published", **kw) -> int:
    with db.uow() as s:
        return events.create_event(
            s, admin, events.EventInput(title=title, start_at=start, end_at=end, place=place, **kw), status=status
        )


def entry(i: int, start: tuple[int, int], end: tuple[int, int], day: date = DAY) -> Entry:
    return Entry(i, f"e{i}", "other", "published", datetime.combine(day, time(*start)), datetime.combine(day, time(*end)))


@pytest.fixture
def calendar(qtbot, db, admin):
    cal = EventCalendar(db, admin)
    qtbot.addWidget(cal)
    cal.resize(1200, 800)
    cal.show()
    qtbot.waitExposed(cal)
    return cal


# --- layout rules, without widgets -------------------------------------------------------


def test_overlapping_events_sit_side_by_side_and_others_take_the_full_width():
    placed = {p.entry.id: p for p in place_day(DAY, [
        entry(1, (9, 0), (11, 0)), entry(2, (10, 0), (12, 0)), entry(3, (11, 0), (13, 0)), entry(4, (14, 0), (15, 0)),
    ])}
    assert [(placed[i].column, placed[i].columns) for i in (1, 2, 3, 4)] == [(0, 2), (1, 2), (0, 2), (0, 1)]
    assert (placed[1].start_min, placed[1].end_min) == (540, 660)
    assert placed[1].cluster == placed[3].cluster != placed[4].cluster


def test_a_crowded_hour_folds_into_a_more_block():
    crowd = [entry(i, (9, 0), (10, 0)) for i in range(1, 7)]
    shown, overflows = fold_columns(place_day(DAY, crowd), 3)
    assert sorted(p.entry.id for p in shown) == [1, 2] and {p.columns for p in shown} == {3}
    (ov,) = overflows
    assert [e.id for e in ov.entries] == [3, 4, 5, 6] and (ov.column, ov.columns) == (2, 3)


def test_an_event_over_midnight_shows_on_both_days():
    e = Entry(1, "夜间巡逻", "other", "published", datetime.combine(DAY, time(22)),
              datetime.combine(DAY + timedelta(days=1), time(2)))
    assert e.days() == [DAY, DAY + timedelta(days=1)]
    (second,) = place_day(DAY + timedelta(days=1), [e])
    assert (second.start_min, second.end_min) == (0, 120)


# --- the month view ------------------------------------------------------------------------


def test_month_view_shows_events_and_a_double_click_opens_one(qtbot, db, admin, calendar):
    eid = add_event(db, admin, "亲子阅读时光", at(9, 30), at(11), category="reading")
    add_event(db, admin, "下个月的活动", at(9, day=DAY + timedelta(days=62)), at(10, day=DAY + timedelta(days=62)))
    calendar.set_date(DAY)
    assert [e.title for e in calendar.entries] == ["亲子阅读时光"]
    assert "1 events shown" in calendar.summary.text()
    rect = calendar.month_view.chip_rect(eid)
    assert rect is not None and calendar.month_view.cell_rect(DAY).contains(rect.center())
    with qtbot.waitSignal(calendar.eventActivated) as signal:
        qtbot.mouseDClick(calendar.month_view, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [eid]


def test_month_navigation_and_a_double_click_on_an_empty_day_asks_for_a_new_event(qtbot, calendar):
    calendar.set_date(DAY)
    title = calendar.title.text()
    calendar.step(1)
    assert calendar.title.text() != title and calendar.anchor.month != DAY.month
    calendar.set_date(DAY)
    cell = calendar.month_view.cell_rect(DAY + timedelta(days=1))
    with qtbot.waitSignal(calendar.newEventRequested) as signal:
        qtbot.mouseDClick(calendar.month_view, Qt.MouseButton.LeftButton, pos=cell.center())
    assert signal.args == [datetime.combine(DAY + timedelta(days=1), time(9))]


def test_a_busy_day_says_how_many_more(db, admin, calendar):
    for i in range(12):
        add_event(db, admin, f"活动{i}", at(8 + i % 10), at(9 + i % 10))
    calendar.set_date(DAY)
    shown, hidden = calendar.month_view.shown_on(DAY)
    assert 0 < len(shown) < 12 and len(shown) + hidden == 12
    with db.reader() as s:
        first = [r.id for r in events.calendar_events(s, at(0), at(0, day=DAY + timedelta(days=1)))][: len(shown)]
    assert shown == first  # the earliest ones get the chips


def test_category_filter(db, admin, calendar):
    add_event(db, admin, "读书会", at(9), at(10), category="reading")
    add_event(db, admin, "河道清洁", at(9), at(10), category="environment")
    calendar.set_date(DAY)
    calendar.category.setCurrentIndex(calendar.category.findData("reading"))
    assert [e.title for e in calendar.entries] == ["读书会"]


# --- the week view -------------------------------------------------------------------------


def test_week_view_places_overlapping_events_side_by_side(db, admin, calendar):
    a = add_event(db, admin, "义诊", at(9), at(11), place="卫生站")
    b = add_event(db, admin, "交通劝导", at(10), at(12), place="路口")
    calendar.set_date(DAY)
    calendar.set_mode("week")
    grid = calendar.week_view.grid
    ra, rb = grid.block_rect_of(a), grid.block_rect_of(b)
    assert ra is not None and rb is not None
    assert not ra.intersects(rb) and ra.right() < rb.left()
    assert ra.top() == pytest.approx(9 * HOUR_H, abs=2) and rb.top() == pytest.approx(10 * HOUR_H, abs=2)
    assert ra.height() == pytest.approx(2 * HOUR_H, abs=3)
    assert calendar.week_view.range_for(DAY)[0] == DAY - timedelta(days=DAY.weekday())


def drag(qtbot, grid, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint(start.x(), (start.y() + end.y()) // 2)
    qtbot.mouseMove(grid, middle)
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def test_drag_in_the_week_view_moves_the_event(qtbot, db, admin, calendar):
    eid = add_event(db, admin, "书法课", at(9), at(10, 30))
    calendar.set_date(DAY)
    calendar.set_mode("week")
    grid = calendar.week_view.grid
    rect = grid.block_rect_of(eid)
    start = QPoint(rect.center().x(), rect.top() + 10)
    next_day = grid.col_x((DAY - grid.monday).days + 1) + 20
    with qtbot.waitSignal(calendar.eventsChanged):
        drag(qtbot, grid, start, QPoint(next_day, start.y() + 2 * HOUR_H))
    with db.reader() as s:
        e = s.get(Event, eid)
        assert e.start_at.astimezone() == at(11, day=DAY + timedelta(days=1))
        assert e.end_at - e.start_at == timedelta(minutes=90)
    assert calendar.entries[0].start == datetime.combine(DAY + timedelta(days=1), time(11))


def test_a_drag_into_a_clash_asks_for_a_reason_and_snaps_back_without_one(qtbot, db, admin, calendar):
    add_event(db, admin, "义诊", at(14), at(16), place="活动室")
    eid = add_event(db, admin, "书法课", at(9), at(10), place="活动室")
    asked = []
    calendar.ask_override = lambda parent, items: asked.append(items) or None
    calendar.set_date(DAY)
    calendar.set_mode("week")
    grid = calendar.week_view.grid
    rect = grid.block_rect_of(eid)
    start = QPoint(rect.center().x(), rect.top() + 10)
    drag(qtbot, grid, start, QPoint(start.x(), start.y() + 5 * HOUR_H))
    assert [c.kind for c in asked[0]] == ["place"]
    with db.reader() as s:
        assert s.get(Event, eid).start_at.astimezone() == at(9)
    calendar.ask_override = lambda parent, items: "两个班合并上课"
    assert calendar.move_event(eid, datetime.combine(DAY, time(14, 30)))
    with db.reader() as s:
        assert s.get(Event, eid).start_at.astimezone() == at(14, 30)
        assert s.query(ConflictOverride).one().reason == "两个班合并上课"


def test_a_finished_event_cannot_be_dragged(qtbot, db, admin, calendar):
    past = date.today() - timedelta(days=1)
    eid = add_event(db, admin, "已结束", at(9, day=past), at(10, day=past))
    with db.uow() as s:
        events.close_event(s, admin, eid, events.Closing(3, 3, ""))
    calendar.set_date(past)
    calendar.set_mode("week")
    grid = calendar.week_view.grid
    rect = grid.block_rect_of(eid)
    drag(qtbot, grid, rect.center(), QPoint(rect.center().x(), rect.center().y() + 2 * HOUR_H))
    with db.reader() as s:
        assert s.get(Event, eid).start_at.astimezone() == at(9, day=past)


def test_an_operator_sees_the_calendar_but_cannot_drag(qtbot, db, admin, operator):
    eid = add_event(db, admin, "交通劝导", at(9), at(10))
    cal = EventCalendar(db, operator)
    qtbot.addWidget(cal)
    cal.resize(1200, 800)
    cal.show()
    qtbot.waitExposed(cal)
    cal.set_date(DAY)
    cal.set_mode("week")
    grid = cal.week_view.grid
    rect = grid.block_rect_of(eid)
    drag(qtbot, grid, rect.center(), QPoint(rect.center().x(), rect.center().y() + 2 * HOUR_H))
    with db.reader() as s:
        assert s.get(Event, eid).start_at.astimezone() == at(9)


# --- the page: templates in two clicks -------------------------------------------------------


def test_an_event_from_a_template_in_two_clicks(qtbot, db, admin):
    with db.uow() as s:
        templates.create_template(
            s, admin, "每月义剪",
            events.EventInput(title="爱心义剪", start_at=at(14), end_at=at(16), place="幸福院", category="elderly_disability"),
        )
    page = CalendarPage(db, admin)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.calendar.set_date(DAY + timedelta(days=2))
    page.template_menu.aboutToShow.emit()  # click 1: the menu opens and lists the templates
    (action,) = [a for a in page.template_menu.actions() if a.text().startswith("每月义剪")]
    action.trigger()  # click 2: the project
    with db.reader() as s:
        (e,) = s.query(Event).all()
        assert (e.title, e.place, e.start_at.astimezone()) == ("爱心义剪", "幸福院", at(14, day=DAY + timedelta(days=2)))
        made = e.id
    assert page.editor is not None and page.editor.event_id == made
    assert [x.title for x in page.calendar.entries] == ["爱心义剪"]
    page.editor.reject()
