"""Paged documents: headings, detail grids, long tables split into page-sized chunks, page numbers.

Rows have a fixed height and every cell is one line that shrinks to fit, so laying out is plain
arithmetic: the pages are counted before the first one is drawn ("page 3 of 12") and a table of
10,000 rows costs the same per row as one of ten. (One huge platypus Table grows superlinearly.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.i18n import translate
from desktop.printing import fonts
from desktop.printing.common import (
    INK,
    MUTED,
    RULE,
    SHADE,
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    check_cancel,
    draw_image_fit,
    finish_page,
    format_datetime,
    open_canvas,
    report,
)
from desktop.printing.fonts import SANS, baseline_in_box, draw_text

CELL_PAD = 1.6 * mm
GAP = 5 * mm  # between items


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width
    align: str = "left"  # "left", "center" or "right"
    wrap: bool = False  # long text takes two lines (notes); otherwise it shrinks (names never wrap)


@dataclass
class Table:
    """A table whose rows are split over as many pages as it needs; the header row repeats."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    title: str = ""
    row_height: float = 7.5 * mm
    font_size: float = 10.5
    empty_text: str = ""  # one row saying so when there are no rows
    min_rows_on_first_page: int = 3  # else the title moves to the next page with them

    @property
    def title_height(self) -> float:
        return 9 * mm if self.title else 0.0

    @property
    def header_height(self) -> float:
        return self.row_height * 1.1


Draw = Callable[[Canvas, float, float, float], None]  # (canvas, left, top, width)


@dataclass
class Block:
    """Content of a known height drawn by a function: a heading, a detail grid, signatures."""

    height: float
    draw: Draw


Item = Block | Table


@dataclass
class Piece:
    """One item (or one chunk of a table's rows) placed on a page with its top edge."""

    item: Item
    top: float
    start: int = 0
    end: int = 0
    continued: bool = False


