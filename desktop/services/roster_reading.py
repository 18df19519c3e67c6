"""Reading the rosters stations keep: xlsx or CSV (UTF-8/GB18030), header row found, columns mapped.

Files are streamed (openpyxl read-only, csv line by line) so a district roster of 70,000 rows is
never held in memory. Row numbers are the ones a clerk sees: the sheet row in Excel, the line in
a CSV file.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.services.errors import ValidationError

# The fields a roster column can fill, in the order the window offers them.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Import", "Name"),
    "gender": QT_TRANSLATE_NOOP("Import", "Gender"),
    "id_type": QT_TRANSLATE_NOOP("Import", "ID type"),
    "id_number": QT_TRANSLATE_NOOP("Import", "ID number"),
    "birth_date": QT_TRANSLATE_NOOP("Import", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("Import", "Phone"),
    "team": QT_TRANSLATE_NOOP("Import", "Team"),
    "skills": QT_TRANSLATE_NOOP("Import", "Skills"),
    "political_status": QT_TRANSLATE_NOOP("Import", "Political status"),
    "registered_on": QT_TRANSLATE_NOOP("Import", "Registered on"),
    "notes": QT_TRANSLATE_NOOP("Import", "Notes"),
}
FIELDS = tuple(FIELD_LABELS)
REQUIRED_FIELDS = ("name", "id_number")

# Header texts as stations write them, compared after `header_key` (no spaces, marks or notes).
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "志愿者姓名", "真实姓名", "name", "fullname", "volunteername"),
    "gender": ("性别", "gender", "sex"),
    "id_type": ("证件类型", "证件种类", "idtype", "documenttype"),
    "id_number": (
        "身份证号", "身份证号码", "身份证", "证件号码", "证件号", "公民身份号码", "身份证件号码",
        "身份号码", "身份证件号", "idnumber", "idno", "idno.", "id", "idcard", "idcardnumber",
        "identitycardnumber", "idcardno",
    ),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "dateofbirth", "birthdate", "birthday"),
    "phone": (
        "联系电话", "手机", "手机号", "手机号码", "电话", "电话号码", "联系方式", "移动电话",
        "联系手机", "phone", "mobile", "telephone", "tel", "phonenumber", "mobilephone", "mobilenumber",
    ),
    "team": (
        "所属队伍", "队伍", "所属团队", "团队", "服务队", "志愿服务队", "队伍名称", "所在队伍",
        "所属服务队", "team", "teamname", "teams",
    ),
    "skills": ("技能特长", "特长", "技能", "专长", "个人特长", "特长技能", "skills", "skill", "specialty"),
    "political_status": ("政治面貌", "politicalstatus"),
    "registered_on": (
        "注册时间", "注册日期", "登记时间", "登记日期", "加入时间", "加入日期", "入队时间",
        "注册时间日期", "registered", "registeredon", "registrationdate", "dateregistered",
    ),
    "notes": ("备注", "说明", "notes", "note", "remarks", "remark"),
}
_HEADER_INDEX = {alias: f for f, aliases in _ALIASES.items() for alias in aliases}

HEADER_SEARCH_ROWS = 30  # title and "filled by" rows sit above the header, never this many


def header_key(text: object) -> str:
    """A header cell reduced for matching: 身份证号码（必填）* -> 身份证号码, "ID No." -> idno."""
    if text is None:
        return ""
    key = unicodedata.normalize("NFKC", str(text)).lower()
    key = re.sub(r"[(\[【].*?[)\]】]", "", key)  # notes such as （必填） or (yyyy-mm-dd)
    return re.sub(r"[\s*:：_※]", "", key)


def field_for_header(text: object) -> str | None:
    return _HEADER_INDEX.get(header_key(text))


def field_label(name: str) -> str:
    return translate("Import", FIELD_LABELS.get(name, name))


@dataclass
class RosterLayout:
    """What was found in a file: where the header is and which column fills which field."""

    path: Path
    kind: str  # "xlsx" or "csv"
    header_row: int
    headers: list[str]
    mapping: dict[int, str]  # column index (0-based) -> field
    sheet: str = ""
    encoding: str = ""
    estimated_rows: int | None = None  # data rows below the header, when cheaply known
    width: int = 0
    preview: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)

    def column_of(self, field_name: str) -> int | None:
        for col, f in self.mapping.items():
            if f == field_name:
                return col
        return None


def file_error(message: str) -> ValidationError:
    return ValidationError({"file": message})


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xls", ".et", ".wps"):
        raise file_error(
            translate(
                "Import",
                "{file} is in the old Excel format. Open it in Excel or WPS and save it as an .xlsx workbook.",
            ).format(file=path.name)
        )
    raise file_error(
        translate("Import", "{file} is not an Excel workbook (.xlsx) or a CSV file.").format(file=path.name)
    )


# --- CSV ---------------------------------------------------------------------------------------


def detect_encoding(path: Path) -> tuple[str, int]:
    """The text encoding of a CSV (UTF-8 with or without BOM, UTF-16, else GB18030) and its line count.

    The whole file is checked, in chunks: a GBK file can look like UTF-8 for its first lines.
    """
    lines = 0
    with path.open("rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            encoding = "utf-8"
        decoder = codecs.getincrementaldecoder("utf-8")() if encoding == "utf-8" else None
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            if decoder is not None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding, decoder = "gb18030", None
        if decoder is not None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "gb18030"
    return encoding, lines


def _delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    with path.open(encoding=encoding, errors="replace", newline="") as fh:
        delimiter = _delimiter(fh.read(16384))
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)
        line = 1
        for record in reader:
            # A quoted cell may span lines: a record is numbered by the line it starts on.
            yield line, tuple(cell if cell != "" else None for cell in record)
            line = reader.line_num + 1


# --- xlsx --------------------------------------------------------------------------------------


@contextmanager
def _open_workbook(path: Path):
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise file_error(
            translate("Import", "{file} cannot be read as an Excel workbook: {error}").format(
                file=path.name, error=exc
            )
        ) from None
    try:
        yield wb
    finally:
        wb.close()


def _sheet_rows(ws) -> Iterator[tuple[int, tuple[Any, ...]]]:
    # Some programs write a wrong <dimension>; without this openpyxl would cut the sheet short.
    ws.reset_dimensions()
    yield from enumerate(ws.iter_rows(values_only=True), start=1)


# --- finding the header ------------------------------------------------------------------------


def mapping_for(headers: Sequence[Any]) -> dict[int, str]:
    """Each known header to its field; a field named twice keeps its first column."""
    mapping: dict[int, str] = {}
    for col, text in enumerate(headers):
        f = field_for_header(text)
        if f and f not in mapping.values():
            mapping[col] = f
    return mapping


def find_header(rows: Sequence[tuple[int, tuple[Any, ...]]]) -> int | None:
    """Index in `rows` of the row naming most known fields (name or ID among them), or None."""
    best, best_score = None, 1
    for i, (_, values) in enumerate(rows):
        fields = set(mapping_for(values).values())
        if not fields & set(REQUIRED_FIELDS):
            continue
        if len(fields) > best_score:
            best, best_score = i, len(fields)
    return best


def _headers(values: tuple[Any, ...]) -> list[str]:
    return ["" if v is None else str(v).strip() for v in values]


def _no_header(path: Path) -> ValidationError:
    return file_error(
        translate(
            "Import",
            "No header row found in {file}: the roster needs a row of column names "
            "such as 姓名 and 身份证号 near the top.",
        ).format(file=path.name)
    )


def check_mapping(mapping: dict[int, str]) -> None:
    """Refuse a mapping without name or ID column, or with one field in two columns."""
    fields = list(mapping.values())
    for required in REQUIRED_FIELDS:
        if required not in fields:
            raise ValidationError(
                {
                    "mapping": translate("Import", "Choose the column that holds the {field}.").format(
                        field=field_label(required)
                    )
                }
            )
    for f in set(fields):
        if fields.count(f) > 1:
            raise ValidationError(
                {
                    "mapping": translate("Import", "Two columns are set to {field}; choose one.").format(
                        field=field_label(f)
                    )
                }
            )
    unknown = [f for f in fields if f not in FIELD_LABELS]
    if unknown:
        raise ValidationError({"mapping": translate("Import", "Unknown field: {field}").format(field=unknown[0])})


@dataclass
class Roster:
    """An open roster: its layout, and its data rows (below the header) as a stream."""

    layout: RosterLayout
    rows: Iterator[tuple[int, tuple[Any, ...]]]


def _layout_from(
    path: Path,
    kind: str,
    head: list[tuple[int, tuple[Any, ...]]],
    header_row: int | None,
    mapping: dict[int, str] | None,
) -> tuple[RosterLayout, int] | None:
    """Layout from the first rows of a sheet, and the index in `head` where data starts."""
    if header_row is not None:
        idx = next((i for i, (n, _) in enumerate(head) if n == header_row), None)
        if idx is None:
            return None
    else:
        idx = find_header(head)
        if idx is None:
            return None
    number, values = head[idx]
    headers = _headers(values)
    chosen = dict(mapping) if mapping is not None else mapping_for(values)
    width = max(len(headers), max(chosen, default=-1) + 1)
    layout = RosterLayout(
        path=path, kind=kind, header_row=number, headers=headers, mapping=chosen, width=width,
        preview=head[idx + 1 : idx + 11],
    )
    return layout, idx + 1


@contextmanager
def open_roster(
    path: Path | str, *, header_row: int | None = None, mapping: dict[int, str] | None = None
) -> Iterator[Roster]:
    """Open a roster file, find its header (or use `header_row`) and stream the rows below it.

    `mapping` (column index -> field) replaces the automatic one, as adjusted in the window.
    Raises ValidationError({"file": ...}) for a file that cannot be used.
    """
    path = Path(path)
    if not path.is_file():
        raise file_error(translate("Import", "There is no file {file}.").format(file=path))
    kind = _kind(path)
    if mapping is not None:
        check_mapping(mapping)
    if kind == "csv":
        encoding, lines = detect_encoding(path)
        stream = _csv_rows(path, encoding)
        try:
            head = list(islice(stream, HEADER_SEARCH_ROWS))
            found = _layout_from(path, kind, head, header_row, mapping)
            if found is None:
                raise _no_header(path)
            layout, start = found
            layout.encoding = encoding
            layout.estimated_rows = max(0, lines - layout.header_row + 1)
            yield Roster(layout, chain(head[start:], stream))
        finally:
            stream.close()
        return
    with _open_workbook(path) as wb:
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):  # chart sheets
                continue
            max_row = ws.max_row
            stream = _sheet_rows(ws)
            try:
                head = list(islice(stream, HEADER_SEARCH_ROWS))
                found = _layout_from(path, kind, head, header_row, mapping)
                if found is None:
                    continue
                layout, start = found
                layout.sheet = ws.title
                if max_row:
                    layout.estimated_rows = max(0, max_row - layout.header_row)
                yield Roster(layout, chain(head[start:], stream))
                return
            finally:
                stream.close()
    raise _no_header(path)


def detect_layout(
    path: Path | str, *, header_row: int | None = None, mapping: dict[int, str] | None = None
) -> RosterLayout:
    """Only the layout (header, mapping, the first rows) for the window to show and adjust."""
    with open_roster(path, header_row=header_row, mapping=mapping) as roster:
        return roster.layout
