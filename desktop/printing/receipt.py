"""The exchange shop's receipt: what a volunteer took for how many points, signed on A5 paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.i18n import translate
from desktop.printing.common import RED, Branding, Output, format_datetime
from desktop.printing.fonts import SANS, draw_text
from desktop.printing.pages import (
    Block,
    Column,
    Detail,
    PagedDocument,
    Table,
    details,
    heading,
    note,
    signatures,
)


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    unit: str
    quantity: int
    unit_price: str  # points, formatted
    points: str


@dataclass(frozen=True)
class ReceiptData:
    number: str
    at: datetime
    volunteer: str
    code: str
    lines: Sequence[ReceiptLine]
    total: str
    balance_before: str
    balance_after: str
    handler: str
    note: str = ""
    cancelled: bool = False


def _stamp(text: str) -> Block:
    """A red line across the receipt (a cancelled redemption)."""

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        c.setFillColorRGB(*RED)
        draw_text(c, x + width / 2, top - 7 * mm, text, SANS, 14, align="center", bold=True, width=width)

    return Block(10 * mm, draw)


def render_receipt(out: Output, data: ReceiptData, branding: Branding, **_: object) -> int:
    """Write the receipt; returns its page count (one, unless a very long list of items)."""
    title = translate("Receipt", "Points Exchange Receipt")
    doc = PagedDocument(
        title, branding, pagesize=A5, left=12 * mm, right=12 * mm, top=10 * mm, bottom=12 * mm
    )
    who = details(
        [
            Detail(translate("Receipt", "Volunteer"), data.volunteer),
            Detail(translate("Receipt", "Card code"), data.code),
            Detail(translate("Receipt", "Time"), format_datetime(data.at)),
            Detail(translate("Receipt", "Handled by"), data.handler),
        ],
        width=doc.width,
        size=9.5,
        row_height=7 * mm,
    )
    goods = Table(
        columns=[
            Column(translate("Receipt", "No."), 0.5, "center"),
            Column(translate("Receipt", "Item"), 2.6),
            Column(translate("Receipt", "Quantity"), 0.9, "right"),
            Column(translate("Receipt", "Unit price"), 1.0, "right"),
            Column(translate("Receipt", "Points"), 1.0, "right"),
        ],
        rows=[
            (str(i), line.name, f"{line.quantity} {line.unit}".strip(), line.unit_price, line.points)
            for i, line in enumerate(data.lines, start=1)
        ],
        row_height=6.5 * mm,
        font_size=9.5,
        min_rows_on_first_page=1,
    )
    totals = details(
        [
            Detail(translate("Receipt", "Points redeemed"), data.total, wide=True),
            Detail(translate("Receipt", "Balance before"), data.balance_before),
            Detail(translate("Receipt", "Balance after"), data.balance_after),
        ],
        width=doc.width,
        size=9.5,
        row_height=7 * mm,
    )
    items = [
        heading(title, branding, translate("Receipt", "No. {number}").format(number=data.number)),
        who,
        goods,
        totals,
    ]
    if data.cancelled:
        items.insert(1, _stamp(translate("Receipt", "Cancelled: the goods were handed back")))
    if data.note:
        items.append(note(translate("Receipt", "Note: {note}").format(note=data.note), width=doc.width))
    items.append(signatures([translate("Receipt", "Received by"), translate("Receipt", "Handled by")]))
    return doc.render(out, items)
