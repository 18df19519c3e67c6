"""Balances and history: every volunteer's balance (searched and sorted in SQL), the chosen
volunteer's entries, points given or taken by hand, reversals, and both lists to Excel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models import POINTS_KINDS
from desktop.services import points, points_history
from desktop.ui.context import AppContext
from desktop.ui.models.paged import SqlPagedModel
from desktop.ui.points.dialogs import PointsDialog, ReasonDialog
from desktop.ui.points.models import BalanceModel, HistoryModel
from desktop.ui.tasks import Task, error_text
from desktop.ui.widgets import SearchBox, make_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.db import Database


def export_to(parent: QWidget, title: str, name: str) -> str:
    """Where to write an export (.xlsx or .csv); empty when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        name,
        QCoreApplication.translate("PointsLedger", "Excel workbook (*.xlsx);;CSV file (*.csv)"),
    )
    return path


def export_on_worker(
    parent: QWidget,
    database: Database,
    write: Callable[[Session], int],
    path: str,
    announce: Callable[[str], None],
) -> Task:
    """Write an export on a worker (a district's lists take a while) and announce the rows written."""
    # The ledger tab's translation context: its translations of these strings serve every points tab.
    done = QCoreApplication.translate("LedgerTab", "{count} rows written to {path}")

    def work(_progress, _cancelled) -> int:
        with database.uow() as s:  # an export is audited
            return write(s)

    return Task(
        work,
        parent,
        on_success=lambda count: announce(done.format(count=count, path=path)),
        on_failure=lambda error: QMessageBox.warning(
            parent, QCoreApplication.translate("LedgerTab", "Export"), error_text(error)
        ),
    ).start()


class FilteredList(QWidget):
    """A searched list with one "only …" box above its table; the tab adds its buttons below."""

    def __init__(self, model: SqlPagedModel, placeholder: str, only: str, only_filter: str) -> None:
        super().__init__()
        self.search = SearchBox(placeholder)
        self.search.search.connect(lambda text: model.update_query(search=text))
        self.only = QCheckBox(only)
        self.only.toggled.connect(lambda on: model.update_query(**{only_filter: on}))
        self.view = make_table(model)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.only)
        self.column.addLayout(filters)
        self.column.addWidget(self.view, 1)


