"""The volunteer list: pages of services.volunteers rows, personal data masked, hours and stars."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.services import volunteers
from desktop.services.volunteers import VolunteerQuery, VolunteerRow
from desktop.ui.models.paged import CENTRE, RIGHT, Column, SqlPagedModel

STAR = "★"
STAR_COLOUR = QColor("#d99a00")
INACTIVE_COLOUR = QColor("#8a94a6")


class VolunteerModel(SqlPagedModel[VolunteerQuery, VolunteerRow]):
    CONTEXT = "VolunteerModel"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("VolunteerModel", "No."), "id", RIGHT, 72),
        Column("name", QT_TRANSLATE_NOOP("VolunteerModel", "Name"), "name", width=100),
        Column("gender", QT_TRANSLATE_NOOP("VolunteerModel", "Gender"), "gender", CENTRE, 76),
        Column("id_number", QT_TRANSLATE_NOOP("VolunteerModel", "ID number"), None, width=160, sample="220104********0000"),
        Column("phone", QT_TRANSLATE_NOOP("VolunteerModel", "Phone"), "phone", width=112, sample="138****0000"),
        Column("card_code", QT_TRANSLATE_NOOP("VolunteerModel", "Card code"), "card_code", width=140, sample="ZY0000000000"),
        Column("status", QT_TRANSLATE_NOOP("VolunteerModel", "Status"), "status", CENTRE, 80),
        Column("registered_on", QT_TRANSLATE_NOOP("VolunteerModel", "Registered"), "registered_on", width=108, sample="2026-12-31"),
        Column("hours", QT_TRANSLATE_NOOP("VolunteerModel", "Hours"), None, RIGHT, 68),
        Column("stars", QT_TRANSLATE_NOOP("VolunteerModel", "Stars"), None, width=90),
    )

    def __init__(self, database, query: VolunteerQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or VolunteerQuery(), **kwargs)

    def count_rows(self, s, query: VolunteerQuery) -> int:
        return volunteers.count_volunteers(s, query)

    def fetch_rows(self, s, query: VolunteerQuery, offset: int, limit: int) -> list[VolunteerRow]:
        return volunteers.list_volunteers(s, query, offset, limit, total=self.total())

    def display(self, row: VolunteerRow, column: Column) -> str:
        key = column.key
        if key == "gender":
            return volunteers.label(volunteers.GENDER_LABELS, row.gender) if row.gender else ""
        if key == "status":
            return volunteers.label(volunteers.STATUS_LABELS, row.status)
        if key == "registered_on":
            return row.registered_on.isoformat() if row.registered_on else ""
        if key == "hours":
            return f"{row.hours:.1f}"
        if key == "stars":
            return STAR * row.stars
        return super().display(row, column)

    def cell_role(self, row: VolunteerRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "stars":
                return STAR_COLOUR
            if row.status != "active":
                return INACTIVE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "stars":
            return QCoreApplication.translate("VolunteerModel", "{n} stars").format(n=row.stars)
        return None
