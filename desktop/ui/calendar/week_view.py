"""The week agenda: seven days on a time grid, overlapping events side by side, drag to move.

A drag only proposes a new start (`moveRequested`); whoever owns the data saves it with the same
checks as the editor, then sets the week again, so a refused move simply snaps back.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.calendar import palette
from desktop.ui.calendar.entries import Entry, Overflow, Placed, by_day, fold_columns, place_day
from desktop.ui.calendar.tooltip import entry_tooltip, weekday_names

HOUR_H = 48
GUTTER_W = 58
HEADER_H = 52
SNAP_MIN = 15
MIN_BLOCK_H = 22
FIRST_HOUR_SHOWN = 7
# Narrower than this, side-by-side events stop being readable: the rest fold into a "+N" block.
MIN_COLUMN_W = 54


def snap(minutes: float, step: int = SNAP_MIN) -> int:
    return int(round(minutes / step)) * step


class _Header(QWidget):
    """Day names and dates above the grid, lined up with its columns."""

    dayClicked = Signal(object)

    def __init__(self, grid: "TimeGrid", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setFixedHeight(HEADER_H)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.right_margin = 0
        self._counts: dict[date, int] = {}
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() + 5)
        big.setWeight(QFont.Weight.DemiBold)
        self._big = big

    def set_counts(self, counts: dict[date, int]) -> None:
        self._counts = counts
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), palette.BACKGROUND)
        names = weekday_names()
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        for i in range(7):
            day = self.grid.monday + timedelta(days=i)
            x0, x1 = self.grid.col_x(i), self.grid.col_x(i + 1)
            rect = QRect(x0, 0, x1 - x0, HEADER_H)
            today = day == self.grid.today
            p.setFont(self.font())
            p.setPen(palette.ACCENT if today or i >= 5 else palette.MUTED_TEXT)
            p.drawText(rect.adjusted(10, 6, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, names[i])
            number = QRect(x0 + 8, 22, 34, 26)
            if today:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(palette.ACCENT)
                p.drawEllipse(QRectF(number.x(), number.y(), 30, 26))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                p.setPen(Qt.GlobalColor.white)
            else:
                p.setPen(palette.TEXT)
            p.setFont(self._big)
            p.drawText(QRect(number.x(), number.y(), 30, 26), Qt.AlignmentFlag.AlignCenter, str(day.day))
            n = self._counts.get(day, 0)
            if n:
                p.setFont(small)
                p.setPen(palette.MUTED_TEXT)
                p.drawText(
                    rect.adjusted(0, 0, -8, -8), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    self.tr("{n} events").format(n=n),
                )
        p.setPen(QPen(palette.GRID, 1))
        p.drawLine(0, HEADER_H - 1, self.width(), HEADER_H - 1)
        for i in range(1, 7):
            x = self.grid.col_x(i)
            p.drawLine(x, 8, x, HEADER_H)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        for i in range(7):
            if self.grid.col_x(i) <= x < self.grid.col_x(i + 1):
                self.dayClicked.emit(self.grid.monday + timedelta(days=i))


class TimeGrid(QWidget):
    """The painted grid itself: 24 hours tall, inside a scroll area."""

    eventActivated = Signal(int)
    slotActivated = Signal(object)  # a naive local datetime
    moveRequested = Signal(int, object)  # event id, new naive local start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(24 * HOUR_H)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.can_move = True
        self._all: list[Placed] = []
        self._placed: list[Placed] = []
        self._overflows: list[Overflow] = []
        self._max_columns = 0
        self._blocks: list[tuple[QRect, Placed]] = []
        self._overflow_rects: list[tuple[QRect, Overflow]] = []
        self._hover: int | None = None
        self._press: tuple[Placed, datetime, QPoint] | None = None
        self._drag_start: datetime | None = None
        self._fonts()
        # The red "now" line moves on by itself while the week is open.
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.update)
        self._clock.start()

    def _fonts(self) -> None:
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        self._bold = QFont(self._font)
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._metrics = QFontMetrics(self._font)
        self._bold_metrics = QFontMetrics(self._bold)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._fonts()
        super().changeEvent(event)

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(24 * HOUR_H)
        return hint

    # --- data and geometry ---------------------------------------------------------------

    def set_week(self, monday: date, placed: list[Placed], today: date | None = None) -> None:
        self.monday = monday
        self.today = today or date.today()
        self._all = placed
        self._max_columns = 0
        self._relayout()
        self._hover = None
        self._cancel_drag()
        self.update()

    def _relayout(self) -> None:
        """Fold crowded clusters for this width and work out every block's rectangle."""
        day_width = (self.width() - GUTTER_W) / 7 - 6
        max_columns = max(2, int(day_width // MIN_COLUMN_W))
        if max_columns != self._max_columns:
            self._max_columns = max_columns
            self._placed, self._overflows = fold_columns(self._all, max_columns)
        self._blocks = [(self.block_rect(pl), pl) for pl in self._placed]
        self._overflow_rects = [(self.block_rect(ov), ov) for ov in self._overflows]

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout()

    def col_x(self, i: int) -> int:
        return GUTTER_W + round(i * (self.width() - GUTTER_W) / 7)

    def minute_y(self, minutes: float) -> int:
        return round(minutes * HOUR_H / 60)

    def block_rect(self, pl: Placed | Overflow) -> QRect:
        i = (pl.day - self.monday).days
        x0, x1 = self.col_x(i), self.col_x(i + 1)
        width = (x1 - x0 - 6) / pl.columns  # a gap on the right is left free for clicking the slot
        left = x0 + 1 + round(pl.column * width)
        right = x0 + 1 + round((pl.column + 1) * width)
        top = self.minute_y(pl.start_min)
        bottom = max(top + MIN_BLOCK_H, self.minute_y(pl.end_min))
        return QRect(left, top + 1, max(3, right - left - 2), bottom - top - 2)

    def overflow_at(self, pos: QPoint) -> Overflow | None:
        for rect, ov in self._overflow_rects:
            if rect.contains(pos):
                return ov
        return None

    def block_at(self, pos: QPoint) -> Placed | None:
        for rect, pl in reversed(self._blocks):
            if rect.contains(pos):
                return pl
        return None

    def block_rect_of(self, event_id: int) -> QRect | None:
        for rect, pl in self._blocks:
            if pl.entry.id == event_id:
                return rect
        return None

    def moment_at(self, pos: QPoint) -> datetime | None:
        """The local date and time under a point of the grid (None over the hour labels)."""
        if pos.x() < GUTTER_W:
            return None
        col = min(6, max(0, int((pos.x() - GUTTER_W) * 7 / max(1, self.width() - GUTTER_W))))
        minutes = max(0, min(24 * 60 - 1, pos.y() * 60 / HOUR_H))
        return datetime.combine(self.monday + timedelta(days=col), time()) + timedelta(minutes=minutes)

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        clip = event.rect()
        p.fillRect(clip, palette.BACKGROUND)
        for i in range(7):
            day = self.monday + timedelta(days=i)
            x0, x1 = self.col_x(i), self.col_x(i + 1)
            if day == self.today:
                p.fillRect(QRect(x0, 0, x1 - x0, self.height()), palette.TODAY_FILL)
            elif i >= 5:
                p.fillRect(QRect(x0, 0, x1 - x0, self.height()), palette.WEEKEND)
        self._paint_hours(p, clip)
        for rect, pl in self._blocks:
            if rect.intersects(clip):
                dragged = self._drag_start is not None and self._press and self._press[0].entry.id == pl.entry.id
                self._paint_block(p, pl, rect, faded=bool(dragged))
        for rect, ov in self._overflow_rects:
            if rect.intersects(clip):
                self._paint_overflow(p, ov, rect)
        self._paint_now(p)
        if self._drag_start is not None and self._press is not None:
            self._paint_ghost(p)
        p.end()

    def _paint_hours(self, p: QPainter, clip: QRect) -> None:
        p.setFont(self._font)
        first = max(0, clip.top() // HOUR_H - 1)
        last = min(24, clip.bottom() // HOUR_H + 1)
        for hour in range(first, last + 1):
            y = hour * HOUR_H
            p.setPen(QPen(palette.GRID, 1))
            p.drawLine(GUTTER_W - 6, y, self.width(), y)
            p.setPen(QPen(palette.GRID_LIGHT, 1, Qt.PenStyle.DotLine))
            p.drawLine(GUTTER_W, y + HOUR_H // 2, self.width(), y + HOUR_H // 2)
            if 0 < hour < 24:
                p.setPen(palette.MUTED_TEXT)
                p.drawText(
                    QRect(0, y - 9, GUTTER_W - 10, 18),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{hour:02d}:00",
                )
        p.setPen(QPen(palette.GRID, 1))
        for i in range(0, 7):
            x = self.col_x(i)
            p.drawLine(x, clip.top(), x, clip.bottom() + 1)

    def _paint_block(self, p: QPainter, pl: Placed, rect: QRect, faded: bool = False) -> None:
        entry = pl.entry
        bar, fill, text = palette.colours(entry.category, entry.status)
        if entry.id == self._hover and not faded:
            fill = fill.darker(106)
        p.setOpacity(0.35 if faded else 1.0)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(bar, 1, Qt.PenStyle.DashLine) if entry.status == "draft" else QPen(fill.darker(108), 1))
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(QRect(rect.x(), rect.y() + 1, 3, rect.height() - 1), bar)
        inner = rect.adjusted(7, 3, -4, -2)
        if inner.width() >= 14:
            self._paint_block_text(p, entry, pl, inner, bar, text)
        p.setOpacity(1.0)

    def _wrap(self, text: str, width: int, lines: int) -> list[str]:
        """Break a title into at most `lines` lines by characters (right for Chinese), eliding the last."""
        metrics = self._bold_metrics
        out: list[str] = []
        rest = text
        while rest and len(out) < lines - 1 and metrics.horizontalAdvance(rest) > width:
            cut = len(rest)
            while cut > 1 and metrics.horizontalAdvance(rest[:cut]) > width:
                cut -= 1
            out.append(rest[:cut])
            rest = rest[cut:].lstrip()
        if rest:
            out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return out

    def _paint_block_text(self, p: QPainter, entry: Entry, pl: Placed, inner: QRect, bar, text) -> None:
        line = self._metrics.height()
        width = inner.width()
        same_day = entry.start.date() == entry.end.date()
        span = f"{entry.start:%H:%M}–{entry.end:%H:%M}" if same_day else f"{entry.start:%m-%d %H:%M}–{entry.end:%m-%d %H:%M}"
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        title_font = self._bold
        if entry.status == "cancelled":
            title_font = QFont(self._bold)
            title_font.setStrikeOut(True)
        rows = max(1, (inner.height() + 2) // line)
        p.setFont(title_font)
        p.setPen(text)
        if rows == 1:
            p.drawText(inner, left, self._bold_metrics.elidedText(
                f"{entry.start:%H:%M} {entry.title}", Qt.TextElideMode.ElideRight, width))
            return
        # The time keeps one line; the title takes what is left, the place and head count any spare.
        title_lines = self._wrap(entry.title, width, rows - 1)
        y = inner.y()
        for shown in title_lines:
            p.drawText(QRect(inner.x(), y, width, line), left, shown)
            y += line
        p.setFont(self._font)
        p.setPen(bar.darker(135) if entry.status not in ("finished", "cancelled") else text)
        if self._metrics.horizontalAdvance(span) > width:
            span = f"{entry.start:%H:%M}"  # a narrow block keeps the start time whole
        p.drawText(QRect(inner.x(), y, width, line), left,
                   self._metrics.elidedText(span, Qt.TextElideMode.ElideRight, width))
        y += line
        p.setPen(palette.MUTED_TEXT if entry.status in ("finished", "cancelled") else text)
        if entry.place and y + line <= inner.bottom() + 2:
            p.drawText(QRect(inner.x(), y, width, line), left,
                       self._metrics.elidedText(entry.place, Qt.TextElideMode.ElideRight, width))
            y += line
        people = f"{entry.enrolled}/{entry.capacity}" if entry.capacity else str(entry.enrolled)
        if y + line <= inner.bottom() + 2 and width >= self._metrics.horizontalAdvance(people) + 4:
            p.setPen(palette.MUTED_TEXT)
            p.drawText(QRect(inner.x(), inner.bottom() - line + 1, width, line),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, people)

    def _paint_overflow(self, p: QPainter, ov: Overflow, rect: QRect) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(palette.GRID, 1))
        p.setBrush(palette.OTHER_MONTH.darker(103))
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        inner = rect.adjusted(4, 4, -3, -2)
        p.setFont(self._bold)
        p.setPen(palette.TEXT)
        p.drawText(inner, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"+{len(ov.entries)}")
        if inner.height() >= 2 * self._metrics.height():
            p.setFont(self._font)
            p.setPen(palette.MUTED_TEXT)
            p.drawText(inner.adjusted(0, self._bold_metrics.height(), 0, 0),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       self._metrics.elidedText(self.tr("more"), Qt.TextElideMode.ElideRight, inner.width()))
        # A few coloured ticks say what kinds of events are folded in.
        x = inner.x()
        for entry in ov.entries[:8]:
            if x + 4 > inner.right():
                break
            p.fillRect(QRect(x, inner.bottom() - 3, 4, 3), palette.base(entry.category))
            x += 6

    def _paint_now(self, p: QPainter) -> None:
        now = datetime.now()
        i = (now.date() - self.monday).days
        if not 0 <= i < 7:
            return
        y = self.minute_y(now.hour * 60 + now.minute)
        x0, x1 = self.col_x(i), self.col_x(i + 1)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(palette.ACCENT, 2))
        p.drawLine(x0, y, x1, y)
        p.setBrush(palette.ACCENT)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(x0 - 4, y - 4, 8, 8))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _ghost_placed(self) -> Placed | None:
        if self._press is None or self._drag_start is None:
            return None
        entry = self._press[0].entry
        length = entry.end - entry.start
        start = self._drag_start
        day = start.date()
        start_min = start.hour * 60 + start.minute
        end_min = min(24 * 60, start_min + int(length.total_seconds() // 60))
        return Placed(entry, day, start_min, end_min, 0, 1)

    def _paint_ghost(self, p: QPainter) -> None:
        ghost = self._ghost_placed()
        if ghost is None or not 0 <= (ghost.day - self.monday).days < 7:
            return
        rect = self.block_rect(ghost)
        bar, fill, _text = palette.colours(ghost.entry.category, ghost.entry.status)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(bar.darker(120), 2, Qt.PenStyle.DashLine))
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(rect), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setFont(self._bold)
        p.setPen(palette.TEXT)
        end = self._drag_start + (ghost.entry.end - ghost.entry.start)
        p.drawText(rect.adjusted(8, 3, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                   f"{self._drag_start:%H:%M}–{end:%H:%M}")

    # --- interaction ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        ov = self.overflow_at(pos)
        if ov is not None:
            self._press = None
            self._show_overflow_menu(ov)
            return
        pl = self.block_at(pos)
        moment = self.moment_at(pos)
        if pl is not None and moment is not None and self.can_move and pl.entry.movable:
            self._press = (pl, moment, pos)
        else:
            self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pl, pressed_at, origin = self._press
            if self._drag_start is None and (pos - origin).manhattanLength() < QApplication.startDragDistance():
                return
            moment = self.moment_at(pos)
            if moment is None:
                return
            start = self._snapped_start(pl.entry.start, (moment - pressed_at).total_seconds() / 60)
            if start != self._drag_start:
                self._drag_start = start
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
            return
        pl = self.block_at(pos)
        hover = pl.entry.id if pl else None
        if hover != self._hover:
            self._hover = hover
            movable = pl is not None and self.can_move and pl.entry.movable
            self.setCursor(Qt.CursorShape.OpenHandCursor if movable else
                           Qt.CursorShape.PointingHandCursor if pl else Qt.CursorShape.ArrowCursor)
            self.update()

    @staticmethod
    def _snapped_start(start: datetime, moved_minutes: float) -> datetime:
        """Where a drag by `moved_minutes` puts the start: on the quarter-hour grid, or unmoved."""
        if snap(moved_minutes) == 0:
            return start
        moved = start + timedelta(minutes=moved_minutes)
        midnight = datetime.combine(moved.date(), time())
        return midnight + timedelta(minutes=snap((moved - midnight).total_seconds() / 60))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        pl = self._press[0]
        start = self._drag_start
        self._cancel_drag()
        if start is not None and start != pl.entry.start:
            self.moveRequested.emit(pl.entry.id, start)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._cancel_drag()
        pos = event.position().toPoint()
        pl = self.block_at(pos)
        if pl is not None:
            self.eventActivated.emit(pl.entry.id)
            return
        moment = self.moment_at(pos)
        if moment is not None:
            minutes = (moment.hour * 60 + moment.minute) // 30 * 30
            self.slotActivated.emit(datetime.combine(moment.date(), time()) + timedelta(minutes=minutes))

    def _show_overflow_menu(self, ov: Overflow) -> None:
        menu = QMenu(self)
        for entry in ov.entries:
            action = menu.addAction(f"{entry.start:%H:%M}–{entry.end:%H:%M}  {entry.title}")
            action.setData(entry.id)
        rect = self.block_rect(ov)
        chosen = menu.exec(self.mapToGlobal(rect.topRight()))
        if chosen is not None:
            self.eventActivated.emit(int(chosen.data()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._drag_start is not None:
            self._cancel_drag()
            return
        super().keyPressEvent(event)

    def _cancel_drag(self) -> None:
        was = self._drag_start is not None
        self._press = None
        self._drag_start = None
        if was:
            self.unsetCursor()
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pl = self.block_at(event.pos())
            ov = self.overflow_at(event.pos())
            if pl is not None and self._drag_start is None:
                QToolTip.showText(event.globalPos(), entry_tooltip(pl.entry), self)
            elif ov is not None:
                QToolTip.showText(event.globalPos(), "<br>".join(
                    f"{e.start:%H:%M} {e.title}" for e in ov.entries[:20]), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class WeekView(QWidget):
    """The header and the scrolling grid together; `set_week` lays the events out."""

    eventActivated = Signal(int)
    slotActivated = Signal(object)
    moveRequested = Signal(int, object)
    dayClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = TimeGrid()
        self.header = _Header(self.grid)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.grid.eventActivated.connect(self.eventActivated)
        self.grid.slotActivated.connect(self.slotActivated)
        self.grid.moveRequested.connect(self.moveRequested)
        self.header.dayClicked.connect(self.dayClicked)
        self._scrolled = False

    @staticmethod
    def range_for(day: date) -> tuple[date, date]:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)

    def set_week(self, monday: date, entries: list[Entry], today: date | None = None) -> None:
        days = by_day(entries)
        min_minutes = MIN_BLOCK_H * 60 // HOUR_H
        placed: list[Placed] = []
        counts = {}
        for i in range(7):
            day = monday + timedelta(days=i)
            todays = days.get(day, [])
            counts[day] = len(todays)
            placed += place_day(day, todays, min_minutes)
        self.grid.set_week(monday, placed, today)
        self.header.set_counts(counts)
        self.header.update()
        if not self._scrolled:
            self.scroll_to_hour(FIRST_HOUR_SHOWN)

    def scroll_to_hour(self, hour: int) -> None:
        self._scrolled = True
        self.scroll.verticalScrollBar().setValue(max(0, hour * HOUR_H - 12))
