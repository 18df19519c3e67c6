"""Exports: a streamed xlsx/CSV table writer, and the volunteer list as the window shows it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.models import Team, TeamMembership
from desktop.services import audit, volunteers
from desktop.services.errors import ValidationError
from desktop.services.permissions import Actor, require

EXPORT_PAGE = 1000
FORMATS = ("xlsx", "csv")
# A cell starting with one of these is a formula to Excel: "=HYPERLINK(...)" typed as a name
# would run when the file is opened, so such text is written as plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_format(path: Path | str) -> str:
    """xlsx or csv, chosen by the file name's suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError(
            {
                "out": translate("Export", "Save as .xlsx or .csv, not {name}.").format(
                    name=Path(path).name
                )
            }
        )
    return suffix


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _widths(headers: Sequence[str], widths: Sequence[int] | None) -> list[int]:
    if widths:
        return list(widths)
    # CJK characters are about two columns wide in Excel.
    return [min(40, max(8, sum(2 if ord(ch) > 0x2E80 else 1 for ch in h) + 2)) for h in headers]


def write_table(
    path: Path | str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "",
    widths: Sequence[int] | None = None,
) -> int:
    """Write a header and rows to .xlsx or .csv (by suffix), streaming; returns the rows written.

    Strings stay text in Excel (an 18-digit ID is not turned into 2.20103E+17), dates are real
    dates, and CSV is UTF-8 with a BOM so that Excel on a Chinese Windows reads it right. The file
    appears only when complete: a failure leaves no half-written export behind.
    """
    path = Path(path)
    kind = export_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    count = 0
    try:
        if kind == "csv":
            with partial.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow([_csv_cell(v) for v in row])
                    count += 1
        else:
            count = _write_xlsx(partial, headers, rows, title, _widths(headers, widths))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str,
                widths: list[int]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=(title or "Sheet1")[:31])
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)

    def cell_for(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # text, not a formula
            return cell
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time
        return value

    count = 0
    try:
        for row in rows:
            ws.append([cell_for(v) for v in row])
            count += 1
    except BaseException:
        ws.close()  # ends openpyxl's streaming writer cleanly; the partial file is then removed
        raise
    wb.save(path)
    return count


# --- the volunteer list --------------------------------------------------------------------------


def volunteer_headers() -> list[str]:
    """Column names of the volunteer export; a later import maps them back to the same fields."""
    return [
        translate("Export", "No."),
        translate("Export", "Name"),
        translate("Export", "Gender"),
        translate("Export", "ID number"),
        translate("Export", "Phone"),
        translate("Export", "Card code"),
        translate("Export", "Status"),
        translate("Export", "Registered on"),
        translate("Export", "Skills"),
        translate("Export", "Teams"),
        translate("Export", "Hours"),
        translate("Export", "Stars"),
    ]


def export_volunteers(
    s: Session, actor: Actor, query: volunteers.VolunteerQuery, path: Path | str, *, full: bool = False
) -> int:
    """Write the volunteer list, filtered and sorted as `query` (a VolunteerQuery) says.

    Masked ID and phone numbers unless `full`, which needs the reveal permission. The list is
    read a page at a time, so 70,000 volunteers never sit in memory at once. Audited: an export
    carries personal data out of the program.
    """
    require(actor, "export")
    if full:
        require(actor, "reveal_personal")
    export_format(path)

    def rows():
        offset = 0
        while True:
            page = volunteers.list_volunteers(s, query, offset, EXPORT_PAGE, reveal=full)
            if not page:
                return
            teams = _team_names(s, [r.id for r in page])
            for r in page:
                yield [
                    r.id,
                    r.name,
                    volunteers.label(volunteers.GENDER_LABELS, r.gender),
                    r.id_number or "",
                    r.phone or "",
                    r.card_code,
                    volunteers.label(volunteers.STATUS_LABELS, r.status),
                    r.registered_on,
                    r.skills,
                    "、".join(teams.get(r.id, [])),
                    round(r.hours, 2),
                    r.stars,
                ]
            offset += len(page)
            if len(page) < EXPORT_PAGE:
                return

    count = write_table(
        path,
        volunteer_headers(),
        rows(),
        title=translate("Export", "Volunteers"),
        widths=[8, 12, 6, 22, 14, 16, 8, 12, 20, 24, 8, 6],
    )
    audit.record(
        s, actor, "export", "volunteer", None,
        after={"file": Path(path).name, "rows": count, "full": full, "search": query.search,
               "status": query.status},
    )
    return count


def _team_names(s: Session, volunteer_ids: list[int]) -> dict[int, list[str]]:
    """The teams of one page of volunteers, in one query."""
    out: dict[int, list[str]] = {}
    if not volunteer_ids:
        return out
    stmt = (
        select(TeamMembership.volunteer_id, Team.name)
        .join(Team, Team.id == TeamMembership.team_id)
        .where(TeamMembership.volunteer_id.in_(volunteer_ids))
        .order_by(TeamMembership.volunteer_id, Team.name)
    )
    for vid, name in s.execute(stmt):
        out.setdefault(vid, []).append(name)
    return out
