"""The honour certificate (荣誉证书) for a star level: A4 landscape with a decorative border."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from math import cos, pi, sin

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.printing import fonts
from desktop.printing.certificate import (
    draw_copy_mark,
    draw_number_qr,
    draw_reprint_note,
    draw_seal,
)
from desktop.printing.common import (
    INK,
    RED,
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    draw_image_fit,
    format_date,
    format_hours,
    one_page_each,
)
from desktop.printing.fonts import KAI, SANS, draw_text

GOLD = (0.75, 0.56, 0.12)

LEVEL_TITLES = {
    1: QT_TRANSLATE_NOOP("Honour", "One-Star Volunteer"),
    2: QT_TRANSLATE_NOOP("Honour", "Two-Star Volunteer"),
    3: QT_TRANSLATE_NOOP("Honour", "Three-Star Volunteer"),
    4: QT_TRANSLATE_NOOP("Honour", "Four-Star Volunteer"),
    5: QT_TRANSLATE_NOOP("Honour", "Five-Star Volunteer"),
}


@dataclass(frozen=True)
class HonourData:
    number: str
    name: str
    level: int  # 1..5 stars
    hours: float  # cumulative approved hours when the level was reached
    as_of: date  # the hours are counted up to this day
    issued_on: date
    copy: bool = False
    reprinted_on: date | None = None


def level_title(level: int) -> str:
    return translate("Honour", LEVEL_TITLES.get(level, LEVEL_TITLES[5]))


def _star(c: Canvas, cx: float, cy: float, r: float) -> None:
    """A filled five-pointed star centred on (cx, cy) with outer radius r."""
    path = c.beginPath()
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.382
        angle = pi / 2 + k * pi / 5
        x, y = cx + radius * cos(angle), cy + radius * sin(angle)
        if k == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def _border(c: Canvas, w: float, h: float) -> None:
    """A red outer frame, a gold inner frame with a band of small diamonds between them, and
    corner ornaments."""
    outer, inner = 9 * mm, 16 * mm
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(3)
    c.rect(outer, outer, w - 2 * outer, h - 2 * outer)
    c.setLineWidth(0.8)
    c.rect(outer + 2 * mm, outer + 2 * mm, w - 2 * outer - 4 * mm, h - 2 * outer - 4 * mm)
    c.setStrokeColorRGB(*GOLD)
    c.setLineWidth(1.2)
    c.rect(inner, inner, w - 2 * inner, h - 2 * inner)
    c.setLineWidth(0.5)
    c.rect(inner + 1.5 * mm, inner + 1.5 * mm, w - 2 * inner - 3 * mm, h - 2 * inner - 3 * mm)

    # The band of diamonds, one path for the whole page.
    mid = (outer + 2 * mm + inner) / 2
    step, half = 6 * mm, 1.3 * mm
    c.setFillColorRGB(*GOLD)
    band = c.beginPath()

    def diamond(x: float, y: float) -> None:
        band.moveTo(x, y + half)
        band.lineTo(x + half, y)
        band.lineTo(x, y - half)
        band.lineTo(x - half, y)
        band.close()

    x = mid + step
    while x < w - mid - step / 2:
        diamond(x, mid)
        diamond(x, h - mid)
        x += step
    y = mid + step
    while y < h - mid - step / 2:
        diamond(mid, y)
        diamond(w - mid, y)
        y += step
    c.drawPath(band, stroke=0, fill=1)

    # Corner ornaments: a red square set on its point with a gold bracket inside the frame.
    c.setFillColorRGB(*RED)
    c.setStrokeColorRGB(*GOLD)
    c.setLineWidth(1.2)
    arm = 14 * mm
    for cx, sx in ((mid, 1), (w - mid, -1)):
        for cy, sy in ((mid, 1), (h - mid, -1)):
            p = c.beginPath()
            p.moveTo(cx, cy + 3.2 * mm)
            p.lineTo(cx + 3.2 * mm, cy)
            p.lineTo(cx, cy - 3.2 * mm)
            p.lineTo(cx - 3.2 * mm, cy)
            p.close()
            c.drawPath(p, stroke=0, fill=1)
            bx, by = cx + sx * (inner - mid + 4 * mm), cy + sy * (inner - mid + 4 * mm)
            bracket = c.beginPath()
            bracket.moveTo(bx + sx * arm, by)
            bracket.lineTo(bx, by)
            bracket.lineTo(bx, by + sy * arm)
            c.drawPath(bracket, stroke=1, fill=0)


def draw_honour(c: Canvas, data: HonourData, branding: Branding) -> None:
    w, h = landscape(A4)
    _border(c, w, h)
    left, right = 40 * mm, w - 40 * mm
    width = right - left

    draw_image_fit(c, branding.logo_path, left - 6 * mm, h - 58 * mm, 22 * mm, 22 * mm, anchor="w")
    title = translate("Honour", "Certificate of Honour")
    c.setFillColorRGB(*RED)
    draw_text(c, w / 2, h - 50 * mm, title, SANS, 40, align="center", bold=True,
              spacing=fonts.title_spacing(title, 40) * 1.6, width=width)
    if data.copy:
        draw_copy_mark(c, 24 * mm, h - 24 * mm, w, h)

    c.setFillColorRGB(*INK)
    salutation = translate("Honour", "{name}:").format(name=data.name)
    draw_text(c, left, h - 72 * mm, salutation, KAI, 24, width=width, min_size=12)
    body = translate(
        "Honour",
        "In recognition of your outstanding volunteer service: by {date} you had given {hours} "
        "hours of service, and after review you are awarded the title of",
    ).format(date=format_date(data.as_of), hours=format_hours(data.hours))
    para = Paragraph(fonts.markup(body, KAI), fonts.paragraph_style(20, KAI, leading=34, first_line_indent=40))
    _, ph = para.wrap(width, 60 * mm)
    para.drawOn(c, left, h - 80 * mm - ph)

    # The level: its stars and its title, large and red, centred.
    y = h - 80 * mm - ph - 18 * mm
    level = max(1, min(5, data.level))
    r = 6 * mm
    c.setFillColorRGB(*RED)
    gap = 15 * mm
    label = level_title(level)
    label_w = fonts.text_width(label, KAI, 30)
    total = level * gap - (gap - 2 * r) + 8 * mm + label_w
    x = w / 2 - total / 2 + r
    for _ in range(level):
        _star(c, x, y + 3.5 * mm, r)
        x += gap
    draw_text(c, x - gap + r + 8 * mm, y, label, KAI, 30, bold=True)

    c.setFillColorRGB(*INK)
    draw_text(c, left + 14 * mm, y - 20 * mm, translate("Honour", "With our thanks and encouragement."), KAI, 20,
              width=width)

    # The issuer and the date at the bottom right, the seal over both; the number at the left.
    # The date sits centred under the name, as on a stamped letter.
    name_w = min(fonts.text_width(branding.station_name, KAI, 18), width / 2)
    centre = right - 6 * mm - max(name_w, 45 * mm) / 2
    draw_text(c, centre, 50 * mm, branding.station_name, KAI, 18, align="center", width=width / 2)
    draw_text(c, centre, 40 * mm, format_date(data.issued_on), KAI, 18, align="center", width=width / 2)
    draw_seal(c, branding, centre, 48 * mm)

    draw_number_qr(c, data.number, 28 * mm, 30 * mm, 18 * mm)
    if data.copy and data.reprinted_on:
        draw_reprint_note(c, data.reprinted_on, 52 * mm, 30 * mm, 9, 90 * mm)
    c.setFillColorRGB(*INK)


def render_honours(
    out: Output,
    data: Sequence[HonourData],
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """One landscape page per honour certificate. Returns the number of pages."""
    title = translate("Honour", "Certificate of Honour")
    return one_page_each(out, landscape(A4), title, branding, data, draw_honour, progress, cancelled)


def render_honour(out: Output, data: HonourData, branding: Branding) -> int:
    return render_honours(out, [data], branding)
