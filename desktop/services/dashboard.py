"""The overview dashboard: a station's figures for a period, its charts' series, what comes next.

Everything is set-based SQL, a handful of statements whatever the period: events of the period are
read once (a few thousand rows at most) and the service records are summed per event in the
database, so charts by month, by category and by team come from the same two reads. The figures
a district collects are the same as `stationdesk stats` reports.

A station chosen in the chooser stands for itself and the stations below it (a centre covers its
institutes and their stations); events and teams count where they are held, volunteers, their stars
and their points where they are registered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    Enrolment,
    Event,
    ServiceRecord,
    Station,
    Team,
    Volunteer,
    utcnow,
)
from desktop.services import audit, points, settings
from desktop.services.events import local_day_bounds, local_tz
from desktop.services.permissions import Actor, require
from desktop.services.teams import category_label

STAR_LEVELS = (1, 2, 3, 4, 5)
MONTHLY_UP_TO = 24  # longer periods are charted by year
TOP_TEAMS = 8
UPCOMING = 8
WAITING = 8

PERIOD_LABELS = {
    "this_year": QT_TRANSLATE_NOOP("Dashboard", "This year"),
    "last_year": QT_TRANSLATE_NOOP("Dashboard", "Last year"),
    "this_month": QT_TRANSLATE_NOOP("Dashboard", "This month"),
    "last_12_months": QT_TRANSLATE_NOOP("Dashboard", "Last 12 months"),
    "all": QT_TRANSLATE_NOOP("Dashboard", "All time"),
}
PERIODS = tuple(PERIOD_LABELS)


def period_label(key: str) -> str:
    return translate("Dashboard", PERIOD_LABELS[key]) if key in PERIOD_LABELS else key


def period_dates(key: str, today: date) -> tuple[date | None, date | None]:
    """The local dates [start, end] a chooser entry means; (None, None) for all time."""
    if key == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if key == "this_month":
        first = today.replace(day=1)
        return first, _month_after(first) - timedelta(days=1)
    if key == "last_12_months":
        first = _add_months(today.replace(day=1), -11)
        return first, _month_after(today.replace(day=1)) - timedelta(days=1)
    return None, None


def _add_months(first: date, n: int) -> date:
    months = first.year * 12 + first.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


def _month_after(first: date) -> date:
    return _add_months(first, 1)


# --- what the dashboard shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    volunteers: int  # registered by the end of the period
    new_volunteers: int  # registered in the period
    active_volunteers: int  # served (a pending or approved record) in the period
    teams: int
    events: int  # planned or held, not cancelled
    events_held: int
    service_instances: int  # volunteer-service instances (人次): records pending or approved
    service_hours: float  # approved
    people_served: int
    points_earned: float
    points_redeemed: float
    points_balance: float  # outstanding at the end of the period
    stars: dict[int, int]  # star level -> volunteers at that level now
    waiting_review: int  # records waiting for review, any date

    @property
    def star_volunteers(self) -> int:
        return sum(self.stars.values())


@dataclass(frozen=True)
class Bucket:
    """One bar of a chart over time: a month (or a year) and its value."""

    first: date
    label: str
    value: float


@dataclass(frozen=True)
class Share:
    """One bar of a chart by kind: a category or a team."""

    key: str | int | None
    label: str
    value: float


@dataclass(frozen=True)
class UpcomingEvent:
    id: int
    title: str
    start_at: datetime
    place: str
    team: str
    enrolled: int
    capacity: int


@dataclass(frozen=True)
class WaitingEvent:
    """An event whose service records wait for review."""

    event_id: int
    title: str
    start_at: datetime
    records: int
    flagged: int


@dataclass(frozen=True)
class Dashboard:
    start: date | None
    end: date | None
    station_id: int | None
    station_name: str
    figures: Figures
    by_year: bool  # the time series are by year (a long period), else by month
    hours: list[Bucket] = field(default_factory=list)
    new_volunteers: list[Bucket] = field(default_factory=list)
    events_by_category: list[Share] = field(default_factory=list)
    top_teams: list[Share] = field(default_factory=list)
    upcoming: list[UpcomingEvent] = field(default_factory=list)
    waiting: list[WaitingEvent] = field(default_factory=list)


# --- the station chooser ----------------------------------------------------------------------


@dataclass(frozen=True)
class StationChoice:
    id: int
    name: str
    depth: int  # 0 for a top station, 1 below it ...


def station_choices(s: Session) -> list[StationChoice]:
    """Every station in tree order, for the chooser."""
    rows = s.execute(select(Station.id, Station.name, Station.parent_id).order_by(Station.id)).all()
    children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
    known = {r[0] for r in rows}
    for sid, name, parent in rows:
        children[parent if parent in known else None].append((sid, name))
    out: list[StationChoice] = []

    def walk(parent: int | None, depth: int) -> None:
        for sid, name in children.get(parent, []):
            out.append(StationChoice(sid, name, depth))
            walk(sid, depth + 1)

    walk(None, 0)
    return out


def station_scope(s: Session, station_id: int | None) -> list[int] | None:
    """The station and every station below it; None means the whole file (no filter)."""
    if station_id is None:
        return None
    rows = s.execute(select(Station.id, Station.parent_id)).all()
    below: dict[int | None, list[int]] = defaultdict(list)
    for sid, parent in rows:
        below[parent].append(sid)
    scope, todo = [], [station_id]
    while todo:
        sid = todo.pop()
        if sid in scope:
            continue
        scope.append(sid)
        todo.extend(below.get(sid, []))
    # A scope that holds every station, with nothing filed without one, is the whole file.
    if len(scope) == len(rows) and not _any_unfiled(s):
        return None
    return sorted(scope)


def _any_unfiled(s: Session) -> bool:
    return any(
        s.scalar(select(model.id).where(model.station_id.is_(None)).limit(1)) is not None
        for model in (Volunteer, Event, Team)
    )


# --- the figures ------------------------------------------------------------------------------


def _between(col, lo: datetime | None, hi: datetime | None) -> list:
    conds = []
    if lo is not None:
        conds.append(col >= lo)
    if hi is not None:
        conds.append(col < hi)
    return conds


def _in_scope(col, scope: list[int] | None) -> list:
    return [] if scope is None else [col.in_(scope)]


def _scope_volunteers(scope: list[int] | None):
    """A subquery of the volunteers registered in scope, or None for everyone."""
    if scope is None:
        return None
    return select(Volunteer.id).where(Volunteer.station_id.in_(scope))


def _per_volunteer(volunteers=None):
    """Per volunteer: records that count as service (pending or approved) and approved minutes.

    Written with FILTER rather than WHERE so that SQLite reads the (volunteer, state, minutes)
    index in order, with no sorting and no visit to the table.
    """
    stmt = select(
        ServiceRecord.volunteer_id.label("vid"),
        func.count().filter(ServiceRecord.review_state.in_(("pending", "approved"))).label("served"),
        func.coalesce(
            func.sum(ServiceRecord.minutes).filter(ServiceRecord.review_state == "approved"), 0
        ).label("minutes"),
    )
    if volunteers is not None:
        stmt = stmt.where(ServiceRecord.volunteer_id.in_(volunteers))
    return stmt.group_by(ServiceRecord.volunteer_id).subquery()


def _level_counts(minutes, thresholds: tuple[float, ...]) -> list:
    bounds = [round(h * 60) for h in thresholds]
    out = []
    for i, low in enumerate(bounds):
        at_level = minutes >= low
        if i + 1 < len(bounds):
            at_level = and_(at_level, minutes < bounds[i + 1])
        out.append(func.count().filter(at_level))
    return out


def star_counts(s: Session, thresholds: tuple[float, ...], volunteers=None) -> dict[int, int]:
    """Volunteers at each star level 1-5 by approved hours now; `volunteers` limits whose (a subquery)."""
    per = _per_volunteer(volunteers)
    row = s.execute(select(*_level_counts(per.c.minutes, thresholds))).one()
    return {level: int(n or 0) for level, n in zip(STAR_LEVELS, row)}


def _served_and_stars(s: Session, thresholds: tuple[float, ...]) -> tuple[int, dict[int, int]]:
    """For the whole file and all time: who ever served and the star levels, in one pass."""
    per = _per_volunteer()
    row = s.execute(
        select(func.count().filter(per.c.served > 0), *_level_counts(per.c.minutes, thresholds))
    ).one()
    return int(row[0] or 0), {level: int(n or 0) for level, n in zip(STAR_LEVELS, row[1:])}


@dataclass
class _EventRow:
    id: int
    category: str
    team_id: int | None
    status: str
    people_served: int
    start_at: datetime
    minutes: int = 0  # approved
    instances: int = 0


def _events(s: Session, lo, hi, scope) -> dict[int, _EventRow]:
    rows = s.execute(
        select(
            Event.id, Event.category, Event.team_id, Event.status, Event.people_served, Event.start_at
        ).where(
            Event.status != "cancelled",
            *_between(Event.start_at, lo, hi),
            *_in_scope(Event.station_id, scope),
        )
    )
    return {r[0]: _EventRow(*r) for r in rows}


def _period_events(lo, hi, scope):
    """The ids of the period's events as a subquery. Records are found through it (an event's
    records are one index range) rather than by joining, which lets SQLite start from the records."""
    return select(Event.id).where(
        Event.status != "cancelled", *_between(Event.start_at, lo, hi), *_in_scope(Event.station_id, scope)
    )


def _service_per_event(s: Session, lo, hi, scope, events: dict[int, _EventRow]) -> None:
    """Approved minutes and volunteer-service instances per event, added to `events`."""
    serving = ServiceRecord.review_state.in_(("pending", "approved"))
    stmt = select(
        ServiceRecord.event_id,
        func.coalesce(func.sum(ServiceRecord.minutes).filter(ServiceRecord.review_state == "approved"), 0),
        func.count().filter(serving),
    )
    if lo is not None or hi is not None or scope is not None:
        stmt = stmt.where(serving, ServiceRecord.event_id.in_(_period_events(lo, hi, scope)))
    # else: every event, read in the index's order with nothing to look up (cancelled ones drop below).
    for event_id, minutes, n in s.execute(stmt.group_by(ServiceRecord.event_id)):
        row = events.get(event_id)
        if row is not None:  # records of a cancelled event do not count
            row.minutes, row.instances = int(minutes or 0), int(n or 0)


def _active_volunteers(s: Session, lo, hi, scope) -> int:
    stmt = select(func.count(func.distinct(ServiceRecord.volunteer_id))).where(
        ServiceRecord.review_state.in_(("pending", "approved")),
        ServiceRecord.event_id.in_(_period_events(lo, hi, scope)),
    )
    return int(s.scalar(stmt) or 0)


def _registrations(s: Session, start: date | None, end: date | None, scope) -> tuple[int, Counter]:
    """Registered by `end`, and new registrations per day of the period."""
    conds = _in_scope(Volunteer.station_id, scope)
    registered = select(func.count(Volunteer.id)).where(*conds)
    if end is not None:
        registered = registered.where(Volunteer.registered_on <= end)
    per_day = select(Volunteer.registered_on, func.count(Volunteer.id)).where(*conds)
    if start is not None:
        per_day = per_day.where(Volunteer.registered_on >= start)
    if end is not None:
        per_day = per_day.where(Volunteer.registered_on <= end)
    days = Counter(
        {d: int(n) for d, n in s.execute(per_day.group_by(Volunteer.registered_on)) if d is not None}
    )
    return int(s.scalar(registered) or 0), days


def _waiting(s: Session, scope) -> tuple[int, list[WaitingEvent]]:
    """Records waiting for review (any date): the total, and the events that have waited longest."""
    scoped = select(Event.id).where(Event.status != "cancelled", *_in_scope(Event.station_id, scope))
    total = s.scalar(
        select(func.count()).where(
            ServiceRecord.review_state == "pending", ServiceRecord.event_id.in_(scoped)
        )
    )
    if not total:
        return 0, []
    # Oldest events first, each checked through the records' event index, until enough are found.
    pending = (
        select(ServiceRecord.id)
        .where(ServiceRecord.event_id == Event.id, ServiceRecord.review_state == "pending")
        .exists()
    )
    oldest = s.execute(
        select(Event.id, Event.title, Event.start_at)
        .where(Event.status != "cancelled", *_in_scope(Event.station_id, scope), pending)
        .order_by(Event.start_at, Event.id)
        .limit(WAITING)
    ).all()
    counts = {
        eid: (int(n), int(flagged))
        for eid, n, flagged in s.execute(
            select(ServiceRecord.event_id, func.count(), func.count().filter(ServiceRecord.flags != ""))
            .where(
                ServiceRecord.event_id.in_([r[0] for r in oldest]), ServiceRecord.review_state == "pending"
            )
            .group_by(ServiceRecord.event_id)
        )
    }
    rows = [WaitingEvent(eid, title, start, *counts.get(eid, (0, 0))) for eid, title, start in oldest]
    return int(total), rows


def _upcoming(s: Session, now: datetime, scope) -> list[UpcomingEvent]:
    rows = s.execute(
        select(
            Event.id, Event.title, Event.start_at, Event.place, func.coalesce(Team.name, ""), Event.capacity
        )
        .outerjoin(Team, Team.id == Event.team_id)
        .where(
            Event.start_at >= now,
            Event.status.in_(("published", "draft")),
            *_in_scope(Event.station_id, scope),
        )
        .order_by(Event.start_at, Event.id)
        .limit(UPCOMING)
    ).all()
    enrolled = (
        dict(
            s.execute(
                select(Enrolment.event_id, func.count())
                .where(Enrolment.event_id.in_([r[0] for r in rows]), Enrolment.status == "enrolled")
                .group_by(Enrolment.event_id)
            ).all()
        )
        if rows
        else {}
    )
    return [
        UpcomingEvent(eid, title, start, place, team, int(enrolled.get(eid, 0)), capacity)
        for eid, title, start, place, team, capacity in rows
    ]


def _buckets(start: date, end: date, by_year: bool) -> list[date]:
    firsts = []
    cursor = date(start.year, 1, 1) if by_year else start.replace(day=1)
    while cursor <= end:
        firsts.append(cursor)
        cursor = date(cursor.year + 1, 1, 1) if by_year else _month_after(cursor)
    return firsts


def _bucket_label(first: date, by_year: bool) -> str:
    return f"{first.year}" if by_year else f"{first.year}-{first.month:02d}"


def dashboard(
    s: Session,
    start: date | None = None,
    end: date | None = None,
    station_id: int | None = None,
    *,
    now: datetime | None = None,
) -> Dashboard:
    """The dashboard for the local dates [start, end] (either open) and a station (None: all)."""
    now = now or utcnow()
    today = now.astimezone(local_tz()).date()
    lo = local_day_bounds(start)[0] if start else None
    hi = local_day_bounds(end)[1] if end else None
    scope = station_scope(s, station_id)
    conf = settings.load(s)

    events = _events(s, lo, hi, scope)
    _service_per_event(s, lo, hi, scope, events)
    registered, new_per_day = _registrations(s, start, end, scope)
    teams = select(func.count(Team.id)).where(*_in_scope(Team.station_id, scope))
    if hi is not None:
        teams = teams.where(Team.created_at < hi)
    whose = _scope_volunteers(scope)
    money = points.period_totals(s, lo, hi, whose)
    waiting_total, waiting = _waiting(s, scope)
    if lo is None and hi is None and scope is None:
        active, stars = _served_and_stars(s, conf.star_thresholds)
    else:
        active, stars = _active_volunteers(s, lo, hi, scope), star_counts(s, conf.star_thresholds, whose)
    figures = Figures(
        volunteers=registered,
        new_volunteers=sum(new_per_day.values()),
        active_volunteers=active,
        teams=int(s.scalar(teams) or 0),
        events=len(events),
        events_held=sum(1 for e in events.values() if e.status == "finished"),
        service_instances=sum(e.instances for e in events.values()),
        service_hours=round(sum(e.minutes for e in events.values()) / 60, 2),
        people_served=sum(e.people_served for e in events.values() if e.status == "finished"),
        points_earned=points.as_points(money.earned),
        points_redeemed=points.as_points(money.redeemed),
        points_balance=points.as_points(money.balance),
        stars=stars,
        waiting_review=waiting_total,
    )

    # The charts: from the first thing that happened (or the period's start) to its end or today.
    tz = local_tz()
    event_days = {e.id: e.start_at.astimezone(tz).date() for e in events.values()}
    first_seen = min([*event_days.values(), *new_per_day.keys()], default=today)
    chart_start = start or first_seen
    chart_end = end or max([today, *event_days.values()])
    months = (chart_end.year - chart_start.year) * 12 + chart_end.month - chart_start.month + 1
    by_year = months > MONTHLY_UP_TO
    firsts = _buckets(chart_start, chart_end, by_year)

    def bucket_of(day: date) -> date:
        return date(day.year, 1, 1) if by_year else day.replace(day=1)

    minutes_by = Counter()
    for e in events.values():
        minutes_by[bucket_of(event_days[e.id])] += e.minutes
    new_by = Counter()
    for day, n in new_per_day.items():
        new_by[bucket_of(day)] += n
    hours = [Bucket(f, _bucket_label(f, by_year), round(minutes_by[f] / 60, 2)) for f in firsts]
    new_series = [Bucket(f, _bucket_label(f, by_year), new_by[f]) for f in firsts]

    per_category = Counter(e.category for e in events.values())
    by_category = [Share(c, category_label(c), n) for c, n in per_category.most_common()]
    team_minutes = Counter()
    for e in events.values():
        if e.team_id is not None and e.minutes:
            team_minutes[e.team_id] += e.minutes
    best = team_minutes.most_common(TOP_TEAMS)
    names = (
        dict(s.execute(select(Team.id, Team.name).where(Team.id.in_([t for t, _ in best]))).all())
        if best
        else {}
    )
    top_teams = [Share(tid, names.get(tid, ""), round(m / 60, 2)) for tid, m in best]

    station_name = ""
    if station_id is not None:
        station_name = s.scalar(select(Station.name).where(Station.id == station_id)) or ""
    return Dashboard(
        start=start,
        end=end,
        station_id=station_id,
        station_name=station_name,
        figures=figures,
        by_year=by_year,
        hours=hours,
        new_volunteers=new_series,
        events_by_category=by_category,
        top_teams=top_teams,
        upcoming=_upcoming(s, now, scope),
        waiting=waiting,
    )


# --- exports: xlsx and PDF ----------------------------------------------------------------------

FIGURE_LABELS = {
    "volunteers": QT_TRANSLATE_NOOP("Dashboard", "Registered volunteers"),
    "new_volunteers": QT_TRANSLATE_NOOP("Dashboard", "New volunteers"),
    "active_volunteers": QT_TRANSLATE_NOOP("Dashboard", "Volunteers who served"),
    "teams": QT_TRANSLATE_NOOP("Dashboard", "Volunteer teams"),
    "events": QT_TRANSLATE_NOOP("Dashboard", "Events"),
    "events_held": QT_TRANSLATE_NOOP("Dashboard", "Events held"),
    "service_instances": QT_TRANSLATE_NOOP("Dashboard", "Volunteer-service instances"),
    "service_hours": QT_TRANSLATE_NOOP("Dashboard", "Service hours"),
    "people_served": QT_TRANSLATE_NOOP("Dashboard", "People served"),
    "points_earned": QT_TRANSLATE_NOOP("Dashboard", "Points earned"),
    "points_redeemed": QT_TRANSLATE_NOOP("Dashboard", "Points redeemed"),
    "points_balance": QT_TRANSLATE_NOOP("Dashboard", "Points outstanding"),
    "waiting_review": QT_TRANSLATE_NOOP("Dashboard", "Records waiting for review"),
}


def figure_label(key: str) -> str:
    return translate("Dashboard", FIGURE_LABELS[key]) if key in FIGURE_LABELS else key


def stars_label(level: int) -> str:
    return translate("Dashboard", "{n}-star volunteers").format(n=level)


def period_text(start: date | None, end: date | None) -> str:
    if start and end:
        return translate("Dashboard", "{start} to {end}").format(start=start.isoformat(), end=end.isoformat())
    if end:
        return translate("Dashboard", "up to {end}").format(end=end.isoformat())
    if start:
        return translate("Dashboard", "from {start}").format(start=start.isoformat())
    return translate("Dashboard", "All time")


def figure_rows(d: Dashboard) -> list[tuple[str, float | int]]:
    f = d.figures
    rows = [(figure_label(k), getattr(f, k)) for k in FIGURE_LABELS]
    rows += [(stars_label(level), f.stars.get(level, 0)) for level in STAR_LEVELS]
    return rows


def _table_rows(d: Dashboard) -> list[list]:
    section = {
        "figures": translate("Dashboard", "Figures"),
        "hours": translate("Dashboard", "Service hours by year")
        if d.by_year
        else translate("Dashboard", "Service hours by month"),
        "new": translate("Dashboard", "New volunteers by year")
        if d.by_year
        else translate("Dashboard", "New volunteers by month"),
        "categories": translate("Dashboard", "Events by service category"),
        "teams": translate("Dashboard", "Teams with the most service hours"),
        "upcoming": translate("Dashboard", "Upcoming events"),
        "waiting": translate("Dashboard", "Waiting for review"),
    }
    rows: list[list] = [[section["figures"], label, value] for label, value in figure_rows(d)]
    rows += [[section["hours"], b.label, b.value] for b in d.hours]
    rows += [[section["new"], b.label, b.value] for b in d.new_volunteers]
    rows += [[section["categories"], c.label, c.value] for c in d.events_by_category]
    rows += [[section["teams"], t.label, t.value] for t in d.top_teams]
    rows += [
        [section["upcoming"], f"{e.start_at.astimezone():%Y-%m-%d %H:%M} {e.title}", e.enrolled]
        for e in d.upcoming
    ]
    rows += [
        [section["waiting"], f"{w.start_at.astimezone():%Y-%m-%d} {w.title}", w.records] for w in d.waiting
    ]
    return rows


def export_xlsx(
    s: Session,
    actor: Actor,
    path: Path | str,
    start: date | None = None,
    end: date | None = None,
    station_id: int | None = None,
) -> int:
    """The dashboard as one table (section, item, value) in .xlsx or .csv; audited."""
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    d = dashboard(s, start, end, station_id)
    headers = [
        translate("Dashboard", "Section"),
        translate("Dashboard", "Item"),
        translate("Dashboard", "Value"),
    ]
    title = translate("Dashboard", "Overview {period}").format(period=period_text(start, end))
    count = exporting.write_table(path, headers, _table_rows(d), title=title[:31], widths=[28, 44, 14])
    audit.record(
        s,
        actor,
        "export",
        "dashboard",
        station_id,
        after={"file": Path(path).name, "rows": count, "from": start, "to": end},
    )
    return count


def report_data(d: Dashboard):
    """The printable dashboard's data (desktop.printing.dashboard_report)."""
    from desktop.printing.dashboard_report import DashboardReportData, ReportBar, ReportRow

    def fmt(value: float) -> str:
        return f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"

    return DashboardReportData(
        period=period_text(d.start, d.end),
        station=d.station_name,
        figures=[ReportRow(label, fmt(value)) for label, value in figure_rows(d)],
        hours_title=translate("Dashboard", "Service hours by year")
        if d.by_year
        else translate("Dashboard", "Service hours by month"),
        hours=[ReportBar(b.label, b.value) for b in d.hours],
        new_title=translate("Dashboard", "New volunteers by year")
        if d.by_year
        else translate("Dashboard", "New volunteers by month"),
        new_volunteers=[ReportBar(b.label, b.value) for b in d.new_volunteers],
        categories=[ReportBar(c.label, c.value) for c in d.events_by_category],
        teams=[ReportBar(t.label, t.value) for t in d.top_teams],
        upcoming=[
            ReportRow(f"{e.start_at.astimezone():%Y-%m-%d %H:%M}", e.title, e.place, str(e.enrolled))
            for e in d.upcoming
        ],
        waiting=[
            ReportRow(f"{w.start_at.astimezone():%Y-%m-%d}", w.title, str(w.records), str(w.flagged))
            for w in d.waiting
        ],
    )


def printable(
    s: Session,
    actor: Actor,
    start: date | None = None,
    end: date | None = None,
    station_id: int | None = None,
    *,
    now: datetime | None = None,
):
    """(data, branding) for desktop.printing.dashboard_report.render_dashboard_report."""
    from desktop.services.printouts import branding

    require(actor, "printing")
    return report_data(dashboard(s, start, end, station_id, now=now)), branding(s)
