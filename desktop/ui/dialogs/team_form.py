"""The team form: name, service category, station, description; the leader (chosen from the members)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import SERVICE_CATEGORIES
from desktop.services import stations, teams, volunteers
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.teams import TeamInput
from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.dialogs.team_members import VolunteerSearchList
from desktop.ui.forms import ErrorForm, save_and_cancel

LEADER_LIST_HEIGHT = 190
LEADER_COLUMNS = {"id": 60, "name": 100, "phone": 110, "stars": 70}


class TeamFormDialog(QDialog):
    """A new team when `team_id` is None (its leader typed as a volunteer number, who joins the
    team), else the edit form, where the leader is picked from the team's own members."""

    def __init__(self, ctx: AppContext, team_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team_id = team_id
        self.created_id: int | None = None
        self.created_name = ""
        self.leader_id: int | None = None
        self.setWindowTitle(self.tr("New team") if team_id is None else self.tr("Edit team"))
        self.setMinimumWidth(520)
        self.form = ErrorForm()
        self.name = self.form.add_field("name", self.tr("Team name"), QLineEdit())
        self.category = QComboBox()
        for key in SERVICE_CATEGORIES:
            self.category.addItem(teams.category_label(key), key)
        self.form.add_field("category", self.tr("Service category"), self.category)
        self.station = QComboBox()
        with ctx.database.reader() as s:
            for row in stations.list_stations(s):
                self.station.addItem(row.name, row.id)
            home = stations.home_station_id(s)
        self.station.setCurrentIndex(max(self.station.findData(home), 0))
        self.form.add_field("station_id", self.tr("Station"), self.station)
        self.leader = QLineEdit()
        self.leader_list: VolunteerSearchList | None = None
        self.leader_name = QLabel()
        if team_id is None:
            self.leader.setPlaceholderText(self.tr("Volunteer No. (optional)"))
            self.form.add_field("leader_id", self.tr("Leader"), self.leader)
        else:
            self.form.add_field("leader_id", self.tr("Leader"), self._leader_chooser(team_id))
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(72)
        self.form.add_field("description", self.tr("Description"), self.description)
        self.buttons = save_and_cancel(self, self.form, self.save)
        if team_id is not None:
            self._load(team_id)

    def _leader_chooser(self, team_id: int) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.leader_name.setObjectName("sectionTitle")
        self.leader_list = VolunteerSearchList(
            self.ctx, VolunteerQuery(team_id=team_id, sort="name"), multiple=False, columns=LEADER_COLUMNS
        )
        self.leader_list.search.setPlaceholderText(self.tr("Search the team's members"))
        self.leader_list.table.setFixedHeight(LEADER_LIST_HEIGHT)
        self.leader_list.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.choose_leader(self.leader_list.model.id_at(current.row()))
        )
        no_leader = QPushButton(self.tr("No leader"))
        no_leader.clicked.connect(lambda: self.choose_leader(None))
        column.addWidget(self.leader_name)
        column.addWidget(self.leader_list)
        column.addWidget(no_leader)
        return box

    def choose_leader(self, volunteer_id: int | None) -> None:
        self.leader_id = volunteer_id
        if volunteer_id is None:
            self.leader_name.setText(self.tr("No leader"))
            if self.leader_list is not None:
                self.leader_list.table.clearSelection()
            return
        with self.ctx.database.reader() as s:
            rows = volunteers.list_volunteers(s, VolunteerQuery(ids=[volunteer_id]), 0, 1)
        name = rows[0].name if rows else "?"
        self.leader_name.setText(self.tr("Leader: {name} (No. {id})").format(name=name, id=volunteer_id))

    def _load(self, team_id: int) -> None:
        try:
            with self.ctx.database.reader() as s:
                data = teams.get_team(s, team_id)
        except ServiceError as exc:
            self.form.show_message(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.name.setText(data.name)
        self.category.setCurrentIndex(max(self.category.findData(data.category), 0))
        if data.station_id is not None:
            self.station.setCurrentIndex(max(self.station.findData(data.station_id), 0))
        self.description.setPlainText(data.description)
        self.choose_leader(data.leader_id)

    def save(self) -> None:
        if self.team_id is None:
            leader_text = self.leader.text().strip()
            if leader_text and not leader_text.isdigit():
                self.form.show_errors({"leader_id": self.tr("Type the leader's volunteer number, e.g. 42.")})
                return
            leader_id = int(leader_text) if leader_text else None
        else:
            leader_id = self.leader_id
        data = TeamInput(
            name=self.name.text(),
            category=self.category.currentData(),
            station_id=self.station.currentData(),
            leader_id=leader_id,
            description=self.description.toPlainText().strip(),
        )
        try:
            with self.ctx.database.uow() as s:
                if self.team_id is None:
                    self.created_id = teams.create_team(s, self.ctx.actor, data)
                else:
                    teams.update_team(s, self.ctx.actor, self.team_id, data)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.created_name = " ".join(self.name.text().split())
        self.accept()


NewTeamDialog = TeamFormDialog  # the name the first version of the page used
