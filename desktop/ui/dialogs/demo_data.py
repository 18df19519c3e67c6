"""Asks how much demo data to make before the task helper makes it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import ErrorForm

# The same defaults as `stationdesk demo`.
DEFAULTS = {"volunteers": 2000, "teams": 24, "events": 800, "scans": 40000}


class DemoDataDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load demo data"))
        self.setMinimumWidth(420)
        note = QLabel(
            self.tr(
                "Made-up volunteers, teams, events and check-in scans, with events happening "
                "today, so you can try every page. Demo data goes only into a database that has "
                "no volunteers yet; keep it in a separate file from real records."
            )
        )
        note.setWordWrap(True)
        labels = {
            "volunteers": self.tr("Volunteers"),
            "teams": self.tr("Teams"),
            "events": self.tr("Events"),
            "scans": self.tr("Check-in scans"),
        }
        form = ErrorForm()
        self.spins: dict[str, QSpinBox] = {}
        for key, value in DEFAULTS.items():
            spin = QSpinBox()
            spin.setRange(0, 2_000_000)
            spin.setSingleStep(100 if value >= 1000 else 1)
            spin.setGroupSeparatorShown(True)
            spin.setValue(value)
            self.spins[key] = form.add_field(key, labels[key], spin)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setValue(1)
        form.add_field("seed", self.tr("Random seed"), self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def sizes(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}
