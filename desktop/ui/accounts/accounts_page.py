"""The Staff accounts page (administrators): who may sign in, with which role; new, role, disable,
reset password, unlock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.models import utcnow
from desktop.services import accounts
from desktop.services.errors import ServiceError
from desktop.services.permissions import Actor
from desktop.ui.accounts.account_dialogs import NewAccountDialog, RoleDialog
from desktop.ui.accounts.password_dialogs import ResetPasswordDialog
from desktop.ui.context import AppContext
from desktop.ui.models.paged import CENTRE, Column, SqlPagedModel
from desktop.ui.pages.base import Page
from desktop.ui.widgets import make_table

MUTED = QColor("#8a94a6")
WARNING = QColor("#b3261e")


class AccountModel(SqlPagedModel[None, accounts.AccountRow]):
    CONTEXT = "AccountModel"
    COLUMNS = (
        Column("username", QT_TRANSLATE_NOOP("AccountModel", "User name"), width=140),
        Column("display_name", QT_TRANSLATE_NOOP("AccountModel", "Name"), width=140),
        Column("role", QT_TRANSLATE_NOOP("AccountModel", "Role"), width=150),
        Column("state", QT_TRANSLATE_NOOP("AccountModel", "State"), align=CENTRE, width=170),
        Column("last_login_at", QT_TRANSLATE_NOOP("AccountModel", "Last sign-in"), width=150),
    )

    def __init__(self, database, actor: Actor, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(database, None, **kwargs)

    def count_rows(self, s, query) -> int:
        return accounts.count_accounts(s, self.actor)

    def fetch_rows(self, s, query, offset: int, limit: int) -> list[accounts.AccountRow]:
        return accounts.list_accounts(s, self.actor, offset, limit)

    def display(self, row: accounts.AccountRow, column: Column) -> str:
        from PySide6.QtCore import QCoreApplication

        if column.key == "role":
            return accounts.role_label(row.role)
        if column.key == "state":
            if not row.active:
                return QCoreApplication.translate("AccountModel", "Disabled")
            if row.locked(utcnow()):
                return QCoreApplication.translate("AccountModel", "Locked until {time}").format(
                    time=row.locked_until.astimezone().strftime("%H:%M")
                )
            if row.must_change_password:
                return QCoreApplication.translate("AccountModel", "New password pending")
            return QCoreApplication.translate("AccountModel", "Active")
        if column.key == "last_login_at":
            return row.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.last_login_at else ""
        return super().display(row, column)

    def cell_role(self, row: accounts.AccountRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.active:
                return MUTED
            if column.key == "state" and row.locked(utcnow()):
                return WARNING
        return None


class AccountsPage(Page):
    """For actors who may manage accounts (the services refuse anyone else with PermissionDenied,
    so the window offers the page only when `actor.can("accounts")`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Staff accounts"), parent=parent)
        self.model = AccountModel(ctx.database, ctx.actor)
        self._dialog: QWidget | None = None
        self.new_button = QPushButton(self.tr("New account…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_account)
        self.header.actions.addWidget(self.new_button)

        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self.tr("Disable"))
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for button in (self.role_button, self.active_button, self.reset_button, self.unlock_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.body.addLayout(bar)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.body.addWidget(self.message)

        self.table = make_table(self.model)
        self.table.setSortingEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.change_role())
        self.body.addWidget(self.table, 1)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    # --- selection ---------------------------------------------------------------------------

    def selected(self) -> accounts.AccountRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_account(self, account_id: int) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.row_at(row)
            if item is not None and item.id == account_id:
                self.table.selectRow(row)
                return

    def _after_reset(self) -> None:
        self.header.set_subtitle(self.tr("{n} accounts").format(n=self.model.total()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.role_button, self.active_button, self.reset_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and (row.locked(utcnow())))
        self.active_button.setText(self.tr("Enable") if row is not None and not row.active else self.tr("Disable"))

    def refresh(self) -> None:
        current = self.selected()
        self.model.refresh()
        if current is not None:
            self.select_account(current.id)

    # --- actions -------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _done(self, text: str) -> None:
        self._say("")
        self.refresh()
        self.data_changed.emit()
        self.status_message.emit(text)

    def _open(self, dialog, on_accept) -> None:
        dialog.accepted.connect(on_accept)
        self._dialog = dialog
        dialog.open()

    def new_account(self) -> NewAccountDialog:
        dialog = NewAccountDialog(self.ctx.database, self.ctx.actor, self)

        def created() -> None:
            self._done(self.tr("The account was created."))
            if dialog.created_id is not None:
                self.select_account(dialog.created_id)

        self._open(dialog, created)
        return dialog

    def change_role(self) -> RoleDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = RoleDialog(self.ctx.database, self.ctx.actor, row, self)
        self._open(dialog, lambda: self._done(self.tr("The role was changed.")))
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ResetPasswordDialog(self.ctx.database, self.ctx.actor, row.id, row.display_name, self)
        self._open(dialog, lambda: self._done(self.tr("The password was reset.")))
        return dialog

    def _call(self, action, done_text: str) -> bool:
        try:
            with self.ctx.database.uow() as s:
                action(s)
        except ServiceError as exc:
            self._say(str(exc))
            return False
        self._done(done_text)
        return True

    def toggle_active(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self._call(
            lambda s: accounts.set_active(s, self.ctx.actor, row.id, not row.active),
            self.tr("The account was enabled.") if not row.active else self.tr("The account was disabled."),
        )

    def unlock(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self._call(lambda s: accounts.unlock(s, self.ctx.actor, row.id), self.tr("The account was unlocked."))
