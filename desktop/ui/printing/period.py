"""A period of days for a document: the usual choices (last month, this year...) or two dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

PRESETS = ("all", "this_month", "last_month", "this_year", "last_year", "custom")


def preset_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    """The days a preset covers; periods never end after today (nothing is certified ahead)."""
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if key == "this_year":
        return today.replace(month=1, day=1), today
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodField(QWidget):
    changed = Signal()

    def __init__(
        self, default: str = "all", *, allow_all: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.preset = QComboBox()
        self.preset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset.setMinimumContentsLength(12)
        labels = {
            "all": self.tr("All records"),
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "this_year": self.tr("This year"),
            "last_year": self.tr("Last year"),
            "custom": self.tr("Choose the days…"),
        }
        for key in PRESETS:
            if key != "all" or allow_all:
                self.preset.addItem(labels[key], key)
        today = date.today()
        self.first = QDateEdit(_qdate(today.replace(day=1)))
        self.last = QDateEdit(_qdate(today))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.dates = QWidget()
        row = QHBoxLayout(self.dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.first, 1)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.last, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.preset)
        column.addWidget(self.dates)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.set_preset(default)

    def set_preset(self, key: str) -> None:
        self.preset.setCurrentIndex(max(0, self.preset.findData(key)))
        self._preset_changed()

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        first, last = preset_bounds(key, date.today())
        if first is not None and last is not None:
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
        self.dates.setVisible(key != "all")
        self.dates.setEnabled(key == "custom")
        self.changed.emit()

    def bounds(self) -> tuple[date | None, date | None]:
        if self.preset.currentData() == "all":
            return None, None
        return self.first.date().toPython(), self.last.date().toPython()

    def set_bounds(self, first: date | None, last: date | None) -> None:
        if first is None and last is None and self.preset.findData("all") >= 0:
            self.set_preset("all")
            return
        self.set_preset("custom")
        today = date.today()
        self.first.setDate(_qdate(first or today.replace(day=1)))
        self.last.setDate(_qdate(last or today))
