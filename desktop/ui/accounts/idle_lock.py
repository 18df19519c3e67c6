"""The idle lock: after some minutes without keyboard or mouse, the window hides behind a password.

A station PC is shared and the check-in laptop stands at an open entrance; personal data must not
stay on screen for whoever walks by. The overlay covers the whole window (menus included), is
opaque, and disables everything under it until the same person types their password, or someone
else signs in (the window then changes hands: `user_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services import accounts
from desktop.services.permissions import Actor
from desktop.ui.accounts.first_admin_dialog import password_field

# What counts as someone using the PC (a USB scanner types keys, so scanning counts too).
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Emits `idle` after `interval_ms` without input anywhere in the application (0: never)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._paused = False
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(max(0, interval_ms))
        self.restart()

    def interval(self) -> int:
        return self._timer.interval()

    def restart(self) -> None:
        if self._timer.interval() > 0 and not self._paused:
            self._timer.start()
        else:
            self._timer.stop()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        self.restart()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockOverlay(QWidget):
    """The opaque cover with the password field; a child of the window, kept at its full size."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(False)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(400)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("User name"))
        self.password = password_field()
        self.password.setPlaceholderText(self.tr("Password"))
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Sign in as someone else"))
        self.switch_button.setFlat(True)
        column = QVBoxLayout(card)
        column.setContentsMargins(24, 22, 24, 18)
        column.setSpacing(10)
        for widget in (self.title, self.hint, self.username, self.password, self.message,
                       self.unlock_button, self.switch_button):
            column.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.hide()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#eef1f5"))  # opaque: nothing of the window shows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class IdleLock(QObject):
    """Locks `window` after `minutes` idle (the station setting idle_lock_minutes; 0 = never).

    `actor()` gives who is signed in now. Unlocking asks that person's password with the usual
    lock-out; "Sign in as someone else" accepts any active account and emits `user_changed`.
    """

    locked = Signal()
    unlocked = Signal(object)  # the Actor, the same person
    user_changed = Signal(object)  # the Actor who signed in instead

    def __init__(
        self,
        window: QMainWindow,
        database: Database,
        actor,
        minutes: int,
        *,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self._actor = actor
        self.watcher = IdleWatcher(interval_ms if interval_ms is not None else minutes * 60_000, self)
        self.watcher.idle.connect(self.lock)
        self.overlay = LockOverlay(window)
        self.overlay.unlock_button.clicked.connect(self.try_unlock)
        self.overlay.password.returnPressed.connect(self.try_unlock)
        self.overlay.username.returnPressed.connect(self.overlay.password.setFocus)
        self.overlay.switch_button.clicked.connect(self.switch_user)
        self._switching = False
        self._disabled: list[QWidget] = []

    def set_minutes(self, minutes: int) -> None:
        """After the setting changed; 0 turns the lock off."""
        self.watcher.set_interval(minutes * 60_000)

    def is_locked(self) -> bool:
        return self.overlay.isVisible()

    def lock(self) -> None:
        if self.is_locked():
            return
        self.watcher.pause()
        actor: Actor = self._actor()
        # Everything under the cover is disabled: no shortcut, menu or scanner input reaches it.
        self._disabled = [
            w for w in self.window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w is not self.overlay and w.isEnabled()
        ]
        for widget in self._disabled:
            widget.setEnabled(False)
        self._switching = False
        self._show_form(actor)
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()
        self.locked.emit()

    def _show_form(self, actor: Actor) -> None:
        o = self.overlay
        o.message.hide()
        o.password.clear()
        o.username.clear()
        o.username.setVisible(self._switching)
        o.switch_button.setVisible(not self._switching)
        if self._switching:
            o.title.setText(self.tr("Sign in"))
            o.hint.setText(self.tr("The window will be yours; {name} is signed out.").format(name=actor.name))
        else:
            o.title.setText(self.tr("Locked"))
            o.hint.setText(
                self.tr("StationDesk locked itself after a while without use. {name}, type your password.").format(
                    name=actor.name
                )
            )

    def switch_user(self) -> None:
        self._switching = True
        self._show_form(self._actor())
        self.overlay.username.setFocus()

    def try_unlock(self) -> bool:
        o = self.overlay
        with self.database.uow() as s:  # committed even on refusal: failed tries count
            if self._switching:
                result = accounts.login(s, o.username.text(), o.password.text())
            else:
                result = accounts.unlock_session(s, self._actor(), o.password.text())
        o.password.clear()
        if not result.ok:
            o.message.setText(result.message)
            o.message.show()
            o.password.setFocus()
            return False
        current: Actor = self._actor()
        self._release()
        if result.actor.id == current.id:
            self.unlocked.emit(result.actor)
        else:
            self.user_changed.emit(result.actor)
        return True

    def _release(self) -> None:
        self.overlay.hide()
        for widget in self._disabled:
            widget.setEnabled(True)
        self._disabled = []
        self.watcher.resume()
