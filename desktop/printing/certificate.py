"""The service certificate (志愿服务证明): one A4 page per volunteer with every field the national
rules on volunteer service records name, the certificate number as a QR code and the seal place.

A certificate is a form in the Kai face: the basic record, the period and hours, the activities
(listed when they fit, else summed by category), remarks, the issuing organisation with its
person in charge, handler and contact, the issue date. A reprint keeps its number and says it
is a copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.i18n import current_language, translate
from desktop.printing import fonts
from desktop.printing.common import (
    INK,
    MUTED,
    RED,
    RULE,
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    draw_image_fit,
    format_date,
    format_hours,
    format_period,
    one_page_each,
)
from desktop.printing.fonts import KAI, SANS, baseline_in_box, draw_text
from desktop.printing.qr import draw_qr

MAX_LISTED = 8  # activities listed one per line; more are summed up by category
SEAL_SIZE = 42 * mm  # the common size of a Chinese organisation's round seal


@dataclass(frozen=True)
class ActivityLine:
    day: date
    title: str
    hours: float


@dataclass(frozen=True)
class CategoryTotal:
    category: str  # label
    events: int
    hours: float


@dataclass(frozen=True)
class CertificateData:
    number: str
    name: str
    gender: str  # label
    id_type: str  # label
    id_number: str  # as it is to be printed (masked unless the issuer chose the full number)
    volunteer_no: str
    registered_on: date | None
    period_from: date | None
    period_to: date | None
    hours: float
    events: int
    issued_on: date
    activities: Sequence[ActivityLine] = field(default_factory=tuple)
    summary: Sequence[CategoryTotal] = field(default_factory=tuple)
    remarks: str = ""
    copy: bool = False
    reprinted_on: date | None = None


# --- parts shared with the honour certificate ----------------------------------------------


def draw_reprint_note(
    c: Canvas, reprinted_on: date, x: float, y: float, size: float, width: float, *, align: str = "left"
) -> None:
    """Under a copy: the day it was reprinted, and that its number is the original's."""
    c.setFillColorRGB(*MUTED)
    draw_text(c, x, y,
              translate("Certificate", "Copy reprinted on {date}; the number is that of the original.")
              .format(date=format_date(reprinted_on)), KAI, size, align=align, width=width)


def draw_copy_mark(c: Canvas, x: float, top: float, page_w: float, page_h: float) -> None:
    """A red "COPY" stamp at (x, top) and the same word faint across the page."""
    word = translate("Certificate", "COPY")
    c.saveState()
    c.setFillColor(Color(*RED, alpha=0.07))
    c.translate(page_w / 2, page_h / 2)
    c.rotate(30)
    draw_text(c, 0, -30, word, SANS, 110, align="center", width=page_w * 0.9)
    c.restoreState()
    c.saveState()
    c.setStrokeColorRGB(*RED)
    c.setFillColorRGB(*RED)
    c.setLineWidth(1.5)
    size = 15
    w = fonts.text_width(word, SANS, size) + 8 * mm
    c.rect(x, top - 10 * mm, w, 10 * mm, stroke=1, fill=0)
    draw_text(c, x + w / 2, top - 10 * mm + 3.3 * mm, word, SANS, size, align="center", bold=True)
    c.restoreState()


def draw_seal(c: Canvas, branding: Branding, cx: float, cy: float) -> None:
    """The station's seal image centred on (cx, cy), if one is set; otherwise the clerk stamps."""
    if branding.seal_path:
        draw_image_fit(c, branding.seal_path, cx - SEAL_SIZE / 2, cy - SEAL_SIZE / 2, SEAL_SIZE, SEAL_SIZE)


def draw_number_qr(c: Canvas, number: str, x: float, y: float, size: float) -> None:
    """The certificate number as a QR code with the number printed under it."""
    draw_qr(c, number, x, y, size, quiet_modules=2, choose_mask=False)
    c.setFillColorRGB(*MUTED)
    draw_text(c, x + size / 2, y - 3.5 * mm, number, SANS, 7.5, align="center", width=size + 12 * mm)
    c.setFillColorRGB(*INK)


