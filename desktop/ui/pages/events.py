"""The Events page: the month/week calendar, and a list by period (today, week, month, all or chosen
days), station and status, with search."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import events
from desktop.services.events import EventQuery
from desktop.ui.calendar import CalendarPage
from desktop.ui.context import AppContext
from desktop.ui.models.event_model import EventModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.filter_note import FilterNote, choose, enter, period_text
from desktop.ui.pages.station_choice import StationChoice
from desktop.ui.widgets import SearchBox, make_table

PERIODS = ("today", "week", "month", "all")
CUSTOM = "custom"  # the period is the two date fields
# The EventQuery fields the filter widgets show, i.e. what show_filtered can be asked for.
FILTER_KEYS = ("search", "start", "end", "station_id", "status")


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


def local_days(start: datetime, end: datetime) -> tuple[date, date]:
    """The local days from `start` up to `end` (exclusive), both included: period_bounds' inverse."""
    tz = events.local_tz()
    return start.astimezone(tz).date(), (end.astimezone(tz) - timedelta(microseconds=1)).date()


class EventsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Events"), parent=parent)
        self._quiet = False  # set while show_filtered sets several filters as one
        self.search = SearchBox(self.tr("Search events by title or place"))
        self.search.search.connect(self._filters_changed)
        self.station = StationChoice(ctx.database)
        self.station.currentIndexChanged.connect(self._filters_changed)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("All but cancelled"), events.NOT_CANCELLED)
        for key in events.STATUS_LABELS:
            self.status.addItem(events.status_label(key), key)
        self.status.currentIndexChanged.connect(self._filters_changed)
        self.period = QComboBox()
        for key, text in zip(
            PERIODS, (self.tr("Today"), self.tr("This week"), self.tr("This month"), self.tr("All events"))
        ):
            self.period.addItem(text, key)
        self.period.addItem(self.tr("Chosen days…"), CUSTOM)
        self.period.setCurrentIndex(PERIODS.index("month"))
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.currentIndexChanged.connect(self._period_chosen)
        first, last = local_days(*period_bounds("month", date.today()))
        self.first_day = self._date_edit(first)
        self.last_day = self._date_edit(last)
        self.dash = QLabel("–")
        self.days = QWidget()
        self._show_days()
        self.model = EventModel(ctx.database, EventQuery(**self.query_changes()))

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.station)
        filters.addWidget(self.status)
        filters.addWidget(self.period)
        # The chosen days on a line of their own, under the period: one line would squeeze the
        # search box to nothing in a window of the smallest size.
        days = QHBoxLayout(self.days)
        days.setContentsMargins(0, 0, 0, 0)
        days.setSpacing(6)
        days.addStretch(1)
        for widget in (self.first_day, self.dash, self.last_day):
            days.addWidget(widget)
        self.note = FilterNote()
        self.note.show_all.connect(lambda: self.show_filtered({}, note=False))
        self.table = make_table(self.model)
        listing = QWidget()
        box = QVBoxLayout(listing)
        box.setContentsMargins(0, 8, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.days)
        box.addWidget(self.note)
        box.addWidget(self.table, 1)
        box.addLayout(self._print_buttons())

        self.calendar = CalendarPage(ctx.database, ctx.actor)
        self.views = QTabWidget()
        self.views.addTab(self.calendar, self.tr("Calendar"))
        self.views.addTab(listing, self.tr("List"))
        self.listing = listing
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

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} events").format(n=f"{self.model.total():,}"))

    def refresh(self) -> None:
        # "Today" moves on if the window stays open overnight.
        self.load_stations()
        self.apply_filters()
        self.calendar.reload()

    # --- filters -------------------------------------------------------------------------------

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self._filters_changed)
        return edit

    def load_stations(self) -> None:
        self.station.load()

    def _show_days(self) -> None:
        self.days.setVisible(self.period.currentData() == CUSTOM)

    def _period_chosen(self, *_args: Any) -> None:
        self._show_days()
        self._filters_changed()

    def _filters_changed(self, *_args: Any) -> None:
        if self._quiet:
            return
        self.note.hide()
        self.apply_filters()

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The UTC instants the period widgets mean: a preset, or whole local days between two dates."""
        key = self.period.currentData()
        if key != CUSTOM:
            return period_bounds(key, date.today())
        first, last = sorted((self.first_day.date().toPython(), self.last_day.date().toPython()))
        return events.local_day_bounds(first)[0], events.local_day_bounds(last)[1]

    def query_changes(self) -> dict[str, Any]:
        """The EventQuery fields the filter widgets set."""
        start, end = self.bounds()
        return {
            "search": self.search.text().strip(),
            "start": start,
            "end": end,
            "station_id": self.station.currentData(),
            "status": self.status.currentData(),
        }

    def apply_filters(self) -> None:
        """The list as the filter widgets say."""
        self.station.show_if_useful()
        self.model.update_query(**self.query_changes())

    def show_filtered(self, filters: dict[str, Any], *, note: bool = True) -> None:
        """The events another page asks for (EventQuery field names; a period of whole local days),
        on the list tab, shown in the filter widgets, every other filter cleared, with a note."""
        unknown = sorted(set(filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"the event list has no filter for {', '.join(unknown)}")
        start, end = filters.get("start"), filters.get("end")
        if (start is None) != (end is None):
            raise ValueError("the event list filters by a period with both ends, or none")
        if filters.get("station_id") is not None:
            self.load_stations()  # a station made since the list was opened
        self._quiet = True
        try:
            enter(self.search, filters.get("search") or "")
            choose(self.station, filters.get("station_id"))
            choose(self.status, filters.get("status"))
            if start is not None and end is not None:
                first, last = local_days(start, end)
                self.first_day.setDate(QDate(first))
                self.last_day.setDate(QDate(last))
                choose(self.period, CUSTOM)
            else:
                choose(self.period, "all")
            self._show_days()
        finally:
            self._quiet = False
        self.views.setCurrentWidget(self.listing)
        self.note.hide()
        self.apply_filters()
        if note:
            self.note.show_note(*self._describe(filters))

    def _describe(self, filters: dict[str, Any]) -> tuple[str, list[str]]:
        status = filters.get("status")
        start, end = filters.get("start"), filters.get("end")
        details = [
            self.status.currentText() if status and status != "finished" else "",
            period_text(*local_days(start, end)) if start is not None and end is not None else "",
            self.station.currentText() if filters.get("station_id") is not None else "",
            self.tr("search “{text}”").format(text=filters["search"]) if filters.get("search") else "",
        ]
        if status == "finished":
            return self.tr("events held"), details
        return (self.tr("events") if any(details) else self.tr("all events")), details
