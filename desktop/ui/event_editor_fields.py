"""What the event editor's tabs share: local date-times in Qt's types, text boxes, choices and the tab layout."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QLayout, QPlainTextEdit, QVBoxLayout, QWidget


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone() if moment.tzinfo else moment
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def text_box(height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


def set_current_data(combo: QComboBox, value: object) -> None:
    """Show the item holding `value`; the first item (the blank choice) when none does."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def lay_out_tab(page: QWidget, *parts: QWidget | QLayout) -> None:
    """One tab's column: its parts from the top, the free space below them."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 14, 16, 8)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addStretch(1)
