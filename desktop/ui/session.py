"""Who is at the keyboard: sign-in at start, the idle lock, and the account items of the File menu."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.db import Database
from desktop.services import settings as station_settings
from desktop.services.permissions import Actor
from desktop.ui.accounts.idle_lock import IdleLock


class Session(QObject):
    """Keeps the window's actor in step with whoever signed in; one per main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        database: Database = window.database
        with database.reader() as s:
            minutes = station_settings.load(s).idle_lock_minutes
        self.lock = IdleLock(window, database, lambda: window.actor, minutes)
        self.lock.user_changed.connect(window.set_actor)
        self._add_menu_items()

    def _add_menu_items(self) -> None:
        menu = self.window.account_menu
        before = self.window.account_separator
        self.backups_action = QAction(self.tr("Backups…"), self.window)
        self.backups_action.triggered.connect(self.open_backups)
        self.password_action = QAction(self.tr("Change my password…"), self.window)
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self.tr("Lock now"), self.window)
        self.lock_action.triggered.connect(self.lock.lock)
        self.sign_out_action = QAction(self.tr("Sign out"), self.window)
        self.sign_out_action.triggered.connect(self.sign_out)
        for action in (self.backups_action, self.password_action, self.lock_action, self.sign_out_action):
            menu.insertAction(before, action)
        self.actor_changed(self.window.actor)
        self.lock.user_changed.connect(self.actor_changed)

    def actor_changed(self, actor: Actor) -> None:
        self.backups_action.setVisible(actor.can("backup"))
        signed_in = actor.id is not None  # the command line's system actor has no password
        self.password_action.setVisible(signed_in)
        self.lock_action.setVisible(signed_in)
        self.sign_out_action.setVisible(signed_in)

    def open_backups(self) -> None:
        from desktop.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(self.window.database, self.window.actor, self.window)
        dialog.restored.connect(self._restored)
        dialog.open()

    def _restored(self, *_args) -> None:
        # The file under the window changed: ask who is working now, then rebuild every page.
        self.sign_out()

    def change_password(self) -> None:
        from desktop.ui.accounts.password_dialogs import ChangePasswordDialog

        ChangePasswordDialog(self.window.database, self.window.actor, self.window).open()

    def sign_out(self) -> None:
        """Hand the window to the next person: the lock screen asks who signs in."""
        self.lock.lock()
