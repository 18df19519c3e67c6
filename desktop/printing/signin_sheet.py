"""The paper sign-in sheet for an event: its details, the enrolled volunteers, rows for walk-ins."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop.i18n import translate
from desktop.printing.common import Branding, CancelledFn, Output, ProgressFn
from desktop.printing.event_details import EventInfo, event_block
from desktop.printing.pages import Column, PagedDocument, Table, heading, note, signatures


@dataclass(frozen=True)
class SigninRow:
    name: str
    team: str = ""
    phone: str = ""  # masked: the sheet lies open on a table at the entrance


@dataclass(frozen=True)
class SigninSheetData:
    event: EventInfo
    volunteers: Sequence[SigninRow]
    blank_rows: int = 10  # for walk-ins


def render_signin_sheet(
    out: Output,
    data: SigninSheetData,
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    title = translate("SigninSheet", "Volunteer Service Sign-in Sheet")
    doc = PagedDocument(title, branding)
    rows: list[tuple[str, ...]] = [
        (str(i), v.name, v.team, v.phone, "", "", "") for i, v in enumerate(data.volunteers, start=1)
    ]
    rows += _blank_rows(len(rows), data.blank_rows)
    table = Table(
        columns=[
            Column(translate("SigninSheet", "No."), 0.55, "center"),
            Column(translate("SigninSheet", "Name"), 1.45),
            Column(translate("SigninSheet", "Team"), 2.0),
            Column(translate("SigninSheet", "Phone"), 1.45, "center"),
            Column(translate("SigninSheet", "Sign-in time"), 1.1, "center"),
            Column(translate("SigninSheet", "Sign-out time"), 1.1, "center"),
            Column(translate("SigninSheet", "Signature"), 1.85),
        ],
        rows=rows,
        title=translate("SigninSheet", "Volunteers ({count} enrolled)").format(count=len(data.volunteers)),
        row_height=9 * mm,
    )
    items = [
        heading(title, branding, translate("SigninSheet", "Event No. {id}").format(id=data.event.id)),
        event_block(data.event, doc.width),
        table,
        note(
            translate(
                "SigninSheet",
                "Volunteers not on the list write their name and phone number on a blank row; "
                "the station registers them after the event. Times are written as HH:MM.",
            ),
            width=doc.width,
        ),
        signatures(
            [translate("SigninSheet", "Activity leader"), translate("SigninSheet", "Recorder")]
        ),
    ]
    # Walk-ins get at least the rows asked for, and the rest of the last page: paper left
    # empty under the signatures helps nobody at a busy entrance.
    pages = len(doc.paginate(items))
    enrolled = len(data.volunteers)
    while data.blank_rows and len(table.rows) < enrolled + data.blank_rows + 60:
        table.rows = rows + _blank_rows(len(rows), 1)
        if len(doc.paginate(items)) != pages:
            table.rows = rows
            break
        rows = list(table.rows)
    return doc.render(out, items, progress=progress, cancelled=cancelled)


def _blank_rows(after: int, count: int) -> list[tuple[str, ...]]:
    return [(str(after + 1 + i), "", "", "", "", "", "") for i in range(count)]
