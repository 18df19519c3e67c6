"""The period report for the district office: the station's figures, by category and by team."""

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
    format_period,
)
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
class CategoryLine:
    category: str  # label
    events: int
    volunteers: int
    hours: float
    people_served: int


@dataclass(frozen=True)
class TeamLine:
    team: str
    members: int
    events: int
    volunteers: int
    hours: float


@dataclass(frozen=True)
class PeriodReportData:
    start: date | None
    end: date | None
    volunteers: int
    active_volunteers: int
    teams: int
    events: int
    events_held: int
    service_hours: float
    people_served: int
    by_category: Sequence[CategoryLine]
    by_team: Sequence[TeamLine]
    new_volunteers: int = 0


def render_period_report(
    out: Output,
    data: PeriodReportData,
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    title = translate("PeriodReport", "Volunteer Service Statistics Report")
    doc = PagedDocument(title, branding)
    figures = details(
        [
            Detail(translate("PeriodReport", "Station"), branding.station_name, wide=True),
            Detail(translate("PeriodReport", "Period"), format_period(data.start, data.end), wide=True),
            Detail(translate("PeriodReport", "Registered volunteers"), str(data.volunteers)),
            Detail(translate("PeriodReport", "New volunteers"), str(data.new_volunteers)),
            Detail(translate("PeriodReport", "Volunteers who served"), str(data.active_volunteers)),
            Detail(translate("PeriodReport", "Volunteer teams"), str(data.teams)),
            Detail(translate("PeriodReport", "Events planned"), str(data.events)),
            Detail(translate("PeriodReport", "Events held"), str(data.events_held)),
            Detail(translate("PeriodReport", "Service hours"), format_hours(data.service_hours)),
            Detail(translate("PeriodReport", "People served"), str(data.people_served)),
        ],
        width=doc.width,
    )
    categories = Table(
        columns=[
            Column(translate("PeriodReport", "Category"), 2.6),
            Column(translate("PeriodReport", "Events held"), 1.0, "right"),
            Column(translate("PeriodReport", "Volunteers"), 1.0, "right"),
            Column(translate("PeriodReport", "Service hours"), 1.1, "right"),
            Column(translate("PeriodReport", "People served"), 1.1, "right"),
        ],
        rows=[
            (c.category, str(c.events), str(c.volunteers), format_hours(c.hours), str(c.people_served))
            for c in data.by_category
        ],
        title=translate("PeriodReport", "By service category"),
        empty_text=translate("PeriodReport", "No events were held in this period."),
    )
    teams = Table(
        columns=[
            Column(translate("PeriodReport", "No."), 0.5, "center"),
            Column(translate("PeriodReport", "Team"), 2.6),
            Column(translate("PeriodReport", "Members"), 0.9, "right"),
            Column(translate("PeriodReport", "Events held"), 0.9, "right"),
            Column(translate("PeriodReport", "Volunteers"), 0.9, "right"),
            Column(translate("PeriodReport", "Service hours"), 1.0, "right"),
        ],
        rows=[
            (str(i), t.team, str(t.members), str(t.events), str(t.volunteers), format_hours(t.hours))
            for i, t in enumerate(data.by_team, start=1)
        ],
        title=translate("PeriodReport", "By team"),
        empty_text=translate("PeriodReport", "The station has no teams."),
    )
    items = [
        heading(title, branding, format_period(data.start, data.end)),
        figures,
        categories,
        teams,
        signatures(
            [
                translate("PeriodReport", "Person in charge"),
                translate("PeriodReport", "Prepared by"),
                translate("PeriodReport", "Date"),
            ]
        ),
    ]
    if branding.person_in_charge or branding.contact:
        del items[-1]
        items.append(
            details(
                [
                    Detail(translate("PeriodReport", "Person in charge"), branding.person_in_charge),
                    Detail(translate("PeriodReport", "Prepared by"), branding.handler),
                    Detail(translate("PeriodReport", "Contact"), branding.contact),
                    Detail(translate("PeriodReport", "Date"), format_date(date.today())),
                ],
                width=doc.width,
            )
        )
    return doc.render(out, items, progress=progress, cancelled=cancelled)
