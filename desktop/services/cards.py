"""Volunteer card QR codes as PNG bytes, for the window to show, copy or save (no Qt here).

The QR holds only the card code, never personal data. Error correction level M survives a worn
card or a phone photo with glare; the four-module quiet zone is what scanners expect.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
from qrcode.image.pil import PilImage
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.i18n import translate
from desktop.models import Volunteer
from desktop.services.errors import NotFound, ValidationError
from desktop.services.permissions import Actor, require


def _checked(code: str) -> str:
    clean = codes.normalise(code)
    if not codes.is_valid(clean):
        raise ValidationError("code", translate("Cards", "This is not a valid volunteer card code."))
    return clean


def _qr(code: str, border: int) -> qrcode.QRCode:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    qr.add_data(_checked(code))
    qr.make(fit=True)
    return qr


def qr_matrix(code: str, border: int = 0) -> list[list[bool]]:
    """The dark (True) and light modules of a card's QR, row by row."""
    return [list(row) for row in _qr(code, border).get_matrix()]


def qr_png(code: str, box_size: int = 10, border: int = 4) -> bytes:
    """A black-on-white PNG of a card's QR; `box_size` pixels per module."""
    if box_size < 1 or border < 0:
        raise ValidationError("box_size", translate("Cards", "The QR image size must be positive."))
    qr = _qr(code, border)
    qr.box_size = box_size
    buf = io.BytesIO()
    qr.make_image(image_factory=PilImage).save(buf)
    return buf.getvalue()


def volunteer_qr_png(s: Session, actor: Actor, volunteer_id: int, box_size: int = 10) -> tuple[str, bytes]:
    """The volunteer's current card code and its QR as PNG bytes."""
    require(actor, "volunteers.view")
    code = s.scalar(select(Volunteer.card_code).where(Volunteer.id == volunteer_id))
    if not code:
        raise NotFound(translate("Cards", "Volunteer No. {id} has no card.").format(id=volunteer_id))
    return code, qr_png(code, box_size)