# --- the service certificate -----------------------------------------------------------------


class _Form:
    """Draws the certificate's bordered form row by row from the top."""

    def __init__(self, c: Canvas, x: float, top: float, width: float, label_w: float):
        self.c, self.x, self.y, self.width, self.label_w = c, x, top, width, label_w
        self.top = top
        self.size = 12.5

    def _label(self, x: float, h: float, text: str) -> None:
        self.c.setFillColorRGB(*INK)
        draw_text(self.c, x + self.label_w / 2, baseline_in_box(self.y - h, h, self.size), text, KAI,
                  self.size, align="center", width=self.label_w - 3 * mm)

    def _value(self, x: float, w: float, h: float, text: str, size: float | None = None) -> None:
        size = size or self.size
        draw_text(self.c, x + 2.5 * mm, baseline_in_box(self.y - h, h, size), text, KAI, size,
                  width=w - 5 * mm, min_size=7)

    def pair_row(self, a: tuple[str, str], b: tuple[str, str], h: float = 10 * mm,
                 first_size: float | None = None) -> None:
        half = self.width / 2
        self._label(self.x, h, a[0])
        self._value(self.x + self.label_w, half - self.label_w, h, a[1], first_size)
        self._label(self.x + half, h, b[0])
        self._value(self.x + half + self.label_w, half - self.label_w, h, b[1])
        c = self.c
        c.line(self.x + self.label_w, self.y, self.x + self.label_w, self.y - h)
        c.line(self.x + half, self.y, self.x + half, self.y - h)
        c.line(self.x + half + self.label_w, self.y, self.x + half + self.label_w, self.y - h)
        self._end_row(h)

    def wide_row(self, label: str, value: str, h: float = 10 * mm) -> None:
        self._label(self.x, h, label)
        self._value(self.x + self.label_w, self.width - self.label_w, h, value)
        self.c.line(self.x + self.label_w, self.y, self.x + self.label_w, self.y - h)
        self._end_row(h)

    def box_row(self, label: str, h: float) -> tuple[float, float, float]:
        """A tall row whose value the caller fills in; returns (x, top, width) of the value."""
        self._label(self.x, h, label)
        self.c.line(self.x + self.label_w, self.y, self.x + self.label_w, self.y - h)
        box = (self.x + self.label_w, self.y, self.width - self.label_w)
        self._end_row(h)
        return box

    def _end_row(self, h: float) -> None:
        self.y -= h
        self.c.line(self.x, self.y, self.x + self.width, self.y)

    def close(self) -> None:
        self.c.setLineWidth(1.2)
        self.c.rect(self.x, self.y, self.width, self.top - self.y, stroke=1, fill=0)
        self.c.setLineWidth(0.6)


