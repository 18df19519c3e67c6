"""One team's roster under the team list: its members paged from SQL; add, remove, move, edit the team."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import teams
from desktop.services.errors import ServiceError
from desktop.services.teams import TeamRow
from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.dialogs.team_members import selected_ids
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.printing import open_print_preview, print_menu_button
from desktop.ui.widgets import SearchBox, make_table

NOBODY = [-1]  # no team chosen: a query that matches no volunteer
HIDDEN = ("id_number", "card_code")


class TeamRoster(QWidget):
    changed = Signal(int, str)  # the team whose members or details changed, and what was done

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team: TeamRow | None = None
        self._dialog: QWidget | None = None
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.leader = QLabel()
        self.leader.setObjectName("pageSubtitle")
        self.search = SearchBox(self.tr("Search this team's members"))
        self.search.setMaximumWidth(320)
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        can_edit = ctx.actor.can("teams.edit")
        self.add_button = QPushButton(self.tr("Add members…"))
        self.add_button.clicked.connect(self.add_members)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected volunteers off this team; their records stay"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.move_button = QPushButton(self.tr("Move to…"))
        self.move_button.setToolTip(self.tr("Move the selected volunteers to another team"))
        self.move_button.clicked.connect(self.move_selected)
        self.edit_button = QPushButton(self.tr("Edit team…"))
        self.edit_button.clicked.connect(self.edit_team)
        self.actions = (self.add_button, self.remove_button, self.move_button, self.edit_button)
        for button in self.actions:
            button.setVisible(can_edit)
        self.print_button = print_menu_button(
            self,
            ((self.tr("Team roster"), "roster"), (self.tr("Volunteer cards"), "cards"),
             (self.tr("Service certificates"), "certificate")),
            lambda kind: open_print_preview(self, kind, team_id=self.team.id) if self.team else None,
        )
        self.print_button.setVisible(ctx.actor.can("printing"))

        self.model = VolunteerModel(ctx.database, VolunteerQuery(ids=NOBODY, sort="name"))
        self.table = make_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for key in HIDDEN:
            self.table.setColumnHidden(self.model.column_number(key), True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.leader)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addLayout(heading, 1)
        bar.addWidget(self.search, 1)
        for button in self.actions:
            bar.addWidget(button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.show_team(None)

    def show_team(self, team: TeamRow | None) -> None:
        self.team = team
        if team is None:
            self.title.setText(self.tr("Choose a team above to see its members."))
            self.leader.setText("")
            self.model.update_query(ids=NOBODY, team_id=None)
        else:
            self.title.setText(self.tr("Members of {team}").format(team=team.name))
            self.leader.setText(
                self.tr("Leader: {name}").format(name=team.leader) if team.leader else self.tr("No leader")
            )
            self.model.update_query(ids=[], team_id=team.id)
        self._enable()

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.add_button.setEnabled(self.team is not None)
        self.edit_button.setEnabled(self.team is not None)
        self.print_button.setEnabled(self.team is not None)
        self.remove_button.setEnabled(self.team is not None and chosen)
        self.move_button.setEnabled(self.team is not None and chosen)
        self.search.setEnabled(self.team is not None)

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def refresh(self) -> None:
        self.model.refresh()

    # --- actions ---------------------------------------------------------------------------

    def add_members(self) -> None:
        if self.team is None:
            return
        from desktop.ui.dialogs.team_members import AddMembersDialog

        dialog = AddMembersDialog(self.ctx, self.team.id, self.team.name, self)
        dialog.accepted.connect(
            lambda: self._changed(
                self.tr("Added {n} volunteers to {team}.").format(n=dialog.added, team=self.team.name if self.team else "")
            )
        )
        self._dialog = dialog
        dialog.open()

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if self.team is None or not ids:
            return
        title = self.tr("Remove members")
        answer = QMessageBox.question(
            self, title,
            self.tr("Take {n} volunteers off {team}? Their records and hours stay.").format(n=len(ids), team=self.team.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.database.uow() as s:
                teams.remove_members(s, self.ctx.actor, self.team.id, ids)
        except ServiceError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self._changed(self.tr("Took {n} volunteers off {team}.").format(n=len(ids), team=self.team.name))

    def move_selected(self) -> None:
        ids = self.selected_ids()
        if self.team is None or not ids:
            return
        from desktop.ui.dialogs.team_members import MoveMembersDialog

        dialog = MoveMembersDialog(self.ctx, self.team.id, ids, self)
        dialog.accepted.connect(
            lambda: self._changed(
                self.tr("Moved {n} volunteers to {team}.").format(n=dialog.moved, team=dialog.team.currentText())
            )
        )
        self._dialog = dialog
        dialog.open()

    def edit_team(self) -> None:
        if self.team is None:
            return
        from desktop.ui.dialogs.team_form import TeamFormDialog

        dialog = TeamFormDialog(self.ctx, self.team.id, self)
        dialog.accepted.connect(
            lambda: self._changed(self.tr("Team {name} saved.").format(name=dialog.created_name))
        )
        self._dialog = dialog
        dialog.open()

    def _changed(self, message: str) -> None:
        self.model.refresh()
        if self.team is not None:
            self.changed.emit(self.team.id, message)
