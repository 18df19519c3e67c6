"""Chinese resident ID numbers (GB 11643-1999) and mainland mobile numbers: check and normalise."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from desktop.i18n import translate

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class IdNumberError(ValueError):
    """A bad ID number; `code` says which rule failed (for reports), str() says it in words."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def check_character(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def normalise_id(raw: object) -> str:
    """Strip spaces, fold full-width digits, upper-case the check X."""
    text = unicodedata.normalize("NFKC", "" if raw is None else str(raw))
    return "".join(text.split()).upper()


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    gender: str  # "M" or "F"


def looks_mangled_by_excel(raw: object) -> bool:
    """An ID that a spreadsheet stored as a number: 2.20103E+17, or a float with lost digits."""
    if isinstance(raw, float):
        return True
    text = normalise_id(raw)
    return bool(re.fullmatch(r"\d(\.\d+)?E\+?\d+", text))


def parse_resident_id(raw: object) -> ResidentId:
    """Check an 18-character resident ID and derive birth date and gender, or raise IdNumberError."""
    if looks_mangled_by_excel(raw):
        raise IdNumberError(
            "id_excel_number",
            translate(
                "IdCard",
                "The ID number was stored as a number by the spreadsheet and has lost digits; "
                "format the column as text and type it again.",
            ),
        )
    number = normalise_id(raw)
    if not number:
        raise IdNumberError("id_missing", translate("IdCard", "The ID number is missing."))
    if len(number) == 15 and number.isdigit():
        raise IdNumberError(
            "id_old_format",
            translate("IdCard", "This is an old 15-digit ID number; the 18-character number is needed."),
        )
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError(
            "id_format",
            translate("IdCard", "An ID number has 18 characters: 17 digits and a digit or X."),
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError(
            "id_birth_date", translate("IdCard", "The birth date inside the ID number is not a real date.")
        ) from None
    if born.year < 1900 or born > date.today():
        raise IdNumberError(
            "id_birth_date", translate("IdCard", "The birth date inside the ID number is not a real date.")
        )
    if check_character(number[:17]) != number[17]:
        raise IdNumberError(
            "id_checksum",
            translate("IdCard", "The last character of the ID number does not match (wrong check digit)."),
        )
    return ResidentId(number, born, "M" if int(number[16]) % 2 else "F")


def normalise_phone(raw: object) -> str:
    """Digits of a mainland mobile number: drops +86, spaces, dashes and a spreadsheet's '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if text.endswith(".0"):
        text = text[:-2]
    digits = re.sub(r"[\s\-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def is_mobile(phone: str) -> bool:
    return bool(_MOBILE.match(phone))


def mask_id(number: str | None) -> str:
    """220103********1234: region kept for the eye, birth date hidden."""
    if not number:
        return ""
    if len(number) <= 10:
        return number[:2] + "*" * max(0, len(number) - 4) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) < 7:
        return phone[:1] + "*" * (len(phone) - 1)
    return phone[:3] + "****" + phone[-4:]
