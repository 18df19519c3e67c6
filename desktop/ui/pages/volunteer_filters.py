"""The volunteer list's filters: search, status, team, stars, skill, registration period, new star level."""

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
from desktop.ui.pages.filter_note import choose, enter, period_text
from desktop.ui.pages.station_choice import StationChoice
from desktop.ui.widgets import SearchBox

MAX_STARS = 5
TEAM_CHOICES = 1000  # a district has 100+ teams; the combo lists them all
# The VolunteerQuery fields these widgets show, i.e. what `show_only` can be asked for.
FILTER_KEYS = (
    "search", "status", "team_id", "station_id", "star_level", "skill", "registered_from", "registered_to"
)


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

    def __init__(
        self, caption: str, any_text: str, *, open_ended: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem(any_text, "any")
        self.combo.addItem(self.tr("This month"), "this_month")
        self.combo.addItem(self.tr("Last month"), "last_month")
        self.combo.addItem(self.tr("This year"), "this_year")
        self.combo.addItem(self.tr("Last year"), "last_year")
        self.combo.addItem(self.tr("Last 12 months"), "last_12_months")
        self.combo.addItem(self.tr("Custom…"), "custom")
        if open_ended:  # "registered up to a date" is how the overview counts registered volunteers
            self.combo.addItem(self.tr("Up to…"), "until")
            self.combo.addItem(self.tr("From…"), "since")
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
        self._show_dates("any")
        self.combo.currentIndexChanged.connect(self._chosen)

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _show_dates(self, key: str) -> None:
        self.start.setVisible(key in ("custom", "since"))
        self.dash.setVisible(key == "custom")
        self.end.setVisible(key in ("custom", "until"))

    def _chosen(self) -> None:
        self._show_dates(self.combo.currentData())
        self.changed.emit()

    def is_set(self) -> bool:
        return self.combo.currentData() != "any"

    def bounds(self) -> tuple[date | None, date | None]:
        key = self.combo.currentData()
        if key == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            return (start, end) if start <= end else (end, start)
        if key == "until":
            return None, self.end.date().toPython()
        if key == "since":
            return self.start.date().toPython(), None
        return period_bounds(key, date.today())

    def set_custom(self, start: date, end: date) -> None:
        self.blockSignals(True)
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))
        self.blockSignals(False)
        self.combo.setCurrentIndex(self.combo.findData("custom"))

    def set_bounds(self, start: date | None, end: date | None) -> None:
        """Exactly these days (either end open, if this filter allows it); both None: any time."""
        if start is not None and end is not None:
            self.set_custom(start, end)
            return
        key = "until" if end is not None else "since" if start is not None else "any"
        index = self.combo.findData(key)
        if index < 0:
            raise ValueError(f"this period filter has no open end: {start} – {end}")
        self.blockSignals(True)
        for edit, day in ((self.start, start), (self.end, end)):
            if day is not None:
                edit.setDate(QDate(day))
        self.blockSignals(False)
        self.combo.setCurrentIndex(index)

    def reset(self) -> None:
        self.combo.setCurrentIndex(0)


