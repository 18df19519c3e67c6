"""The first-run welcome: name the station, then start empty, import a roster or load demo data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import settings, stations
from desktop.services.errors import ServiceError, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm
from desktop.ui.style import icon

EMPTY, IMPORT, DEMO = "empty", "import", "demo"
CHOICE_ICONS = {EMPTY: "volunteers", IMPORT: "import", DEMO: "overview"}


class WelcomeDialog(QDialog):
    """Accepted with `choice` set once the station is created; rejected leaves the file untouched."""

    def __init__(
        self, ctx: AppContext, *, can_import: bool, can_demo: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice: str | None = None
        self.station_id: int | None = None
        self.setWindowTitle(self.tr("Welcome to StationDesk"))
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Welcome to StationDesk"))
        title.setObjectName("dialogTitle")
        intro = QLabel(
            self.tr("Which station does this computer work for? You can change this later in Settings.")
        )
        intro.setWordWrap(True)
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Dongfeng Community Practice Station"))
        self.form.add_field("name", self.tr("Station name"), self.name)
        self.level = QComboBox()
        for key in stations.LEVEL_LABELS:
            self.level.addItem(stations.level_label(key), key)
        self.level.setCurrentIndex(self.level.findData("station"))
        self.form.add_field("level", self.tr("Level"), self.level)

        how = QLabel(self.tr("How would you like to start?"))
        how.setObjectName("sectionTitle")
        self.empty_button = self._choice(
            self.tr("Start with an empty register"), self.tr("Add volunteers and teams as you go."), EMPTY
        )
        self.import_button = self._choice(
            self.tr("Import a roster…"), self.tr("Read the volunteer list you keep in Excel."), IMPORT
        )
        self.import_button.setEnabled(can_import)
        self.demo_button = self._choice(
            self.tr("Load demo data…"), self.tr("Try the program with made-up volunteers and events."), DEMO
        )
        self.demo_button.setEnabled(can_demo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addSpacing(6)
        layout.addWidget(how)
        for button in (self.empty_button, self.import_button, self.demo_button):
            layout.addWidget(button)

    def _choice(self, text: str, detail: str, choice: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, detail)
        button.setObjectName("choiceButton")
        button.setIcon(icon(CHOICE_ICONS[choice]))
        button.clicked.connect(lambda: self.choose(choice))
        return button

    def choose(self, choice: str) -> None:
        name = self.name.text().strip()
        level = self.level.currentData()
        try:
            with self.ctx.database.uow() as s:
                self.station_id = stations.create_station(s, self.ctx.actor, name, level)
                settings.update(s, self.ctx.actor, station_name=name, station_level=level)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.choice = choice
        self.accept()
