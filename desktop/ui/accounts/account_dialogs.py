"""An administrator's forms: a new staff account, and another role for an existing one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.models import ROLES
from desktop.services import accounts
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor
from desktop.ui.accounts.first_admin_dialog import password_field
from desktop.ui.forms import ErrorForm


def role_box() -> QComboBox:
    box = QComboBox()
    for role in ROLES:
        box.addItem(accounts.role_label(role), role)
    return box


def role_help() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "AccountDialogs",
        "Administrator: everything, including settings, backups, staff accounts and the audit log.\n"
        "Coordinator: volunteers, teams, events, hours review, printing and the shop.\n"
        "Check-in operator: the check-in console and signing in by hand only.",
    )


class NewAccountDialog(QDialog):
    """Accepted with `created_id`; the person chooses their own password at the first sign-in."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New staff account"))
        self.setMinimumWidth(520)
        self.form = ErrorForm()
        self.username = self.form.add_field(
            "username", self.tr("User name"), QLineEdit(), self.tr("One word, used to sign in.")
        )
        self.display_name = self.form.add_field("display_name", self.tr("Name"), QLineEdit())
        self.role = self.form.add_field("role", self.tr("Role"), role_box(), role_help())
        self.role.setCurrentIndex(self.role.findData("operator"))
        self.password = self.form.add_field(
            "password", self.tr("First password"), password_field(),
            self.tr("Tell the person in person; they choose their own at the first sign-in."),
        )
        self.repeat = self.form.add_field("repeat", self.tr("Again, to be sure"), password_field())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.form.show_errors({"repeat": self.tr("The two passwords differ.")})
            return
        try:
            with self.database.uow() as s:
                self.created_id = accounts.create_account(
                    s, self.actor, self.username.text(), self.display_name.text(),
                    self.role.currentData(), self.password.text(),
                )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()


class RoleDialog(QDialog):
    """Choose another role for one account; accepted once the service agreed."""

    def __init__(
        self, database: Database, actor: Actor, account: accounts.AccountRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.account = account
        self.setWindowTitle(self.tr("Role of {name}").format(name=account.display_name))
        self.setMinimumWidth(480)
        self.form = ErrorForm()
        self.role = self.form.add_field("role", self.tr("Role"), role_box())
        self.role.setCurrentIndex(self.role.findData(account.role))
        help_text = QLabel(role_help())
        help_text.setObjectName("fieldHint")
        help_text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(self.form)
        layout.addWidget(help_text)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.database.uow() as s:
                accounts.set_role(s, self.actor, self.account.id, self.role.currentData())
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()
