"""Choosing volunteers for a team: a searchable register list, adding in bulk, moving to another team."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import teams
from desktop.services.errors import ServiceError
from desktop.services.teams import TeamQuery
from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.widgets import SearchBox, make_table

SHOWN = {"id": 60, "name": 90, "gender": 76, "phone": 110, "registered_on": 100, "stars": 70}
TEAM_CHOICES = 1000


def selected_ids(table: QTableView, model: VolunteerModel) -> list[int]:
    """The ids of the selected rows, in list order (pages are read if a selection spans them)."""
    rows = sorted(index.row() for index in table.selectionModel().selectedRows())
    return [vid for vid in (model.id_at(r) for r in rows) if vid is not None]


class VolunteerSearchList(QWidget):
    """The register (or one team's roster) searched as you type; several rows may be selected."""

    activated = Signal(int)  # a row double-clicked or Enter pressed

    def __init__(
        self,
        ctx: AppContext,
        query: VolunteerQuery,
        *,
        multiple: bool = True,
        columns: dict[str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        shown = columns or SHOWN
        self.search = SearchBox(self.tr("Search by name, pinyin initials, phone or card code"))
        self.model = VolunteerModel(ctx.database, query, page_size=100)
        self.table = make_table(self.model)
        mode = QAbstractItemView.SelectionMode
        self.table.setSelectionMode(mode.ExtendedSelection if multiple else mode.SingleSelection)
        for number, column in enumerate(self.model.COLUMNS):
            self.table.setColumnHidden(number, column.key not in shown)
            if column.key in shown:
                self.table.setColumnWidth(number, shown[column.key])
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column_number("name"), QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(self._activated)
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)

    def _activated(self, index: QModelIndex) -> None:
        vid = self.model.id_at(index.row())
        if vid is not None:
            self.activated.emit(vid)

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)


class AddMembersDialog(QDialog):
    """Search the register, gather volunteers in a list (across several searches), add them at once."""

    def __init__(self, ctx: AppContext, team_id: int, team_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team_id = team_id
        self.added = 0
        self.setWindowTitle(self.tr("Add members to {team}").format(team=team_name))
        self.resize(900, 560)
        self.register = VolunteerSearchList(ctx, VolunteerQuery(status="active"))
        self.register.activated.connect(lambda vid: self.choose([vid]))
        self.choose_button = QPushButton(self.tr("Choose ›"))
        self.choose_button.setToolTip(self.tr("Put the selected volunteers on the list to add"))
        self.choose_button.clicked.connect(lambda: self.choose(self.register.selected_ids()))
        self.unchoose_button = QPushButton(self.tr("‹ Take off"))
        self.unchoose_button.clicked.connect(self.unchoose)
        self.chosen_model = QStandardItemModel(self)
        self.chosen = QListView()
        self.chosen.setModel(self.chosen_model)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("sectionTitle")
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()

        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.choose_button)
        middle.addWidget(self.unchoose_button)
        middle.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.chosen_label)
        right.addWidget(self.chosen, 1)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.register, 3)
        row.addLayout(middle)
        row.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("Add to team"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("primaryButton")
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Select several with Ctrl or Shift, then Choose. Search again to gather more."))
        hint.setObjectName("fieldHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addLayout(row, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._count_chosen()

    def chosen_ids(self) -> list[int]:
        return [self.chosen_model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.chosen_model.rowCount())]

    def choose(self, volunteer_ids: list[int]) -> None:
        present = set(self.chosen_ids())
        for vid in volunteer_ids:
            if vid in present:
                continue
            row = self.register.model.row_of_id(vid)
            item = self.register.model.row_at(row) if row is not None else None
            name = item.name if item is not None else ""
            entry = QStandardItem(self.tr("{name} (No. {id})").format(name=name, id=vid))
            entry.setData(vid, Qt.ItemDataRole.UserRole)
            self.chosen_model.appendRow(entry)
            present.add(vid)
        self._count_chosen()

    def unchoose(self) -> None:
        for index in sorted(self.chosen.selectionModel().selectedRows(), key=lambda i: -i.row()):
            self.chosen_model.removeRow(index.row())
        self._count_chosen()

    def _count_chosen(self) -> None:
        n = self.chosen_model.rowCount()
        self.chosen_label.setText(self.tr("To add: {n}").format(n=n))
        self.add_button.setEnabled(n > 0)

    def add(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            return
        try:
            with self.ctx.database.uow() as s:
                self.added = teams.add_members(s, self.ctx.actor, self.team_id, ids)
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()


class MoveMembersDialog(QDialog):
    """Pick the team the selected members move to (typing filters the list)."""

    def __init__(
        self, ctx: AppContext, from_team: int, volunteer_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.from_team = from_team
        self.volunteer_ids = volunteer_ids
        self.moved = 0
        self.setWindowTitle(self.tr("Move members"))
        self.setMinimumWidth(420)
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        with ctx.database.reader() as s:
            for row in teams.list_teams(s, TeamQuery(), 0, TEAM_CHOICES):
                if row.id != from_team:
                    self.team.addItem(row.name, row.id)
        completer = self.team.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.move_button = self.buttons.addButton(self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.move_button.setObjectName("primaryButton")
        self.move_button.setEnabled(self.team.count() > 0)
        self.buttons.accepted.connect(self.move)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(QLabel(self.tr("Move {n} members to:").format(n=len(volunteer_ids))))
        layout.addWidget(self.team)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose_team(self, team_id: int) -> None:
        self.team.setCurrentIndex(self.team.findData(team_id))

    def move(self) -> None:
        text = self.team.currentText().strip()
        index = self.team.currentIndex()
        if index < 0 or self.team.itemText(index) != text:  # typed, not picked: the first of that name
            index = self.team.findText(text)
        to_team = self.team.itemData(index) if index >= 0 else None
        if to_team is None:
            self.message.setText(self.tr("Choose a team from the list."))
            self.message.show()
            return
        try:
            with self.ctx.database.uow() as s:
                self.moved = teams.move_members(s, self.ctx.actor, self.from_team, to_team, self.volunteer_ids)
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()
