"""Passwords: change one's own (knowing the current one), or an administrator's reset of someone's."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import accounts
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor
from desktop.ui.accounts.first_admin_dialog import password_field
from desktop.ui.forms import ErrorForm


class _PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(440)
        self.form = ErrorForm()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _new_fields(self, label: str) -> None:
        self.new_password = self.form.add_field(
            "password", label, password_field(),
            self.tr("At least {n} characters.").format(n=accounts.MIN_PASSWORD_LENGTH),
        )
        self.repeat = self.form.add_field("repeat", self.tr("Again, to be sure"), password_field())

    def _differ(self) -> bool:
        if self.new_password.text() != self.repeat.text():
            self.form.show_errors({"repeat": self.tr("The two passwords differ.")})
            return True
        return False

    def _run(self, action) -> None:
        try:
            action()
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()

    def save(self) -> None:
        raise NotImplementedError


class ChangePasswordDialog(_PasswordDialog):
    """The signed-in person changes their own password (File > Change password)."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change your password"))
        self.intro.setText(self.tr("Signed in as {name}.").format(name=actor.name))
        self.database = database
        self.actor = actor
        self.old_password = self.form.add_field("old_password", self.tr("Current password"), password_field())
        self._new_fields(self.tr("New password"))
        self._finish_layout()

    def save(self) -> None:
        if self._differ():
            return

        def change() -> None:
            with self.database.uow() as s:
                accounts.change_password(s, self.actor, self.old_password.text(), self.new_password.text())

        self._run(change)


class ResetPasswordDialog(_PasswordDialog):
    """An administrator gives someone a temporary password; they choose their own at the next sign-in."""

    def __init__(
        self, database: Database, actor: Actor, account_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password of {name}").format(name=name))
        self.intro.setText(
            self.tr(
                "Give {name} this temporary password in person. At the next sign-in StationDesk "
                "asks them to choose their own. A locked account is unlocked as well."
            ).format(name=name)
        )
        self.database = database
        self.actor = actor
        self.account_id = account_id
        self._new_fields(self.tr("Temporary password"))
        self._finish_layout()

    def save(self) -> None:
        if self._differ():
            return

        def reset() -> None:
            with self.database.uow() as s:
                accounts.reset_password(s, self.actor, self.account_id, self.new_password.text())

        self._run(reset)
