"""The events calendar: a month grid and a week time grid over the same events, with the editor page."""

from desktop.ui.calendar.calendar_widget import EventCalendar
from desktop.ui.calendar.page import CalendarPage

__all__ = ["CalendarPage", "EventCalendar"]