class VolunteerFilters(QWidget):
    """Two rows: the search box with the common filters, then (on request) the rarer ones.

    `changed` fires on any change but the search text, `searched(text)` when the search text is
    confirmed; `query_changes(s)` gives the VolunteerQuery fields to set (all but the search text).
    """

    changed = Signal()
    searched = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._quiet = False  # set while several filters change as one
        self.search = SearchBox(self.tr("Search by name, pinyin initials, phone, ID tail or card code"))
        self.search.search.connect(lambda text: None if self._quiet else self.searched.emit(text))
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

        self.station = StationChoice(ctx.database)
        self.skill = SearchBox(self.tr("Skill"))
        self.skill.setMinimumWidth(120)
        self.skill.setMaximumWidth(160)
        self.registered = PeriodFilter(self.tr("Registered"), self.tr("Any time"), open_ended=True)
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
        # Each period filter on a line of its own: with chosen days shown, the two together do not
        # fit a window of the smallest size, and squeezed date fields cut their dates off.
        self.second = QWidget()
        second = QVBoxLayout(self.second)
        second.setContentsMargins(0, 0, 0, 0)
        second.setSpacing(8)
        upper, lower = QHBoxLayout(), QHBoxLayout()
        for line in (upper, lower):
            line.setSpacing(14)
            second.addLayout(line)
        upper.addWidget(self.station)
        upper.addWidget(self.skill)
        upper.addWidget(self.registered)
        upper.addStretch(1)
        lower.addWidget(self.new_star)
        lower.addStretch(1)
        lower.addWidget(self.clear)
        self.second.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(first)
        column.addWidget(self.second)

        for combo in (self.status, self.team, self.stars, self.station):
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

    def load_stations(self) -> None:
        self.station.load()

    def _show_more(self, shown: bool) -> None:
        self.second.setVisible(shown)

    def hidden_count(self) -> int:
        """How many of the filters behind "More filters" are set."""
        return sum((
            self.station.currentIndex() > 0, bool(self.skill.text().strip()),
            self.registered.is_set(), self.new_star.is_set(),
        ))

    def _changed(self, *_args: Any) -> None:
        if self._quiet:
            return
        self.station.show_if_useful()
        hidden = self.hidden_count()
        self.more.setText(self.tr("More filters ({n})").format(n=hidden) if hidden else self.tr("More filters"))
        self.changed.emit()

    def query_changes(self, s) -> dict[str, Any]:
        """The VolunteerQuery fields these filters set (all but the search text), read in `s`."""
        start, end = self.registered.bounds()
        changes: dict[str, Any] = {
            "status": self.status.currentData(),
            "team_id": self.team.currentData(),
            "station_id": self.station.currentData(),
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
                self.station.currentIndex() > 0,
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
            self._reset_filters()
        finally:
            self._quiet = False
        self._changed()

    def _reset_filters(self) -> None:
        self.status.setCurrentIndex(0)
        self.team.setCurrentIndex(0)
        self.station.setCurrentIndex(0)
        self.stars.setCurrentIndex(0)
        self.skill.clear()
        self.registered.reset()
        self.new_star.reset()

    def show_only(self, filters: dict[str, Any]) -> None:
        """Exactly these filters (VolunteerQuery field names, see FILTER_KEYS) and every other one,
        the search text too, back to "all"; then one `changed`. The rarer filters are shown if set."""
        unknown = sorted(set(filters) - set(FILTER_KEYS))
        if unknown:
            raise ValueError(f"the volunteer list has no filter for {', '.join(unknown)}")
        if filters.get("team_id") is not None:
            self.load_teams()  # a team made since the list was opened
        if filters.get("station_id") is not None:
            self.load_stations()
        self._quiet = True
        try:
            self._reset_filters()
            enter(self.search, filters.get("search") or "")
            choose(self.status, filters.get("status"))
            choose(self.team, filters.get("team_id"))
            choose(self.station, filters.get("station_id"))
            choose(self.stars, filters.get("star_level"))
            enter(self.skill, filters.get("skill") or "")
            self.registered.set_bounds(filters.get("registered_from"), filters.get("registered_to"))
        finally:
            self._quiet = False
        if self.hidden_count():
            self.more.setChecked(True)
        self._changed()

    def describe(self, filters: dict[str, Any]) -> tuple[str, list[str]]:
        """What a `show_only(filters)` list holds, in words: ("★★★ volunteers", ["registered …"])."""
        level = filters.get("star_level")
        if level:
            what = self.tr("{stars} volunteers").format(stars=STAR * level)
        elif level == 0:
            what = self.tr("volunteers without stars yet")
        else:
            what = self.tr("volunteers")
        details = [self.status.currentText() if filters.get("status") else ""]
        details.append(self.team.currentText() if filters.get("team_id") is not None else "")
        details.append(self.station.currentText() if filters.get("station_id") is not None else "")
        start, end = filters.get("registered_from"), filters.get("registered_to")
        if start or end:
            details.append(self.tr("registered {days}").format(days=period_text(start, end)))
        if filters.get("skill"):
            details.append(self.tr("skill “{skill}”").format(skill=filters["skill"]))
        if filters.get("search"):
            details.append(self.tr("search “{text}”").format(text=filters["search"]))
        if not any(details) and level is None:
            what = self.tr("all volunteers")
        return what, details
