"""The month grid: six weeks of days, each with its events as small coloured chips, painted directly.

Painting touches only the chips that fit in each day (a busy day says "+12 more"), and the per-day
lists are built once when the events are set, so a month with a thousand events paints at once.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from desktop.ui.calendar import palette
from desktop.ui.calendar.entries import Entry
from desktop.ui.calendar.tooltip import entry_tooltip, weekday_names

WEEKS = 6
HEADER_H = 30
DAY_LABEL_H = 26
CHIP_H = 20
CHIP_GAP = 2
PAD = 4


class MonthView(QWidget):
    """Emits `eventActivated(id)` on a double-clicked chip and `dayActivated(date)` on an empty spot."""

    eventActivated = Signal(int)
    dayActivated = Signal(object)
    daySelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 420)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._month = date.today().replace(day=1)
        self._first = self._month
        self._today = date.today()
        self._selected: date | None = None
        self._days: dict[date, list[Entry]] = {}
        self._chips: list[tuple[QRect, Entry]] = []
        self._more: list[tuple[QRect, date]] = []
        self._hover: int | None = None
        self._laid_out_for = None  # the size the chip rectangles were worked out for
        self._shown: dict[date, list[tuple[QRect, Entry]]] = {}
        self._more_by_day: dict[date, QRect] = {}
        self._fonts()

    def _fonts(self) -> None:
        self._font = QFont(self.font())
        self._chip_font = QFont(self.font())
        self._chip_font.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        self._bold = QFont(self._font)
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._chip_metrics = QFontMetrics(self._chip_font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._fonts()
        super().changeEvent(event)

    # --- data ----------------------------------------------------------------------------

    def set_month(self, month: date, days: dict[date, list[Entry]], today: date | None = None) -> None:
        """Show the month containing `month`; `days` maps each date to its entries in start order."""
        self._month = month.replace(day=1)
        self._first = self._month - timedelta(days=self._month.weekday())  # weeks start on Monday
        self._days = days
        self._today = today or date.today()
        self._hover = None
        self._laid_out_for = None
        self.update()

    def visible_range(self) -> tuple[date, date]:
        return self._first, self._first + timedelta(days=7 * WEEKS)

    @staticmethod
    def range_for(month: date) -> tuple[date, date]:
        first = month.replace(day=1)
        start = first - timedelta(days=first.weekday())
        return start, start + timedelta(days=7 * WEEKS)

    def selected_date(self) -> date | None:
        return self._selected

    def set_selected(self, day: date | None) -> None:
        self._selected = day
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def _col_x(self, col: int) -> int:
        return round(col * self.width() / 7)

    def _row_y(self, row: int) -> int:
        return HEADER_H + round(row * (self.height() - HEADER_H) / WEEKS)

    def cell_rect(self, day: date) -> QRect:
        index = (day - self._first).days
        row, col = divmod(index, 7)
        x0, x1 = self._col_x(col), self._col_x(col + 1)
        y0, y1 = self._row_y(row), self._row_y(row + 1)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEADER_H:
            return None
        col = min(6, max(0, int(pos.x() * 7 / max(1, self.width()))))
        row = min(WEEKS - 1, max(0, int((pos.y() - HEADER_H) * WEEKS / max(1, self.height() - HEADER_H))))
        return self._first + timedelta(days=row * 7 + col)

    def chip_at(self, pos: QPoint) -> Entry | None:
        self._lay_out()
        for rect, entry in self._chips:
            if rect.contains(pos):
                return entry
        return None

    def shown_on(self, day: date) -> tuple[list[int], int]:
        """The events with a chip on `day`, and how many more are folded into "+N more"."""
        self._lay_out()
        ids = [entry.id for _rect, entry in self._shown.get(day, [])]
        return ids, len(self._days.get(day, ())) - len(ids)

    def chip_rect(self, event_id: int) -> QRect | None:
        """Where an event's (first) chip is drawn, if it is shown."""
        self._lay_out()
        for rect, entry in self._chips:
            if entry.id == event_id:
                return rect
        return None

    def _fits(self, rect: QRect) -> int:
        room = rect.bottom() - (rect.y() + DAY_LABEL_H) - 2
        return max(0, (room + CHIP_GAP) // (CHIP_H + CHIP_GAP))

    def _lay_out(self) -> None:
        """Where each shown chip and each "+N more" goes, for hit-testing and painting alike."""
        if self._laid_out_for == self.size():
            return
        self._laid_out_for = self.size()
        self._chips = []
        self._more = []
        self._shown = {}
        for index in range(7 * WEEKS):
            day = self._first + timedelta(days=index)
            entries = self._days.get(day, ())
            if not entries:
                continue
            rect = self.cell_rect(day)
            fits = self._fits(rect)
            shown = entries if len(entries) <= fits else entries[: max(0, fits - 1)]
            top = rect.y() + DAY_LABEL_H
            width = rect.width() - 2 * PAD
            chips = [
                (QRect(rect.x() + PAD, top + i * (CHIP_H + CHIP_GAP), width, CHIP_H), entry)
                for i, entry in enumerate(shown)
            ]
            self._shown[day] = chips
            self._chips += chips
            if len(entries) > len(shown):
                more = QRect(rect.x() + PAD + 2, top + len(shown) * (CHIP_H + CHIP_GAP), width - 2, CHIP_H)
                self._more.append((more, day))
        self._more_by_day = {day: rect for rect, day in self._more}

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), palette.BACKGROUND)
        self._lay_out()
        self._paint_header(p)
        clip = event.rect()
        for index in range(7 * WEEKS):
            day = self._first + timedelta(days=index)
            rect = self.cell_rect(day)
            if rect.intersects(clip):
                self._paint_day(p, day, rect)
        p.setPen(QPen(palette.GRID, 1))
        for col in range(1, 7):
            x = self._col_x(col)
            p.drawLine(x, HEADER_H, x, self.height())
        for row in range(WEEKS):
            y = self._row_y(row)
            p.drawLine(0, y, self.width(), y)
        p.end()

    def _paint_header(self, p: QPainter) -> None:
        p.setFont(self._font)
        names = weekday_names()
        for col in range(7):
            rect = QRect(self._col_x(col), 0, self._col_x(col + 1) - self._col_x(col), HEADER_H)
            p.setPen(palette.ACCENT if col >= 5 else palette.MUTED_TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, names[col])

    def _paint_day(self, p: QPainter, day: date, rect: QRect) -> None:
        in_month = day.month == self._month.month
        if day == self._selected:
            p.fillRect(rect, palette.SELECTED)
        elif day == self._today:
            p.fillRect(rect, palette.TODAY_FILL)
        elif not in_month:
            p.fillRect(rect, palette.OTHER_MONTH)
        elif day.weekday() >= 5:
            p.fillRect(rect, palette.WEEKEND)
        label = QRect(rect.x() + PAD + 2, rect.y() + 3, 26, 20)
        if day == self._today:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(palette.ACCENT)
            p.drawEllipse(QRectF(label.x() - 2, label.y(), 24, 20))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setPen(Qt.GlobalColor.white)
            p.setFont(self._bold)
            p.drawText(QRect(label.x() - 2, label.y(), 24, 20), Qt.AlignmentFlag.AlignCenter, str(day.day))
        else:
            p.setFont(self._bold if in_month else self._font)
            p.setPen(palette.TEXT if in_month else palette.MUTED_TEXT)
            p.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        chips = self._shown.get(day, [])
        p.setFont(self._chip_font)
        for chip, entry in chips:
            self._paint_chip(p, entry, day, chip)
        more = self._more_by_day.get(day)
        if more is not None:
            hidden = len(self._days.get(day, ())) - len(chips)
            p.setPen(palette.MUTED_TEXT)
            p.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.tr("+{n} more").format(n=hidden))

    def _paint_chip(self, p: QPainter, entry: Entry, day: date, chip: QRect) -> None:
        bar, fill, text = palette.colours(entry.category, entry.status)
        if entry.id == self._hover:
            fill = fill.darker(106)
        p.fillRect(chip, fill)
        if entry.status == "draft":
            p.setPen(QPen(bar, 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(chip.adjusted(0, 0, -1, -1))
        p.fillRect(QRect(chip.x(), chip.y(), 3, chip.height()), bar)
        inner = chip.adjusted(7, 0, -3, 0)
        metrics = self._chip_metrics
        if entry.start.date() == day:
            stamp = entry.start.strftime("%H:%M")
        else:
            stamp = "↳"  # continues from an earlier day
        p.setPen(bar.darker(130) if entry.status not in ("finished", "cancelled") else text)
        p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, stamp)
        shift = metrics.horizontalAdvance(stamp) + 5
        title_rect = inner.adjusted(shift, 0, 0, 0)
        font = self._chip_font
        if entry.status == "cancelled":
            font = QFont(self._chip_font)
            font.setStrikeOut(True)
            p.setFont(font)
        p.setPen(text)
        p.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, max(0, title_rect.width())),
        )
        if font is not self._chip_font:
            p.setFont(self._chip_font)

    # --- interaction ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        self._lay_out()
        for rect, day in self._more:
            if rect.contains(pos):
                self._show_day_menu(day, rect)
                return
        day = self.day_at(pos)
        if day is not None:
            self.set_selected(day)
            self.daySelected.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        entry = self.chip_at(pos)
        if entry is not None:
            self.eventActivated.emit(entry.id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.dayActivated.emit(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        entry = self.chip_at(event.position().toPoint())
        hover = entry.id if entry else None
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            entry = self.chip_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), entry_tooltip(entry), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _show_day_menu(self, day: date, rect: QRect) -> None:
        """Every event of a busy day, to pick one."""
        menu = QMenu(self)
        for entry in self._days.get(day, ()):
            action = menu.addAction(f"{entry.start:%H:%M}  {entry.title}")
            action.setData(entry.id)
        chosen = menu.exec(self.mapToGlobal(rect.bottomLeft()))
        if chosen is not None:
            self.eventActivated.emit(int(chosen.data()))