def _content(c: Canvas, data: CertificateData, x: float, top: float, width: float, height: float) -> None:
    """The activities one per line when they fit, else the totals by service category."""
    pad = 3 * mm
    line_h = 6.2 * mm
    size = 11
    y = top - pad
    listed = len(data.activities) <= MAX_LISTED and data.activities
    if listed:
        cols = (translate("Certificate", "Date"), translate("Certificate", "Activity"),
                translate("Certificate", "Hours"))
        rows = [(format_date(a.day), a.title, format_hours(a.hours)) for a in data.activities]
    else:
        cols = (translate("Certificate", "Service category"), translate("Certificate", "Activities"),
                translate("Certificate", "Hours"))
        rows = [(t.category, str(t.events), format_hours(t.hours)) for t in data.summary]
    if listed:
        first_w = max(fonts.text_width(r[0], KAI, size) for r in rows) + 5 * mm
    else:
        first_w = width - 2 * pad - 44 * mm
    hours_w = 20 * mm
    mid_w = width - 2 * pad - first_w - hours_w
    xs = (x + pad, x + pad + first_w, x + width - pad)
    c.setFillColorRGB(*MUTED)
    base = y - line_h + 1.8 * mm
    draw_text(c, xs[0], base, cols[0], KAI, 10, width=first_w - 2 * mm)
    if listed:
        draw_text(c, xs[1], base, cols[1], KAI, 10, width=mid_w - 2 * mm)
    else:
        draw_text(c, xs[1] + mid_w - 2 * mm, base, cols[1], KAI, 10, align="right", width=mid_w)
    draw_text(c, xs[2], base, cols[2], KAI, 10, align="right", width=hours_w)
    c.setStrokeColorRGB(*RULE)
    c.setLineWidth(0.3)
    c.line(x + pad, y - line_h, x + width - pad, y - line_h)
    c.setFillColorRGB(*INK)
    y -= line_h
    for first, middle, hours in rows:
        base = y - line_h + 1.8 * mm
        draw_text(c, xs[0], base, first, KAI, size, width=first_w - 2 * mm)
        if listed:
            draw_text(c, xs[1], base, middle, KAI, size, width=mid_w - 2 * mm)
        else:
            draw_text(c, xs[1] + mid_w - 2 * mm, base, middle, KAI, size, align="right", width=mid_w)
        draw_text(c, xs[2], base, hours, KAI, size, align="right", width=hours_w)
        y -= line_h
    if not rows:
        draw_text(c, x + width / 2, y - line_h + 1.8 * mm,
                  translate("Certificate", "No approved service in this period."), KAI, size,
                  align="center", width=width - 2 * pad)
    c.setLineWidth(0.6)


@lru_cache(maxsize=4)
def _statement_for(language: str, width: float) -> tuple[Paragraph, float]:
    text = translate(
        "Certificate",
        "This is to certify that the volunteer named above took part in volunteer service with "
        "our organisation, and that the record above is true and complete.",
    )
    para = Paragraph(
        fonts.markup(text, KAI), fonts.paragraph_style(14, KAI, leading=24, first_line_indent=28)
    )
    _, height = para.wrap(width, 40 * mm)
    return para, height


def _statement(width: float) -> tuple[Paragraph, float]:
    """The certifying sentence, laid out once per language: it is the same on every page."""
    return _statement_for(current_language(), width)


