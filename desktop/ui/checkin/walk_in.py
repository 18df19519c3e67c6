"""Quick registration of a walk-in: the few fields a volunteer record needs, then signed in at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import volunteers
from desktop.services.checkin import ScanOutcome
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.volunteers import VolunteerInput
from desktop.ui.forms import ErrorForm

Register = Callable[[VolunteerInput], ScanOutcome]


class WalkInDialog(QDialog):
    """`register` saves and signs in (one unit of work, in the console); errors stay on the form."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.setWindowTitle(self.tr("New walk-in volunteer"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Registers a new volunteer and signs them in to this event. The rest of the record "
                "(skills, teams, consent) can be completed later on the Volunteers page."
            )
        )
        intro.setWordWrap(True)
        self.form = ErrorForm()
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.id_type = QComboBox()
        for key in volunteers.ID_TYPE_LABELS:
            self.id_type.addItem(volunteers.label(volunteers.ID_TYPE_LABELS, key), key)
        self.form.add_field("id_type", self.tr("ID type"), self.id_type)
        self.id_number = self.form.add_field("id_number", self.tr("ID number"), QLineEdit())
        self.phone = self.form.add_field("phone", self.tr("Mobile phone"), QLineEdit())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Register and sign in"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setAutoDefault(False)  # a scanner's Enter must not register anyone
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def start(self, name: str = "") -> None:
        for field in (self.name, self.id_number, self.phone):
            field.clear()
        self.name.setText(name)
        self.form.clear_errors()
        self.show()
        self.raise_()
        self.activateWindow()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def data(self) -> VolunteerInput:
        return VolunteerInput(
            name=self.name.text(),
            id_type=self.id_type.currentData(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
        )

    def save(self) -> ScanOutcome | None:
        try:
            outcome = self._register(self.data())
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return None
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return None
        self.hide()
        return outcome
