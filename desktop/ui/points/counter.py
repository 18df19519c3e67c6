"""The exchange counter: find the volunteer (scan the card or type a name), fill the basket from the
catalogue, redeem in one go, print the receipt."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import points, shop
from desktop.services.errors import ServiceError, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.points.documents import show_receipt
from desktop.ui.points.models import BasketModel, FixedModel, ItemModel, PickModel
from desktop.ui.widgets import make_table, set_column_width


def small_table(model: FixedModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for number, column in enumerate(model.COLUMNS):
        set_column_width(view, number, column)
    return view


class ExchangeCounter(QWidget):
    """One volunteer at a time; `redeemed(redemption id)` after each exchange."""

    redeemed = Signal(int)
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer: points.VolunteerPick | None = None
        self.receipt_window: QWidget | None = None

        self.finder = QLineEdit()
        self.finder.setObjectName("searchBox")
        self.finder.setPlaceholderText(
            self.tr("Scan the volunteer's card, or type a name, initials or phone")
        )
        self.finder.setClearButtonEnabled(True)
        self.finder.returnPressed.connect(self.find)
        find_button = QPushButton(self.tr("Find"))
        find_button.clicked.connect(self.find)
        self.picks = PickModel()
        self.pick_view = small_table(self.picks)
        self.pick_view.setMaximumHeight(150)
        self.pick_view.hide()
        self.pick_view.activated.connect(lambda index: self.choose(self.picks.row_at(index.row())))
        self.pick_view.clicked.connect(lambda index: self.choose(self.picks.row_at(index.row())))

        self.who = QLabel(self.tr("No volunteer chosen."))
        self.who.setObjectName("sectionTitle")
        self.balance_label = QLabel()
        self.balance_label.setObjectName("tileValue")
        card = QFrame()
        card.setObjectName("tile")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 10, 16, 10)
        card_layout.addWidget(self.who)
        card_layout.addWidget(self.balance_label)

        self.catalogue = ItemModel(ctx.database, shop.ItemQuery(active_only=True))
        self.catalogue_view = make_table(self.catalogue)
        self.catalogue_view.doubleClicked.connect(lambda _index: self.add_to_basket())
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.add_button = QPushButton(self.tr("Add to basket"))
        self.add_button.clicked.connect(self.add_to_basket)

        self.basket = BasketModel()
        self.basket_view = small_table(self.basket)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_line)
        self.total_label = QLabel()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. collected by a relative"))
        self.print_receipt = QCheckBox(self.tr("Print a receipt"))
        self.print_receipt.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.redeem_button = QPushButton(self.tr("Redeem"))
        self.redeem_button.setObjectName("primaryButton")
        self.redeem_button.clicked.connect(self.redeem)

        top = QHBoxLayout()
        top.addWidget(self.finder, 1)
        top.addWidget(find_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Catalogue")), 0)
        left.addWidget(self.catalogue_view, 1)
        adding = QHBoxLayout()
        adding.addStretch(1)
        adding.addWidget(QLabel(self.tr("Quantity")))
        adding.addWidget(self.quantity)
        adding.addWidget(self.add_button)
        left.addLayout(adding)
        right = QVBoxLayout()
        right.addWidget(card)
        right.addWidget(QLabel(self.tr("Basket")))
        right.addWidget(self.basket_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.total_label, 1)
        row.addWidget(self.remove_button)
        right.addLayout(row)
        right.addWidget(self.note)
        right.addWidget(self.error)
        finish = QHBoxLayout()
        finish.addWidget(self.print_receipt)
        finish.addStretch(1)
        finish.addWidget(self.redeem_button)
        right.addLayout(finish)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.pick_view)
        layout.addLayout(grid, 1)
        self._update()

    # --- the volunteer ----------------------------------------------------------------------

    def find(self) -> None:
        text = self.finder.text().strip()
        if not text:
            return
        with self.ctx.database.reader() as s:
            found = points.find_volunteers(s, text)
        self.picks.set_rows(found)
        if len(found) == 1:
            self.choose(found[0])
        elif not found:
            self.pick_view.hide()
            self.message.emit(self.tr("No volunteer matches {text}.").format(text=text))
        else:
            self.pick_view.show()
            self.pick_view.selectRow(0)

    def choose(self, pick: points.VolunteerPick | None) -> None:
        if pick is None:
            return
        self.volunteer = pick
        self.pick_view.hide()
        self.finder.clear()
        self.basket.set_rows([])
        self.error.hide()
        self._update()

    def reload_volunteer(self) -> None:
        if self.volunteer is not None:
            with self.ctx.database.reader() as s:
                self.volunteer = points.volunteer_pick(s, self.volunteer.id)

    # --- the basket -------------------------------------------------------------------------

    def add_to_basket(self) -> None:
        index: QModelIndex = self.catalogue_view.currentIndex()
        item = self.catalogue.row_at(index.row()) if index.isValid() else None
        if item is None:
            self.message.emit(self.tr("Choose an item in the catalogue first."))
            return
        self.basket.add(item, self.quantity.value())
        self.quantity.setValue(1)
        self._update()

    def remove_line(self) -> None:
        self.basket.remove(self.basket_view.currentIndex().row())
        self._update()

    def _update(self) -> None:
        v = self.volunteer
        if v is None:
            self.who.setText(self.tr("No volunteer chosen: scan a card or search above."))
            self.balance_label.setText("–")
        else:
            self.who.setText(
                self.tr("{name} · {code}").format(name=v.name, code=v.code or self.tr("no card"))
            )
            self.balance_label.setText(
                self.tr("{points} points").format(points=points.format_points(v.balance))
            )
        total = self.basket.total()
        if v is not None and self.basket.rows:
            left = v.balance - total
            self.total_label.setText(
                self.tr("Total {total} · left after {left}").format(
                    total=points.format_points(total), left=points.format_points(left)
                )
            )
            self.total_label.setObjectName("formError" if left < 0 else "")
        else:
            self.total_label.setText(self.tr("Total {total}").format(total=points.format_points(total)))
        self.total_label.style().unpolish(self.total_label)
        self.total_label.style().polish(self.total_label)
        self.redeem_button.setEnabled(v is not None and bool(self.basket.rows) and self.ctx.actor.can("shop"))
        self.remove_button.setEnabled(bool(self.basket.rows))

    # --- redeeming --------------------------------------------------------------------------

    def redeem(self) -> None:
        if self.volunteer is None or not self.basket.rows:
            return
        self.error.hide()
        try:
            with self.ctx.database.uow() as s:
                result = shop.redeem(
                    s, self.ctx.actor, self.volunteer.id, self.basket.lines(), self.note.text()
                )
        except (ValidationError, ServiceError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        name = self.volunteer.name
        self.basket.set_rows([])
        self.note.clear()
        self.reload_volunteer()
        self.catalogue.refresh()
        self._update()
        self.message.emit(
            self.tr("{name} redeemed {points} points; {left} left (receipt {id}).").format(
                name=name,
                points=points.format_points(result.points),
                left=points.format_points(result.balance),
                id=result.id,
            )
        )
        self.redeemed.emit(result.id)
        if self.print_receipt.isChecked():
            show_receipt(self, self.ctx.database, result.id, on_shown=self._receipt_shown)

    def _receipt_shown(self, window: QWidget | None) -> None:
        self.receipt_window = window

    def refresh(self) -> None:
        self.catalogue.refresh()
        self.reload_volunteer()
        self._update()
