"""The first start: a new file has no accounts, so the person at the PC creates the administrator."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import accounts
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor
from desktop.ui.forms import ErrorForm


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FirstAdminDialog(QDialog):
    """Accepted with `actor` set to the new administrator, who is then logged in."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.setMinimumWidth(520)
        title = QLabel(self.tr("Create the administrator account"))
        title.setObjectName("dialogTitle")
        intro = QLabel(
            self.tr(
                "StationDesk keeps personal data and official service hours, so everyone signs in. "
                "The administrator manages settings, backups and the other staff accounts. "
                "Keep this password safe: nobody can read it back."
            )
        )
        intro.setWordWrap(True)
        self.form = ErrorForm()
        self.username = self.form.add_field(
            "username", self.tr("User name"), QLineEdit(), self.tr("One word, e.g. wangfang.")
        )
        self.display_name = self.form.add_field("display_name", self.tr("Your name"), QLineEdit())
        self.password = self.form.add_field(
            "password", self.tr("Password"), password_field(),
            self.tr("At least {n} characters.").format(n=accounts.MIN_PASSWORD_LENGTH),
        )
        self.repeat = self.form.add_field("repeat", self.tr("Password again"), password_field())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and sign in"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.form.show_errors({"repeat": self.tr("The two passwords differ.")})
            return
        try:
            with self.database.uow() as s:
                self.actor = accounts.create_first_admin(
                    s, self.username.text(), self.display_name.text(), self.password.text()
                )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()
