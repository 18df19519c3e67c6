"""The Volunteers page: the whole register as a paged table with filters, and the record beside it."""

from __future__ import annotations

import importlib.util
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.filter_note import FilterNote
from desktop.ui.pages.volunteer_filters import VolunteerFilters
from desktop.ui.pages.volunteer_pane import PANE_WIDTH, VolunteerPane
from desktop.ui.style import icon
from desktop.ui.widgets import make_table, set_column_width

IMPORT_DIALOG_MODULE = "desktop.ui.import_dialog"
# The pane shows these; the list leaves them out, and is narrower, so that it fits beside the pane.
HIDDEN_COLUMNS = ("gender", "card_code")
WIDTHS = {"id": 56, "name": 80, "id_number": 162, "phone": 104, "status": 60, "registered_on": 94, "hours": 70, "stars": 64}


def import_dialog_available() -> bool:
    """Whether the roster import dialog is installed, found without importing it (start-up stays fast)."""
    return importlib.util.find_spec(IMPORT_DIALOG_MODULE) is not None


class VolunteersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Volunteers"), parent=parent)
        self.model = VolunteerModel(ctx.database)
        self._dialog: QWidget | None = None

        self.duplicates_button = QPushButton(self.tr("Find duplicates…"))
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self.duplicates_button.setVisible(ctx.actor.can("volunteers.edit"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the list as it is filtered to Excel or CSV"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(ctx.actor.can("export"))
        self.import_button = QPushButton(icon("import"), self.tr("Import roster…"))
        self.import_button.clicked.connect(self.import_roster)
        self.import_button.setEnabled(import_dialog_available() and ctx.actor.can("volunteers.import"))
        self.new_button = QPushButton(icon("add-light"), self.tr("New volunteer…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_volunteer)
        self.new_button.setEnabled(ctx.actor.can("volunteers.edit"))
        for button in (self.duplicates_button, self.export_button, self.import_button, self.new_button):
            self.header.actions.addWidget(button)

        self.filters = VolunteerFilters(ctx)
        self.search = self.filters.search
        self.status = self.filters.status
        self.filters.searched.connect(self._searched)
        self.filters.changed.connect(self._filters_changed)
        self.body.addWidget(self.filters)
        self.note = FilterNote()
        self.note.show_all.connect(self.show_all)
        self.body.addWidget(self.note)

        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self.open_detail)
        for key in HIDDEN_COLUMNS:
            self.table.setColumnHidden(self.model.column_number(key), True)
        for key, width in WIDTHS.items():
            number = self.model.column_number(key)
            set_column_width(self.table, number, self.model.COLUMNS[number], width)
        self.no_rows = QLabel()
        self.no_rows.setObjectName("emptyNote")
        self.no_rows.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_rows.setWordWrap(True)
        overlay = QVBoxLayout(self.table.viewport())
        overlay.addWidget(self.no_rows, 0, Qt.AlignmentFlag.AlignCenter)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.pane = VolunteerPane(ctx)
        self.pane.changed.connect(self._record_changed)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.table)
        self.split.addWidget(self.pane)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setSizes([10_000, PANE_WIDTH])
        self.body.addWidget(self.split, 1)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def _show_count(self) -> None:
        n = f"{self.model.total():,}"
        filtered = self.filters.is_filtered() or bool(self.model.query().search)
        if filtered:
            self.header.set_subtitle(self.tr("{n} volunteers found").format(n=n))
            self.no_rows.setText(self.tr("No volunteer matches. Try fewer letters or clear the filters."))
        else:
            self.header.set_subtitle(self.tr("{n} volunteers").format(n=n))
            self.no_rows.setText(self.tr("No volunteers yet: register one, or import your roster."))
        self.no_rows.setVisible(self.model.total() == 0)

    def _searched(self, text: str) -> None:
        self.note.hide()
        self.model.update_query(search=text)

    def _filters_changed(self) -> None:
        self.note.hide()
        self.apply_filters()

    def apply_filters(self) -> None:
        """The list as the filter widgets say, the search box included."""
        with self.ctx.database.reader() as s:
            changes = self.filters.query_changes(s)
        self.model.update_query(search=self.search.text().strip(), **changes)

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """The list another page asks for (VolunteerQuery field names), shown in the filter widgets,
        every other filter cleared, with a note saying so above the list."""
        self.filters.show_only(filters)  # its `changed` runs the query
        self.note.show_note(*self.filters.describe(filters))

    def show_all(self) -> None:
        self.filters.show_only({})

    def refresh(self) -> None:
        self.filters.load_teams()
        self.filters.load_stations()
        self.model.refresh()
        self.pane.reload()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        volunteer_id = self.model.id_at(current.row()) if current.isValid() else None
        if volunteer_id is not None:
            self.pane.show_volunteer(volunteer_id)

    def show_volunteer(self, volunteer_id: int) -> None:
        """Show this volunteer in the pane and select the row if it is among the rows read."""
        row = self.model.row_of_id(volunteer_id)
        if row is not None:
            self.table.selectRow(row)
        self.pane.show_volunteer(volunteer_id)

    def _record_changed(self, volunteer_id: int) -> None:
        self.model.refresh()
        row = self.model.row_of_id(volunteer_id)
        if row is not None:
            self.table.selectRow(row)
        self.data_changed.emit()

    def open_detail(self, index: QModelIndex) -> None:
        volunteer_id = self.model.id_at(index.row())
        if volunteer_id is None:
            return
        from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

        self._dialog = VolunteerDetailDialog(self.ctx, volunteer_id, self)
        self._dialog.open()

    def new_volunteer(self) -> None:
        from desktop.ui.dialogs.volunteer_form import VolunteerFormDialog

        dialog = VolunteerFormDialog(self.ctx, None, self)
        dialog.accepted.connect(lambda: self._created(dialog))
        self._dialog = dialog
        dialog.open()

    def _created(self, dialog) -> None:
        self.model.refresh()
        self.show_volunteer(dialog.created_id)
        self.status_message.emit(
            self.tr("Registered {name} as volunteer No. {id}.").format(name=dialog.created_name, id=dialog.created_id)
        )
        self.data_changed.emit()

    def export(self) -> None:
        from desktop.ui.dialogs.export_volunteers import ExportVolunteersDialog

        query = self.model.query()
        filtered = self.filters.is_filtered() or bool(query.search)
        dialog = ExportVolunteersDialog(self.ctx, query, self.model.total(), filtered, self)
        dialog.exported.connect(
            lambda path, rows: self.status_message.emit(
                self.tr("Exported {n} volunteers to {file}.").format(n=rows, file=path)
            )
        )
        self._dialog = dialog
        dialog.open()

    def find_duplicates(self) -> None:
        from desktop.ui.dialogs.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self.ctx, self)
        dialog.merged.connect(self._merged)
        self._dialog = dialog
        dialog.open()

    def _merged(self, kept: int, removed: int) -> None:
        self.model.refresh()
        if self.pane.volunteer_id == removed:
            self.pane.show_volunteer(kept)
        self.status_message.emit(
            self.tr("Merged volunteer No. {removed} into No. {kept}.").format(removed=removed, kept=kept)
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
        self.refresh()
        self.data_changed.emit()
