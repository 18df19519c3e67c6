"""The Settings page: the station's name, level and certificate details; the window's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.services import settings, stations
from desktop.services.errors import ServiceError, ValidationError
from desktop.ui import preferences
from desktop.ui.context import AppContext, station_name
from desktop.ui.forms import ErrorForm
from desktop.ui.pages.base import Page

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
TEXT_FIELDS = ("station_name", "person_in_charge", "handler", "contact")
FILE_FIELDS = ("logo_path", "seal_path")
PREVIEW_SIZE = 72  # pixels: the chosen logo and seal, small, beside their file names


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Settings"), parent=parent)
        self.header.set_subtitle(self.tr("Printed on certificates and reports"))
        station_box = QGroupBox(self.tr("Station"))
        self.form = ErrorForm(station_box)
        self.fields: dict[str, QLineEdit] = {}
        self.previews: dict[str, QLabel] = {}
        self.fields["station_name"] = self.form.add_field("station_name", self.tr("Station name"), QLineEdit())
        self.level = QComboBox()
        for key in stations.LEVEL_LABELS:
            self.level.addItem(stations.level_label(key), key)
        self.form.add_field("station_level", self.tr("Level"), self.level)
        self.fields["person_in_charge"] = self.form.add_field(
            "person_in_charge", self.tr("Person in charge"), QLineEdit()
        )
        self.fields["handler"] = self.form.add_field(
            "handler", self.tr("Handled by"), QLineEdit(), self.tr("The staff member named on certificates.")
        )
        self.fields["contact"] = self.form.add_field("contact", self.tr("Contact"), QLineEdit())
        self.fields["logo_path"] = self._file_field("logo_path", self.tr("Logo image"))
        self.fields["seal_path"] = self._file_field("seal_path", self.tr("Seal image"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(ctx.actor.can("settings"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.form.addRow(buttons)

        window_box = QGroupBox(self.tr("This computer"))
        window_layout = QVBoxLayout(window_box)
        self.language = QComboBox()
        self.language.addItem(self.tr("Language of the system"), "")
        for key in i18n.SUPPORTED:
            self.language.addItem(LANGUAGE_NAMES.get(key, key), key)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language(ctx.settings))))
        self.language.currentIndexChanged.connect(self._language_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Language")))
        row.addWidget(self.language, 1)
        window_layout.addLayout(row)
        note = QLabel(self.tr("A new language is used the next time StationDesk starts."))
        note.setObjectName("fieldHint")
        window_layout.addWidget(note)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(station_box, 3)
        side = QVBoxLayout()
        side.addWidget(window_box)
        side.addStretch(1)
        columns.addLayout(side, 2)
        self.body.addLayout(columns)
        self.body.addStretch(1)
        self.refresh()

    def _file_field(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("No image"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose_file(edit))
        clear = QPushButton(self.tr("Remove"))
        clear.clicked.connect(edit.clear)
        preview = QLabel()
        preview.setObjectName("imagePreview")
        preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        preview.setWordWrap(True)
        preview.setStyleSheet(
            "#imagePreview { border: 1px solid #e3e6eb; border-radius: 6px; background: #ffffff;"
            " color: #8a94a6; font-size: 8.5pt; }"
        )
        edit.textChanged.connect(lambda text: self._show_image(preview, text))
        self.previews[key] = preview
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(preview)
        column = QVBoxLayout()
        column.addWidget(edit)
        buttons = QHBoxLayout()
        buttons.addWidget(browse)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        column.addLayout(buttons)
        row.addLayout(column, 1)
        self.form.add_field(key, label, box)
        self._show_image(preview, "")
        return edit

    def _show_image(self, preview: QLabel, path: str) -> None:
        """A small picture of the chosen image, or why there is none (missing or unreadable)."""
        path = path.strip()
        if not path:
            preview.setPixmap(QPixmap())
            preview.setText(self.tr("No image"))
            return
        image = QImageReader(str(Path(path).expanduser()))
        image.setAutoTransform(True)
        picture = image.read()
        if picture.isNull():
            preview.setPixmap(QPixmap())
            preview.setText(self.tr("Cannot read this image"))
            return
        inner = PREVIEW_SIZE - 8
        fitted = QPixmap.fromImage(picture).scaled(
            inner, inner, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        preview.setPixmap(fitted)

    def _choose_file(self, edit: QLineEdit) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose an image"), str(Path(edit.text()).parent) if edit.text() else "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            edit.setText(path)

    def refresh(self) -> None:
        with self.ctx.database.reader() as s:
            current = settings.load(s)
            name = station_name(s)
        for key, edit in self.fields.items():
            edit.setText(getattr(current, key))
        self.fields["station_name"].setText(name)  # the home station's name until one is saved
        self.level.setCurrentIndex(max(0, self.level.findData(current.station_level)))
        self.form.clear_errors()

    def save(self) -> None:
        changes: dict[str, str] = {key: edit.text().strip() for key, edit in self.fields.items()}
        changes["station_level"] = self.level.currentData()
        errors = {}
        if not changes["station_name"]:
            errors["station_name"] = self.tr("The station needs a name.")
        for key in FILE_FIELDS:
            if changes[key] and QImageReader(str(Path(changes[key]).expanduser())).read().isNull():
                errors[key] = self.tr("This file cannot be read as an image (PNG or JPEG).")
        if errors:
            self.form.show_errors(errors)
            return
        try:
            with self.ctx.database.uow() as s:
                settings.update(s, self.ctx.actor, **changes)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.form.clear_errors()
        self.status_message.emit(self.tr("Settings saved."))
        self.data_changed.emit()

    def _language_changed(self) -> None:
        preferences.set_language(self.ctx.settings, self.language.currentData())
        self.status_message.emit(self.tr("The language changes the next time StationDesk starts."))
