"""The USB scanner: an application-wide key filter that tells a scanner's burst from a person typing.

A USB QR scanner is a keyboard. It types the card code at 10-30 ms per character and ends with
Enter (or Tab); a person leaves 80 ms or more between keys. So every printable key press is held
back for at most SCANNER_MAX_GAP_MS. If the next key comes sooner, it joins a burst; a burst of at
least MIN_SCAN_LENGTH characters ended by Enter or Tab is a scan: it is emitted as `scanned` and
never reaches the focused widget, its first characters included. Anything else (a pause, a short
burst, Backspace, a shortcut, an auto-repeated key) replays the held keys in order to the widget
that had focus, so typing works as before, at most 50 ms later: too little for a person to notice.

Keys are looked at once, where Qt delivers them first: at the focus widget (or at the window when
nothing has focus). The copies Qt sends to the QWindow before, and to parents when a child ignores
a key, are left alone. A key it swallows is still shown to the application's other event filters
(sent to a private receiver that ignores it): for the idle lock, scanning is someone at the PC.

The clock is injectable (milliseconds, any origin) so tests can type at scanner or human speed
without sleeping; the replay timer is the only real-time part.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

# Scanners type a character every 10-30 ms, people rarely faster than 80 ms for more than two keys
# in a row: 50 ms sits between the two with room on both sides. A slow Bluetooth scanner may need
# more; a very fast typist typing MIN_SCAN_LENGTH keys and Enter all under 50 ms apart is unheard of.
SCANNER_MAX_GAP_MS = 50
# Shorter bursts ended by Enter are a person (a quick "ok" + Enter). A card code has 13 characters;
# 4 is enough to catch truncated and foreign codes too, which the console then shows in red.
MIN_SCAN_LENGTH = 4
# What a scan may hold; anything longer is still swallowed but not kept (the service refuses it).
MAX_SCAN_LENGTH = 1024

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
})
# Keys with these held are shortcuts, never part of a code (Shift is: scanners type capitals with it).
SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)

Clock = Callable[[], float]


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass(frozen=True)
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerFilter(QObject):
    """Install with `install()`; `scanned` carries each code; `accepts()` may turn it off for a while."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = monotonic_ms,
        max_gap_ms: float = SCANNER_MAX_GAP_MS,
        min_length: int = MIN_SCAN_LENGTH,
        accepts: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_gap = max_gap_ms
        self._min_length = min_length
        self._accepts = accepts
        self._held: list[_HeldKey] = []
        self._last_key_at = 0.0
        self._replaying = False
        self._installed = False
        self._echo = QObject(self)  # receives the swallowed keys, for the other filters to see
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(max_gap_ms))
        self._timer.timeout.connect(self.flush)

    # --- installing --------------------------------------------------------------------------

    def install(self) -> None:
        """Put the filter first in the application's filters (Qt calls the newest first)."""
        app = QCoreApplication.instance()
        if app is None:
            return
        app.removeEventFilter(self)
        app.installEventFilter(self)
        self._installed = True

    def uninstall(self) -> None:
        self.flush()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def is_installed(self) -> bool:
        return self._installed

    def pending(self) -> str:
        """The characters held back right now (tests and the curious)."""
        return "".join(h.text for h in self._held)

    # --- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if watched is not focus and not (focus is None and watched.isWindow()):
            return False  # the QWindow's copy, or a parent's after the child ignored the key
        if self._accepts is not None and not self._accepts():
            self.flush()
            return False
        swallowed = self._take(watched, event)  # type: ignore[arg-type]
        if swallowed:
            QCoreApplication.sendEvent(self._echo, event)
        return swallowed

    def _take(self, target: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if key in MODIFIER_KEYS:
            return False  # Shift before a capital letter: part of the burst, nothing to hold
        now = self._clock()
        in_burst = bool(self._held) and now - self._last_key_at <= self._max_gap
        shortcut = bool(event.modifiers() & SHORTCUT_MODIFIERS)
        if key in TERMINATORS and not shortcut and not event.isAutoRepeat():
            if in_burst and len(self._held) >= self._min_length:
                code = self.pending()[:MAX_SCAN_LENGTH]
                self._reset()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        text = event.text()
        if shortcut or event.isAutoRepeat() or not text or not text.isprintable():
            self.flush()
            return False
        if self._held and not in_burst:
            self.flush()  # a pause: what came before was typed by a person
        if len(self._held) < MAX_SCAN_LENGTH:
            self._held.append(_HeldKey(target, key, event.modifiers(), text))
        self._last_key_at = now
        self._timer.start()
        return True

    def flush(self) -> None:
        """Give the held keys to the widgets they were meant for, in order."""
        held = self._held
        self._reset()
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.target):
                    QCoreApplication.sendEvent(h.target, QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._held = []
        self._timer.stop()
