"""The Teams page: volunteer teams with their category, leader and member count."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from desktop.models import SERVICE_CATEGORIES
from desktop.services import teams
from desktop.ui.context import AppContext
from desktop.ui.models.team_model import TeamModel
from desktop.ui.pages.base import Page
from desktop.ui.style import icon
from desktop.ui.widgets import SearchBox, make_table


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
        filters.addWidget(self.category)
        self.body.addLayout(filters)

        self.table = make_table(self.model)
        self.body.addWidget(self.table, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} teams").format(n=f"{self.model.total():,}"))

    def refresh(self) -> None:
        self.model.refresh()

    def new_team(self) -> None:
        from desktop.ui.dialogs.team_form import NewTeamDialog

        dialog = NewTeamDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._created(dialog))
        self._dialog = dialog
        dialog.open()

    def _created(self, dialog) -> None:
        self.model.refresh()
        row = self.model.row_of_id(dialog.created_id)
        if row is not None:
            self.table.selectRow(row)
        self.status_message.emit(self.tr("Team {name} created.").format(name=dialog.created_name))
        self.data_changed.emit()
