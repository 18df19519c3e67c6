"""The Teams page: teams by station and service category, and the chosen team's roster below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSplitter, QWidget

from desktop.models import SERVICE_CATEGORIES
from desktop.services import teams
from desktop.ui.context import AppContext
from desktop.ui.models.team_model import TeamModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.filter_note import FilterNote, choose, enter
from desktop.ui.pages.station_choice import StationChoice
from desktop.ui.pages.team_roster import TeamRoster
from desktop.ui.style import icon
from desktop.ui.widgets import SearchBox, make_table

WIDTHS = {"id": 56, "name": 230, "category": 230, "leader": 90, "members": 84}
FILTER_KEYS = ("search", "station_id", "category")  # the TeamQuery fields the widgets show


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

        self._quiet = False  # set while show_filtered sets several filters as one
        self.search = SearchBox(self.tr("Search teams by name"))
        self.search.search.connect(self._filters_changed)
        self.station = StationChoice(ctx.database)
        self.station.currentIndexChanged.connect(self._filters_changed)
        self.category = QComboBox()
        self.category.addItem(self.tr("All service categories"), None)
        for key in SERVICE_CATEGORIES:
            self.category.addItem(teams.category_label(key), key)
        self.category.currentIndexChanged.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.station)
        filters.addWidget(self.category)
        self.body.addLayout(filters)
        self.note = FilterNote()
        self.note.show_all.connect(lambda: self.show_filtered({}, note=False))
        self.body.addWidget(self.note)

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
        self.station.load()

    def _filters_changed(self, *_args: Any) -> None:
        if self._quiet:
            return
        self.note.hide()
        self.apply_filters()

    def apply_filters(self) -> None:
        """The list as the filter widgets say."""
        self.station.show_if_useful()
        self.model.update_query(
            search=self.search.text().strip(),
            station_id=self.station.currentData(),
            category=self.category.currentData(),
        )

    def show_filtered(self, filters: dict[str, Any], *, note: bool = True) -> None:
        """The teams another page asks for (TeamQuery field names), shown in the filter widgets,
        every other filter cleared, with a note saying so above the list."""
        unknown = sorted(set(filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"the team list has no filter for {', '.join(unknown)}")
        if filters.get("station_id") is not None:
            self.load_stations()  # a station made since the list was opened
        self._quiet = True
        try:
            enter(self.search, filters.get("search") or "")
            choose(self.station, filters.get("station_id"))
            choose(self.category, filters.get("category"))
        finally:
            self._quiet = False
        self.note.hide()
        self.apply_filters()
        if note:
            self.note.show_note(*self._describe(filters))

    def _describe(self, filters: dict[str, Any]) -> tuple[str, list[str]]:
        details = [
            self.station.currentText() if filters.get("station_id") is not None else "",
            self.category.currentText() if filters.get("category") else "",
            self.tr("search “{text}”").format(text=filters["search"]) if filters.get("search") else "",
        ]
        return (self.tr("teams") if any(details) else self.tr("all teams")), details

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
