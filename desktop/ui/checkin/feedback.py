"""The console's big coloured panel: what a scan did, readable from three metres, then "Ready" again.

Green: signed in. Blue: signed out, with the hours. Orange: a repeat scan, with the time of the
first. Red: refused, with the reason in words. Grey: a note from the console itself (an undo, a
problem saving). No dialog ever opens for a scan: the next volunteer just scans.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.services import checkin
from desktop.services.checkin import ScanOutcome

READY, SIGNED_IN, SIGNED_OUT, DUPLICATE, REFUSED, NOTICE = (
    "ready", "signed_in", "signed_out", "duplicate", "refused", "notice",
)
STATES = (READY, SIGNED_IN, SIGNED_OUT, DUPLICATE, REFUSED, NOTICE)
# Strong colours with white text (contrast 4.5:1 or better, except orange at 3.4:1, which is
# enough for text this large); the ready colour is calm so that a result stands out.
COLOURS = {
    READY: QColor("#27313f"),
    SIGNED_IN: QColor("#16803c"),
    SIGNED_OUT: QColor("#1d5bbf"),
    DUPLICATE: QColor("#d96a0b"),
    REFUSED: QColor("#c5221f"),
    NOTICE: QColor("#4b5563"),
}
# How long a result stays before "Ready": long enough to read a reason, short enough for a queue.
HOLD_MS = {SIGNED_IN: 3000, SIGNED_OUT: 3000, DUPLICATE: 4500, REFUSED: 6000, NOTICE: 4000}

# Two-character surnames, so that 欧阳娜娜 shows 欧阳 and not 欧.
COMPOUND_SURNAMES = frozenset(
    ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "西门", "独孤", "轩辕", "呼延"]
)


def initial_of(name: str) -> str:
    """What the round "photo" shows: the surname of a Chinese name, else the family name's initial."""
    name = (name or "").strip()
    if not name:
        return "?"
    if "\u3400" <= name[0] <= "\u9fff":
        return name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]
    return name.split()[-1][0].upper()


@dataclass(frozen=True)
class Feedback:
    state: str
    word: str  # the state in one or two words: "Signed in"
    name: str
    detail: str  # the sentence under the name
    figure: str = ""  # the hours of a sign-out
    walk_in: bool = False

    @property
    def initial(self) -> str:
        return initial_of(self.name) if self.name else ""

    @property
    def hold_ms(self) -> int:
        return HOLD_MS.get(self.state, 0)


def feedback_for(outcome: ScanOutcome) -> Feedback:
    if outcome.accepted:
        state = SIGNED_IN if outcome.direction == "in" else SIGNED_OUT
        figure = ""
        if outcome.direction == "out" and outcome.hours is not None:
            figure = QCoreApplication.translate("Console", "{hours} hours").format(hours=f"{outcome.hours:g}")
        return Feedback(state, checkin.direction_label(outcome.direction), outcome.volunteer_name,
                        outcome.message, figure, outcome.walk_in)
    state = DUPLICATE if outcome.reason == "duplicate" else REFUSED
    return Feedback(state, checkin.reason_label(outcome.reason), outcome.volunteer_name, outcome.message)


def notice(word: str, detail: str, name: str = "") -> Feedback:
    return Feedback(NOTICE, word, name, detail)


class InitialBadge(QWidget):
    """The round "photo": the surname in a big circle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def text(self) -> str:
        return self._text

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        circle = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side).adjusted(3, 3, -3, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 56))
        painter.drawEllipse(circle)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, int(side * (0.5 if len(self._text) < 2 else 0.34))))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, self._text)


class FeedbackPanel(QWidget):
    """Fills its area with the state's colour; holds the keyboard focus of the console.

    It is the focus holder on purpose: it takes no text, and with the input method off a Chinese
    IME cannot turn the scanner's letters into pinyin candidates.
    """

    returned_to_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhPreferUppercase
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self._font_sizes: tuple[int, ...] = ()
        self.state = READY
        self.feedback: Feedback | None = None
        self.badge = InitialBadge()
        self.word = QLabel()
        self.word.setObjectName("stateWord")
        self.name = QLabel()
        self.name.setObjectName("volunteerName")
        self.name.setWordWrap(True)
        self.figure = QLabel()
        self.figure.setObjectName("hoursFigure")
        self.detail = QLabel()
        self.detail.setObjectName("stateDetail")
        self.detail.setWordWrap(True)
        for label in (self.word, self.name, self.figure, self.detail):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addStretch(1)
        text.addWidget(self.word)
        text.addWidget(self.name)
        text.addWidget(self.figure)
        text.addSpacing(10)
        text.addWidget(self.detail)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 32, 48, 32)
        row.setSpacing(48)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show_ready)
        self.show_ready()

    def sizeHint(self) -> QSize:
        return QSize(800, 520)

    def colour(self) -> QColor:
        return COLOURS[self.state]

    def show_ready(self) -> None:
        self._timer.stop()
        self.state = READY
        self.feedback = None
        self.badge.hide()
        self.word.setText(self.tr("Ready"))
        self.word.show()
        self.name.setText(self.tr("Scan a card"))
        self.figure.hide()
        self.detail.setText(
            self.tr("Hold the QR code of the volunteer card under the scanner or in front of the camera.")
        )
        self._fit_fonts()
        self.update()
        self.returned_to_ready.emit()

    def show_feedback(self, feedback: Feedback) -> None:
        self.state = feedback.state
        self.feedback = feedback
        named = bool(feedback.name)
        self.badge.set_text(feedback.initial)
        self.badge.setVisible(named)
        # Without a name (an unknown card) the state word itself takes the big line.
        self.word.setText(feedback.word)
        self.word.setVisible(named)
        self.name.setText(feedback.name if named else feedback.word)
        self.figure.setText(feedback.figure)
        self.figure.setVisible(bool(feedback.figure))
        self.detail.setText(feedback.detail)
        self._fit_fonts()
        self.update()
        if feedback.hold_ms:
            self._timer.start(feedback.hold_ms)

    def is_holding(self) -> bool:
        return self._timer.isActive()

    def paintEvent(self, _event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), self.colour())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        """Sizes follow the panel's height, so a full-screen console reads from the back of a queue.

        Set through the style sheet: the application's sheet gives every widget a font size, and a
        sheet wins over setFont().
        """
        h = max(self.height(), 300)
        name = int(h * (0.17 if self.state != READY else 0.11))
        sizes = (int(h * 0.085), name, int(h * 0.09), max(15, int(h * 0.042)))
        if sizes != self._font_sizes:
            self._font_sizes = sizes
            word, name, figure, detail = sizes
            self.setStyleSheet(
                "QLabel { color: #ffffff; background: transparent; }"
                f"#stateWord {{ font-size: {word}px; font-weight: 700; }}"
                f"#volunteerName {{ font-size: {name}px; font-weight: 700; }}"
                f"#hoursFigure {{ font-size: {figure}px; font-weight: 700; }}"
                f"#stateDetail {{ font-size: {detail}px; }}"
            )
        side = int(min(h * 0.46, self.width() * 0.3))
        self.badge.setFixedSize(side, side)
