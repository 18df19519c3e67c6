"""The station filter of a list: "All stations" and each station, shown only where there is a choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.db import Database
from desktop.services import stations

STATION_WIDTH = 280  # a station's name is the whole point of the choice: as wide as the longest, within reason


class StationChoice(QComboBox):
    """Stations to filter a list by; `currentData()` is the chosen station's id, None for all."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(STATION_WIDTH)
        self.load()

    def load(self) -> None:
        """(Re)read the stations, keeping the chosen one if it still exists; no change signal."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All stations"), None)
        with self.database.reader() as s:
            for row in stations.list_stations(s):
                self.addItem(row.name, row.id)
        self.setCurrentIndex(max(self.findData(chosen), 0) if chosen is not None else 0)
        self.blockSignals(False)
        self.show_if_useful()

    def show_if_useful(self) -> None:
        # One station: nothing to choose, unless the list is filtered by it (then it says so).
        self.setVisible(self.count() > 2 or self.currentIndex() > 0)
