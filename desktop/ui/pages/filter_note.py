"""The line above a list that the overview opened filtered (what it shows, "Show all"), and the helpers
that set a page's filter widgets to what was asked."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.ui.widgets import SearchBox

DETAIL_SEPARATOR = " · "


def period_text(start: date | None, end: date | None) -> str:
    """Days as the note shows them: both ends included; "" for any time."""
    if start and end:
        return QCoreApplication.translate("FilterNote", "{start} – {end}").format(
            start=start.isoformat(), end=end.isoformat()
        )
    if end:
        return QCoreApplication.translate("FilterNote", "up to {end}").format(end=end.isoformat())
    if start:
        return QCoreApplication.translate("FilterNote", "from {start}").format(start=start.isoformat())
    return ""


def choose(combo: QComboBox, value: Any) -> None:
    """Choose the item holding `value`; None is the first item ("all")."""
    index = 0 if value is None else combo.findData(value)
    if index < 0:
        raise ValueError(f"no choice {value!r} in this filter")
    combo.setCurrentIndex(index)


def enter(box: SearchBox, text: str) -> None:
    """Put text in a search box as if typed and confirmed, so that the box remembers it as searched
    (it would otherwise stay silent when the clerk clears it)."""
    box.setText(text)
    box.returnPressed.emit()


class FilterNote(QFrame):
    """Hidden until `show_note`; `show_all` when the clerk asks for the whole list again.

    The page hides it as soon as the clerk changes a filter: from then on the list is the clerk's
    own, no longer the figure's.
    """

    show_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterNote")
        # The brand's light tint, as the sidebar's chosen page: "this list is narrowed".
        self.setStyleSheet(
            "#filterNote { background: #fff6f5; border: 1px solid #f2d3cf; border-radius: 8px; }"
            "#filterNote QLabel { background: transparent; color: #7a2b24; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self.tr("Show all"))
        self.button.setToolTip(self.tr("Clear these filters and show the whole list"))
        self.button.clicked.connect(self.show_all)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 6, 4)
        row.setSpacing(12)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def show_note(self, what: str, details: list[str]) -> None:
        """"Showing: events held · 2026-07-01 – 2026-09-30 · <station> (from the overview)"."""
        listed = DETAIL_SEPARATOR.join([what, *(d for d in details if d)])
        self.text.setText(self.tr("Showing: {what} (from the overview)").format(what=listed))
        self.show()