def draw_certificate(c: Canvas, data: CertificateData, branding: Branding) -> None:
    page_w, page_h = A4
    margin = 22 * mm
    width = page_w - 2 * margin

    # A fine red double frame, as on printed certificate paper.
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(1.6)
    c.rect(12 * mm, 12 * mm, page_w - 24 * mm, page_h - 24 * mm)
    c.setLineWidth(0.5)
    c.rect(14 * mm, 14 * mm, page_w - 28 * mm, page_h - 28 * mm)

    c.setFillColorRGB(*INK)
    title = translate("Certificate", "Volunteer Service Certificate")
    draw_text(c, page_w / 2, page_h - 40 * mm, title, SANS, 26, align="center", bold=True,
              spacing=fonts.title_spacing(title, 26), width=width)
    draw_text(c, page_w - margin, page_h - 52 * mm,
              translate("Certificate", "Certificate No.: {number}").format(number=data.number),
              KAI, 12, align="right", width=width / 2)
    # The station's logo in the top corner; a copy's stamp takes the place under it.
    draw_image_fit(c, branding.logo_path, margin, page_h - 42 * mm, 18 * mm, 18 * mm, anchor="w")
    if data.copy:
        draw_copy_mark(c, margin, page_h - 43.5 * mm, page_w, page_h)

    c.setStrokeColorRGB(*RULE)
    c.setLineWidth(0.6)
    form = _Form(c, margin, page_h - 56 * mm, width, 30 * mm)
    form.pair_row(
        (translate("Certificate", "Name"), data.name),
        (translate("Certificate", "Gender"), data.gender),
        first_size=15,
    )
    form.pair_row(
        (translate("Certificate", "ID type"), data.id_type),
        (translate("Certificate", "ID number"), data.id_number),
    )
    form.pair_row(
        (translate("Certificate", "Volunteer No."), data.volunteer_no),
        (translate("Certificate", "Registered on"), format_date(data.registered_on)),
    )
    form.wide_row(
        translate("Certificate", "Service period"), format_period(data.period_from, data.period_to)
    )
    hours = translate("Certificate", "{hours} hours").format(hours=format_hours(data.hours))
    times = translate("Certificate", "{count} times").format(count=data.events)
    form.pair_row(
        (translate("Certificate", "Service hours"), hours),
        (translate("Certificate", "Activities"), times),
    )
    content_h = (MAX_LISTED + 1) * 6.2 * mm + 6 * mm
    box_x, box_top, box_w = form.box_row(translate("Certificate", "Service content"), content_h)
    _content(c, data, box_x, box_top, box_w, content_h)
    c.setStrokeColorRGB(*RULE)
    remarks_h = 16 * mm
    box_x, box_top, box_w = form.box_row(translate("Certificate", "Remarks"), remarks_h)
    if data.remarks:
        style = fonts.paragraph_style(11, KAI, leading=15)
        para = Paragraph(fonts.markup(data.remarks, KAI), style)
        _, ph = para.wrap(box_w - 5 * mm, remarks_h)
        para.drawOn(c, box_x + 2.5 * mm, box_top - min(ph, remarks_h - 2 * mm) - 2 * mm)
    form.close()

    statement, sh = _statement(width)
    statement.drawOn(c, margin, form.y - 7 * mm - sh)
    sh += 10 * mm
    draw_text(c, margin + 28, form.y - 7 * mm - sh + 1.5 * mm, translate("Certificate", "Hereby certified."),
              KAI, 14)

    # The sign-off, right-aligned, with the seal over the organisation's name and the date.
    right = page_w - margin
    lines = [
        (translate("Certificate", "Issued by (seal)"), branding.station_name),
        (translate("Certificate", "Person in charge"), branding.person_in_charge),
        (translate("Certificate", "Handler"), branding.handler),
        (translate("Certificate", "Contact"), branding.contact),
        (translate("Certificate", "Issue date"), format_date(data.issued_on)),
    ]
    size = 13
    labels = [translate("Certificate", "{label}:").format(label=label) for label, _ in lines]
    label_w = min(max(fonts.text_width(text, KAI, size) for text in labels), 45 * mm)
    block_w = 105 * mm
    left = right - block_w
    y = form.y - 7 * mm - sh - 12 * mm
    c.setFillColorRGB(*INK)
    for label, (_, value) in zip(labels, lines):
        draw_text(c, left, y, label, KAI, size, width=label_w)
        draw_text(c, left + label_w + 1.5 * mm, y, value, KAI, size,
                  width=block_w - label_w - 1.5 * mm, min_size=8)
        y -= 9 * mm
    # The seal goes over the issue date, as a stamp is pressed on a letter.
    date_y = y + 9 * mm
    draw_seal(c, branding, left + label_w + 1.5 * mm + 22 * mm, date_y + 9 * mm)

    draw_number_qr(c, data.number, margin, 28 * mm, 24 * mm)
    if data.copy and data.reprinted_on:
        draw_reprint_note(c, data.reprinted_on, right, 20 * mm, 9.5, width, align="right")
    c.setFillColorRGB(*INK)


def render_certificates(
    out: Output,
    data: Sequence[CertificateData],
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """One page per certificate, in the order given. Returns the number of pages."""
    title = translate("Certificate", "Volunteer Service Certificate")
    return one_page_each(out, A4, title, branding, data, draw_certificate, progress, cancelled)


def render_certificate(out: Output, data: CertificateData, branding: Branding) -> int:
    return render_certificates(out, [data], branding)
