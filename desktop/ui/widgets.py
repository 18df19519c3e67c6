"""Small widgets every page uses: the page header, a debounced search box, a configured table view."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.paged import Column, SqlPagedModel

SEARCH_DELAY_MS = 150
ROW_HEIGHT = 30
CELL_PADDING = 28  # the cell's margins on both sides, and room for the sort arrow


class SearchBox(QLineEdit):
    """Emits `search` once typing pauses for a moment (or at once on Enter)."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setObjectName("searchBox")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.textChanged.connect(self._cleared)
        self.returnPressed.connect(self._emit)
        self._last: str | None = None

    def _cleared(self, text: str) -> None:
        if not text:  # the clear button sets the text without an edit
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search.emit(text)


def set_column_width(view: QTableView, number: int, column: Column, width: int | None = None) -> None:
    """`width` (else the column's own), but never narrower than the column's sample value needs."""
    view.ensurePolished()  # the style sheet's font, not the default one, is what the cells use
    fits = view.fontMetrics().horizontalAdvance(column.sample) + CELL_PADDING if column.sample else 0
    view.setColumnWidth(number, max(column.width if width is None else width, fits))


def make_table(model: SqlPagedModel, parent: QWidget | None = None) -> QTableView:
    """A row-selecting table over a paged model: fixed row heights, SQL sorting on sortable columns."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.setVisible(False)
    # Fixed heights: Qt never measures rows, so it never asks for rows nobody sees.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(48)
    for number, column in enumerate(model.COLUMNS):
        set_column_width(view, number, column)
    column, order = model.sort_column()
    header.setSortIndicator(column, order)
    view.setSortingEnabled(True)
    state = {"column": column, "order": order}

    def keep_sortable(section: int, new_order) -> None:
        # A column the database cannot sort keeps the previous indicator instead of lying.
        if model.is_sortable(section):
            state["column"], state["order"] = section, new_order
        else:
            header.setSortIndicator(state["column"], state["order"])

    header.sortIndicatorChanged.connect(keep_sortable)
    return view


class PageHeader(QWidget):
    """A page's title, a one-line subtitle and room for actions on the right."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(subtitle)
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setVisible(bool(subtitle))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(text, 1)
        row.addLayout(self.actions)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))
