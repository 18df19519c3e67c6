"""The Volunteers page: the whole register as a paged table, search as you type, a status filter."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QPushButton, QWidget

from desktop.services import volunteers
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.pages.base import Page
from desktop.ui.style import icon
from desktop.ui.widgets import SearchBox, make_table

IMPORT_DIALOG_MODULE = "desktop.ui.import_dialog"


def import_dialog_available() -> bool:
    """Whether the roster import dialog is installed, found without importing it (start-up stays fast)."""
    return importlib.util.find_spec(IMPORT_DIALOG_MODULE) is not None


class VolunteersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Volunteers"), parent=parent)
        self.model = VolunteerModel(ctx.database)
        self._dialog: QWidget | None = None

        self.import_button = QPushButton(icon("import"), self.tr("Import roster…"))
        self.import_button.clicked.connect(self.import_roster)
        self.import_button.setEnabled(import_dialog_available() and ctx.actor.can("volunteers.import"))
        self.new_button = QPushButton(icon("add-light"), self.tr("New volunteer…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_volunteer)
        self.new_button.setEnabled(ctx.actor.can("volunteers.edit"))
        self.header.actions.addWidget(self.import_button)
        self.header.actions.addWidget(self.new_button)

        self.search = SearchBox(self.tr("Search by name, pinyin initials, phone, ID tail or card code"))
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key in volunteers.STATUS_LABELS:
            self.status.addItem(volunteers.label(volunteers.STATUS_LABELS, key), key)
        self.status.currentIndexChanged.connect(
            lambda _i: self.model.update_query(status=self.status.currentData())
        )
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        self.body.addLayout(filters)

        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self.open_detail)
        self.body.addWidget(self.table, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} volunteers found").format(n=f"{self.model.total():,}"))

    def refresh(self) -> None:
        self.model.refresh()

    def open_detail(self, index: QModelIndex) -> None:
        volunteer_id = self.model.id_at(index.row())
        if volunteer_id is None:
            return
        from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

        self._dialog = VolunteerDetailDialog(self.ctx, volunteer_id, self)
        self._dialog.open()

    def new_volunteer(self) -> None:
        from desktop.ui.dialogs.volunteer_form import NewVolunteerDialog

        dialog = NewVolunteerDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._created(dialog))
        self._dialog = dialog
        dialog.open()

    def _created(self, dialog) -> None:
        self.model.refresh()
        row = self.model.row_of_id(dialog.created_id)
        if row is not None:
            self.table.selectRow(row)
        self.status_message.emit(
            self.tr("Registered {name} as volunteer No. {id}.").format(name=dialog.created_name, id=dialog.created_id)
        )
        self.data_changed.emit()

    def import_roster(self) -> None:
        try:
            from desktop.ui.import_dialog import ImportDialog
        except ImportError:
            self.import_button.setEnabled(False)
            QMessageBox.information(self, self.tr("Import roster"), self.tr("Importing rosters is not available."))
            return
        ImportDialog(self.ctx.database, self.ctx.actor, self).exec()
        self.model.refresh()
        self.data_changed.emit()
