"""The event list: pages of services.events rows, times shown in local time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from desktop.services import events, teams
from desktop.services.events import EventQuery, EventRow
from desktop.ui.models.paged import CENTRE, RIGHT, Column, SqlPagedModel

STATUS_COLOURS = {
    "draft": QColor("#8a94a6"),
    "ongoing": QColor("#1f8a4c"),
    "cancelled": QColor("#b0485a"),
}


class EventModel(SqlPagedModel[EventQuery, EventRow]):
    CONTEXT = "EventModel"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("EventModel", "No."), "id", RIGHT, 72),
        Column("title", QT_TRANSLATE_NOOP("EventModel", "Event"), "title", width=150),
        Column("start_at", QT_TRANSLATE_NOOP("EventModel", "Starts"), "start_at", width=130, sample="2026-12-31 23:59"),
        Column("end_at", QT_TRANSLATE_NOOP("EventModel", "Ends"), None, width=64),
        Column("status", QT_TRANSLATE_NOOP("EventModel", "Status"), "status", CENTRE, 80),
        Column("enrolled", QT_TRANSLATE_NOOP("EventModel", "Enrolled"), None, RIGHT, 76),
        Column("team", QT_TRANSLATE_NOOP("EventModel", "Team"), None, width=150),
        Column("place", QT_TRANSLATE_NOOP("EventModel", "Place"), None, width=130),
        Column("category", QT_TRANSLATE_NOOP("EventModel", "Service category"), None, width=170),
    )

    def __init__(self, database, query: EventQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or EventQuery(), **kwargs)

    def count_rows(self, s, query: EventQuery) -> int:
        return events.count_events(s, query)

    def fetch_rows(self, s, query: EventQuery, offset: int, limit: int) -> list[EventRow]:
        return events.list_events(s, query, offset, limit)

    def display(self, row: EventRow, column: Column) -> str:
        key = column.key
        if key == "start_at":
            return row.start_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if key == "end_at":
            start, end = row.start_at.astimezone(), row.end_at.astimezone()
            return end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%m-%d %H:%M")
        if key == "category":
            return teams.category_label(row.category)
        if key == "status":
            return events.status_label(row.status)
        if key == "enrolled":
            return f"{row.enrolled} / {row.capacity}" if row.capacity else str(row.enrolled)
        return super().display(row, column)

    def cell_role(self, row: EventRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "status":
            return STATUS_COLOURS.get(row.status)
        return None
