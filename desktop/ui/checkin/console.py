"""The check-in console: one event, scans in, a big coloured answer out, the queue keeps moving.

Input comes from the USB scanner (an application-wide key filter, whatever has focus), a webcam
(decoded on a worker thread) or by hand. Each scan is one unit of work through
services.checkin.process_scan, committed before the panel changes colour.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import checkin, events, stations, volunteers
from desktop.services.checkin import EventCounters, ScanOutcome
from desktop.services.errors import NotFound, ServiceError
from desktop.services.volunteers import VolunteerInput
from desktop.ui.checkin.camera_panel import CameraPanel
from desktop.ui.checkin.feedback import (
    NOTICE,
    REFUSED,
    Feedback,
    FeedbackPanel,
    feedback_for,
    notice,
)
from desktop.ui.checkin.kiosk import KioskExitPanel, kiosk_possible
from desktop.ui.checkin.manual import ManualSignInDialog
from desktop.ui.checkin.scan_model import RecentScansModel
from desktop.ui.checkin.scanner import ScannerFilter, monotonic_ms
from desktop.ui.checkin.sounds import SoundBoard
from desktop.ui.checkin.walk_in import WalkInDialog
from desktop.ui.context import AppContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Other consoles (other PCs) scan the same event: the figures and the list catch up this often.
REFRESH_MS = 5000
SIDE_WIDTH = 400
SOUND_SETTING = "checkin/sound"


class CounterTile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterTile")
        self.value = QLabel("0")
        self.value.setObjectName("counterValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setObjectName("counterCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 6, 14, 6)
        column.setSpacing(0)
        column.addWidget(self.value)
        column.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.value.setText(str(value))


CONSOLE_STYLE = """
#consoleHeader, #consoleFooter { background: #ffffff; }
#consoleTitle { font-size: 20px; font-weight: 600; }
#consoleSubtitle, #counterCaption, #cameraNote, #operatorLabel { color: #5b6576; }
#counterTile { background: #f3f5f8; border-radius: 8px; }
#counterValue { font-size: 30px; font-weight: 700; color: #1f2733; }
#sideTitle { font-weight: 600; color: #374151; }
#consoleFooter QPushButton { min-height: 34px; padding: 0 14px; }
"""


class CheckinConsole(QWidget):
    """A window of its own (a child of the main window, so it closes with it)."""

    shown = Signal(object)  # the Feedback now on the panel, after its unit of work committed

    def __init__(
        self,
        ctx: AppContext,
        event_id: int,
        parent: QWidget | None = None,
        *,
        scanner_clock=monotonic_ms,
    ) -> None:
        with ctx.database.reader() as s:
            detail = events.get_event_detail(s, event_id)  # NotFound goes to the caller, before any widget
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.event_id = event_id
        self.event_detail = detail
        self.kiosk = False
        self.last_outcome: ScanOutcome | None = None
        self.last_scan_ms = 0.0  # the latest scan's unit of work, commit included
        self.counters = EventCounters(0, 0, 0, 0)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setWindowTitle(self.tr("Check-in: {title}").format(title=self.event_detail.data.title))
        self.setMinimumSize(1000, 640)
        self.setStyleSheet(CONSOLE_STYLE)

        self.panel = FeedbackPanel()
        self.recent = RecentScansModel(self)
        self.sounds = SoundBoard(self)
        self.sounds.enabled = _bool_setting(ctx, SOUND_SETTING, True)
        self.manual_dialog: ManualSignInDialog | None = None
        self.walk_in_dialog: WalkInDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        middle.addWidget(self.panel, 1)
        middle.addWidget(self._build_side())
        layout.addLayout(middle, 1)
        layout.addWidget(self._build_footer())
        self.exit_panel = KioskExitPanel(ctx.database, self)
        self.exit_panel.left.connect(self.leave_kiosk)
        self.setFocusProxy(self.panel)

        self.scanner = ScannerFilter(self, clock=scanner_clock, accepts=self._owns_scanner)
        self.scanner.scanned.connect(lambda code: self.take_scan(code, "scanner"))
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_figures)
        self._shortcuts()
        self.refresh_figures()
        self.camera_panel.fill()
        self.resize(1280, 800)

    # --- layout ------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("consoleHeader")
        data = self.event_detail.data
        title = QLabel(data.title)
        title.setObjectName("consoleTitle")
        when = "{start}–{end}".format(
            start=data.start_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            end=data.end_at.astimezone().strftime("%H:%M"),
        )
        subtitle = QLabel(
            self.tr("{when} · {place} · {status}").format(
                when=when, place=data.place or self.tr("no place given"), status=events.status_label(self.event_detail.status)
            )
        )
        subtitle.setObjectName("consoleSubtitle")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(title)
        text.addWidget(subtitle)
        self.tiles = {
            "enrolled": CounterTile(self.tr("Enrolled")),
            "in": CounterTile(self.tr("Signed in now")),
            "out": CounterTile(self.tr("Signed out")),
            "walk_ins": CounterTile(self.tr("Walk-ins")),
        }
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(10)
        row.addLayout(text, 1)
        for tile in self.tiles.values():
            row.addWidget(tile)
        return header

    def _build_side(self) -> QWidget:
        side = QFrame()
        side.setObjectName("consoleSide")
        side.setFixedWidth(SIDE_WIDTH)
        self.camera_panel = CameraPanel(self.ctx.settings, SIDE_WIDTH - 32)
        self.camera_panel.code_seen.connect(lambda code: self.take_scan(code, "camera"))
        scans_title = QLabel(self.tr("Latest scans"))
        scans_title.setObjectName("sideTitle")
        self.scans_view = QTableView()
        self.scans_view.setModel(self.recent)
        self.scans_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scans_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.scans_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scans_view.setShowGrid(False)
        self.scans_view.setAlternatingRowColors(True)
        self.scans_view.setWordWrap(False)
        self.scans_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scans_view.verticalHeader().setVisible(False)
        self.scans_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.scans_view.verticalHeader().setDefaultSectionSize(28)
        header = self.scans_view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((72, 84, 120)):
            self.scans_view.setColumnWidth(column, width)
        column = QVBoxLayout(side)
        column.setContentsMargins(16, 14, 16, 14)
        column.setSpacing(8)
        column.addWidget(self.camera_panel)
        column.addSpacing(8)
        column.addWidget(scans_title)
        column.addWidget(self.scans_view, 1)
        return side

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        # No button ever takes the focus: the scanner's Enter must not press one.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _build_footer(self) -> QWidget:
        footer = QFrame()
        footer.setObjectName("consoleFooter")
        self.manual_button = self._button(self.tr("Sign in by hand (F2)"), self.open_manual)
        self.walk_in_button = self._button(self.tr("New walk-in (F3)"), lambda: self.open_walk_in())
        self.can_register = self.ctx.actor.can("checkin.register")
        self.walk_in_button.setEnabled(self.can_register)
        if not self.can_register:
            self.walk_in_button.setToolTip(self.tr("Registering volunteers needs a coordinator's account."))
        self.undo_button = self._button(self.tr("Undo last scan (Ctrl+Z)"), self.undo_last)
        self.sound_button = self._button(self.tr("Sound"), self._toggle_sound)
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(self.sounds.enabled)
        self.kiosk_button = self._button(self.tr("Full screen (F11)"), self.toggle_kiosk)
        operator = QLabel(self.tr("Operator: {name}").format(name=self.ctx.actor.name))
        operator.setObjectName("operatorLabel")
        row = QHBoxLayout(footer)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(8)
        for button in (self.manual_button, self.walk_in_button, self.undo_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(operator)
        row.addSpacing(12)
        row.addWidget(self.sound_button)
        row.addWidget(self.kiosk_button)
        return footer

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F2), self.open_manual),
            (QKeySequence(Qt.Key.Key_F3), lambda: self.open_walk_in()),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_last),
            (QKeySequence(Qt.Key.Key_F11), self.toggle_kiosk),
            (QKeySequence(Qt.Key.Key_Escape), self._escape),
        ):
            QShortcut(keys, self, slot)

    # --- scans ------------------------------------------------------------------------------

    def take_scan(self, raw: str, source: str = "scanner") -> ScanOutcome | None:
        """Process one scan and show its outcome; None if it could not be saved (shown in red).

        On the GUI thread on purpose: a scan is a few indexed lookups and one insert, committed
        with fsync in a median 0.9 ms (bench_checkin, district data), far below one frame at
        60 Hz. Here the outcome is shown strictly after the commit and scans stay in arrival
        order, with no queue or hand-off to get wrong. Keys typed meanwhile wait in Qt's queue.
        (Only if another program held the write lock would the window wait, up to
        db.BUSY_TIMEOUT_MS; the console then shows why instead of green.)
        """
        started = time.perf_counter()
        try:
            with self.ctx.database.uow() as s:
                outcome = checkin.process_scan(s, self.ctx.actor, self.event_id, raw, source=source)
        except ServiceError as exc:
            self._show_failure(str(exc))
            return None
        except Exception as exc:  # a full disk or a broken file: say so in red, never crash at the door
            log.exception("a scan could not be saved")
            self._show_failure(self.tr("The scan could not be saved: {error}").format(error=exc))
            return None
        self.last_scan_ms = (time.perf_counter() - started) * 1000
        self.show_outcome(outcome)  # committed above: only now may the panel turn green
        return outcome

    def show_outcome(self, outcome: ScanOutcome) -> None:
        self.last_outcome = outcome
        self._show(feedback_for(outcome))
        self.refresh_figures()

    def _show(self, feedback: Feedback) -> None:
        self.panel.show_feedback(feedback)
        if feedback.state != NOTICE:
            self.sounds.play(feedback.state)
        self.shown.emit(feedback)

    def _show_failure(self, message: str) -> None:
        self._show(Feedback(REFUSED, self.tr("Not saved"), "", message))

    def sign_in_by_hand(self, volunteer_id: int) -> ScanOutcome | None:
        try:
            with self.ctx.database.uow() as s:
                outcome = checkin.manual_sign_in(s, self.ctx.actor, self.event_id, volunteer_id)
        except ServiceError as exc:
            self._show_failure(str(exc))
            return None
        self.show_outcome(outcome)
        return outcome

    def register_walk_in(self, data: VolunteerInput) -> ScanOutcome:
        """Register and sign in, in one unit of work: a refused form saves nothing (raises)."""
        with self.ctx.database.uow() as s:
            data.station_id = stations.home_station_id(s)
            volunteer_id = volunteers.create_volunteer(s, self.ctx.actor, data, permission="checkin.register")
            outcome = checkin.manual_sign_in(s, self.ctx.actor, self.event_id, volunteer_id)
        self.show_outcome(outcome)
        return outcome

    def undo_last(self) -> checkin.UndoResult | None:
        try:
            with self.ctx.database.uow() as s:
                result = checkin.undo_last_scan(s, self.ctx.actor, self.event_id)
        except ServiceError as exc:
            self._show(notice(self.tr("Nothing undone"), str(exc)))
            return None
        self._show(notice(self.tr("Undone"), result.message, result.name))
        self.refresh_figures()
        return result

    def refresh_figures(self) -> None:
        try:
            with self.ctx.database.reader() as s:
                self.counters = checkin.event_counters(s, self.event_id)
                self.recent.load(s, self.event_id)
        except Exception:  # figures that cannot be read now are read at the next refresh
            log.exception("reading the check-in figures failed")
            return
        c = self.counters
        for key, value in (("enrolled", c.enrolled), ("in", c.signed_in_now), ("out", c.signed_out),
                           ("walk_ins", c.walk_ins)):
            self.tiles[key].set_value(value)

    # --- by hand ----------------------------------------------------------------------------

    def open_manual(self) -> ManualSignInDialog:
        if self.manual_dialog is None:
            self.manual_dialog = ManualSignInDialog(self.ctx, self.can_register, self)
            self.manual_dialog.chosen.connect(self.sign_in_by_hand)
            self.manual_dialog.walk_in_requested.connect(
                lambda: self.open_walk_in(self.manual_dialog.search.text() if self.manual_dialog else "")
            )
        self.manual_dialog.start()
        return self.manual_dialog

    def open_walk_in(self, name: str = "") -> WalkInDialog | None:
        if not self.can_register:
            return None
        if self.manual_dialog is not None:
            self.manual_dialog.hide()
        if self.walk_in_dialog is None:
            self.walk_in_dialog = WalkInDialog(self.register_walk_in, self)
        # A search for "zs" or "1234" is no name to start the form with.
        self.walk_in_dialog.start(name if any("\u3400" <= ch <= "\u9fff" for ch in name) else "")
        return self.walk_in_dialog

    # --- the scanner's routing --------------------------------------------------------------

    def _owns_scanner(self) -> bool:
        """Scans go to the console in use: this one when it (or one of its dialogs) is active,
        else the one activated last, even when the main window has the focus."""
        if not self.isVisible():
            return False
        active = QApplication.activeWindow()
        owner = _console_of(active)
        return owner is None or owner is self

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scanner.install()
        self._refresh_timer.start()
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.scanner.install()  # first in line again

    # --- sound and kiosk --------------------------------------------------------------------

    def _toggle_sound(self) -> None:
        self.sounds.enabled = self.sound_button.isChecked()
        self.ctx.settings.setValue(SOUND_SETTING, self.sounds.enabled)

    def toggle_kiosk(self) -> None:
        if self.kiosk:
            self.exit_panel.open_panel()
        else:
            self.enter_kiosk()

    def _escape(self) -> None:
        if self.exit_panel.isVisible():
            self.exit_panel.close_panel()
        elif self.kiosk:
            self.exit_panel.open_panel()

    def enter_kiosk(self) -> bool:
        """Full screen, above everything, the main window hidden; False (and why) when there is
        no staff account whose password could end it."""
        if not kiosk_possible(self.ctx.database):
            self._show(
                notice(
                    self.tr("No full screen"),
                    self.tr(
                        "Full-screen kiosk mode is ended with a staff password, and this file has no staff "
                        "accounts yet. Create one under Settings, Accounts."
                    ),
                )
            )
            return False
        self.kiosk = True
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.showFullScreen()
        self.kiosk_button.setText(self.tr("Leave full screen (F11)"))
        main = self.parentWidget()
        if main is not None:
            # Later, not now: at start-up the caller shows the main window after opening us.
            QTimer.singleShot(0, lambda: main.hide() if self.kiosk else None)
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def leave_kiosk(self, _actor: object = None) -> None:
        self.kiosk = False
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
        self.showNormal()
        self.kiosk_button.setText(self.tr("Full screen (F11)"))
        main = self.parentWidget()
        if main is not None:
            main.show()
        self.activateWindow()
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk:
            event.ignore()  # Alt+F4 at a kiosk: ask for the password instead
            self.exit_panel.open_panel()
            return
        self.scanner.uninstall()
        self._refresh_timer.stop()
        self.camera_panel.shutdown()
        for dialog in (self.manual_dialog, self.walk_in_dialog):
            if dialog is not None:
                dialog.close()
        super().closeEvent(event)


def _console_of(widget: QWidget | None) -> CheckinConsole | None:
    while widget is not None:
        if isinstance(widget, CheckinConsole):
            return widget
        widget = widget.parentWidget()
    return None


def _bool_setting(ctx: AppContext, key: str, default: bool) -> bool:
    value = ctx.settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def open_console(window: MainWindow, event_id: int, *, fullscreen: bool = False) -> CheckinConsole | None:
    """The console for `event_id` (the one already open is brought forward); None if no such event."""
    for console in window.findChildren(CheckinConsole):
        if console.event_id == event_id and console.isVisible():
            console.raise_()
            console.activateWindow()
            if fullscreen and not console.kiosk:
                console.enter_kiosk()
            return console
    try:
        console = CheckinConsole(window.ctx, event_id, window)
    except NotFound as exc:
        window.statusBar().showMessage(str(exc), 10000)
        return None
    console.show()
    console.activateWindow()
    if fullscreen:
        console.enter_kiosk()
    window.statusBar().showMessage(
        QCoreApplication.translate("Console", "Event No. {id}: the check-in console is open.").format(id=event_id),
        10000,
    )
    return console
