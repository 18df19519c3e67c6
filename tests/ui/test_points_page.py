"""The Points page through pytest-qt: redeem at the counter (card scan or name search), the receipt,
refusals that write nothing, points by hand, a new catalogue item, the stock report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models import Redemption, Volunteer
from desktop.services import points, shop
from desktop.services.permissions import SYSTEM
from desktop.ui.points.documents import PreviewDialog
from tests.helpers import add_volunteer


@pytest.fixture
def counter_scene(db):
    with db.uow() as s:
        vid = add_volunteer(s, "张晓梅")
        add_volunteer(s, "张晓红")
        points.award(s, SYSTEM, vid, 30, "期初积分")
        oil = shop.create_item(s, SYSTEM, shop.ItemInput("食用油", 12, unit="瓶"), opening_stock=5)
        soap = shop.create_item(s, SYSTEM, shop.ItemInput("肥皂", "2.5"), opening_stock=40)
        code = s.get(Volunteer, vid).card_code
    return vid, code, oil, soap


def _row_of(model, name: str) -> int:
    return next(r for r in range(model.rowCount()) if model.row_at(r).name == name)


def _add(qtbot, counter, name: str, quantity: int) -> None:
    counter.catalogue_view.selectRow(_row_of(counter.catalogue, name))
    counter.quantity.setValue(quantity)
    qtbot.mouseClick(counter.add_button, Qt.MouseButton.LeftButton)


def test_redeem_two_items_for_a_scanned_card_and_see_the_receipt(window, db, qtbot, counter_scene):
    vid, code, oil, soap = counter_scene
    page = window.show_page("points")
    counter = page.counter
    assert not counter.redeem_button.isEnabled()
    qtbot.keyClicks(counter.finder, code.lower())  # a scanner types the code, then Enter
    qtbot.keyClick(counter.finder, Qt.Key.Key_Return)
    assert counter.volunteer is not None and counter.volunteer.id == vid
    assert counter.balance_label.text() == "30 points"
    _add(qtbot, counter, "食用油", 2)
    _add(qtbot, counter, "肥皂", 1)
    assert counter.basket.rowCount() == 2
    assert counter.total_label.text() == "Total 26.5 · left after 3.5"
    with qtbot.waitSignal(counter.redeemed, timeout=5000) as signal:
        qtbot.mouseClick(counter.redeem_button, Qt.MouseButton.LeftButton)
    with db.reader() as s:
        assert points.balance(s, vid) == 350
        assert shop.get_item(s, oil).stock == 3 and shop.get_item(s, soap).stock == 39
        assert s.scalar(select(Redemption.id)) == signal.args[0]
    assert counter.basket.rowCount() == 0 and counter.balance_label.text() == "3.5 points"
    qtbot.waitUntil(lambda: isinstance(counter.receipt_window, PreviewDialog), timeout=10000)
    preview = counter.receipt_window.preview
    assert preview.page_count() == 1 and "Receipt" in preview.rendered.title
    counter.receipt_window.close()


def test_a_redemption_beyond_the_balance_is_refused_and_writes_nothing(window, db, qtbot, counter_scene):
    vid, code, oil, _ = counter_scene
    counter = window.show_page("points").counter
    counter.print_receipt.setChecked(False)
    counter.finder.setText(code)
    counter.find()
    _add(qtbot, counter, "食用油", 3)  # 36 points, 30 held
    assert "left after -6" in counter.total_label.text()
    qtbot.mouseClick(counter.redeem_button, Qt.MouseButton.LeftButton)
    assert counter.error.isVisible() and "has 30 points; 36 are needed" in counter.error.text()
    assert counter.basket.rowCount() == 1  # kept, so the clerk can take one off
    with db.reader() as s:
        assert s.scalar(select(func.count(Redemption.id))) == 0
        assert points.balance(s, vid) == 3000 and shop.get_item(s, oil).stock == 5


def test_a_name_with_several_matches_asks_which_one(window, qtbot, counter_scene):
    vid, *_ = counter_scene
    counter = window.show_page("points").counter
    qtbot.keyClicks(counter.finder, "zxm")
    qtbot.keyClick(counter.finder, Qt.Key.Key_Return)
    assert counter.volunteer is not None and counter.volunteer.id == vid  # one match: chosen at once
    counter.finder.setText("张晓")
    counter.find()
    assert counter.pick_view.isVisible() and counter.picks.rowCount() == 2
    row = next(r for r in range(2) if counter.picks.row_at(r).name == "张晓红")
    counter.pick_view.activated.emit(counter.picks.index(row, 0))
    assert counter.volunteer.name == "张晓红" and not counter.pick_view.isVisible()
    with qtbot.waitSignal(counter.message) as signal:
        counter.finder.setText("nobody-here")
        counter.find()
    assert "No volunteer matches" in signal.args[0]


def test_award_points_by_hand_from_the_ledger(window, db, qtbot, counter_scene):
    vid, *_ = counter_scene
    page = window.show_page("points")
    page.tabs.setCurrentWidget(page.ledger)
    ledger = page.ledger
    ledger.balance_view.selectRow(_row_of(ledger.balances, "张晓梅"))
    assert ledger.award_button.isEnabled()
    assert ledger.history.rowCount() == 1
    qtbot.mouseClick(ledger.award_button, Qt.MouseButton.LeftButton)
    dialog = ledger.dialog
    dialog.points.setValue(0)
    dialog.save()
    assert dialog.isVisible() and dialog.form.error_label("points").text()  # zero points: refused
    dialog.points.setValue(5.5)
    dialog.reason.setText("社区文明之星")
    dialog.save()
    assert not dialog.isVisible()
    with db.reader() as s:
        assert points.balance(s, vid) == 3550
    assert ledger.history.rowCount() == 2
    assert ledger.history.index(0, 3).data() == "+5.5"


def test_a_new_item_and_the_stock_report(window, db, qtbot, counter_scene):
    page = window.show_page("points")
    page.tabs.setCurrentWidget(page.catalogue)
    catalogue = page.catalogue
    qtbot.mouseClick(catalogue.new_button, Qt.MouseButton.LeftButton)
    dialog = catalogue.dialog
    dialog.name.setText("保温杯")
    dialog.price.setValue(30)
    dialog.stock.setValue(8)
    dialog.save()
    assert not dialog.isVisible()
    assert catalogue.items.rowCount() == 3
    page.tabs.setCurrentWidget(page.stock)
    page.stock.refresh()
    lines = {row.name: row for row in page.stock.model.rows}
    assert lines["保温杯"].closing == 8 and lines["食用油"].intake == 5
    assert page.stock.verdict.text() == "Goods and records agree for all 3 items."


def test_the_overview_opens_the_points_entries_behind_a_figure(window, qtbot, counter_scene):
    overview = window.page("overview")
    with qtbot.waitSignal(overview.list_requested) as signal:
        overview.tiles["points_earned"].clicked.emit()
    page = window.current_page_key()
    assert page == "points" and signal.args[0] == "points"
    ledger = window.page("points").ledger
    assert ledger.history.query().kinds == ("earned", "award")
    assert window.page("points").tabs.currentWidget() is ledger
    assert ledger.history.rowCount() == 1  # the award made in the scene
