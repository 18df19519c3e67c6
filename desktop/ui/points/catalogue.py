"""The shop's back office: the catalogue (new items, edits, goods received, stock adjustments) and
the log of redemptions (cancel one, print its receipt again, export)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import points, shop
from desktop.ui.context import AppContext
from desktop.ui.points.dialogs import ItemDialog, ReasonDialog, StockDialog
from desktop.ui.points.documents import show_receipt
from desktop.ui.points.ledger import FilteredList, export_on_worker, export_to
from desktop.ui.points.models import ItemModel, RedemptionModel
from desktop.ui.tasks import Task
from desktop.ui.widgets import make_table


class CatalogueTab(QWidget):
    changed = Signal()
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.task: Task | None = None
        self.items = ItemModel(ctx.database)
        self.redemptions = RedemptionModel(ctx.database)

        top = FilteredList(
            self.items, self.tr("Search the catalogue"), self.tr("Only items on offer"), "active_only"
        )
        self.search, self.offered_only, self.item_view = top.search, top.only, top.view
        self.item_view.doubleClicked.connect(lambda _index: self.edit_item())
        can = ctx.actor.can("shop")
        buttons = []
        for text, slot in (
            (self.tr("New item…"), self.new_item),
            (self.tr("Edit…"), self.edit_item),
            (self.tr("Goods received…"), lambda: self.change_stock("intake")),
            (self.tr("Adjust stock…"), lambda: self.change_stock("adjust")),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(can)
            buttons.append(button)
        buttons[0].setObjectName("primaryButton")
        self.new_button, self.edit_button, self.intake_button, self.adjust_button = buttons

        self.redemption_view = make_table(self.redemptions)
        self.cancel_button = QPushButton(self.tr("Cancel redemption…"))
        self.cancel_button.clicked.connect(self.cancel_redemption)
        self.cancel_button.setEnabled(can)
        self.receipt_button = QPushButton(self.tr("Print receipt…"))
        self.receipt_button.clicked.connect(self.reprint)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(ctx.actor.can("export"))

        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        top.column.addLayout(row)
        bottom = QWidget()
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Redemptions"))
        title.setObjectName("sectionTitle")
        column.addWidget(title)
        column.addWidget(self.redemption_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addWidget(self.receipt_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        column.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)

    def _current_item(self) -> shop.ItemRow | None:
        index = self.item_view.currentIndex()
        item = self.items.row_at(index.row()) if index.isValid() else None
        if item is None:
            self.message.emit(self.tr("Choose an item first."))
        return item

    def _open(self, dialog, done: Callable[[], None]) -> None:
        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def new_item(self) -> None:
        self._open(ItemDialog(self.ctx, None, self), self._after_change)

    def edit_item(self) -> None:
        item = self._current_item()
        if item is not None:
            self._open(ItemDialog(self.ctx, item, self), self._after_change)

    def change_stock(self, kind: str) -> None:
        item = self._current_item()
        if item is not None:
            self._open(StockDialog(self.ctx, item, kind, self), self._after_change)

    def _current_redemption(self):
        index = self.redemption_view.currentIndex()
        row = self.redemptions.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.message.emit(self.tr("Choose a redemption first."))
        return row

    def cancel_redemption(self) -> None:
        row = self._current_redemption()
        if row is None:
            return
        intro = self.tr("{name} hands back {items}: {points} points and the goods return to stock.").format(
            name=row.name, items=row.items, points=points.format_points(row.points)
        )
        dialog = ReasonDialog(
            self.ctx,
            self.tr("Cancel redemption"),
            intro,
            lambda s, reason: shop.cancel_redemption(s, self.ctx.actor, row.id, reason),
            self,
        )
        self._open(dialog, self._after_change)

    def reprint(self) -> None:
        row = self._current_redemption()
        if row is not None:
            self.task = show_receipt(self, self.ctx.database, row.id)

    def export(self) -> None:
        path = export_to(self, self.tr("Export redemptions"), self.tr("redemptions.xlsx"))
        if not path:
            return
        actor, query = self.ctx.actor, self.redemptions.query()
        self.task = export_on_worker(
            self,
            self.ctx.database,
            lambda s: shop.export_redemptions(s, actor, path, query),
            path,
            self.message.emit,
        )

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        self.items.refresh()
        self.redemptions.refresh()
