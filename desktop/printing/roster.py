"""A team's roster: the team's details and one row per member with hours and star level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.i18n import translate
from desktop.printing.common import (
    Branding,
    CancelledFn,
    Output,
    ProgressFn,
    format_date,
    format_hours,
)
from desktop.printing.pages import Column, Detail, PagedDocument, Table, details, heading


@dataclass(frozen=True)
class RosterRow:
    name: str
    gender: str  # label in the program's language
    phone: str  # masked unless the printer may see personal data
    joined_on: date | None
    hours: float
    stars: int
    status: str  # label
    is_leader: bool = False


@dataclass(frozen=True)
class RosterData:
    team_id: int
    team_name: str
    category: str  # label
    station: str
    leader: str
    description: str
    members: Sequence[RosterRow]


def stars_text(level: int) -> str:
    return "★" * level if level > 0 else "–"


def render_roster(
    out: Output,
    data: RosterData,
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    title = translate("Roster", "Volunteer Team Roster")
    doc = PagedDocument(title, branding)
    leader_mark = translate("Roster", "{name} (leader)")
    rows = [
        (
            str(i),
            leader_mark.format(name=m.name) if m.is_leader else m.name,
            m.gender,
            m.phone,
            format_date(m.joined_on),
            format_hours(m.hours),
            stars_text(m.stars),
            m.status,
        )
        for i, m in enumerate(data.members, start=1)
    ]
    total_hours = sum(m.hours for m in data.members)
    items = [
        heading(title, branding, data.team_name),
        details(
            [
                Detail(translate("Roster", "Team"), data.team_name),
                Detail(translate("Roster", "Category"), data.category),
                Detail(translate("Roster", "Leader"), data.leader),
                Detail(translate("Roster", "Station"), data.station or branding.station_name),
                Detail(translate("Roster", "Members"), str(len(data.members))),
                Detail(translate("Roster", "Service hours"), format_hours(total_hours)),
                Detail(translate("Roster", "About the team"), data.description, wide=True),
            ],
            width=doc.width,
        ),
        Table(
            columns=[
                Column(translate("Roster", "No."), 0.6, "center"),
                Column(translate("Roster", "Name"), 1.8),
                Column(translate("Roster", "Gender"), 0.6, "center"),
                Column(translate("Roster", "Phone"), 1.5, "center"),
                Column(translate("Roster", "Joined"), 1.45, "center"),
                Column(translate("Roster", "Hours"), 1.0, "right"),
                Column(translate("Roster", "Stars"), 0.95, "center"),
                Column(translate("Roster", "Status"), 0.7, "center"),
            ],
            rows=rows,
            title=translate("Roster", "Member list"),
            empty_text=translate("Roster", "This team has no members yet."),
        ),
    ]
    return doc.render(out, items, progress=progress, cancelled=cancelled)
