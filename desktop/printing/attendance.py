"""An event's attendance report: who signed in and out, hours credited, and what needs review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.i18n import translate
from desktop.printing.common import (
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    format_hours,
    format_time,
)
from desktop.printing.event_details import EventInfo, event_block
from desktop.printing.pages import (
    Column,
    Detail,
    PagedDocument,
    Table,
    details,
    heading,
    signatures,
)


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    team: str
    sign_in: datetime | None
    sign_out: datetime | None
    hours: float | None  # None: no service record (did not come)
    state: str  # label: pending, approved ... or "did not come"
    flags: str  # labels, joined
    walk_in: bool = False


@dataclass(frozen=True)
class AttendanceData:
    event: EventInfo
    rows: Sequence[AttendanceRow]
    enrolled: int
    attended: int
    walk_ins: int
    no_shows: int
    hours: float
    people_served: int = 0


def render_attendance(
    out: Output,
    data: AttendanceData,
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    title = translate("Attendance", "Event Attendance Report")
    doc = PagedDocument(title, branding)
    walk_in = translate("Attendance", "{name} (walk-in)")
    rows = [
        (
            str(i),
            walk_in.format(name=r.name) if r.walk_in else r.name,
            r.team,
            format_time(r.sign_in),
            format_time(r.sign_out),
            format_hours(r.hours) if r.hours is not None else "",
            r.state,
            r.flags,
        )
        for i, r in enumerate(data.rows, start=1)
    ]
    items = [
        heading(title, branding, translate("Attendance", "Event No. {id}").format(id=data.event.id)),
        event_block(data.event, doc.width, with_content=False),
        details(
            [
                Detail(translate("Attendance", "Enrolled"), str(data.enrolled)),
                Detail(translate("Attendance", "Came"), str(data.attended)),
                Detail(translate("Attendance", "Walk-ins"), str(data.walk_ins)),
                Detail(translate("Attendance", "Did not come"), str(data.no_shows)),
                Detail(translate("Attendance", "Service hours"), format_hours(data.hours)),
                Detail(translate("Attendance", "People served"), str(data.people_served)),
            ],
            width=doc.width,
        ),
        Table(
            columns=[
                Column(translate("Attendance", "No."), 0.55, "center"),
                Column(translate("Attendance", "Name"), 1.5),
                Column(translate("Attendance", "Team"), 1.9),
                Column(translate("Attendance", "Signed in"), 0.95, "center"),
                Column(translate("Attendance", "Signed out"), 0.95, "center"),
                Column(translate("Attendance", "Hours"), 0.85, "right"),
                Column(translate("Attendance", "Review"), 0.85, "center"),
                Column(translate("Attendance", "Notes"), 1.6, wrap=True),
            ],
            rows=rows,
            title=translate("Attendance", "Volunteers"),
            empty_text=translate("Attendance", "Nobody enrolled in or came to this event."),
        ),
        signatures(
            [translate("Attendance", "Activity leader"), translate("Attendance", "Recorder")]
        ),
    ]
    return doc.render(out, items, progress=progress, cancelled=cancelled)
