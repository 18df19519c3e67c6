"""The Points page's table models: SQL-paged lists (balances, ledger, catalogue, redemptions) and the
small fixed lists of one action (matches at the counter, the basket, the stock report)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.services import points, points_history, shop
from desktop.services.points import VolunteerPick
from desktop.services.points_history import BalanceQuery, BalanceRow, EntryRow, HistoryQuery
from desktop.services.shop import ItemQuery, ItemRow, RedemptionQuery, RedemptionRow
from desktop.services.stock import StockLine
from desktop.ui.models.paged import CENTRE, RIGHT, AnyIndex, Column, SqlPagedModel

MUTED = QColor("#8a94a6")
MINUS = QColor("#b8372f")
PLUS = QColor("#1f7a4d")


def _time(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


class BalanceModel(SqlPagedModel[BalanceQuery, BalanceRow]):
    CONTEXT = "PointsModels"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("PointsModels", "No."), "id", RIGHT, 70),
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Name"), "name", width=110),
        Column("code", QT_TRANSLATE_NOOP("PointsModels", "Card code"), None, width=140, sample="ZY0000000000"),
        Column("balance", QT_TRANSLATE_NOOP("PointsModels", "Balance"), "balance", RIGHT, 90),
        Column("earned", QT_TRANSLATE_NOOP("PointsModels", "Earned"), None, RIGHT, 90),
        Column("spent", QT_TRANSLATE_NOOP("PointsModels", "Redeemed"), None, RIGHT, 90),
    )

    def __init__(self, database, query: BalanceQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or BalanceQuery(), **kwargs)

    def count_rows(self, s, query: BalanceQuery) -> int:
        return points_history.count_balances(s, query)

    def fetch_rows(self, s, query: BalanceQuery, offset: int, limit: int) -> list[BalanceRow]:
        return points_history.list_balances(s, query, offset, limit)

    def display(self, row: BalanceRow, column: Column) -> str:
        if column.key in ("balance", "earned", "spent"):
            return points.format_points(getattr(row, column.key))
        return super().display(row, column)

    def cell_role(self, row: BalanceRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status != "active":
            return MUTED
        return None


class HistoryModel(SqlPagedModel[HistoryQuery, EntryRow]):
    CONTEXT = "PointsModels"
    COLUMNS = (
        Column("at", QT_TRANSLATE_NOOP("PointsModels", "Time"), "at", width=140, sample="2026-12-31 23:59"),
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Volunteer"), None, width=80),
        Column("kind", QT_TRANSLATE_NOOP("PointsModels", "Kind"), "kind", width=150),
        Column("amount", QT_TRANSLATE_NOOP("PointsModels", "Points"), "amount", RIGHT, 70),
        Column("reason", QT_TRANSLATE_NOOP("PointsModels", "Reason"), None, width=200),
        Column("actor_name", QT_TRANSLATE_NOOP("PointsModels", "Staff member"), None, width=90),
    )

    def __init__(self, database, query: HistoryQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or HistoryQuery(), **kwargs)

    def count_rows(self, s, query: HistoryQuery) -> int:
        return points_history.count_history(s, query)

    def fetch_rows(self, s, query: HistoryQuery, offset: int, limit: int) -> list[EntryRow]:
        return points_history.list_history(s, query, offset, limit)

    def display(self, row: EntryRow, column: Column) -> str:
        if column.key == "at":
            return _time(row.at)
        if column.key == "kind":
            return row.kind_text
        if column.key == "amount":
            text = points.format_points(row.amount)
            return f"+{text}" if row.amount > 0 else text
        return super().display(row, column)

    def cell_role(self, row: EntryRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.reversed_by is not None:
                return MUTED
            if column.key == "amount":
                return PLUS if row.amount > 0 else MINUS
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.reversed_by is not None:
                return QCoreApplication.translate("PointsModels", "Reversed by entry {id}").format(
                    id=row.reversed_by
                )
            return row.reference or None
        return None


class ItemModel(SqlPagedModel[ItemQuery, ItemRow]):
    CONTEXT = "PointsModels"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Item"), "name", width=170),
        Column("price", QT_TRANSLATE_NOOP("PointsModels", "Points"), "price", RIGHT, 70),
        Column("stock", QT_TRANSLATE_NOOP("PointsModels", "In stock"), "stock", RIGHT, 80),
        Column("unit", QT_TRANSLATE_NOOP("PointsModels", "Unit"), None, CENTRE, 50),
        Column("limit", QT_TRANSLATE_NOOP("PointsModels", "Limit per volunteer"), None, width=160),
        Column("active", QT_TRANSLATE_NOOP("PointsModels", "Offered"), None, CENTRE, 70),
    )

    def __init__(self, database, query: ItemQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or ItemQuery(), **kwargs)

    def count_rows(self, s, query: ItemQuery) -> int:
        return shop.count_items(s, query)

    def fetch_rows(self, s, query: ItemQuery, offset: int, limit: int) -> list[ItemRow]:
        return shop.list_items(s, query, offset, limit)

    def display(self, row: ItemRow, column: Column) -> str:
        if column.key == "price":
            return points.format_points(row.price)
        if column.key == "limit":
            return row.limit
        if column.key == "active":
            return shop.yes_no(row.active)
        return super().display(row, column)

    def cell_role(self, row: ItemRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.active:
                return MUTED
            if column.key == "stock" and row.stock == 0:
                return MINUS
        return None


class RedemptionModel(SqlPagedModel[RedemptionQuery, RedemptionRow]):
    CONTEXT = "PointsModels"
    COLUMNS = (
        Column("id", QT_TRANSLATE_NOOP("PointsModels", "No."), "at", RIGHT, 60),
        Column("at", QT_TRANSLATE_NOOP("PointsModels", "Time"), None, width=130),
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Volunteer"), None, width=90),
        Column("items", QT_TRANSLATE_NOOP("PointsModels", "Items"), None, width=230),
        Column("points", QT_TRANSLATE_NOOP("PointsModels", "Points"), "points", RIGHT, 70),
        Column("actor_name", QT_TRANSLATE_NOOP("PointsModels", "Staff member"), None, width=90),
    )

    def __init__(self, database, query: RedemptionQuery | None = None, **kwargs: Any) -> None:
        super().__init__(database, query or RedemptionQuery(), **kwargs)

    def count_rows(self, s, query: RedemptionQuery) -> int:
        return shop.count_redemptions(s, query)

    def fetch_rows(self, s, query: RedemptionQuery, offset: int, limit: int) -> list[RedemptionRow]:
        return shop.list_redemptions(s, query, offset, limit)

    def display(self, row: RedemptionRow, column: Column) -> str:
        if column.key == "at":
            return _time(row.at)
        if column.key == "points":
            return points.format_points(row.points)
        if column.key == "items" and row.cancelled:
            return QCoreApplication.translate("PointsModels", "{items} (cancelled)").format(items=row.items)
        return super().display(row, column)

    def cell_role(self, row: RedemptionRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.cancelled:
            return MUTED
        return None


# --- small lists of one action -------------------------------------------------------------------


class FixedModel(QAbstractTableModel):
    """A short list held whole (at most a few dozen rows: one search's matches, a basket)."""

    CONTEXT = "PointsModels"
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.COLUMNS[section].align)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return self.cell_role(row, column, role)

    def display(self, row: Any, column: Column) -> str:
        value = getattr(row, column.key)
        return "" if value is None else str(value)

    def cell_role(self, row: Any, column: Column, role: int) -> Any:
        return None


