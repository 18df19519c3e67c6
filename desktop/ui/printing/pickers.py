"""Whom a document is for: a volunteer, a team or an event, found by search in a paged list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import events, teams, volunteers
from desktop.services.errors import ServiceError
from desktop.services.events import EventQuery
from desktop.ui.models.event_model import EventModel
from desktop.ui.models.paged import SqlPagedModel
from desktop.ui.models.team_model import TeamModel
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.widgets import SearchBox, make_table

LIST_HEIGHT = 160


class Picker(QWidget):
    """A search box over a short paged list; the chosen row stays chosen while searching on."""

    changed = Signal()

    def __init__(
        self,
        database: Database,
        placeholder: str,
        columns: dict[str, int],
        stretch: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.columns = tuple(columns)  # the model's columns shown, with their widths
        self.widths = columns
        self.stretch = stretch  # the column that takes the rest of the width
        self.chosen_id: int | None = None
        self.model: SqlPagedModel | None = None
        self.search = SearchBox(placeholder)
        self.search.search.connect(self._search)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(6)
        self.filters.addWidget(self.search, 1)
        self.chosen = QLabel()
        self.chosen.setObjectName("fieldHint")
        self.chosen.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.column.addLayout(self.filters)
        self.table = None
        self._show_choice("")

    # The list is read on first sight: a page holds many pickers, most never shown.
    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_list()
        super().showEvent(event)

    def ensure_list(self) -> None:
        if self.model is not None:
            return
        self.model = self.make_model()
        self.table = make_table(self.model)
        self.table.setFixedHeight(LIST_HEIGHT)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, column in enumerate(self.model.COLUMNS):
            self.table.setColumnHidden(number, column.key not in self.columns)
            if column.key in self.widths:
                self.table.setColumnWidth(number, self.widths[column.key])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(
            self.model.column_number(self.stretch), QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.column.insertWidget(1, self.table)
        self.column.addWidget(self.chosen)
        self._mark_chosen_row()

    def make_model(self) -> SqlPagedModel:
        raise NotImplementedError

    def describe(self, row: Any) -> str:
        raise NotImplementedError

    def lookup(self, s, item_id: int) -> str:
        """How the item with this id is described, read by a service (a choice made elsewhere)."""
        raise NotImplementedError

    def _search(self, text: str) -> None:
        self.ensure_list()
        assert self.model is not None
        self.model.update_query(search=text)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.model is None:
            return
        row = self.model.row_at(current.row())
        if row is not None:
            self.choose(row.id, self.describe(row))

    def choose(self, item_id: int | None, text: str = "") -> None:
        if item_id is not None and not text:
            try:
                with self.database.reader() as s:
                    text = self.lookup(s, item_id)
            except ServiceError as exc:
                text = str(exc)
        self.chosen_id = item_id
        self._show_choice(text)
        self._mark_chosen_row()
        self.changed.emit()

    def _mark_chosen_row(self) -> None:
        """Select the chosen item's row if it is among the rows read (a choice made elsewhere)."""
        if self.model is None or self.table is None or self.chosen_id is None:
            return
        row = self.model.row_of_id(self.chosen_id)
        if row is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _show_choice(self, text: str) -> None:
        self.chosen.setText(
            self.tr("Chosen: {what}").format(what=text) if text else self.tr("Nothing chosen yet.")
        )

    def refresh(self) -> None:
        if self.model is not None:
            self.model.refresh()


class VolunteerPicker(Picker):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            database,
            self.tr("Search by name, pinyin initials, phone or card code"),
            {"id": 56, "name": 88, "card_code": 130},
            "card_code",
            parent,
        )

    def make_model(self) -> SqlPagedModel:
        return VolunteerModel(self.database, page_size=50)

    def describe(self, row: volunteers.VolunteerRow) -> str:
        return self.tr("{name} (No. {id})").format(name=row.name, id=row.id)

    def lookup(self, s, item_id: int) -> str:
        rows = volunteers.list_volunteers(s, volunteers.VolunteerQuery(ids=[item_id]), 0, 1)
        if not rows:
            return self.tr("No volunteer with number {id}.").format(id=item_id)
        return self.describe(rows[0])


class TeamPicker(Picker):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            database,
            self.tr("Search teams by name"),
            {"id": 56, "name": 180, "members": 70},
            "name",
            parent,
        )

    def make_model(self) -> SqlPagedModel:
        return TeamModel(self.database, page_size=50)

    def describe(self, row: teams.TeamRow) -> str:
        return self.tr("{name} ({n} members)").format(name=row.name, n=row.members)

    def lookup(self, s, item_id: int) -> str:
        return teams.get_team(s, item_id).name


# The event list opens on the weeks around today: the sheets to print and the reports to make.
RECENT_DAYS, COMING_DAYS = 30, 60


def event_window(key: str, today: date) -> tuple[Any, Any]:
    if key == "all":
        return None, None
    return (
        events.local_day_bounds(today - timedelta(days=RECENT_DAYS))[0],
        events.local_day_bounds(today + timedelta(days=COMING_DAYS))[1],
    )


class EventPicker(Picker):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            database,
            self.tr("Search events by title or place"),
            {"id": 56, "title": 150, "start_at": 124},
            "title",
            parent,
        )
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period.setMinimumContentsLength(8)
        self.period.addItem(self.tr("Last 30 and next 60 days"), "near")
        self.period.addItem(self.tr("All dates"), "all")
        self.period.currentIndexChanged.connect(self._period_changed)
        self.filters.addWidget(self.period)

    def make_model(self) -> SqlPagedModel:
        start, end = event_window("near", date.today())
        return EventModel(self.database, EventQuery(start=start, end=end), page_size=50)

    def _period_changed(self) -> None:
        self.ensure_list()
        assert self.model is not None
        start, end = event_window(self.period.currentData(), date.today())
        self.model.update_query(start=start, end=end)

    def describe(self, row: events.EventRow) -> str:
        return self.tr("{title}, {when}").format(
            title=row.title, when=row.start_at.astimezone().strftime("%Y-%m-%d %H:%M")
        )

    def lookup(self, s, item_id: int) -> str:
        data, _status = events.get_event(s, item_id)
        return self.tr("{title}, {when}").format(
            title=data.title, when=data.start_at.astimezone().strftime("%Y-%m-%d %H:%M")
        )
