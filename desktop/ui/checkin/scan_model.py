"""The console's running list: the event's latest scans (checkin.recent_scans), newest first.

A bounded list (the newest RECENT_LIMIT scans, read with the event's index), so a plain table
model over one query suffices; it is read again after each scan and every few seconds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.services import checkin
from desktop.services.checkin import ScanRow
from desktop.ui.checkin.feedback import COLOURS, DUPLICATE, REFUSED, SIGNED_IN, SIGNED_OUT

RECENT_LIMIT = 50
UNDONE_COLOUR = QColor("#8a94a6")
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

COLUMNS = (
    ("time", QT_TRANSLATE_NOOP("RecentScansModel", "Time")),
    ("name", QT_TRANSLATE_NOOP("RecentScansModel", "Name")),
    ("result", QT_TRANSLATE_NOOP("RecentScansModel", "Result")),
    ("source", QT_TRANSLATE_NOOP("RecentScansModel", "By")),
)
SOURCE_LABELS = {
    "scanner": QT_TRANSLATE_NOOP("RecentScansModel", "Scanner"),
    "camera": QT_TRANSLATE_NOOP("RecentScansModel", "Camera"),
    "manual": QT_TRANSLATE_NOOP("RecentScansModel", "By hand"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecentScansModel", text)


def row_state(row: ScanRow) -> str:
    if row.accepted:
        return SIGNED_IN if row.direction == "in" else SIGNED_OUT
    return DUPLICATE if row.reason == "duplicate" else REFUSED


class RecentScansModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ScanRow] = []

    def load(self, s: Any, event_id: int) -> None:
        """Read the newest scans in the caller's reader session."""
        self.set_rows(checkin.recent_scans(s, event_id, RECENT_LIMIT))

    def set_rows(self, rows: list[ScanRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ScanRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section][1])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.undone:
                return UNDONE_COLOUR
            if key == "result":
                return COLOURS[row_state(row)]
        if role == Qt.ItemDataRole.FontRole and (row.undone or key == "result"):
            font = QFont()
            font.setStrikeOut(row.undone)
            font.setBold(key == "result" and not row.undone)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.raw:
            return QCoreApplication.translate("RecentScansModel", "Scanned: {raw}").format(raw=row.raw)
        return None

    def _text(self, row: ScanRow, key: str) -> str:
        if key == "time":
            return row.scanned_at.astimezone().strftime("%H:%M:%S")
        if key == "name":
            return row.name or "—"
        if key == "source":
            return _tr(SOURCE_LABELS[row.source]) if row.source in SOURCE_LABELS else row.source
        text = row.label
        if row.accepted and row.walk_in and row.direction == "in":
            text = QCoreApplication.translate("RecentScansModel", "{result} (walk-in)").format(result=text)
        if row.undone:
            text = QCoreApplication.translate("RecentScansModel", "{result} (undone)").format(result=text)
        return text
