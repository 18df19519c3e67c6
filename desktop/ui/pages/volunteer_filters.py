"""The volunteer list's filters: status, team, stars, skill, registration period, new star level."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import settings, stars, teams, volunteers
from desktop.services.teams import TeamQuery
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import STAR
from desktop.ui.widgets import SearchBox

MAX_STARS = 5
TEAM_CHOICES = 1000  # a district has 100+ teams; the combo lists them all


def period_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    """The dates a preset period covers, both included; (None, None) for any time."""
    month = today.replace(day=1)
    if key == "this_month":
        return month, today
    if key == "last_month":
        end = month - timedelta(days=1)
        return end.replace(day=1), end
    if key == "this_year":
        return today.replace(month=1, day=1), today
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if key == "last_12_months":
        return today - timedelta(days=365), today
    return None, None


class PeriodFilter(QWidget):
    """A preset period in a combo; "Custom" shows two date fields."""

    changed = Signal()

    def __init__(self, caption: str, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem(any_text, "any")
        self.combo.addItem(self.tr("This month"), "this_month")
        self.combo.addItem(self.tr("Last month"), "last_month")
        self.combo.addItem(self.tr("This year"), "this_year")
        self.combo.addItem(self.tr("Last year"), "last_year")
        self.combo.addItem(self.tr("Last 12 months"), "last_12_months")
        self.combo.addItem(self.tr("Custom…"), "custom")
        today = QDate.currentDate()
        self.start = self._date_edit(QDate(today.year(), 1, 1))
        self.end = self._date_edit(today)
        self.dash = QLabel("–")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        label = QLabel(caption)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addWidget(self.start)
        row.addWidget(self.dash)
        row.addWidget(self.end)
        self._show_dates(False)
        self.combo.currentIndexChanged.connect(self._chosen)

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _show_dates(self, shown: bool) -> None:
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(shown)

    def _chosen(self) -> None:
        self._show_dates(self.combo.currentData() == "custom")
        self.changed.emit()

    def is_set(self) -> bool:
        return self.combo.currentData() != "any"

    def bounds(self) -> tuple[date | None, date | None]:
        key = self.combo.currentData()
        if key == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            return (start, end) if start <= end else (end, start)
        return period_bounds(key, date.today())

    def set_custom(self, start: date, end: date) -> None:
        self.blockSignals(True)
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))
        self.blockSignals(False)
        self.combo.setCurrentIndex(self.combo.findData("custom"))

    def reset(self) -> None:
        self.combo.setCurrentIndex(0)


class VolunteerFilters(QWidget):
    """Two rows: the search box with the common filters, then (on request) the rarer ones.

    `changed` fires on any change; `query_changes(s)` gives the VolunteerQuery fields to set.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._quiet = False  # set while several filters change as one
        self.search = SearchBox(self.tr("Search by name, pinyin initials, phone, ID tail or card code"))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key in volunteers.STATUS_LABELS:
            self.status.addItem(volunteers.label(volunteers.STATUS_LABELS, key), key)
        self.team = QComboBox()
        self.team.setMinimumContentsLength(10)
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.load_teams()
        self.stars = QComboBox()
        self.stars.addItem(self.tr("Any stars"), None)
        self.stars.addItem(self.tr("No stars yet"), 0)
        for level in range(1, MAX_STARS + 1):
            self.stars.addItem(STAR * level, level)
        self.more = QPushButton(self.tr("More filters"))
        self.more.setCheckable(True)
        self.more.toggled.connect(self._show_more)

        self.skill = SearchBox(self.tr("Skill"))
        self.skill.setMaximumWidth(160)
        self.registered = PeriodFilter(self.tr("Registered"), self.tr("Any time"))
        self.new_star = PeriodFilter(self.tr("New star level"), self.tr("Not filtered"))
        self.new_star.setToolTip(self.tr("Volunteers who reached a higher star level in this period"))
        self.clear = QPushButton(self.tr("Clear filters"))
        self.clear.clicked.connect(self.reset)

        first = QHBoxLayout()
        first.setSpacing(8)
        first.addWidget(self.search, 1)
        first.addWidget(self.status)
        first.addWidget(self.team)
        first.addWidget(self.stars)
        first.addWidget(self.more)
        self.second = QWidget()
        second = QHBoxLayout(self.second)
        second.setContentsMargins(0, 0, 0, 0)
        second.setSpacing(14)
        second.addWidget(self.skill)
        second.addWidget(self.registered)
        second.addWidget(self.new_star)
        second.addStretch(1)
        second.addWidget(self.clear)
        self.second.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(first)
        column.addWidget(self.second)

        for combo in (self.status, self.team, self.stars):
            combo.currentIndexChanged.connect(self._changed)
        self.skill.search.connect(self._changed)
        self.registered.changed.connect(self._changed)
        self.new_star.changed.connect(self._changed)

    def load_teams(self) -> None:
        """(Re)read the team names, keeping the chosen team if it still exists."""
        chosen = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("All teams"), None)
        with self.ctx.database.reader() as s:
            for row in teams.list_teams(s, TeamQuery(), 0, TEAM_CHOICES):
                self.team.addItem(row.name, row.id)
        index = self.team.findData(chosen) if chosen is not None else 0
        self.team.setCurrentIndex(max(index, 0))
        self.team.blockSignals(False)

    def _show_more(self, shown: bool) -> None:
        self.second.setVisible(shown)

    def _changed(self, *_args: Any) -> None:
        if self._quiet:
            return
        hidden = sum((bool(self.skill.text().strip()), self.registered.is_set(), self.new_star.is_set()))
        self.more.setText(self.tr("More filters ({n})").format(n=hidden) if hidden else self.tr("More filters"))
        self.changed.emit()

    def query_changes(self, s) -> dict[str, Any]:
        """The VolunteerQuery fields these filters set (all but the search text), read in `s`."""
        start, end = self.registered.bounds()
        changes: dict[str, Any] = {
            "status": self.status.currentData(),
            "team_id": self.team.currentData(),
            "star_level": self.stars.currentData(),
            "skill": self.skill.text().strip(),
            "registered_from": start,
            "registered_to": end,
            "ids": [],
        }
        if self.new_star.is_set():
            first, last = self.new_star.bounds()
            reached = stars.reached_in_period(s, first, last, settings.load(s).star_thresholds)
            changes["ids"] = [vid for vid, _before, _after in reached] or [-1]  # -1: nobody
        return changes

    def is_filtered(self) -> bool:
        return any(
            (
                self.status.currentIndex() > 0,
                self.team.currentIndex() > 0,
                self.stars.currentIndex() > 0,
                bool(self.skill.text().strip()),
                self.registered.is_set(),
                self.new_star.is_set(),
            )
        )

    def reset(self) -> None:
        """Every filter back to "all" in one change (the search text stays)."""
        self._quiet = True
        try:
            self.status.setCurrentIndex(0)
            self.team.setCurrentIndex(0)
            self.stars.setCurrentIndex(0)
            self.skill.clear()
            self.registered.reset()
            self.new_star.reset()
        finally:
            self._quiet = False
        self._changed()
