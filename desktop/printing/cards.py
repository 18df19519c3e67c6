"""Volunteer cards: A4 sheets of ten ID-1 cards (85.6 x 54 mm) with cut marks, each with a QR code.

The cards touch each other, so one cut separates two cards; the marks sit in the margins, on
the line of every cut, and never reach into a card. Nothing is printed closer than 2.5 mm to a
card's edge, so a cut slightly off the line spoils nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import codes
from desktop.i18n import translate
from desktop.printing.common import (
    INK,
    MUTED,
    RED,
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    check_cancel,
    draw_image_fit,
    finish_page,
    open_canvas,
    report,
)
from desktop.printing.fonts import SANS, draw_text
from desktop.printing.qr import draw_qr

CARD_W = 85.6 * mm
CARD_H = 54 * mm
COLS, ROWS = 2, 5
PER_PAGE = COLS * ROWS
INSET = 2.5 * mm
MARK_GAP = 2 * mm  # between the cards and a cut mark
MARK_LEN = 6 * mm


@dataclass(frozen=True)
class CardData:
    name: str
    code: str  # the card code; the QR holds only this
    team: str = ""
    station: str = ""


def _origin() -> tuple[float, float]:
    """Lower-left corner of the block of cards, centred on the sheet."""
    w, h = A4
    return (w - COLS * CARD_W) / 2, (h - ROWS * CARD_H) / 2


def _cut_marks(c: Canvas) -> None:
    x0, y0 = _origin()
    x1, y1 = x0 + COLS * CARD_W, y0 + ROWS * CARD_H
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.3)
    path = c.beginPath()
    for i in range(COLS + 1):
        x = x0 + i * CARD_W
        path.moveTo(x, y0 - MARK_GAP)
        path.lineTo(x, y0 - MARK_GAP - MARK_LEN)
        path.moveTo(x, y1 + MARK_GAP)
        path.lineTo(x, y1 + MARK_GAP + MARK_LEN)
    for j in range(ROWS + 1):
        y = y0 + j * CARD_H
        path.moveTo(x0 - MARK_GAP, y)
        path.lineTo(x0 - MARK_GAP - MARK_LEN, y)
        path.moveTo(x1 + MARK_GAP, y)
        path.lineTo(x1 + MARK_GAP + MARK_LEN, y)
    c.drawPath(path, stroke=1, fill=0)


def draw_card(c: Canvas, card: CardData, branding: Branding, x: float, y: float) -> None:
    """One card with its lower-left corner at (x, y)."""
    band_h = 10.5 * mm
    band_y = y + CARD_H - INSET - band_h
    c.setFillColorRGB(*RED)
    c.roundRect(x + INSET, band_y, CARD_W - 2 * INSET, band_h, 1.5 * mm, stroke=0, fill=1)
    text_x = x + INSET + 3 * mm
    if branding.logo_path:
        # A white tile keeps any logo readable on the red band.
        c.setFillColorRGB(1, 1, 1)
        c.roundRect(text_x - 1 * mm, band_y + 1.25 * mm, 8 * mm, 8 * mm, 1 * mm, stroke=0, fill=1)
        if draw_image_fit(c, branding.logo_path, text_x - 0.5 * mm, band_y + 1.75 * mm, 7 * mm, 7 * mm):
            text_x += 9 * mm
    c.setFillColorRGB(1, 1, 1)
    band_right = x + CARD_W - INSET - 3 * mm
    draw_text(c, text_x, band_y + 3.4 * mm, translate("Cards", "Volunteer Card"), SANS, 12.5, bold=True,
              width=band_right - text_x)

    qr_size = 27 * mm
    qr_x = x + CARD_W - INSET - qr_size
    qr_y = y + 8.5 * mm
    draw_qr(c, card.code, qr_x, qr_y, qr_size, quiet_modules=2)
    c.setFillColorRGB(*INK)
    draw_text(c, qr_x + qr_size / 2, y + INSET + 2.6 * mm, codes.pretty(card.code), SANS, 8,
              align="center", width=qr_size + 2 * mm)

    left = x + INSET + 2.5 * mm
    text_w = qr_x - left - 2 * mm
    draw_text(c, left, y + 27 * mm, card.name, SANS, 17, bold=True, width=text_w, min_size=9)
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(*RED)
    c.line(left, y + 24.5 * mm, left + text_w, y + 24.5 * mm)
    rows = [
        (translate("Cards", "Team"), card.team),
        (translate("Cards", "Station"), card.station or branding.station_name),
    ]
    line_y = y + 18.5 * mm
    for label, value in rows:
        c.setFillColorRGB(*MUTED)
        label_w = draw_text(c, left, line_y, label, SANS, 7, width=12 * mm)
        c.setFillColorRGB(*INK)
        draw_text(c, left + max(label_w, 8 * mm) + 1.5 * mm, line_y, value, SANS, 8.5,
                  width=text_w - max(label_w, 8 * mm) - 1.5 * mm, min_size=5)
        line_y -= 5.5 * mm
    c.setFillColorRGB(*MUTED)
    draw_text(c, left, y + INSET + 2.6 * mm, translate("Cards", "Show this code to sign in and out."),
              SANS, 6.5, width=text_w)
    c.setFillColorRGB(*INK)


def render_cards(
    out: Output,
    data: Sequence[CardData],
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """Ten cards a page, filled row by row from the top left. Returns the number of pages."""
    pages = max(1, -(-len(data) // PER_PAGE))
    x0, y0 = _origin()
    with open_canvas(out, A4, translate("Cards", "Volunteer cards"), branding) as c:
        for page in range(pages):
            check_cancel(cancelled)
            _cut_marks(c)
            for k, card in enumerate(data[page * PER_PAGE:(page + 1) * PER_PAGE]):
                row, col = divmod(k, COLS)
                draw_card(c, card, branding, x0 + col * CARD_W, y0 + (ROWS - 1 - row) * CARD_H)
            finish_page(c)
            report(progress, page + 1, pages)
    return pages
