"""The scanner key filter: bursts at scanner speed are scans and never reach the focused field;
a person typing, shortcuts, editing keys and short bursts reach it unchanged and in order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop import codes
from desktop.ui.checkin.scanner import (
    MAX_SCAN_LENGTH,
    MIN_SCAN_LENGTH,
    SCANNER_MAX_GAP_MS,
    ScannerFilter,
)

SCANNER_GAP_MS = 15  # a USB scanner: 10-30 ms per character
TYPING_GAP_MS = 120  # a person: 80 ms or more


class FakeClock:
    def __init__(self) -> None:
        self.ms = 1_000.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def form(qtbot):
    """A window with a focused line edit, as a search box in any dialog would be."""
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    other = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    return window, field, other


@pytest.fixture
def scanner(clock):
    f = ScannerFilter(clock=clock)
    scans: list[str] = []
    f.scanned.connect(scans.append)
    f.install()
    f.scans = scans  # type: ignore[attr-defined]
    yield f
    f.uninstall()


def key(target, code: Qt.Key | int, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier, *, repeat=False) -> None:
    """A key press and release sent as Qt delivers them (QTest.keyClick in PySide6 6.12 drops a
    reference to None on every call: a few thousand calls crash the interpreter at exit)."""
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, code, modifiers, text, repeat))
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, code, modifiers, text, repeat))


def char_key(ch: str) -> int:
    return ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown


def type_text(target, text: str, gap_ms: float, clock: FakeClock, end: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """Key presses with the filter's clock moved on by `gap_ms` before each (no real waiting)."""
    for ch in text:
        clock.ms += gap_ms
        key(target, char_key(ch), ch)
    if end is not None:
        clock.ms += gap_ms
        key(target, end)


def test_the_threshold_sits_between_scanners_and_people():
    assert 30 < SCANNER_MAX_GAP_MS < 80
    assert MIN_SCAN_LENGTH <= codes.LENGTH


def test_a_burst_at_scanner_speed_is_a_scan_and_nothing_reaches_the_field(form, scanner, clock, qtbot):
    _window, field, _other = form
    code = codes.make_code()
    returns = []
    field.returnPressed.connect(lambda: returns.append(True))
    type_text(field, code, SCANNER_GAP_MS, clock)
    assert scanner.scans == [code]
    assert field.text() == ""  # not even the first characters, held before the burst was known
    assert returns == []  # the scanner's Enter was swallowed too
    assert scanner.pending() == ""


def test_a_person_typing_reaches_the_field_in_order_and_is_no_scan(form, scanner, clock, qtbot):
    _window, field, _other = form
    returns = []
    field.returnPressed.connect(lambda: returns.append(field.text()))
    type_text(field, "ZY7KQ3HX9MC2T", TYPING_GAP_MS, clock)
    assert scanner.scans == []
    assert field.text() == "ZY7KQ3HX9MC2T"
    assert returns == ["ZY7KQ3HX9MC2T"]  # Enter arrived after the last character


def test_fast_keys_without_enter_are_given_back_after_the_pause(form, scanner, clock, qtbot):
    _window, field, _other = form
    type_text(field, "abc", SCANNER_GAP_MS, clock, end=None)
    assert field.text() == "" and scanner.pending() == "abc"  # held: it might be a scan
    qtbot.waitUntil(lambda: field.text() == "abc", timeout=2000)  # the real-time pause ends it
    assert scanner.scans == []


def test_a_short_fast_burst_with_enter_is_typing(form, scanner, clock):
    _window, field, _other = form
    returns = []
    field.returnPressed.connect(lambda: returns.append(field.text()))
    type_text(field, "ok", SCANNER_GAP_MS, clock)
    assert scanner.scans == []
    assert returns == ["ok"]


def test_tab_ends_a_scan_as_well_and_does_not_move_the_focus(form, scanner, clock):
    _window, field, _other = form
    code = codes.make_code()
    type_text(field, code, SCANNER_GAP_MS, clock, end=Qt.Key.Key_Tab)
    assert scanner.scans == [code]
    assert QApplication.focusWidget() is field


def test_what_a_person_typed_before_a_scan_stays_in_the_field(form, scanner, clock):
    _window, field, _other = form
    type_text(field, "wxy", TYPING_GAP_MS, clock, end=None)
    clock.ms += 2_000  # the card comes out of a pocket
    code = codes.make_code()
    type_text(field, code, SCANNER_GAP_MS, clock)
    assert scanner.scans == [code]
    assert field.text() == "wxy"


