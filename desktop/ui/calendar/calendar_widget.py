"""The calendar with its toolbar: month and week views of the same events, paging, and drag-to-move.

Self-contained: give it the database and the acting staff member. It reads events through
services.events and saves a drag through services.events.move_event, asking for a reason when
the move would double-book; it never holds ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.models import SERVICE_CATEGORIES
from desktop.services import events, teams
from desktop.services.conflicts import ConflictItem, ConflictsFound
from desktop.services.errors import ServiceError
from desktop.services.events import EventQuery
from desktop.services.permissions import Actor
from desktop.ui.calendar import palette
from desktop.ui.calendar.entries import Entry, by_day
from desktop.ui.calendar.month_view import MonthView
from desktop.ui.calendar.week_view import WeekView
from desktop.ui.conflicts_dialog import ConflictDialog

MODES = ("month", "week")
NEW_EVENT_HOUR = 9


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pixmap)


class EventCalendar(QWidget):
    """Month and week views. Signals: `eventActivated(id)` on a double-click, `newEventRequested
    (naive local datetime)` on a double-click in an empty day or slot, `eventsChanged()` after a
    drag saved a move, `modeChanged(str)` and `dateChanged(date)`."""

    eventActivated = Signal(int)
    newEventRequested = Signal(object)
    eventsChanged = Signal()
    modeChanged = Signal(str)
    dateChanged = Signal(object)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.mode = "month"
        self.anchor = date.today()
        self.query = EventQuery()
        self.entries: list[Entry] = []
        # Replaced in tests; in the window it is the modal conflict dialog.
        self.ask_override: Callable[[QWidget, list[ConflictItem]], str | None] = ConflictDialog.ask
        self.show_error: Callable[[str, str], object] = lambda title, text: QMessageBox.warning(self, title, text)

        self.month_view = MonthView()
        self.week_view = WeekView()
        self.week_view.grid.can_move = actor.can("events.edit")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_view)
        self.stack.addWidget(self.week_view)

        self.prev_button = QPushButton("‹")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button = QPushButton("›")
        self.next_button.setToolTip(self.tr("Next"))
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(40)
        self.today_button = QPushButton(self.tr("Today"))
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600; padding-left: 8px;")
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for key in SERVICE_CATEGORIES:
            self.category.addItem(_dot(palette.CATEGORY_COLOURS[key]), teams.category_label(key), key)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.month_button = QPushButton(self.tr("Month"))
        self.week_button = QPushButton(self.tr("Week"))
        self.mode_group = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            button.setObjectName("choiceButton")
            self.mode_group.addButton(button)
        self.month_button.setChecked(True)
        self.actions = QHBoxLayout()  # room for the page's own buttons (New event, templates)
        self.actions.setSpacing(8)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.category)
        bar.addSpacing(8)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        bar.addSpacing(8)
        bar.addLayout(self.actions)
        self.summary = QLabel()
        self.summary.setObjectName("fieldHint")
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        frame = QWidget()
        frame.setObjectName("calendarFrame")
        frame.setStyleSheet("#calendarFrame { border: 1px solid #e3e6eb; border-radius: 8px; background: #ffffff; }")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(1, 1, 1, 1)
        inner.addWidget(self.stack)
        layout.addWidget(frame, 1)
        layout.addWidget(self.summary)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.month_view.eventActivated.connect(self.eventActivated)
        self.month_view.daySelected.connect(self._select_day)
        self.month_view.dayActivated.connect(
            lambda day: self.newEventRequested.emit(datetime.combine(day, time(NEW_EVENT_HOUR)))
        )
        self.week_view.eventActivated.connect(self.eventActivated)
        self.week_view.slotActivated.connect(self.newEventRequested)
        self.week_view.moveRequested.connect(self.move_event)
        self.week_view.dayClicked.connect(self._select_day)
        self.month_view.set_selected(self.anchor)
        self.reload()

    # --- navigation ----------------------------------------------------------------------

    def visible_range(self) -> tuple[date, date]:
        if self.mode == "month":
            return MonthView.range_for(self.anchor)
        return WeekView.range_for(self.anchor)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        (self.month_button if mode == "month" else self.week_button).setChecked(True)
        self.stack.setCurrentWidget(self.month_view if mode == "month" else self.week_view)
        self.reload()
        self.modeChanged.emit(mode)

    def set_date(self, day: date) -> None:
        """Show the month or week around `day` and select it."""
        self.anchor = day
        self.month_view.set_selected(day)
        self.reload()
        self.dateChanged.emit(day)

    def selected_date(self) -> date:
        return self.anchor

    def go_today(self) -> None:
        self.set_date(date.today())

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.set_date(self.anchor + timedelta(days=7 * direction))
            return
        index = self.anchor.year * 12 + self.anchor.month - 1 + direction
        first = date(index // 12, index % 12 + 1, 1)
        self.set_date(first if (first.year, first.month) != (date.today().year, date.today().month) else date.today())

    def set_query(self, query: EventQuery) -> None:
        """Filters from outside (search text, station, team, category, status); dates are the view's."""
        self.query = query
        self.reload()

    def _category_changed(self) -> None:
        self.query = EventQuery(**{**vars(self.query), "category": self.category.currentData()})
        self.reload()

    def _select_day(self, day: date) -> None:
        self.anchor = day
        self.month_view.set_selected(day)
        self.dateChanged.emit(day)

    # --- data ----------------------------------------------------------------------------

    def reload(self) -> None:
        first, end = self.visible_range()
        with self.database.reader() as s:
            rows = events.calendar_events(s, local_midnight(first), local_midnight(end), self.query)
        self.entries = [Entry.from_row(r) for r in rows]
        today = date.today()
        if self.mode == "month":
            self.month_view.set_month(self.anchor, by_day(self.entries), today)
        else:
            self.week_view.set_week(first, self.entries, today)
        self._show_title(first, end)

    def _show_title(self, first: date, end: date) -> None:
        if self.mode == "month":
            text = QDate(self.anchor.year, self.anchor.month, 1).toString(self.tr("MMMM yyyy"))
        else:
            last = end - timedelta(days=1)
            a, b = QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day)
            text = self.tr("{start} – {end}").format(
                start=a.toString(self.tr("MMM d")), end=b.toString(self.tr("MMM d, yyyy"))
            )
        self.title.setText(text)
        in_view = [e for e in self.entries if e.status != "cancelled"]
        self.summary.setText(self.tr("{n} events shown").format(n=len(in_view)))

    # --- moving by drag ------------------------------------------------------------------

    def move_event(self, event_id: int, new_start: datetime) -> bool:
        """Save a dragged event at `new_start` (naive local), with the editor's checks. True if saved."""
        start = new_start.astimezone() if new_start.tzinfo is None else new_start
        reason: str | None = None
        try:
            while True:
                try:
                    with self.database.uow() as s:
                        events.move_event(s, self.actor, event_id, start, override_reason=reason)
                    break
                except ConflictsFound as exc:
                    reason = self.ask_override(self, exc.conflicts)
                    if reason is None:
                        return False
        except ServiceError as exc:
            self.show_error(self.tr("Cannot move the event"), str(exc))
            return False
        finally:
            self.reload()
        self.eventsChanged.emit()
        return True
