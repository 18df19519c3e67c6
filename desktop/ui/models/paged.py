"""The base of every growing list: a table model that asks a service for one page of rows at a time.

A subclass says how to count and fetch rows for its query (both service calls) and how to show
one cell; this class keeps the row count, a small cache of pages fetched on demand in `data()`,
sorting (the query's `sort`/`descending`, done by SQL) and filtering (a new query, then a reset).
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.db import Database

Q = TypeVar("Q")  # the service's query dataclass (VolunteerQuery, TeamQuery, EventQuery)
R = TypeVar("R")  # the service's row dataclass

AnyIndex = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
_NO_PARENT = QModelIndex()  # a table's rows have no parent


@dataclass(frozen=True)
class Column:
    """One column: the header (untranslated, in the model's context), its SQL sort key, its looks."""

    key: str
    title: str
    sort: str | None = None  # the query's sort key; None: the database cannot sort by it
    align: Qt.AlignmentFlag = LEFT
    width: int = 100
    # The widest usual value ("2026-12-31"): the column is made wide enough for it in the font in
    # use, since digits in a CJK font are wider than the pixel width above was chosen for.
    sample: str = ""


class SqlPagedModel(QAbstractTableModel, Generic[Q, R]):
    """Rows come from `count_rows`/`fetch_rows` one page at a time, only when a view asks for them."""

    CONTEXT = "SqlPagedModel"  # translation context of the column titles
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, database: Database, query: Q, *, page_size: int = 200, max_pages: int = 16) -> None:
        super().__init__()
        self.database = database
        self._query = query
        self.page_size = page_size
        self.max_pages = max_pages
        self._count = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self.fetches = 0  # pages read from the database since creation (tests and benchmarks)
        self.refresh()

    # --- what a subclass provides ----------------------------------------------------------

    def count_rows(self, s: Session, query: Q) -> int:
        raise NotImplementedError

    def fetch_rows(self, s: Session, query: Q, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def display(self, row: R, column: Column) -> str:
        value = getattr(row, column.key)
        return "" if value is None else str(value)

    def cell_role(self, row: R, column: Column, role: int) -> Any:
        """Anything beyond text and alignment (colours, tooltips); None for Qt's default."""
        return None

    # --- query, refresh, rows --------------------------------------------------------------

    def query(self) -> Q:
        return dataclasses.replace(self._query)  # type: ignore[type-var]

    def set_query(self, query: Q) -> None:
        self._query = query
        self.refresh()

    def update_query(self, **changes: Any) -> None:
        """Change some filters (e.g. `search="zs"`) and reload from the first page."""
        self.set_query(dataclasses.replace(self._query, **changes))  # type: ignore[type-var]

    def refresh(self) -> None:
        """Count again and forget every cached page; the first page is read in the same look."""
        self.beginResetModel()
        self._pages.clear()
        with self.database.reader() as s:
            self._count = self.count_rows(s, self._query)
            if self._count:
                self._store(0, self.fetch_rows(s, self._query, 0, self.page_size))
        self.endResetModel()

    def total(self) -> int:
        return self._count

    def row_at(self, row: int) -> R | None:
        if not 0 <= row < self._count:
            return None
        number, within = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            with self.database.reader() as s:
                page = self.fetch_rows(s, self._query, number * self.page_size, self.page_size)
            self._store(number, page)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def id_at(self, row: int) -> int | None:
        item = self.row_at(row)
        return getattr(item, "id", None) if item is not None else None

    def row_of_id(self, row_id: int) -> int | None:
        """The row showing `row_id`, looked for in the pages already read (no extra queries)."""
        for number, page in self._pages.items():
            for within, item in enumerate(page):
                if getattr(item, "id", None) == row_id:
                    return number * self.page_size + within
        return None

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def _store(self, number: int, page: list[R]) -> None:
        self.fetches += 1
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    # --- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        column = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            return None  # no page read for roles nobody shows
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        value = self.cell_role(row, column, role)
        if value is None and role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, column) or None  # the whole text where a narrow column cuts it
        return value

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the query sorts by, for the view's header indicator."""
        sort = getattr(self._query, "sort", None)
        descending = getattr(self._query, "descending", False)
        for number, column in enumerate(self.COLUMNS):
            if sort is not None and column.sort == sort:  # no sort key: no column shows an arrow
                return number, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return -1, Qt.SortOrder.AscendingOrder

    @classmethod
    def column_number(cls, key: str) -> int:
        return next(n for n, column in enumerate(cls.COLUMNS) if column.key == key)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column].sort is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = self.COLUMNS[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if (getattr(self._query, "sort", None), getattr(self._query, "descending", False)) == (key, descending):
            return  # the view re-announces the current order when sorting is switched on
        self.update_query(sort=key, descending=descending)
