"""An event as printed at the top of its sign-in sheet and attendance report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.i18n import translate
from desktop.printing.common import format_date, format_time
from desktop.printing.pages import Block, Detail, details


@dataclass(frozen=True)
class EventInfo:
    id: int
    title: str
    category: str  # the category's label, in the program's language
    start_at: datetime
    end_at: datetime
    place: str = ""
    team: str = ""
    leader_name: str = ""
    recorder_name: str = ""
    beneficiaries: str = ""
    service_content: str = ""


def event_time(event: EventInfo) -> str:
    """Like "2025-07-01 09:00–11:30"; both dates when the event runs past midnight."""
    start, end = event.start_at.astimezone(), event.end_at.astimezone()
    if start.date() == end.date():
        return f"{format_date(start)} {format_time(start)}–{format_time(end)}"
    return f"{format_date(start)} {format_time(start)} – {format_date(end)} {format_time(end)}"


def event_block(event: EventInfo, width: float, *, with_content: bool = True) -> Block:
    rows = [
        Detail(translate("EventDetails", "Event"), event.title, wide=True),
        Detail(translate("EventDetails", "Time"), event_time(event)),
        Detail(translate("EventDetails", "Place"), event.place),
        Detail(translate("EventDetails", "Team"), event.team),
        Detail(translate("EventDetails", "Category"), event.category),
        Detail(translate("EventDetails", "Activity leader"), event.leader_name),
        Detail(translate("EventDetails", "Recorder"), event.recorder_name),
        Detail(translate("EventDetails", "Beneficiaries"), event.beneficiaries, wide=True),
    ]
    if with_content:
        rows.append(Detail(translate("EventDetails", "Service content"), event.service_content, wide=True))
    return details(rows, width=width)
