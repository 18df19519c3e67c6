"""The volunteer form (new or edit): each field's problem next to it, checked as it is typed and on save.

The ID number tells the birth date and gender; they are shown as soon as the number is complete,
and a gender chosen that differs is pointed out. An ID number or phone already registered to
someone else offers to open that volunteer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.idcard import IdNumberError, ResidentId, is_mobile, normalise_phone, parse_resident_id
from desktop.services import stations, volunteers
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.volunteers import VolunteerInput
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm, mark_invalid, save_and_cancel

ID_LENGTH = 18


class VolunteerFormDialog(QDialog):
    """New volunteer when `volunteer_id` is None, else the edit form for that volunteer."""

    def __init__(self, ctx: AppContext, volunteer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self.created_id: int | None = None
        self.created_name = ""
        self.clashes: dict[str, volunteers.Clash] = {}
        self._status = "active"
        self._station_id: int | None = None
        self._dialog: QWidget | None = None
        self.setWindowTitle(self.tr("New volunteer") if volunteer_id is None else self.tr("Edit volunteer"))
        self.setMinimumWidth(540)

        self.form = ErrorForm()
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.id_type = QComboBox()
        for key in volunteers.ID_TYPE_LABELS:
            self.id_type.addItem(volunteers.label(volunteers.ID_TYPE_LABELS, key), key)
        self.form.add_field("id_type", self.tr("ID type"), self.id_type)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(40)
        self.derived = QLabel()
        self.derived.setObjectName("fieldHint")
        self.derived.hide()
        self.open_id_clash = self._clash_button("id_number")
        self.form.add_field("id_number", self.tr("ID number"), self._with_button(self.id_number, self.open_id_clash, self.derived))
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
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11 digits, e.g. 13812345678"))
        self.open_phone_clash = self._clash_button("phone")
        self.form.add_field("phone", self.tr("Mobile phone"), self._with_button(self.phone, self.open_phone_clash))
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
        self._inputs: dict[str, QWidget] = {"id_number": self.id_number, "phone": self.phone}

        self.buttons = save_and_cancel(self, self.form, self.save)

        self.id_number.textChanged.connect(self._check_id)
        self.id_type.currentIndexChanged.connect(self._check_id)
        self.gender.currentIndexChanged.connect(self._check_gender)
        self.phone.editingFinished.connect(self._check_phone)
        if volunteer_id is not None:
            self._load(volunteer_id)

    def _clash_button(self, key: str) -> QPushButton:
        button = QPushButton()
        button.hide()
        button.clicked.connect(lambda: self.open_clash(key))
        return button

    @staticmethod
    def _with_button(edit: QLineEdit, button: QPushButton, below: QLabel | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(edit, 1)
        row.addWidget(button)
        column.addLayout(row)
        if below is not None:
            column.addWidget(below)
        return box

    def _load(self, volunteer_id: int) -> None:
        """Fill the form; the ID number and phone stay empty (shown masked) and are kept if left so."""
        try:
            with self.ctx.database.reader() as s:
                d = volunteers.get_volunteer(s, self.ctx.actor, volunteer_id).data
        except ServiceError as exc:
            self.form.show_message(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.name.setText(d.name)
        self.id_type.setCurrentIndex(max(self.id_type.findData(d.id_type), 0))
        self.id_number.setPlaceholderText(d.id_number or "")
        self.gender.setCurrentIndex(max(self.gender.findData(d.gender), 0))
        self.birth_date.setText(d.birth_date.isoformat() if d.birth_date else "")
        self.phone.setPlaceholderText(d.phone or self.tr("11 digits, e.g. 13812345678"))
        self.skills.setText(d.skills)
        if d.registered_on:
            self.registered_on.setDate(QDate(d.registered_on))
        self.consent.setChecked(d.consent_extra)
        self.notes.setPlainText(d.notes)
        self._status = d.status
        self._station_id = d.station_id
        self._check_id()

    # --- checks while typing ---------------------------------------------------------------

    def _field_error(self, key: str, message: str) -> None:
        label = self.form.error_label(key)
        label.setText(message)
        label.setVisible(bool(message))
        mark_invalid(self._inputs.get(key) or self._field_widget(key), bool(message))

    def _field_widget(self, key: str) -> QWidget:
        return {"gender": self.gender, "birth_date": self.birth_date}.get(key, self.name)

    def _resident_id(self) -> ResidentId | None:
        if self.id_type.currentData() != "resident_id":
            return None
        try:
            return parse_resident_id(self.id_number.text())
        except IdNumberError:
            return None

    def _check_id(self) -> None:
        """Once 18 characters are typed: the birth date and gender it gives, or what is wrong."""
        text = self.id_number.text().strip()
        self._hide_clash("id_number")
        if self.id_type.currentData() != "resident_id" or len(text) < ID_LENGTH:
            if self.volunteer_id is not None and not text:
                self.derived.setText(self.tr("Leave empty to keep the number on record."))
            self.derived.setVisible(self.volunteer_id is not None and not text)
            self._field_error("id_number", "")
            self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
            self._check_gender()
            return
        try:
            rid = parse_resident_id(text)
        except IdNumberError as exc:
            self.derived.hide()
            self._field_error("id_number", str(exc))
        else:
            self._field_error("id_number", "")
            self.derived.setText(
                self.tr("Born {date}, {gender} (read from the ID number)").format(
                    date=rid.birth_date.isoformat(), gender=volunteers.label(volunteers.GENDER_LABELS, rid.gender)
                )
            )
            self.derived.show()
            self.birth_date.setPlaceholderText(rid.birth_date.isoformat())
        self._check_gender()

    def _check_gender(self) -> None:
        rid = self._resident_id()
        chosen = self.gender.currentData()
        if rid is not None and chosen and chosen != rid.gender:
            self._field_error(
                "gender",
                self.tr("The ID number says {gender}; the gender chosen differs.").format(
                    gender=volunteers.label(volunteers.GENDER_LABELS, rid.gender)
                ),
            )
        else:
            self._field_error("gender", "")

    def _check_phone(self) -> None:
        text = self.phone.text().strip()
        self._hide_clash("phone")
        if text and not is_mobile(normalise_phone(text)):
            self._field_error("phone", self.tr("A mobile number has 11 digits and starts with 13-19."))
        else:
            self._field_error("phone", "")

    # --- a number already registered --------------------------------------------------------

    def _hide_clash(self, key: str) -> None:
        self.clashes.pop(key, None)
        button = self.open_id_clash if key == "id_number" else self.open_phone_clash
        button.hide()

    def _show_clashes(self, data: VolunteerInput, errors: dict[str, str]) -> None:
        with self.ctx.database.reader() as s:
            found = volunteers.registered_clashes(
                s, data.id_type, data.id_number, data.phone, self.volunteer_id
            )
        self.clashes = {key: clash for key, clash in found.items() if key in errors}
        for key, button in (("id_number", self.open_id_clash), ("phone", self.open_phone_clash)):
            clash = self.clashes.get(key)
            if clash is not None:
                button.setText(self.tr("Open {name} (No. {id})").format(name=clash.name, id=clash.id))
            button.setVisible(clash is not None)

    def open_clash(self, key: str) -> None:
        """Show the volunteer already registered with this number, over the form (nothing typed is lost)."""
        clash = self.clashes.get(key)
        if clash is None:
            return
        from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

        self._dialog = VolunteerDetailDialog(self.ctx, clash.id, self)
        self._dialog.open()

    # --- saving ----------------------------------------------------------------------------

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
            status=self._status,
            consent_extra=self.consent.isChecked(),
            notes=self.notes.toPlainText().strip(),
            station_id=self._station_id,
        )
        return data, errors

    def save(self) -> None:
        data, errors = self._input()
        try:
            if errors:
                # Show every problem at once: the service checks the rest without writing.
                with self.ctx.database.reader() as s:
                    self._validate_only(s, data)
                raise ValidationError(errors)
            with self.ctx.database.uow() as s:
                if self.volunteer_id is None:
                    data.station_id = stations.home_station_id(s)
                    self.created_id = volunteers.create_volunteer(s, self.ctx.actor, data)
                else:
                    volunteers.update_volunteer(s, self.ctx.actor, self.volunteer_id, data, keep_personal=True)
        except ValidationError as exc:
            shown = exc.fields | errors
            self.form.show_errors(shown)
            for key, widget in self._inputs.items():
                mark_invalid(widget, key in shown)
            self._show_clashes(data, shown)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.created_name = " ".join(self.name.text().split())
        self.accept()

    def _validate_only(self, s, data: VolunteerInput) -> None:
        # An edit with the ID number left empty keeps the stored one, which the form never holds:
        # the service checks it on the next save, once the form's own problems are fixed.
        if self.volunteer_id is None or (data.id_number or "").strip():
            volunteers.validate(s, data, existing_id=self.volunteer_id)


NewVolunteerDialog = VolunteerFormDialog  # the name the first version of the page used