def test_shift_for_capitals_does_not_break_a_burst(form, scanner, clock):
    _window, field, _other = form
    code = codes.make_code()
    shift = Qt.KeyboardModifier.ShiftModifier
    for ch in code:
        clock.ms += SCANNER_GAP_MS / 2
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift))
        clock.ms += SCANNER_GAP_MS / 2
        key(field, char_key(ch), ch, shift)
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier))
    clock.ms += SCANNER_GAP_MS
    key(field, Qt.Key.Key_Return)
    assert scanner.scans == [code]
    assert field.text() == ""


def test_editing_keys_and_shortcuts_pass_at_once_after_the_held_keys(form, scanner, clock):
    _window, field, _other = form
    type_text(field, "abc", SCANNER_GAP_MS, clock, end=None)
    clock.ms += SCANNER_GAP_MS
    key(field, Qt.Key.Key_Backspace)  # replays "abc" first, then deletes the "c"
    assert field.text() == "ab"
    clock.ms += SCANNER_GAP_MS
    key(field, Qt.Key.Key_A, "\x01", Qt.KeyboardModifier.ControlModifier)  # select all
    assert field.selectedText() == "ab"
    assert scanner.scans == []


def test_an_auto_repeated_key_is_a_person_holding_it(form, scanner, clock):
    _window, field, _other = form
    for _ in range(6):
        clock.ms += 30  # auto-repeat is as fast as a scanner
        key(field, Qt.Key.Key_X, "x", repeat=True)
    clock.ms += 30
    key(field, Qt.Key.Key_Return)
    assert field.text() == "xxxxxx"
    assert scanner.scans == []


def test_keys_through_the_window_are_looked_at_once(form, scanner, clock):
    """Real key presses reach the QWindow first, then the focus widget: one scan, not two."""
    window, field, _other = form
    code = codes.make_code()
    type_text(window.windowHandle(), code, SCANNER_GAP_MS, clock)
    assert scanner.scans == [code]
    assert field.text() == ""
    type_text(window.windowHandle(), "hi", TYPING_GAP_MS, clock, end=None)
    clock.ms += TYPING_GAP_MS
    key(window.windowHandle(), Qt.Key.Key_Backspace)
    assert field.text() == "h"


def test_a_filter_that_does_not_accept_now_lets_everything_through(form, clock):
    _window, field, _other = form
    f = ScannerFilter(clock=clock, accepts=lambda: False)
    scans: list[str] = []
    f.scanned.connect(scans.append)
    f.install()
    try:
        type_text(field, "ZYABCDEFGHJK2", SCANNER_GAP_MS, clock)
    finally:
        f.uninstall()
    assert scans == [] and field.text() == "ZYABCDEFGHJK2"


def test_an_endless_burst_is_cut_to_the_limit(form, scanner, clock):
    _window, field, _other = form
    type_text(field, "A" * (MAX_SCAN_LENGTH + 50), 2, clock)
    assert scanner.scans == ["A" * MAX_SCAN_LENGTH]
    assert field.text() == ""


def test_uninstalled_it_gives_back_what_it_held(form, clock):
    _window, field, _other = form
    f = ScannerFilter(clock=clock)
    f.install()
    type_text(field, "ab", SCANNER_GAP_MS, clock, end=None)
    assert field.text() == ""
    f.uninstall()
    assert field.text() == "ab" and not f.is_installed()


def test_swallowed_keys_still_count_as_someone_using_the_pc(form, clock):
    """An earlier filter (the idle lock's) sees the scanner's keys even though the field does not."""
    _window, field, _other = form

    class Watcher(QObject):
        presses = 0

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.KeyPress:
                self.presses += 1
            return False

    watcher = Watcher()
    QApplication.instance().installEventFilter(watcher)
    f = ScannerFilter(clock=clock)
    f.install()
    try:
        type_text(field, "ZYABCDEFGHJK2", SCANNER_GAP_MS, clock)
    finally:
        f.uninstall()
        QApplication.instance().removeEventFilter(watcher)
    assert field.text() == ""
    assert watcher.presses == 14  # 13 characters and Enter, each seen once
