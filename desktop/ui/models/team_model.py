"""The team list: pages of services.teams rows with category, station, leader and member count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import teams
from desktop.services.teams import TeamQuery, TeamRow
from desktop.ui.models.paged import RIGHT, Column, SqlPagedModel


class TeamModel(SqlPagedModel[TeamQuery, TeamRow]):
    CONTEXT = "TeamModel"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("TeamModel", "No."), "id", RIGHT, 72),
        Column("name", QT_TRANSLATE_NOOP("TeamModel", "Team"), "name", width=220),
        Column("category", QT_TRANSLATE_NOOP("TeamModel", "Service category"), "category", width=290),
        Column("leader", QT_TRANSLATE_NOOP("TeamModel", "Leader"), None, width=110),
        Column("members", QT_TRANSLATE_NOOP("TeamModel", "Members"), "members", RIGHT, 100),
        Column("station", QT_TRANSLATE_NOOP("TeamModel", "Station"), None, width=200),
    )

    def __init__(self, database, query: TeamQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or TeamQuery(), **kwargs)

    def count_rows(self, s, query: TeamQuery) -> int:
        return teams.count_teams(s, query)

    def fetch_rows(self, s, query: TeamQuery, offset: int, limit: int) -> list[TeamRow]:
        return teams.list_teams(s, query, offset, limit)

    def display(self, row: TeamRow, column: Column) -> str:
        if column.key == "category":
            return teams.category_label(row.category)
        return super().display(row, column)
