"""Kiosk mode: the console full screen on a dedicated PC; leaving it takes a staff password.

The password is checked by services.accounts.login (any active staff account, user name and
password), so wrong tries count towards the account's lock-out like any other login, and a
success is in the audit log. A file without any staff account has no password to ask for: kiosk
mode is then refused with a message rather than offered without protection.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services import accounts
from desktop.services.permissions import Actor


def kiosk_possible(database: Database) -> bool:
    """True when there is a staff account whose password can unlock the kiosk."""
    with database.reader() as s:
        return not accounts.needs_first_admin(s)


def check_staff_password(database: Database, username: str, password: str) -> tuple[Actor | None, str]:
    """(the staff member, "") or (None, why not); the attempt is committed, refused or not."""
    with database.uow() as s:
        result = accounts.login(s, username, password)
    return result.actor, result.message


class KioskExitPanel(QWidget):
    """Covers the console while a staff member types their password; `left` on success."""

    left = Signal(object)  # the Actor who unlocked

    def __init__(self, database: Database, console: QWidget) -> None:
        super().__init__(console)
        self.database = database
        self.setObjectName("kioskExit")
        card = QFrame()
        card.setObjectName("kioskCard")
        card.setFixedWidth(440)
        card.setStyleSheet("#kioskCard { background: #ffffff; border-radius: 12px; }")
        title = QLabel(self.tr("Leave full-screen mode"))
        title.setObjectName("dialogTitle")
        hint = QLabel(self.tr("A staff member's user name and password are needed."))
        hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.leave_button = QPushButton(self.tr("Leave full screen"))
        self.leave_button.setObjectName("primaryButton")
        self.back_button = QPushButton(self.tr("Back to check-in"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.leave_button)
        column = QVBoxLayout(card)
        column.setContentsMargins(26, 22, 26, 20)
        column.setSpacing(10)
        for widget in (title, hint, self.username, self.password, self.message):
            column.addWidget(widget)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.try_leave)
        self.leave_button.clicked.connect(self.try_leave)
        self.back_button.clicked.connect(self.close_panel)
        console.installEventFilter(self)
        self.hide()

    def open_panel(self) -> None:
        self.username.clear()
        self.password.clear()
        self.message.hide()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_panel(self) -> None:
        self.password.clear()
        self.hide()

    def try_leave(self) -> bool:
        actor, message = check_staff_password(self.database, self.username.text(), self.password.text())
        self.password.clear()
        if actor is None:
            self.message.setText(message)
            self.message.show()
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.hide()
        self.left.emit(actor)
        return True

    def paintEvent(self, _event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), QColor(20, 26, 34, 215))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
