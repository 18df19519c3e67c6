"""The Events page: the month/week calendar, and a list by period (today, week, month, all) with search."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.services import events
from desktop.services.events import EventQuery
from desktop.ui.calendar import CalendarPage
from desktop.ui.context import AppContext
from desktop.ui.models.event_model import EventModel
from desktop.ui.pages.base import Page
from desktop.ui.widgets import SearchBox, make_table

PERIODS = ("today", "week", "month", "all")


def period_bounds(period: str, today: date):
    """The UTC start and end of a local period containing `today`; (None, None) for all time."""
    if period == "today":
        first, last = today, today
    elif period == "week":
        first = today - timedelta(days=today.weekday())  # weeks start on Monday in China
        last = first + timedelta(days=6)
    elif period == "month":
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    else:
        return None, None
    return events.local_day_bounds(first)[0], events.local_day_bounds(last)[1]


class EventsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Events"), parent=parent)
        self.period = QComboBox()
        for key, text in zip(
            PERIODS, (self.tr("Today"), self.tr("This week"), self.tr("This month"), self.tr("All events"))
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(PERIODS.index("month"))
        start, end = period_bounds("month", date.today())
        self.model = EventModel(ctx.database, EventQuery(start=start, end=end))
        self.period.currentIndexChanged.connect(self._period_changed)

        self.search = SearchBox(self.tr("Search events by title or place"))
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.period)
        self.table = make_table(self.model)
        listing = QWidget()
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 8, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(self._print_buttons())

        self.calendar = CalendarPage(ctx.database, ctx.actor)
        self.views = QTabWidget()
        self.views.addTab(self.calendar, self.tr("Calendar"))
        self.views.addTab(listing, self.tr("List"))
        self.body.addWidget(self.views, 1)
        # One editor for both views: the calendar page owns it, the list opens events through it.
        self.calendar.eventsChanged.connect(self.model.refresh)
        self.calendar.eventsChanged.connect(self.data_changed)
        self.table.doubleClicked.connect(self._open_row)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def _print_buttons(self) -> QHBoxLayout:
        """Print what an event needs from its row: the sign-in sheet, cards, the attendance report."""
        row = QHBoxLayout()
        row.addStretch(1)
        self.print_buttons: dict[str, QPushButton] = {}
        for kind, text in (
            ("signin_sheet", self.tr("Sign-in sheet")),
            ("cards", self.tr("Volunteer cards")),
            ("attendance", self.tr("Attendance report")),
        ):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, kind=kind: self.print_selected(kind))
            self.print_buttons[kind] = button
            row.addWidget(button)
        allowed = self.ctx.actor.can("printing")
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: [b.setEnabled(allowed and self.selected_event() is not None) for b in self.print_buttons.values()]
        )
        return row

    def selected_event(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def print_selected(self, kind: str):
        from desktop.ui.printing import open_print_preview

        event_id = self.selected_event()
        if event_id is not None:
            return open_print_preview(self, kind, event_id=event_id)
        return None

    def _open_row(self, index) -> None:
        event_id = self.model.id_at(index.row())
        if event_id is not None:
            self.calendar.open_event(event_id)

    def _period_changed(self) -> None:
        start, end = period_bounds(self.period.currentData(), date.today())
        self.model.update_query(start=start, end=end)

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} events").format(n=f"{self.model.total():,}"))

    def refresh(self) -> None:
        # "Today" moves on if the window stays open overnight.
        self._period_changed()
        self.calendar.reload()
