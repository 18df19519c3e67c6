"""Words the calendar shows about an event (its tooltip) and the names of the weekdays."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.services import events, teams
from desktop.ui.calendar.entries import Entry


def weekday_names(long: bool = False) -> list[str]:
    """Monday first, in the user's language (周一 ... 周日)."""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return [QLocale().standaloneDayName(day, fmt) for day in range(1, 8)]


def when(entry: Entry) -> str:
    if entry.start.date() == entry.end.date():
        return f"{entry.start:%Y-%m-%d %H:%M}–{entry.end:%H:%M}"
    return f"{entry.start:%Y-%m-%d %H:%M} – {entry.end:%Y-%m-%d %H:%M}"


def entry_tooltip(entry: Entry) -> str:
    lines = [f"<b>{escape(entry.title)}</b>", escape(when(entry))]
    if entry.place:
        lines.append(
            QCoreApplication.translate("CalendarTooltip", "Place: {place}").format(place=escape(entry.place))
        )
    if entry.team:
        lines.append(
            QCoreApplication.translate("CalendarTooltip", "Team: {team}").format(team=escape(entry.team))
        )
    lines.append(escape(teams.category_label(entry.category)))
    people = (
        QCoreApplication.translate("CalendarTooltip", "{n} of {capacity} places taken").format(
            n=entry.enrolled, capacity=entry.capacity
        )
        if entry.capacity
        else QCoreApplication.translate("CalendarTooltip", "{n} enrolled").format(n=entry.enrolled)
    )
    lines.append(f"{escape(events.status_label(entry.status))} · {escape(people)}")
    if entry.series_id:
        lines.append(QCoreApplication.translate("CalendarTooltip", "Part of a repeating series"))
    return "<br>".join(lines)
