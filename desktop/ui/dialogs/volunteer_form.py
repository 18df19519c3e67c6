"""The New volunteer form: each field's problem is shown next to it, as the service reports it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import stations, volunteers
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.volunteers import VolunteerInput
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm


class NewVolunteerDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: int | None = None
        self.created_name = ""
        self.setWindowTitle(self.tr("New volunteer"))
        self.setMinimumWidth(520)

        self.form = ErrorForm()
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.id_type = QComboBox()
        for key in volunteers.ID_TYPE_LABELS:
            self.id_type.addItem(volunteers.label(volunteers.ID_TYPE_LABELS, key), key)
        self.form.add_field("id_type", self.tr("ID type"), self.id_type)
        self.id_number = self.form.add_field("id_number", self.tr("ID number"), QLineEdit())
        self.gender = QComboBox()
        self.gender.addItem(self.tr("As on the ID card"), "")
        for key in volunteers.GENDER_LABELS:
            self.gender.addItem(volunteers.label(volunteers.GENDER_LABELS, key), key)
        self.form.add_field("gender", self.tr("Gender"), self.gender)
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.form.add_field(
            "birth_date", self.tr("Date of birth"), self.birth_date,
            self.tr("Leave empty for a resident ID card: it is read from the number."),
        )
        self.phone = self.form.add_field("phone", self.tr("Mobile phone"), QLineEdit())
        self.skills = QLineEdit()
        self.skills.setPlaceholderText(self.tr("e.g. first aid, photography"))
        self.form.add_field("skills", self.tr("Skills"), self.skills)
        self.registered_on = QDateEdit(QDate.currentDate())
        self.registered_on.setCalendarPopup(True)
        self.registered_on.setDisplayFormat("yyyy-MM-dd")
        self.form.add_field("registered_on", self.tr("Registered on"), self.registered_on)
        self.consent = QCheckBox(self.tr("Agreed that more personal data may be kept"))
        self.form.add_field("consent_extra", "", self.consent)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(64)
        self.form.add_field("notes", self.tr("Notes"), self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _input(self) -> tuple[VolunteerInput, dict[str, str]]:
        """The form's values, and the problems found before the service is asked."""
        errors: dict[str, str] = {}
        text = self.birth_date.text().strip()
        birth = None
        if text:
            try:
                birth = date.fromisoformat(text)
            except ValueError:
                errors["birth_date"] = self.tr("Write the date as YYYY-MM-DD, e.g. 1990-05-31.")
        data = VolunteerInput(
            name=self.name.text(),
            id_type=self.id_type.currentData(),
            id_number=self.id_number.text(),
            gender=self.gender.currentData(),
            birth_date=birth,
            phone=self.phone.text(),
            skills=self.skills.text(),
            registered_on=self.registered_on.date().toPython(),
            consent_extra=self.consent.isChecked(),
            notes=self.notes.toPlainText().strip(),
        )
        return data, errors

    def save(self) -> None:
        data, errors = self._input()
        try:
            if errors:
                # Show every problem at once: the service checks the rest without writing.
                with self.ctx.database.reader() as s:
                    volunteers.validate(s, data)
                raise ValidationError(errors)
            with self.ctx.database.uow() as s:
                data.station_id = stations.home_station_id(s)
                self.created_id = volunteers.create_volunteer(s, self.ctx.actor, data)
        except ValidationError as exc:
            self.form.show_errors(exc.fields | errors)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.created_name = " ".join(self.name.text().split())
        self.accept()
