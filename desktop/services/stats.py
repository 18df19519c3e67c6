"""The figures a station reports: volunteers, teams, events, hours, people served, scans."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Event, Scan, ServiceRecord, Team, Volunteer
from desktop.services import dashboard, points, settings
from desktop.services.events import local_day_bounds


@dataclass(frozen=True)
class Figures:
    volunteers: int
    active_volunteers: int
    teams: int
    events: int
    events_held: int
    service_hours: float
    people_served: int
    scans: int
    points_earned: float = 0.0  # by service and awards in the period, net of reversals
    points_redeemed: float = 0.0  # spent at the shop in the period, net of cancellations
    points_balance: float = 0.0  # outstanding at the end of the period
    stars: dict[int, int] = field(default_factory=dict)  # star level 1-5 -> volunteers now

    def as_dict(self) -> dict:
        return asdict(self)


def figures(s: Session, start: date | None = None, end: date | None = None) -> Figures:
    """Figures for the local dates [start, end] (either open); registered counts are as of `end`.

    "Active" volunteers served (a pending or approved record) in the period; hours are approved.
    """
    lo = local_day_bounds(start)[0] if start else None
    hi = local_day_bounds(end)[1] if end else None

    def in_period(col):
        conds = []
        if lo is not None:
            conds.append(col >= lo)
        if hi is not None:
            conds.append(col < hi)
        return conds

    registered = select(func.count(Volunteer.id))
    if end:
        registered = registered.where(Volunteer.registered_on <= end)
    team_count = select(func.count(Team.id))
    if hi is not None:
        team_count = team_count.where(Team.created_at < hi)
    events_q = select(
        func.count(Event.id),
        func.count(Event.id).filter(Event.status == "finished"),
        func.coalesce(func.sum(Event.people_served).filter(Event.status == "finished"), 0),
    ).where(Event.status != "cancelled", *in_period(Event.start_at))
    serving = ServiceRecord.review_state.in_(("pending", "approved"))
    # FILTER, and the period's events as a subquery rather than a join: SQLite then reads the
    # records from a covering index (by event, or in volunteer order) instead of the table.
    records = select(
        func.count(func.distinct(ServiceRecord.volunteer_id)).filter(serving),
        func.coalesce(func.sum(ServiceRecord.minutes).filter(ServiceRecord.review_state == "approved"), 0),
    )
    if lo is not None or hi is not None:
        records = records.where(serving, ServiceRecord.event_id.in_(select(Event.id).where(*in_period(Event.start_at))))
    scans = select(func.count(Scan.id)).where(*in_period(Scan.scanned_at))
    n_events, held, served = s.execute(events_q).one()
    active, minutes = s.execute(records).one()
    money = points.period_totals(s, lo, hi)
    return Figures(
        volunteers=s.scalar(registered) or 0,
        active_volunteers=active or 0,
        teams=s.scalar(team_count) or 0,
        events=n_events or 0,
        events_held=held or 0,
        service_hours=round((minutes or 0) / 60, 2),
        people_served=int(served or 0),
        scans=s.scalar(scans) or 0,
        points_earned=points.as_points(money.earned),
        points_redeemed=points.as_points(money.redeemed),
        points_balance=points.as_points(money.balance),
        stars=dashboard.star_counts(s, settings.load(s).star_thresholds),
    )