class LedgerTab(QWidget):
    """Balances on the left, the chosen volunteer's entries (or everybody's) on the right."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.export_task: Task | None = None
        self.balances = BalanceModel(ctx.database)
        self.history = HistoryModel(ctx.database)

        left = FilteredList(
            self.balances,
            self.tr("Search by name, pinyin initials, phone or card code"),
            self.tr("Only with points"),
            "with_points",
        )
        self.search, self.with_points, self.balance_view = left.search, left.only, left.view
        self.balance_view.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._chosen(current.row())
        )
        self.balances.modelReset.connect(self._count)
        self.count_label = QLabel()
        self.count_label.setObjectName("fieldHint")

        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), ())
        for key in POINTS_KINDS:
            self.kind.addItem(points.kind_label(key), (key,))
        self.kind.currentIndexChanged.connect(
            lambda _i: self.history.update_query(kinds=self.kind.currentData())
        )
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setSpecialValueText(" ")
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setDate(edit.minimumDate())  # blank: no limit
            edit.dateChanged.connect(self._dates_changed)
        self.everybody = QPushButton(self.tr("Everybody's entries"))
        self.everybody.clicked.connect(self.show_everybody)
        self.history_title = QLabel()
        self.history_title.setObjectName("sectionTitle")
        self.history_view = make_table(self.history)

        self.award_button = QPushButton(self.tr("Award points…"))
        self.award_button.clicked.connect(lambda: self.by_hand("award"))
        self.deduct_button = QPushButton(self.tr("Deduct points…"))
        self.deduct_button.clicked.connect(lambda: self.by_hand("deduct"))
        self.reverse_button = QPushButton(self.tr("Reverse entry…"))
        self.reverse_button.clicked.connect(self.reverse)
        export_balances = QPushButton(self.tr("Export balances…"))
        export_balances.clicked.connect(self.export_balances)
        export_history = QPushButton(self.tr("Export entries…"))
        export_history.clicked.connect(self.export_history)
        for button in (self.award_button, self.deduct_button, self.reverse_button):
            button.setEnabled(False)
        export_balances.setEnabled(ctx.actor.can("export"))
        export_history.setEnabled(ctx.actor.can("export"))

        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        foot.addWidget(export_balances)
        left.column.addLayout(foot)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.history_title, 1)
        head.addWidget(self.everybody)
        column.addLayout(head)
        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        column.addLayout(filters)
        column.addWidget(self.history_view, 1)
        actions = QHBoxLayout()
        for button in (self.award_button, self.deduct_button, self.reverse_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(export_history)
        column.addLayout(actions)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        self._volunteer: tuple[int, str] | None = None
        self._count()
        self.show_everybody()

    def _count(self) -> None:
        self.count_label.setText(self.tr("{n} volunteers").format(n=f"{self.balances.total():,}"))

    def _chosen(self, row: int) -> None:
        item = self.balances.row_at(row)
        if item is None:
            return
        self._volunteer = (item.id, item.name)
        self.history_title.setText(
            self.tr("{name}: {balance} points").format(
                name=item.name, balance=points.format_points(item.balance)
            )
        )
        self.history.update_query(volunteer_id=item.id)
        can = self.ctx.actor.can("shop")
        self.award_button.setEnabled(can)
        self.deduct_button.setEnabled(can)
        self.reverse_button.setEnabled(can)

    def show_everybody(self) -> None:
        self._volunteer = None
        self.balance_view.clearSelection()
        self.history_title.setText(self.tr("Every points entry"))
        self.history.update_query(volunteer_id=None)
        self.award_button.setEnabled(False)
        self.deduct_button.setEnabled(False)
        self.reverse_button.setEnabled(self.ctx.actor.can("shop"))

    def _dates(self) -> tuple[date | None, date | None]:
        def value(edit: QDateEdit) -> date | None:
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        return value(self.date_from), value(self.date_to)

    def _dates_changed(self) -> None:
        start, end = self._dates()
        self.history.update_query(date_from=start, date_to=end)

    def show_entries(
        self, kinds: tuple[str, ...] = (), date_from: date | None = None, date_to: date | None = None
    ) -> None:
        """Everybody's entries of some kinds in a period (the overview's points figures)."""
        self.show_everybody()
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(tuple(kinds))))
        self.kind.blockSignals(False)
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(day) if day else edit.minimumDate())
            edit.blockSignals(False)
        self.history.update_query(kinds=tuple(kinds), date_from=date_from, date_to=date_to)

    # --- actions ----------------------------------------------------------------------------

    def by_hand(self, kind: str) -> None:
        if self._volunteer is None:
            return
        vid, name = self._volunteer
        dialog = PointsDialog(self.ctx, vid, name, kind, self)
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def reverse(self) -> None:
        index = self.history_view.currentIndex()
        entry = self.history.row_at(index.row()) if index.isValid() else None
        if entry is None:
            self.message.emit(self.tr("Choose the entry to reverse."))
            return
        intro = self.tr("Reverse {kind} of {points} points for {name} ({reason})?").format(
            kind=entry.kind_text,
            points=points.format_points(entry.amount),
            name=entry.name,
            reason=entry.reason,
        )
        dialog = ReasonDialog(
            self.ctx,
            self.tr("Reverse entry"),
            intro,
            lambda s, reason: points.reverse(s, self.ctx.actor, entry.id, reason),
            self,
        )
        dialog.accepted.connect(self._after_change)
        self.dialog = dialog
        dialog.open()

    def _after_change(self) -> None:
        chosen = self._volunteer
        self.balances.refresh()
        self.history.refresh()
        if chosen is not None:
            row = self.balances.row_of_id(chosen[0])
            if row is not None:
                self.balance_view.selectRow(row)
        self.changed.emit()

    def export_balances(self) -> None:
        path = export_to(self, self.tr("Export balances"), self.tr("points balances.xlsx"))
        if path:
            query, actor = self.balances.query(), self.ctx.actor
            self._export(lambda s: points_history.export_balances(s, actor, path, query), path)

    def export_history(self) -> None:
        path = export_to(self, self.tr("Export entries"), self.tr("points entries.xlsx"))
        if path:
            query, actor = self.history.query(), self.ctx.actor
            self._export(lambda s: points_history.export_history(s, actor, path, query), path)

    def _export(self, write: Callable[[Session], int], path: str) -> None:
        self.export_task = export_on_worker(self, self.ctx.database, write, path, self.message.emit)

    def refresh(self) -> None:
        self.balances.refresh()
        self.history.refresh()
