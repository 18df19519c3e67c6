"""The hours review page through pytest-qt: list, filters, sorting by a header click, bulk approve,
reject, correct with a reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.models import ServiceRecord
from desktop.services import enrolment, hours
from desktop.services import volunteers as vs
from desktop.services.hours import ReviewQuery
from desktop.services.permissions import SYSTEM, Actor
from desktop.ui.context import AppContext
from desktop.ui.pages.hours_review import HoursReviewPage
from tests.test_checkin import END, START, make_event, make_volunteer, scan

REVIEWER = Actor(None, "刘主任", "coordinator")
LATER = START + timedelta(days=30)


@pytest.fixture
def records(db):
    """Reading day: 志愿者0 stays 2 h, 志愿者1 never signs out (flagged). Cleaning day: 志愿者2 stays 1 h."""
    with db.uow() as s:
        reading = make_event(s, rounding="none")
        cleaning = make_event(s, start=LATER, title="社区清洁日", rounding="none")
        people = [make_volunteer(s, f"志愿者{i}") for i in range(3)]
        enrolment.enrol(s, SYSTEM, reading, [people[0][0], people[1][0]])
        enrolment.enrol(s, SYSTEM, cleaning, [people[2][0]])
    (v0, c0), (v1, c1), (v2, c2) = people
    scan(db, reading, c0, START)
    scan(db, reading, c0, START + timedelta(hours=2))
    scan(db, reading, c1, START + timedelta(minutes=30))
    scan(db, cleaning, c2, LATER)
    scan(db, cleaning, c2, LATER + timedelta(hours=1))
    with db.uow() as s:
        hours.close_event_hours(s, REVIEWER, reading, now=END + timedelta(hours=1))
        hours.close_event_hours(s, REVIEWER, cleaning, now=LATER + timedelta(hours=4))
    return {"people": [v0, v1, v2], "reading": reading, "cleaning": cleaning}


def make_page(qtbot, tmp_path, db, actor=REVIEWER) -> HoursReviewPage:
    ctx = AppContext(db, actor, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    page = HoursReviewPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def shown(page) -> list[tuple[str, str, str, str]]:
    m = page.model
    cols = [m.column_number(k) for k in ("name", "hours", "flags", "state")]
    return [tuple(m.index(r, c).data() for c in cols) for r in range(m.rowCount())]


def select_names(page, *names: str) -> None:
    m = page.model
    selection = QItemSelection()
    for r in range(m.rowCount()):
        if m.row_at(r).name in names:
            selection.select(m.index(r, 0), m.index(r, m.columnCount() - 1))
    page.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def approved(db, vid: int) -> int:
    with db.reader() as s:
        return vs.approved_minutes(s, [vid]).get(vid, 0)


def test_pending_records_are_listed_flagged_first_with_counts(qtbot, tmp_path, db, records):
    page = make_page(qtbot, tmp_path, db)
    assert shown(page) == [
        ("志愿者1", "2.50", "No sign-out: closed at the event's end", "Pending"),
        ("志愿者2", "1.00", "", "Pending"),
        ("志愿者0", "2.00", "", "Pending"),
    ]
    assert (page.pending_count, page.flagged_count) == (3, 1)
    assert page.header.subtitle.text() == "3 pending, 1 of them flagged · 3 shown"
    sign_in = page.model.index(0, page.model.column_number("sign_in")).data()
    assert sign_in == (START + timedelta(minutes=30)).astimezone().strftime("%H:%M")
    assert not page.approve_button.isEnabled() and not page.correct_button.isEnabled()


def test_bulk_approve_changes_state_and_the_volunteers_hours(qtbot, tmp_path, db, records):
    v0, v1, v2 = records["people"]
    page = make_page(qtbot, tmp_path, db)
    select_names(page, "志愿者0", "志愿者1")
    assert page.approve_button.isEnabled() and not page.correct_button.isEnabled()
    with qtbot.waitSignal(page.data_changed), qtbot.waitSignal(page.status_message) as status:
        page.approve_button.click()
    assert status.args == ["2 record(s) approved."]
    assert (approved(db, v0), approved(db, v1), approved(db, v2)) == (120, 150, 0)
    assert [row[0] for row in shown(page)] == ["志愿者2"]
    assert (page.pending_count, page.flagged_count) == (1, 0)
    page.set_state_filter("approved")
    assert sorted(shown(page)) == [
        ("志愿者0", "2.00", "", "Approved"),
        ("志愿者1", "2.50", "No sign-out: closed at the event's end", "Approved"),
    ]
    # A mixed selection approves what is pending and says what it left alone.
    page.set_state_filter("all")
    select_names(page, "志愿者0", "志愿者2")
    with qtbot.waitSignal(page.status_message) as status:
        page.approve_button.click()
    assert status.args == ["1 record(s) approved. 1 were already decided and left as they are."]
    assert approved(db, v2) == 60 and (page.pending_count, page.flagged_count) == (0, 0)


def test_correct_needs_a_reason_and_adds_a_record_keeping_the_original(qtbot, tmp_path, db, records):
    v0, v1, _ = records["people"]
    page = make_page(qtbot, tmp_path, db)
    select_names(page, "志愿者1")
    assert page.correct_button.isEnabled()
    page.correct_button.click()
    dialog = page._dialog
    qtbot.waitExposed(dialog)
    assert "2.50 hours (150 minutes)" in dialog.original.text()
    assert (dialog.whole_hours.value(), dialog.extra_minutes.value()) == (2, 30)
    dialog.decimal.setValue(1.75)  # decimal hours fill in hours + minutes
    assert (dialog.whole_hours.value(), dialog.extra_minutes.value(), dialog.minutes()) == (1, 45, 105)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.form.error_label("reason").text() == "Say why the hours are corrected."
    with db.reader() as s:
        assert s.scalar(select(ServiceRecord.review_state).where(ServiceRecord.volunteer_id == v1)) == "pending"
    dialog.reason.setText("离开时忘记扫码，队长确认11:45离开")
    with qtbot.waitSignal(page.data_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    with db.reader() as s:
        recs = s.execute(
            select(ServiceRecord.id, ServiceRecord.minutes, ServiceRecord.review_state, ServiceRecord.corrects_id,
                   ServiceRecord.reason)
            .where(ServiceRecord.volunteer_id == v1).order_by(ServiceRecord.id)
        ).all()
    assert [(m, st, r) for _, m, st, _, r in recs] == [
        (150, "superseded", ""), (105, "approved", "离开时忘记扫码，队长确认11:45离开"),
    ]
    assert recs[1].corrects_id == recs[0].id == dialog.row.id
    assert approved(db, v1) == 105 and approved(db, v0) == 0
    assert [row[0] for row in shown(page)] == ["志愿者2", "志愿者0"]
    page.set_state_filter("all")
    states = {(row[0], row[3]) for row in shown(page)}
    assert {("志愿者1", "Superseded"), ("志愿者1", "Approved")} <= states
    # The superseded original can no longer be corrected: the newest record is the one to fix.
    m = page.model
    old = next(r for r in range(m.rowCount()) if m.row_at(r).state == "superseded")
    page.table.selectRow(old)
    assert not page.correct_button.isEnabled()


def test_reject_with_a_reason(qtbot, tmp_path, db, records):
    _, _, v2 = records["people"]
    page = make_page(qtbot, tmp_path, db)
    select_names(page, "志愿者2")
    page.reject_button.click()
    dialog = page._dialog
    dialog.setTextValue("未到场")
    with qtbot.waitSignal(page.data_changed), qtbot.waitSignal(page.status_message) as status:
        dialog.accept()
    assert status.args == ["1 record(s) rejected."]
    with db.reader() as s:
        state = s.scalar(select(ServiceRecord.review_state).where(ServiceRecord.volunteer_id == v2))
    assert state == "rejected" and approved(db, v2) == 0
    assert [row[0] for row in shown(page)] == ["志愿者1", "志愿者0"]


def test_filters_narrow_the_rows(qtbot, tmp_path, db, records):
    page = make_page(qtbot, tmp_path, db)
    page.set_state_filter("flagged")
    assert [row[0] for row in shown(page)] == ["志愿者1"]
    page.set_state_filter("pending")
    page.search.setText("清洁")
    page.search.returnPressed.emit()
    assert [row[0] for row in shown(page)] == ["志愿者2"]
    page.search.setText("志愿者0")
    page.search.returnPressed.emit()
    assert [row[0] for row in shown(page)] == ["志愿者0"]
    page.search.clear()
    assert len(shown(page)) == 3
    day = LATER.astimezone().date()
    page.period.set_bounds(day, day)
    assert [row[0] for row in shown(page)] == ["志愿者2"]
    assert page.header.subtitle.text() == "3 pending, 1 of them flagged · 1 shown"
    page.period.set_bounds(date(2000, 1, 1), date(2000, 12, 31))
    assert shown(page) == []
    with db.reader() as s:  # the page's numbers are the service's
        assert hours.count_for_review(s, ReviewQuery(states=("pending",), flagged_only=True)) == 1


def test_an_operator_cannot_decide(qtbot, tmp_path, db, records):
    page = make_page(qtbot, tmp_path, db, actor=Actor(7, "op", "operator"))
    select_names(page, "志愿者0")
    assert len(shown(page)) == 3
    assert not page.approve_button.isEnabled() and not page.reject_button.isEnabled()
    assert not page.correct_button.isEnabled()


# --- sorting by a header click ------------------------------------------------------------


def click_header(qtbot, page, key: str) -> None:
    header = page.table.horizontalHeader()
    section = page.model.column_number(key)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def names(page) -> list[str]:
    return [row[0] for row in shown(page)]


def chosen(page) -> list[tuple[int, str]]:
    """(row, name) of each selected row, top to bottom."""
    rows = sorted(i.row() for i in page.table.selectionModel().selectedRows())
    return [(r, page.model.row_at(r).name) for r in rows]


def test_clicking_a_header_sorts_in_the_database_both_ways(qtbot, tmp_path, db, records):
    page = make_page(qtbot, tmp_path, db)
    header = page.table.horizontalHeader()
    assert names(page) == ["志愿者1", "志愿者2", "志愿者0"]  # the service's own order, no indicator
    assert header.sortIndicatorSection() == -1

    click_header(qtbot, page, "name")
    assert names(page) == ["志愿者0", "志愿者1", "志愿者2"]
    q = page.model.query()
    assert (q.sort, q.descending) == ("name", False)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        page.model.column_number("name"), Qt.SortOrder.AscendingOrder,
    )
    click_header(qtbot, page, "name")
    assert names(page) == ["志愿者2", "志愿者1", "志愿者0"]
    assert page.model.query().descending

    # Hours, dates and flags show the most, the newest, the flagged first on the first click.
    click_header(qtbot, page, "hours")
    assert [row[1] for row in shown(page)] == ["2.50", "2.00", "1.00"]
    assert (page.model.query().sort, header.sortIndicatorOrder()) == ("hours", Qt.SortOrder.DescendingOrder)
    click_header(qtbot, page, "hours")
    assert [row[1] for row in shown(page)] == ["1.00", "2.00", "2.50"]
    click_header(qtbot, page, "date")
    assert names(page) == ["志愿者2", "志愿者1", "志愿者0"]  # the cleaning day is a month later
    click_header(qtbot, page, "flags")
    assert names(page)[0] == "志愿者1" and page.model.query().sort == "flagged"
    click_header(qtbot, page, "event_title")
    assert page.model.query().sort == "event"
    assert [page.model.row_at(r).event_title for r in range(3)] == sorted(
        page.model.row_at(r).event_title for r in range(3)
    )

    # A column the database cannot sort leaves the order and the indicator as they were.
    before = (names(page), page.model.query().sort, header.sortIndicatorSection())
    click_header(qtbot, page, "sign_in")
    assert (names(page), page.model.query().sort, header.sortIndicatorSection()) == before
    # Filters keep the chosen order.
    click_header(qtbot, page, "name")
    page.set_state_filter("all")
    assert names(page) == ["志愿者0", "志愿者1", "志愿者2"] and page.model.query().sort == "name"


def test_bulk_approve_after_a_sort_approves_exactly_the_chosen_records(qtbot, tmp_path, db, records):
    v0, v1, v2 = records["people"]
    page = make_page(qtbot, tmp_path, db)
    select_names(page, "志愿者1", "志愿者2")
    assert chosen(page) == [(0, "志愿者1"), (1, "志愿者2")]
    click_header(qtbot, page, "name")
    # The rows moved; the choice moved with them (rows 0 and 1 are now 志愿者0 and 志愿者1).
    assert names(page) == ["志愿者0", "志愿者1", "志愿者2"]
    assert chosen(page) == [(1, "志愿者1"), (2, "志愿者2")]
    assert page.approve_button.isEnabled()
    with qtbot.waitSignal(page.status_message) as status:
        page.approve_button.click()
    assert status.args == ["2 record(s) approved."]
    assert (approved(db, v0), approved(db, v1), approved(db, v2)) == (0, 150, 60)
    assert names(page) == ["志愿者0"] and page.model.query().sort == "name"

    # Choosing after a sort: the rows the user picks are the records approved.
    page.set_state_filter("all")
    click_header(qtbot, page, "hours")  # 2.50 (approved), 2.00 (pending), 1.00 (approved)
    page.table.selectRow(1)
    assert chosen(page) == [(1, "志愿者0")]
    with qtbot.waitSignal(page.status_message) as status:
        page.approve_button.click()
    assert status.args == ["1 record(s) approved."]
    assert (approved(db, v0), approved(db, v1), approved(db, v2)) == (120, 150, 60)


def test_a_filter_that_hides_chosen_records_unchooses_them_and_says_so(qtbot, tmp_path, db, records):
    page = make_page(qtbot, tmp_path, db)
    select_names(page, "志愿者0", "志愿者1")
    with qtbot.waitSignal(page.status_message) as status:
        page.set_state_filter("flagged")
    assert status.args == ["1 selected record(s) are no longer shown and were unselected."]
    assert chosen(page) == [(0, "志愿者1")]
    v0, v1, _ = records["people"]
    page.approve_button.click()
    assert (approved(db, v0), approved(db, v1)) == (0, 150)
