"""Roster rows made into volunteers' fields, each checked on its own and against the rows before it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.idcard import IdNumberError, parse_resident_id
from desktop.services import volunteers
from desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from desktop.services.importing import ImportReport

REASON_LABELS = {
    "missing_name": QT_TRANSLATE_NOOP("Import", "Name missing"),
    "name": QT_TRANSLATE_NOOP("Import", "Name too long"),
    "id_missing": QT_TRANSLATE_NOOP("Import", "ID number missing"),
    "id_excel_number": QT_TRANSLATE_NOOP("Import", "ID number damaged by Excel"),
    "id_old_format": QT_TRANSLATE_NOOP("Import", "Old 15-digit ID number"),
    "id_format": QT_TRANSLATE_NOOP("Import", "ID number malformed"),
    "id_birth_date": QT_TRANSLATE_NOOP("Import", "Birth date in ID impossible"),
    "id_checksum": QT_TRANSLATE_NOOP("Import", "ID check digit wrong"),
    "id_type": QT_TRANSLATE_NOOP("Import", "ID type unknown"),
    "id_number": QT_TRANSLATE_NOOP("Import", "ID number not valid"),
    "gender": QT_TRANSLATE_NOOP("Import", "Gender not valid"),
    "birth_date": QT_TRANSLATE_NOOP("Import", "Birth date not valid"),
    "phone": QT_TRANSLATE_NOOP("Import", "Phone number not valid"),
    "phone_registered": QT_TRANSLATE_NOOP("Import", "Phone already registered"),
    "date": QT_TRANSLATE_NOOP("Import", "Registration date not valid"),
    "duplicate_in_file": QT_TRANSLATE_NOOP("Import", "Duplicate row"),
}
# When a row has several problems, the reason given first is the first field in this order.
_FIELD_ORDER = ("name", "id_type", "id_number", "gender", "birth_date", "phone", "registered_on")
_SUMMARY = re.compile(r"^(合计|总计|小计|共计|总人数|统计|total|sum|subtotal)", re.IGNORECASE)
_FOOTER = re.compile(r"^(填表人|填报人|制表人|审核人|负责人|联系人|签字|盖章|注[:：])")
_TEAM_SPLIT = re.compile(r"[、,，;；/|]")
_ID_TYPES = (
    ("护照", "passport"), ("passport", "passport"), ("港澳", "hk_macau_pass"), ("回乡", "hk_macau_pass"),
    ("台湾", "taiwan_pass"), ("台胞", "taiwan_pass"), ("身份证", "resident_id"), ("resident", "resident_id"),
)
# Team categories guessed from a new team's name, as stations usually name them.
_TEAM_CATEGORY = (
    ("阅读", "reading"), ("书香", "reading"), ("交通", "civilized_traffic"), ("宣讲", "policy_lecture"),
    ("理论", "policy_lecture"), ("科普", "science"), ("科技", "science"), ("环保", "environment"),
    ("环境", "environment"), ("文化", "culture_arts"), ("文艺", "culture_arts"),
    ("敬老", "elderly_disability"), ("助残", "elderly_disability"), ("助老", "elderly_disability"),
)
_EXCEL_EPOCH = date(1899, 12, 30)


def reason_label(code: str) -> str:
    return translate("Import", REASON_LABELS.get(code, code))


# --- reading one cell --------------------------------------------------------------------------


def text_of(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0', full-width forms folded, trimmed."""
    if value is None:
        return ""
    if type(value) is str:
        return (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.strip()


_DATE_YMD = re.compile(r"^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*(?:[月/.\-]\s*(\d{1,2})\s*日?|月)?(?:[\sT].*)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: Any) -> date | None:
    """A date as rosters type it; None when empty; ValueError when it is not a date.

    Excel dates, serial numbers (45047), 2023年5月1日, 2023年5月 (the 1st), 2023/5/1, 2023-5-1,
    2023.05.01 and 20230501.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19000101 <= value <= 29991231:
            return _ymd(str(int(value)))
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(value)
    text = text_of(value)
    if not text:
        return None
    if _DATE_COMPACT.match(text):
        return _ymd(text)
    m = _DATE_YMD.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    if text.isdigit() and len(text) == 5:  # an Excel serial that went through a CSV
        return _EXCEL_EPOCH + timedelta(days=int(text))
    raise ValueError(text)


def _ymd(text: str) -> date:
    m = _DATE_COMPACT.match(text)
    if not m:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _id_type(value: Any) -> str:
    text = text_of(value).lower()
    if not text:
        return "resident_id"
    for word, kind in _ID_TYPES:
        if word in text:
            return kind
    return "other"


def _gender(value: Any) -> str:
    text = text_of(value)
    return text.removesuffix("性")  # 男性 / 女性


def team_names(value: Any) -> list[str]:
    return [n for n in (" ".join(part.split()) for part in _TEAM_SPLIT.split(text_of(value))) if n]


def team_category(name: str) -> str:
    for word, category in _TEAM_CATEGORY:
        if word in name:
            return category
    return "other"


def _reason(field_name: str, data: volunteers.VolunteerInput) -> str:
    """The reason code for the first bad field of a row (validate gives only messages)."""
    if field_name == "name":
        return "name" if data.name.strip() else "missing_name"
    if field_name == "id_number":
        if data.id_number in (None, ""):
            return "id_missing"
        if data.id_type == "resident_id":
            try:
                parse_resident_id(data.id_number)
            except IdNumberError as exc:
                return exc.code
        return "id_number"
    if field_name == "registered_on":
        return "date"
    return field_name


# --- one row -------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A row that passed its own checks, as the volunteer's fields, ready for the database lookup."""

    row: int
    data: volunteers.VolunteerInput
    present: frozenset[str]
    teams: list[str]
    values: tuple[Any, ...]


class RowCheck:
    """The rows of one import as they stream past: which are volunteers, and which of those pass."""

    def __init__(
        self, s: Session, columns: list[tuple[int, str]], station_id: int | None, report: ImportReport
    ) -> None:
        self.s = s
        self.columns = columns
        self.station_id = station_id
        self.report = report
        self.seen_ids: dict[tuple[str, str], int] = {}
        self.seen_phones: dict[str, int] = {}

    def candidates(self, chunk: list[tuple[int, tuple[Any, ...]]]) -> list[Candidate]:
        """The chunk's volunteer rows that pass; blank, summary and refused rows go into the report."""
        candidates: list[Candidate] = []
        columns = self.columns
        for number, values in chunk:
            width = len(values)
            cells = {f: (values[col] if col < width else None) for col, f in columns}
            texts = {f: text_of(v) for f, v in cells.items()}
            kind = self._kind(values, texts)
            if kind == "blank":
                self.report.blank_rows += 1
                continue
            if kind == "summary":
                self.report.summary_rows.append(number)
                continue
            self.report.rows += 1
            candidate = self._check(number, values, cells, texts)
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    @staticmethod
    def _kind(values: tuple[Any, ...], texts: dict[str, str]) -> str:
        if not any(texts.values()):
            return "blank"
        if not texts.get("id_number") and not texts.get("phone"):
            first = next((text_of(v) for v in values if text_of(v)), "").replace(" ", "")
            if _SUMMARY.match(first) or _FOOTER.match(first):
                return "summary"
        return "data"

    def _check(
        self, number: int, values: tuple[Any, ...], cells: dict[str, Any], texts: dict[str, str]
    ) -> Candidate | None:
        errors: dict[str, str] = {}
        dates: dict[str, date | None] = {"registered_on": None, "birth_date": None}
        for f in dates:
            if texts.get(f):
                try:
                    dates[f] = parse_date(cells[f])
                except ValueError:
                    errors[f] = translate("Import", "Not a date: {text}. Write it as 2023-05-01.").format(
                        text=texts[f]
                    )
        raw_id = cells.get("id_number")
        data = volunteers.VolunteerInput(
            name=texts.get("name", ""),
            # A float is what Excel made of a typed ID, digits lost: validate says so.
            id_number=raw_id if isinstance(raw_id, float) else texts.get("id_number", ""),
            id_type=_id_type(texts.get("id_type", "")),
            gender=_gender(texts.get("gender", "")),
            birth_date=dates["birth_date"],
            phone=texts.get("phone", ""),
            skills=texts.get("skills", ""),
            political_status=texts.get("political_status", ""),
            registered_on=dates["registered_on"],
            notes=texts.get("notes", ""),
            station_id=self.station_id,
        )
        if data.id_type != "resident_id" and isinstance(raw_id, float):
            data.id_number = texts.get("id_number", "")
        try:
            clean = volunteers.validate(self.s, data, check_clashes=False)
        except ValidationError as exc:
            self._reject(number, values, {**exc.fields, **errors}, data)
            return None
        if errors:
            self._reject(number, values, errors, data)
            return None
        key = (clean.id_type, clean.id_number or "")
        earlier = self.seen_ids.get(key)
        if earlier is not None:
            self.report.add_rejected(
                number, values, "id_number", "duplicate_in_file",
                translate("Import", "The same ID number as row {row}; this row was left out.").format(row=earlier),
            )
            return None
        earlier = self.seen_phones.get(clean.phone) if clean.phone else None
        if earlier is not None:
            self.report.add_rejected(
                number, values, "phone", "duplicate_in_file",
                translate("Import", "The same phone number as row {row}; this row was left out.").format(
                    row=earlier
                ),
            )
            return None
        self.seen_ids[key] = number
        if clean.phone:
            self.seen_phones[clean.phone] = number
        present = frozenset(f for f, text in texts.items() if text)
        return Candidate(number, clean, present, team_names(texts.get("team", "")), values)

    def _reject(
        self, number: int, values: tuple[Any, ...], errors: dict[str, str], data: volunteers.VolunteerInput
    ) -> None:
        fields = sorted(errors, key=lambda f: _FIELD_ORDER.index(f) if f in _FIELD_ORDER else len(_FIELD_ORDER))
        first = fields[0]
        message = " ".join(errors[f] for f in fields)
        self.report.add_rejected(number, values, first, _reason(first, data), message)
