"""Sign-in: user name and password; after an administrator's reset, the person chooses a new password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services import accounts
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor
from desktop.ui.accounts.first_admin_dialog import FirstAdminDialog, password_field
from desktop.ui.forms import ErrorForm


class LoginDialog(QDialog):
    """Accepted with `actor` set. Refusals (wrong password, locked account) are shown in the dialog."""

    def __init__(self, database: Database, station_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor: Actor | None = None
        self._password_typed = ""
        self.setWindowTitle(self.tr("Sign in to StationDesk"))
        self.setMinimumWidth(420)
        title = QLabel(station_name or self.tr("Sign in to StationDesk"))
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)

        self.sign_in_form = ErrorForm()
        self.username = self.sign_in_form.add_field("username", self.tr("User name"), QLineEdit())
        self.password = self.sign_in_form.add_field("password", self.tr("Password"), password_field())
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in)
        sign_in_page = QWidget()
        QVBoxLayout(sign_in_page).addLayout(self.sign_in_form)

        # Second step, only after an administrator reset the password.
        self.change_form = ErrorForm()
        note = QLabel(self.tr("An administrator set this password for you. Choose your own now."))
        note.setWordWrap(True)
        self.new_password = self.change_form.add_field(
            "password", self.tr("New password"), password_field(),
            self.tr("At least {n} characters.").format(n=accounts.MIN_PASSWORD_LENGTH),
        )
        self.repeat = self.change_form.add_field("repeat", self.tr("New password again"), password_field())
        self.repeat.returnPressed.connect(self.choose_password)
        change_page = QWidget()
        change_layout = QVBoxLayout(change_page)
        change_layout.addWidget(note)
        change_layout.addLayout(self.change_form)

        self.steps = QStackedWidget()
        self.steps.addWidget(sign_in_page)
        self.steps.addWidget(change_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign in"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.steps)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def _ok(self) -> None:
        if self.steps.currentIndex() == 0:
            self.sign_in()
        else:
            self.choose_password()

    def sign_in(self) -> None:
        # The unit of work commits even for a refusal: that is how failed tries are counted.
        with self.database.uow() as s:
            result = accounts.login(s, self.username.text(), self.password.text())
        if not result.ok:
            self.password.clear()
            self.sign_in_form.show_message(result.message)
            self.password.setFocus()
            return
        self.actor = result.actor
        if result.must_change_password:
            self._password_typed = self.password.text()
            self.steps.setCurrentIndex(1)
            self.ok_button.setText(self.tr("Save and sign in"))
            self.new_password.setFocus()
            return
        self.accept()

    def choose_password(self) -> None:
        assert self.actor is not None
        if self.new_password.text() != self.repeat.text():
            self.change_form.show_errors({"repeat": self.tr("The two passwords differ.")})
            return
        try:
            with self.database.uow() as s:
                accounts.change_password(s, self.actor, self._password_typed, self.new_password.text())
        except ValidationError as exc:
            self.change_form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.change_form.show_message(str(exc))
            return
        self._password_typed = ""
        self.accept()

    def reject(self) -> None:
        self.actor = None  # a reset password not yet replaced does not let anyone in
        super().reject()


def sign_in_dialog(database: Database, station_name: str = "", parent: QWidget | None = None) -> QDialog:
    """The dialog the start needs: the first administrator on a new file, else the sign-in.
    Both are accepted with `.actor` set."""
    with database.reader() as s:
        first = accounts.needs_first_admin(s)
    if first:
        return FirstAdminDialog(database, parent)
    return LoginDialog(database, station_name, parent)


def sign_in(database: Database, station_name: str = "", parent: QWidget | None = None) -> Actor | None:
    """Ask who is at the PC (blocking, for the start-up); None when they closed the dialog."""
    dialog = sign_in_dialog(database, station_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor  # type: ignore[attr-defined]
