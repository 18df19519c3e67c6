"""Hours review: coordinators approve, reject or correct pending and flagged service records."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.services import hours
from desktop.services.errors import ServiceError
from desktop.services.hours import ReviewQuery, ReviewRow
from desktop.ui.context import AppContext
from desktop.ui.models.paged import CENTRE, RIGHT, Column, SqlPagedModel
from desktop.ui.pages.base import Page
from desktop.ui.printing.period import PeriodField
from desktop.ui.widgets import SearchBox, make_table

FLAG_COLOUR = QColor("#b45309")
SETTLED_COLOUR = QColor("#8a94a6")  # superseded and rejected records: history, not work to do

# Which records each choice of the state filter shows (states, flagged only).
STATE_FILTERS: dict[str, tuple[tuple[str, ...], bool]] = {
    "pending": (("pending",), False),
    "flagged": (("pending",), True),
    "approved": (("approved",), False),
    "all": ((), False),
}


class HoursReviewModel(SqlPagedModel[ReviewQuery, ReviewRow]):
    CONTEXT = "HoursReviewModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("HoursReviewModel", "Volunteer"), "name", width=100),
        Column("event_title", QT_TRANSLATE_NOOP("HoursReviewModel", "Event"), "event", width=200),
        Column("date", QT_TRANSLATE_NOOP("HoursReviewModel", "Date"), "date", width=100, sample="2026-12-31"),
        Column("sign_in", QT_TRANSLATE_NOOP("HoursReviewModel", "Signed in"), None, CENTRE, 80),
        Column("sign_out", QT_TRANSLATE_NOOP("HoursReviewModel", "Signed out"), None, CENTRE, 80),
        Column("hours", QT_TRANSLATE_NOOP("HoursReviewModel", "Hours"), "hours", RIGHT, 64),
        Column("flags", QT_TRANSLATE_NOOP("HoursReviewModel", "Flags"), "flagged", width=300),
        Column("state", QT_TRANSLATE_NOOP("HoursReviewModel", "State"), "state", CENTRE, 80),
    )
    # A first click on these shows the newest events, the longest stays, the flagged records first.
    DESCENDING_FIRST = frozenset({"date", "hours", "flagged"})

    def __init__(self, database, query: ReviewQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or ReviewQuery(), **kwargs)

    def count_rows(self, s, query: ReviewQuery) -> int:
        return hours.count_for_review(s, query)

    def fetch_rows(self, s, query: ReviewQuery, offset: int, limit: int) -> list[ReviewRow]:
        return hours.list_for_review(s, dataclasses.replace(query, offset=offset, limit=limit))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS) and self.COLUMNS[section].sort in self.DESCENDING_FIRST:
                return Qt.SortOrder.DescendingOrder
            return Qt.SortOrder.AscendingOrder
        return super().headerData(section, orientation, role)

    def display(self, row: ReviewRow, column: Column) -> str:
        key = column.key
        if key == "date":
            return row.event_start.astimezone().date().isoformat()
        if key in ("sign_in", "sign_out"):
            at = getattr(row, key)
            return at.astimezone().strftime("%H:%M") if at is not None else ""
        if key == "hours":
            return f"{row.minutes / 60:.2f}"
        if key == "flags":
            words = [hours.flag_label(f) for f in row.flags]
            if row.reason:
                words.append(QCoreApplication.translate("HoursReviewModel", "reason: {reason}").format(
                    reason=row.reason))
            return QCoreApplication.translate("Common", ", ").join(words)
        if key == "state":
            return hours.state_label(row.state)
        return super().display(row, column)

    def cell_role(self, row: ReviewRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state in ("superseded", "rejected"):
                return SETTLED_COLOUR
            if column.key == "flags" and row.flags:
                return FLAG_COLOUR
        return None


class HoursReviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Hours review"), parent=parent)
        self.model = HoursReviewModel(ctx.database)
        self._dialog: QWidget | None = None
        allowed = ctx.actor.can("hours.review")

        self.approve_button = QPushButton(self.tr("Approve selected"))
        self.approve_button.setObjectName("primaryButton")
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(self.ask_reject)
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.clicked.connect(self.ask_correct)
        for button in (self.correct_button, self.reject_button, self.approve_button):
            self.header.actions.addWidget(button)
        self._allowed = allowed

        self.search = SearchBox(self.tr("Search by volunteer, card code or event"))
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        self.state = QComboBox()
        for key, label in (
            ("pending", self.tr("Pending")),
            ("flagged", self.tr("Flagged (pending)")),
            ("approved", self.tr("Approved")),
            ("all", self.tr("All records")),
        ):
            self.state.addItem(label, key)
        self.state.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.period = PeriodField("all")
        self.period.changed.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.state)
        filters.addWidget(self.period)
        filters.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(filters)

        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.body.addWidget(self.problem)

        # Until a header is clicked the service's own order holds: flagged first, newest events first.
        self.table = make_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.body.addWidget(self.table, 1)
        # A sort or a filter reloads the rows; the chosen records stay chosen wherever they move.
        self._chosen_ids: list[int] = []
        self._keep_ids: list[int] = []
        self._shown_query = self._order_and_filters()
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._model_reset)
        self._show_counts()
        self._update_buttons()

    # --- filters and counts ----------------------------------------------------------------

    def _filters_changed(self) -> None:
        states, flagged_only = STATE_FILTERS[self.state.currentData()]
        first, last = self.period.bounds()
        self.model.update_query(states=states, flagged_only=flagged_only, date_from=first, date_to=last)

    def set_state_filter(self, key: str) -> None:
        self.state.setCurrentIndex(self.state.findData(key))

    def _show_counts(self) -> None:
        with self.ctx.database.reader() as s:
            pending = hours.count_for_review(s, ReviewQuery(states=("pending",)))
            flagged = hours.count_for_review(s, ReviewQuery(states=("pending",), flagged_only=True))
        self.pending_count, self.flagged_count = pending, flagged
        self.header.set_subtitle(
            self.tr("{pending} pending, {flagged} of them flagged · {shown} shown").format(
                pending=f"{pending:,}", flagged=f"{flagged:,}", shown=f"{self.model.total():,}"
            )
        )

    def _order_and_filters(self) -> ReviewQuery:
        return dataclasses.replace(self.model.query(), offset=0, limit=0)

    def _remember_selection(self) -> None:
        self._keep_ids = list(self._chosen_ids)

    def _model_reset(self) -> None:
        lost = self._select_ids(self._keep_ids)
        query = self._order_and_filters()
        reordered, self._shown_query = query != self._shown_query, query
        self._show_counts()
        self._update_buttons()
        # After a decision the decided records leave the list as expected; after a new order or
        # filter, say so when chosen records dropped out of the rows now read.
        if lost and reordered:
            self.status_message.emit(
                self.tr("{n} selected record(s) are no longer shown and were unselected.").format(
                    n=lost
                )
            )

    def _select_ids(self, ids: list[int]) -> int:
        """Select the rows of these records among the rows read so far; returns how many are not there."""
        rows = sorted(r for r in (self.model.row_of_id(i) for i in ids) if r is not None)
        if not rows:
            return len(ids)
        last = self.model.columnCount() - 1
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        chooser = self.table.selectionModel()
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        chooser.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(self.model.index(rows[0], 0))
        return len(ids) - len(rows)

    def refresh(self) -> None:
        self.model.refresh()

    # --- selection and actions --------------------------------------------------------------

    def selected_rows(self) -> list[ReviewRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r for r in (self.model.row_at(n) for n in rows) if r is not None]

    def _update_buttons(self) -> None:
        chosen = self.selected_rows()
        self._chosen_ids = [r.id for r in chosen]
        pending = [r for r in chosen if r.state == "pending"]
        self.approve_button.setEnabled(self._allowed and bool(pending))
        self.reject_button.setEnabled(self._allowed and bool(pending))
        self.correct_button.setEnabled(self._allowed and len(chosen) == 1 and chosen[0].state != "superseded")

    def _report(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def approve_selected(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return
        try:
            with self.ctx.database.uow() as s:
                result = hours.approve(s, self.ctx.actor, ids)
        except ServiceError as exc:
            self._report(str(exc))
            return
        self._decided(
            self.tr("{n} record(s) approved.").format(n=len(result.done)), len(result.skipped)
        )

    def ask_reject(self) -> None:
        if not self.selected_rows():
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reject hours"))
        dialog.setLabelText(self.tr("Why are these hours not credited? (optional)"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(self.reject_selected)
        self._dialog = dialog
        dialog.open()

    def reject_selected(self, reason: str = "") -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return
        try:
            with self.ctx.database.uow() as s:
                result = hours.reject(s, self.ctx.actor, ids, reason)
        except ServiceError as exc:
            self._report(str(exc))
            return
        self._decided(
            self.tr("{n} record(s) rejected.").format(n=len(result.done)), len(result.skipped)
        )

    def ask_correct(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 1:
            return
        from desktop.ui.dialogs.correct_hours import CorrectHoursDialog

        dialog = CorrectHoursDialog(self.ctx, chosen[0], self)
        dialog.accepted.connect(lambda: self._corrected(dialog))
        self._dialog = dialog
        dialog.open()

    def _corrected(self, dialog) -> None:
        self._decided(self.tr("Hours corrected for {name}.").format(name=dialog.row.name), 0)

    def _decided(self, message: str, skipped: int) -> None:
        if skipped:
            message = self.tr("{done} {n} were already decided and left as they are.").format(
                done=message, n=skipped
            )
        self._report("")
        self.model.refresh()
        self.data_changed.emit()  # stars, hours and points on other pages
        self.status_message.emit(message)