class PickModel(FixedModel):
    """Volunteers a search at the counter found."""

    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Name"), width=100),
        Column("code", QT_TRANSLATE_NOOP("PointsModels", "Card code"), width=140),
        Column("balance", QT_TRANSLATE_NOOP("PointsModels", "Balance"), align=RIGHT, width=80),
    )

    def display(self, row: VolunteerPick, column: Column) -> str:
        if column.key == "balance":
            return points.format_points(row.balance)
        return super().display(row, column)


@dataclass
class BasketLine:
    item_id: int
    name: str
    price: int  # hundredths
    quantity: int
    stock: int

    @property
    def total(self) -> int:
        return self.price * self.quantity


class BasketModel(FixedModel):
    """What the volunteer takes this time."""

    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Item"), width=150),
        Column("quantity", QT_TRANSLATE_NOOP("PointsModels", "Quantity"), align=RIGHT, width=90),
        Column("total", QT_TRANSLATE_NOOP("PointsModels", "Points"), align=RIGHT, width=70),
    )

    def add(self, item: ItemRow, quantity: int = 1) -> None:
        for line in self.rows:
            if line.item_id == item.id:
                line.quantity += quantity
                self.set_rows(self.rows)
                return
        self.set_rows([*self.rows, BasketLine(item.id, item.name, item.price, quantity, item.stock)])

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.set_rows(self.rows[:row] + self.rows[row + 1 :])

    def total(self) -> int:
        return sum(line.total for line in self.rows)

    def lines(self) -> dict[int, int]:
        return {line.item_id: line.quantity for line in self.rows}

    def display(self, row: BasketLine, column: Column) -> str:
        if column.key == "total":
            return points.format_points(row.total)
        return super().display(row, column)


class StockModel(FixedModel):
    """The stock report: one line per catalogue item."""

    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("PointsModels", "Item"), width=170),
        Column("opening", QT_TRANSLATE_NOOP("PointsModels", "Opening stock"), align=RIGHT, width=100),
        Column("intake", QT_TRANSLATE_NOOP("PointsModels", "Intake"), align=RIGHT, width=80),
        Column("redeemed", QT_TRANSLATE_NOOP("PointsModels", "Redeemed"), align=RIGHT, width=90),
        Column("adjusted", QT_TRANSLATE_NOOP("PointsModels", "Adjustments"), align=RIGHT, width=100),
        Column("closing", QT_TRANSLATE_NOOP("PointsModels", "Closing stock"), align=RIGHT, width=100),
        Column("balances", QT_TRANSLATE_NOOP("PointsModels", "Reconciled"), align=CENTRE, width=90),
    )

    def display(self, row: StockLine, column: Column) -> str:
        if column.key == "balances":
            return shop.yes_no(row.balances)
        return super().display(row, column)

    def cell_role(self, row: StockLine, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "balances":
            return PLUS if row.balances else MINUS
        return None
