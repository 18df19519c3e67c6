"""The Teams page: teams by station and service category, and the chosen team's roster below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSplitter, QWidget

from desktop.models import SERVICE_CATEGORIES
from desktop.services import stations, teams
from desktop.ui.context import AppContext
from desktop.ui.models.team_model import TeamModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.team_roster import TeamRoster
from desktop.ui.style import icon
from desktop.ui.widgets import SearchBox, make_table

WIDTHS = {"id": 56, "name": 230, "category": 230, "leader": 90, "members": 84}


class TeamsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Teams"), parent=parent)
        self.model = TeamModel(ctx.database)
        self._dialog: QWidget | None = None

        self.new_button = QPushButton(icon("add-light"), self.tr("New team…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_team)
        self.new_button.setEnabled(ctx.actor.can("teams.edit"))
        self.header.actions.addWidget(self.new_button)

        self.search = SearchBox(self.tr("Search teams by name"))
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        self.station = QComboBox()
        self.station.setMinimumContentsLength(12)
        self.station.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.load_stations()
        self.station.currentIndexChanged.connect(
            lambda _i: self.model.update_query(station_id=self.station.currentData())
        )
        self.category = QComboBox()
        self.category.addItem(self.tr("All service categories"), None)
        for key in SERVICE_CATEGORIES:
            self.category.addItem(teams.category_label(key), key)
        self.category.currentIndexChanged.connect(
            lambda _i: self.model.update_query(category=self.category.currentData())
        )
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.station)
        filters.addWidget(self.category)
        self.body.addLayout(filters)

        self.table = make_table(self.model)
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(self.model.column_number(key), width)
        self.table.selectionModel().currentRowChanged.connect(self._team_chosen)
        self.roster = TeamRoster(ctx)
        self.roster.changed.connect(self._team_changed)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.table)
        self.split.addWidget(self.roster)
        self.split.setSizes([260, 400])
        self.body.addWidget(self.split, 1)
        self.model.modelReset.connect(self._model_reset)
        self._show_count()

    def load_stations(self) -> None:
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("All stations"), None)
        with self.ctx.database.reader() as s:
            for row in stations.list_stations(s):
                self.station.addItem(row.name, row.id)
        self.station.setCurrentIndex(max(self.station.findData(chosen), 0) if chosen is not None else 0)
        self.station.blockSignals(False)
        self.station.setVisible(self.station.count() > 2)  # one station: nothing to choose

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} teams").format(n=f"{self.model.total():,}"))

    def _model_reset(self) -> None:
        self._show_count()
        # The roster keeps its team while the list is searched or reloaded; its row is chosen again
        # if shown, which also brings the roster the team's new member count and leader.
        team = self.roster.team
        row = self.model.row_of_id(team.id) if team is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _team_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        team = self.model.row_at(current.row()) if current.isValid() else None
        if team is not None and team != self.roster.team:
            self.roster.show_team(team)

    def choose_team(self, team_id: int) -> None:
        row = self.model.row_of_id(team_id)
        if row is not None:
            self.table.selectRow(row)

    def _team_changed(self, team_id: int, message: str) -> None:
        self.model.refresh()  # member counts and the leader
        self.data_changed.emit()
        self.status_message.emit(message)

    def refresh(self) -> None:
        self.load_stations()
        self.model.refresh()
        self.roster.refresh()

    def new_team(self) -> None:
        from desktop.ui.dialogs.team_form import TeamFormDialog

        dialog = TeamFormDialog(self.ctx, None, self)
        dialog.accepted.connect(lambda: self._created(dialog))
        self._dialog = dialog
        dialog.open()

    def _created(self, dialog) -> None:
        self.model.refresh()
        self.choose_team(dialog.created_id)
        self.status_message.emit(self.tr("Team {name} created.").format(name=dialog.created_name))
        self.data_changed.emit()
