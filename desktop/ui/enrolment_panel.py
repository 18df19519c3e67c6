"""An event's volunteers: enrol one by one (searched as in the registry) or a whole team; the
waiting list; withdrawals; no-shows after the event (and their correction)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services import enrolment, events, teams, volunteers
from desktop.services.conflicts import ConflictItem, ConflictsFound
from desktop.services.enrolment import EnrolmentQuery, EnrolmentResult, EnrolmentRow
from desktop.services.errors import ServiceError
from desktop.services.permissions import Actor
from desktop.services.volunteers import VolunteerQuery, VolunteerRow
from desktop.ui.conflicts_dialog import ConflictDialog
from desktop.ui.models.paged import CENTRE, Column, SqlPagedModel
from desktop.ui.widgets import SearchBox, make_table

SEARCH_RESULTS = 12
ENROLMENT_STATUSES = ("enrolled", "waitlisted", "no_show", "withdrawn")
STATUS_COLOURS = {
    "waitlisted": QColor("#b7791f"),
    "no_show": QColor("#c0302a"),
    "withdrawn": QColor("#8a94a6"),
}


class EnrolmentModel(SqlPagedModel[EnrolmentQuery, EnrolmentRow]):
    """One event's enrolments, a page at a time (enrolled, then the waiting list in its order...)."""

    CONTEXT = "EnrolmentModel"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("EnrolmentModel", "Volunteer"), width=90),
        Column("card_code", QT_TRANSLATE_NOOP("EnrolmentModel", "Card code"), width=140),
        Column("status", QT_TRANSLATE_NOOP("EnrolmentModel", "Status"), align=CENTRE, width=80),
        Column("signed_in", QT_TRANSLATE_NOOP("EnrolmentModel", "Signed in"), align=CENTRE, width=70),
        Column("walk_in", QT_TRANSLATE_NOOP("EnrolmentModel", "Note"), width=60),
    )

    def count_rows(self, s, query: EnrolmentQuery) -> int:
        return enrolment.count_enrolments(s, query.event_id, query.status) if query.event_id else 0

    def fetch_rows(self, s, query: EnrolmentQuery, offset: int, limit: int) -> list[EnrolmentRow]:
        return enrolment.list_enrolments(s, query.event_id, query.status, offset, limit) if query.event_id else []

    def display(self, row: EnrolmentRow, column: Column) -> str:
        if column.key == "status":
            return enrolment.status_label(row.status)
        if column.key == "signed_in":
            return "✓" if row.signed_in else ""
        if column.key == "walk_in":
            return self.tr("Walk-in") if row.walk_in else ""
        return super().display(row, column)

    def cell_role(self, row: EnrolmentRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column.key in ("status", "walk_in"):
            return STATUS_COLOURS.get(row.status) if column.key == "status" else QColor("#b7791f")
        return None

    def volunteer_at(self, row: int) -> EnrolmentRow | None:
        return self.row_at(row)


class VolunteerPickModel(QAbstractListModel):
    """The few volunteers matching the search box (a page of at most SEARCH_RESULTS)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VolunteerRow] = []

    def set_rows(self, rows: list[VolunteerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "  ·  ".join(x for x in (r.name, r.card_code, r.phone) if x)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class EnrolmentPanel(QWidget):
    """Call `set_event(id)`; emits `changed()` after every enrolment change it saves."""

    changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.event_id: int | None = None
        self._started = False
        self._open = False
        self.ask_override: Callable[[QWidget, list[ConflictItem]], str | None] = ConflictDialog.ask
        self.show_error: Callable[[str, str], object] = lambda title, text: QMessageBox.warning(self, title, text)

        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.message = QLabel()
        self.message.setObjectName("fieldHint")
        self.message.setWordWrap(True)

        self.search = SearchBox(self.tr("Find a volunteer: name, pinyin initials, phone or card code"))
        self.results = VolunteerPickModel(self)
        self.result_list = QListView()
        self.result_list.setModel(self.results)
        self.result_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_list.setMinimumHeight(150)
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_button.setObjectName("primaryButton")
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.team.lineEdit().setPlaceholderText(self.tr("Choose a team"))
        self.enrol_team_button = QPushButton(self.tr("Enrol the whole team"))

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Everyone"), None)
        for status in ENROLMENT_STATUSES:
            self.status_filter.addItem(enrolment.status_label(status), status)
        self.model = EnrolmentModel(database, EnrolmentQuery())
        self.table = make_table(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.no_show_button = QPushButton(self.tr("Mark as no-show"))
        self.undo_no_show_button = QPushButton(self.tr("Not a no-show"))
        self.absent_button = QPushButton(self.tr("Everyone who did not sign in is a no-show"))

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(QLabel(self.tr("Add volunteers")))
        left.addWidget(self.search)
        left.addWidget(self.result_list, 1)
        left.addWidget(self.enrol_button)
        left.addSpacing(10)
        left.addWidget(QLabel(self.tr("Or a whole team")))
        left.addWidget(self.team)
        left.addWidget(self.enrol_team_button)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.status_filter)
        buttons = QGridLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.withdraw_button, 0, 0)
        buttons.addWidget(self.no_show_button, 0, 1)
        buttons.addWidget(self.undo_no_show_button, 0, 2)
        buttons.addWidget(self.absent_button, 1, 0, 1, 3)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addLayout(top)
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)

        self.search.search.connect(self.find_volunteers)
        self.result_list.doubleClicked.connect(lambda _index: self.enrol_selected())
        self.enrol_button.clicked.connect(self.enrol_selected)
        self.enrol_team_button.clicked.connect(self.enrol_chosen_team)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.model.update_query(status=self.status_filter.currentData())
        )
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.no_show_button.clicked.connect(lambda: self.mark_selected(True))
        self.undo_no_show_button.clicked.connect(lambda: self.mark_selected(False))
        self.absent_button.clicked.connect(self.mark_absent)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.result_list.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._load_teams()
        self._enable()

    # --- loading -------------------------------------------------------------------------

    def _load_teams(self) -> None:
        self.team.clear()
        with self.database.reader() as s:
            rows = teams.list_teams(s, teams.TeamQuery(), 0, 5000)
        for r in rows:
            self.team.addItem(self.tr("{name} ({n} members)").format(name=r.name, n=r.members), r.id)
        self.team.setCurrentIndex(-1)
        completer = self.team.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)

    def set_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.model.update_query(event_id=event_id)
        self.refresh_summary()

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_summary()

    def refresh_summary(self) -> None:
        if self.event_id is None:
            self.summary.setText(self.tr("Save the event first, then enrol volunteers here."))
            self._open = self._started = False
            self._enable()
            return
        with self.database.reader() as s:
            c = enrolment.counts(s, self.event_id)
            detail = events.get_event_detail(s, self.event_id)
        self._open = detail.status not in ("finished", "cancelled")
        self._started = detail.started and detail.status not in ("draft", "cancelled")
        parts = [
            self.tr("Enrolled {n} of {capacity}").format(n=c.enrolled, capacity=c.capacity)
            if c.capacity
            else self.tr("Enrolled {n}").format(n=c.enrolled)
        ]
        if c.waitlisted:
            parts.append(self.tr("{n} on the waiting list").format(n=c.waitlisted))
        if c.no_show:
            parts.append(self.tr("{n} no-shows").format(n=c.no_show))
        self.summary.setText(" · ".join(parts))
        self._enable()

    def _selected_rows(self) -> list[EnrolmentRow]:
        rows = [self.model.volunteer_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        return [r for r in rows if r is not None]

    def _enable(self) -> None:
        can = self.actor.can("events.edit") and self.event_id is not None
        chosen = self._selected_rows()
        statuses = {r.status for r in chosen}
        self.search.setEnabled(can and self._open)
        self.enrol_button.setEnabled(can and self._open and self.result_list.currentIndex().isValid())
        self.team.setEnabled(can and self._open)
        self.enrol_team_button.setEnabled(can and self._open)
        self.withdraw_button.setEnabled(can and self._open and bool(statuses - {"withdrawn"}))
        self.no_show_button.setEnabled(can and self._started and "enrolled" in statuses)
        self.undo_no_show_button.setEnabled(can and self._started and "no_show" in statuses)
        self.absent_button.setEnabled(can and self._started)

    # --- actions -------------------------------------------------------------------------

    def find_volunteers(self, text: str) -> None:
        if not text:
            self.results.set_rows([])
        else:
            with self.database.reader() as s:
                rows = volunteers.list_volunteers(s, VolunteerQuery(search=text, status="active"), 0, SEARCH_RESULTS)
            self.results.set_rows(rows)
            if rows:
                self.result_list.setCurrentIndex(self.results.index(0))
        self._enable()

    def enrol_selected(self) -> None:
        index = self.result_list.currentIndex()
        if self.event_id is None or not index.isValid():
            return
        vid = int(index.data(Qt.ItemDataRole.UserRole))
        self._enrol(lambda s, reason: enrolment.enrol(
            s, self.actor, self.event_id, [vid], check_conflicts=True, override_reason=reason))

    def enrol_chosen_team(self) -> None:
        team_id = self.team.currentData()
        if self.event_id is None or team_id is None:
            self.message.setText(self.tr("Choose a team from the list first."))
            return
        self._enrol(lambda s, reason: enrolment.enrol_team(
            s, self.actor, self.event_id, int(team_id), check_conflicts=True, override_reason=reason))

    def _enrol(self, action: Callable[[Any, str | None], EnrolmentResult]) -> None:
        reason: str | None = None
        while True:
            try:
                with self.database.uow() as s:
                    result = action(s, reason)
                break
            except ConflictsFound as exc:
                reason = self.ask_override(self, exc.conflicts)
                if reason is None:
                    return
            except ServiceError as exc:
                self.show_error(self.tr("Cannot enrol"), str(exc))
                return
        parts = []
        if result.enrolled:
            parts.append(self.tr("{n} enrolled.").format(n=len(result.enrolled)))
        if result.waitlisted:
            parts.append(self.tr("{n} joined the waiting list: the event is full.").format(n=len(result.waitlisted)))
        if result.already:
            parts.append(self.tr("{n} were already on the list.").format(n=len(result.already)))
        self.message.setText(" ".join(parts))
        self._changed()

    def withdraw_selected(self) -> None:
        rows = [r for r in self._selected_rows() if r.status != "withdrawn"]
        if not rows or self.event_id is None:
            return
        promoted = []
        try:
            with self.database.uow() as s:
                for r in rows:
                    moved = enrolment.withdraw(s, self.actor, self.event_id, r.volunteer_id)
                    if moved is not None:
                        promoted.append(moved)
        except ServiceError as exc:
            self.show_error(self.tr("Cannot withdraw"), str(exc))
            return
        text = self.tr("{n} withdrawn.").format(n=len(rows))
        if promoted:
            text += " " + self.tr("{n} moved up from the waiting list.").format(n=len(promoted))
        self.message.setText(text)
        self._changed()

    def mark_selected(self, no_show: bool) -> None:
        ids = [r.volunteer_id for r in self._selected_rows()]
        self._no_show(lambda s: enrolment.mark_no_show(s, self.actor, self.event_id, ids, no_show))

    def mark_absent(self) -> None:
        self._no_show(lambda s: enrolment.mark_absent_as_no_shows(s, self.actor, self.event_id))

    def _no_show(self, action: Callable[[Any], int]) -> None:
        if self.event_id is None:
            return
        try:
            with self.database.uow() as s:
                n = action(s)
        except ServiceError as exc:
            self.show_error(self.tr("Cannot mark no-shows"), str(exc))
            return
        self.message.setText(self.tr("{n} changed.").format(n=n))
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