@dataclass
class PagedDocument:
    """A document of blocks and tables flowing over pages with the station's page furniture."""

    title: str
    branding: Branding
    pagesize: tuple[float, float] = A4
    left: float = 18 * mm
    right: float = 18 * mm
    top: float = 14 * mm
    bottom: float = 16 * mm
    printed_at: datetime = field(default_factory=lambda: datetime.now().astimezone())

    @property
    def width(self) -> float:
        return self.pagesize[0] - self.left - self.right

    def _content_top(self, page_no: int) -> float:
        # Page 1 opens with the document's own heading; later pages carry a small running head.
        running = 0.0 if page_no == 1 else 10 * mm
        return self.pagesize[1] - self.top - running

    def paginate(self, items: Sequence[Item]) -> list[list[Piece]]:
        pages: list[list[Piece]] = [[]]
        floor = self.bottom + 8 * mm  # the footer line
        y = self._content_top(1)

        def new_page() -> None:
            nonlocal y
            pages.append([])
            y = self._content_top(len(pages))

        for item in items:
            if isinstance(item, Block):
                if y - item.height < floor and pages[-1]:
                    new_page()
                pages[-1].append(Piece(item, y))
                y -= item.height + GAP
                continue
            total = max(len(item.rows), 1)  # an empty table still shows its header and a note
            i = 0
            while i < total:
                head = item.title_height + item.header_height
                wanted = min(total - i, item.min_rows_on_first_page if i == 0 else 1)
                if y - head - wanted * item.row_height < floor and pages[-1]:
                    new_page()
                fits = int((y - floor - head) / item.row_height + 1e-6)
                k = max(1, min(fits, total - i))
                pages[-1].append(Piece(item, y, i, i + k, continued=i > 0))
                y -= head + k * item.row_height + GAP
                i += k
                if i < total:
                    new_page()
        return pages

    def render(
        self,
        out: Output,
        items: Sequence[Item],
        *,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> int:
        fonts.register()
        pages = self.paginate(items)
        with open_canvas(out, self.pagesize, self.title, self.branding) as c:
            for number, pieces in enumerate(pages, start=1):
                check_cancel(cancelled)
                self._furniture(c, number, len(pages))
                for piece in pieces:
                    if isinstance(piece.item, Block):
                        piece.item.draw(c, self.left, piece.top, self.width)
                    else:
                        draw_table_piece(c, piece, self.left, self.width)
                finish_page(c)
                report(progress, number, len(pages))
        return len(pages)

    def _furniture(self, c: Canvas, page: int, pages: int) -> None:
        w, h = self.pagesize
        c.setFillColorRGB(*MUTED)
        if page > 1:
            top = h - self.top
            draw_text(c, self.left, top - 5 * mm, self.branding.station_name, SANS, 8.5, width=self.width / 2)
            draw_text(c, w - self.right, top - 5 * mm, self.title, SANS, 8.5, align="right", width=self.width / 2)
            c.setStrokeColorRGB(*RULE)
            c.setLineWidth(0.4)
            c.line(self.left, top - 7 * mm, w - self.right, top - 7 * mm)
        base = self.bottom
        draw_text(
            c, self.left, base,
            translate("Printing", "Printed {when}").format(when=format_datetime(self.printed_at)),
            SANS, 8,
        )
        draw_text(
            c, w - self.right, base,
            translate("Printing", "Page {page} of {pages}").format(page=page, pages=pages),
            SANS, 8, align="right",
        )
        c.setFillColorRGB(*INK)


def _column_edges(columns: Sequence[Column], x: float, width: float) -> list[float]:
    total = sum(col.weight for col in columns)
    edges = [x]
    for col in columns:
        edges.append(edges[-1] + width * col.weight / total)
    edges[-1] = x + width  # no rounding gap at the right border
    return edges


def _cell_x(col: Column, left: float, right: float) -> float:
    if col.align == "center":
        return (left + right) / 2
    if col.align == "right":
        return right - CELL_PAD
    return left + CELL_PAD


def _split_heading(text: str) -> tuple[str, str] | None:
    """Where a column heading may break onto a second line: before a bracketed unit."""
    for mark in ("（", " ("):
        at = text.find(mark)
        if at > 0:
            return text[:at].strip(), text[at:].strip()
    return None


def _draw_heading(c: Canvas, text: str, left: float, right: float, bottom: float, height: float,
                  size: float) -> None:
    """A column heading, bold and centred; on two lines when one would shrink it much."""
    width = right - left - 2 * CELL_PAD
    centre = (left + right) / 2
    parts = _split_heading(text)
    if parts is None or fonts.fit_size(text, SANS, size, width)[0] >= size * 0.85:
        draw_text(c, centre, baseline_in_box(bottom, height, size), text, SANS, size, align="center",
                  width=width, bold=True)
        return
    small = size * 0.85
    line = small * 1.15
    middle = bottom + height / 2
    draw_text(c, centre, middle + line / 2 - small * fonts.CJK_MIDDLE, parts[0], SANS, small,
              align="center", width=width, bold=True)
    draw_text(c, centre, middle - line / 2 - small * fonts.CJK_MIDDLE, parts[1], SANS, small * 0.9,
              align="center", width=width)


def _draw_two_lines(c: Canvas, col: Column, text: str, left: float, right: float, bottom: float,
                   height: float, size: float) -> bool:
    """Long text in two smaller lines, broken where the halves are nearest in width. False when
    one line fits well enough."""
    width = right - left - 2 * CELL_PAD
    if len(text) < 2 or fonts.fit_size(text, SANS, size, width)[0] >= size * 0.8:
        return False
    small = size * 0.8
    total = fonts.text_width(text, SANS, small)
    at, run = 1, 0.0
    for i, ch in enumerate(text):
        run += fonts.text_width(ch, SANS, small)
        if run >= total / 2:
            at = max(1, i + 1)
            break
    line = small * 1.15
    middle = bottom + height / 2
    x = _cell_x(col, left, right)
    for k, part in enumerate((text[:at].strip(), text[at:].strip())):
        y = middle + (line / 2 if k == 0 else -line / 2) - small * fonts.CJK_MIDDLE
        draw_text(c, x, y, part, SANS, small, align=col.align, width=width)
    return True


def draw_table_piece(c: Canvas, piece: Piece, x: float, width: float) -> None:
    table = piece.item
    assert isinstance(table, Table)
    edges = _column_edges(table.columns, x, width)
    y = piece.top
    if table.title:
        title = table.title
        if piece.continued:
            title = translate("Printing", "{title} (continued)").format(title=title)
        c.setFillColorRGB(*INK)
        draw_text(c, x, y - table.title_height + 2.5 * mm, title, SANS, 12, bold=True, width=width)
        y -= table.title_height
    head_h = table.header_height
    c.setFillColorRGB(*SHADE)
    c.rect(x, y - head_h, width, head_h, stroke=0, fill=1)
    c.setFillColorRGB(*INK)
    size = table.font_size
    base = baseline_in_box(y - head_h, head_h, size)
    for col, left, right in zip(table.columns, edges, edges[1:]):
        _draw_heading(c, col.title, left, right, y - head_h, head_h, size)
    header_top = y
    y -= head_h
    rh = table.row_height
    if not table.rows:
        draw_text(c, x + width / 2, baseline_in_box(y - rh, rh, size), table.empty_text, SANS, size,
                  align="center", width=width - 2 * CELL_PAD)
    for r in range(piece.start, min(piece.end, len(table.rows))):
        row = table.rows[r]
        base = baseline_in_box(y - rh, rh, size)
        for col, text, left, right in zip(table.columns, row, edges, edges[1:]):
            if not text:
                continue
            if col.wrap and _draw_two_lines(c, col, text, left, right, y - rh, rh, size):
                continue
            draw_text(c, _cell_x(col, left, right), base, text, SANS, size, align=col.align,
                      width=right - left - 2 * CELL_PAD)
        y -= rh
    bottom = y
    c.setStrokeColorRGB(*RULE)
    c.setLineWidth(0.5)
    # One path for the whole grid, written directly: a long table has thousands of lines.
    ops = []
    line_y = header_top - head_h
    while line_y > bottom + 1e-3:
        ops.append(f"{x:.2f} {line_y:.2f} m {x + width:.2f} {line_y:.2f} l")
        line_y -= rh
    for edge in edges[1:-1]:
        ops.append(f"{edge:.2f} {header_top:.2f} m {edge:.2f} {bottom:.2f} l")
    ops.append("S")
    c.addLiteral(" ".join(ops))
    c.setLineWidth(1.0)
    c.rect(x, bottom, width, header_top - bottom, stroke=1, fill=0)


# --- blocks every document uses ------------------------------------------------------------


def heading(title: str, branding: Branding, subtitle: str = "") -> Block:
    """The document's heading: station name, the title set wide and bold, a subtitle; the logo
    sits at the left."""
    height = 24 * mm if subtitle else 18 * mm

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        draw_image_fit(c, branding.logo_path, x, top - 16 * mm, 16 * mm, 16 * mm, anchor="w")
        centre = x + width / 2
        c.setFillColorRGB(*INK)
        if branding.station_name:
            draw_text(c, centre, top - 5 * mm, branding.station_name, SANS, 11, align="center",
                      width=width - 40 * mm)
        draw_text(c, centre, top - 14 * mm, title, SANS, 18, align="center", bold=True,
                  spacing=fonts.title_spacing(title, 18), width=width - 40 * mm)
        if subtitle:
            c.setFillColorRGB(*MUTED)
            draw_text(c, centre, top - 21 * mm, subtitle, SANS, 10, align="center", width=width)
            c.setFillColorRGB(*INK)

    return Block(height, draw)


@dataclass(frozen=True)
class Detail:
    label: str
    value: str
    wide: bool = False  # takes a whole line; long text wraps by CJK rules


def details(rows: Sequence[Detail], *, label_width: float | None = None, width: float = 174 * mm,
            row_height: float = 8 * mm, size: float = 10.5) -> Block:
    """A bordered grid of label/value pairs, two to a line unless `wide`, like an official form.

    `width` must be the width the block is drawn at: wrapped values are measured with it. The
    label column is as wide as the longest label needs (translations differ in length).
    """
    if label_width is None:
        longest = max((fonts.text_width(d.label, SANS, size) for d in rows), default=0.0)
        label_width = min(max(longest + 2 * CELL_PAD + 2 * mm, 22 * mm), 42 * mm)
    lines: list[list[Detail]] = []
    for d in rows:
        if d.wide or not lines or len(lines[-1]) == 2 or lines[-1][0].wide:
            lines.append([d])
        else:
            lines[-1].append(d)
    style = fonts.paragraph_style(size, SANS, leading=size * 1.45)
    heights: list[float] = []
    paras: list[Paragraph | None] = []
    for line in lines:
        para = None
        h = row_height
        if line[0].wide and line[0].value:
            para = Paragraph(fonts.markup(line[0].value, SANS), style)
            _, ph = para.wrap(width - label_width - 2 * CELL_PAD, 1000 * mm)
            if ph + 2 * CELL_PAD > row_height:
                h = ph + 2 * CELL_PAD
            else:
                para = None  # one line: drawn like the others, shrunk to fit if need be
        heights.append(h)
        paras.append(para)

    def draw(c: Canvas, x: float, top: float, w: float) -> None:
        y = top
        c.setStrokeColorRGB(*RULE)
        c.setLineWidth(0.5)
        half = w / 2
        for line, h, para in zip(lines, heights, paras):
            cells = [(x, w)] if len(line) == 1 and line[0].wide else [(x, half), (x + half, half)]
            for d, (cx, cw) in zip(line, cells):
                c.setFillColorRGB(*SHADE)
                c.rect(cx, y - h, label_width, h, stroke=0, fill=1)
                c.setFillColorRGB(*INK)
                draw_text(c, cx + label_width / 2, baseline_in_box(y - h, h, size), d.label, SANS, size,
                          align="center", width=label_width - 2 * CELL_PAD)
                if para is not None:
                    para.drawOn(c, cx + label_width + CELL_PAD, y - h + CELL_PAD)
                else:
                    draw_text(c, cx + label_width + CELL_PAD, baseline_in_box(y - h, h, size), d.value,
                              SANS, size, width=cw - label_width - 2 * CELL_PAD)
                c.line(cx + label_width, y, cx + label_width, y - h)
                c.line(cx, y - h, cx + cw, y - h)
            if len(cells) == 2:
                c.line(x + half, y, x + half, y - h)
            y -= h
        c.setLineWidth(1.0)
        c.rect(x, y, w, top - y, stroke=1, fill=0)

    return Block(sum(heights), draw)


def signatures(labels: Sequence[str], *, height: float = 14 * mm, size: float = 10.5) -> Block:
    """Signature lines ("label: ______") spread over the width."""

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        slot = width / max(len(labels), 1)
        base = top - height + 4 * mm
        c.setFillColorRGB(*INK)
        c.setStrokeColorRGB(*RULE)
        c.setLineWidth(0.5)
        for i, label in enumerate(labels):
            left = x + i * slot
            drawn = draw_text(c, left, base, label, SANS, size, width=slot * 0.5)
            c.line(left + drawn + 1 * mm, base - 1.2 * mm, left + slot - 5 * mm, base - 1.2 * mm)

    return Block(height, draw)


def note(text: str, *, size: float = 9.5, width: float = 174 * mm) -> Block:
    """A wrapped paragraph of small print (remarks, instructions)."""
    style = fonts.paragraph_style(size, SANS)
    style.textColor = Color(*MUTED)
    para = Paragraph(fonts.markup(text, SANS), style)
    _, h = para.wrap(width, 1000 * mm)

    def draw(c: Canvas, x: float, top: float, w: float) -> None:
        para.drawOn(c, x, top - h)

    return Block(h, draw)
