"""The Check-in page: today's events, each with a way into its check-in console."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.services import events
from desktop.ui.context import AppContext
from desktop.ui.models.event_model import EventModel
from desktop.ui.pages.base import Page
from desktop.ui.style import icon
from desktop.ui.widgets import make_table


class CheckinPage(Page):
    console_requested = Signal(int)  # an event id; the main window opens the console

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Check-in"), parent=parent)
        intro = QLabel(
            self.tr(
                "At the entrance of an event, the check-in console signs volunteers in and out "
                "when they show their card's QR code. Choose one of today's events to open it."
            )
        )
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.open_button = QPushButton(icon("scan-light"), self.tr("Open check-in console"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self._open_selected)
        self.header.actions.addWidget(self.open_button)

        self.model = EventModel(ctx.database, events.today_query())
        self.table = make_table(self.model)
        self.table.setColumnHidden(EventModel.column_number("category"), True)  # the day's view: when and where
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.model.modelReset.connect(self._update)
        self.empty = QLabel(self.tr("No events today."))
        self.empty.setObjectName("emptyNote")
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty)
        self._update()

    def _update(self) -> None:
        self.header.set_subtitle(self.tr("{n} events today").format(n=self.model.total()))
        self.empty.setVisible(self.model.total() == 0)
        if self.model.total() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self._update_button()

    def _update_button(self) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def refresh(self) -> None:
        self.model.set_query(events.today_query())  # "today" moves on overnight

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_row(rows[0].row())

    def _open_row(self, row: int) -> None:
        event_id = self.model.id_at(row)
        if event_id is not None:
            self.console_requested.emit(event_id)
