"""Recurring brand projects: weekly or monthly series of events, skipped or moved dates, split edits.

A series is a rule (weekly on some weekdays, or monthly by day or by weekday, every N weeks or
months, until a date or for a number of times) and real events made from it, one per date, so
enrolment and check-in work on each occurrence as on any event. A date skipped or moved on its
own is kept as an exception. "This and following" with a new time or rule splits the series: the
old one ends the day before, a new one starts at the edited occurrence and its later events are
re-dated in order (skipped dates stay skipped, moved ones stay where they were put).
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    MONTHLY_MODES,
    SERIES_FREQUENCIES,
    Enrolment,
    Event,
    EventSeries,
    Scan,
    SeriesException,
    ServiceRecord,
)
from desktop.services import audit, conflicts, events
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import EventInput
from desktop.services.permissions import Actor, require

MAX_OCCURRENCES = 366
SCOPES = ("this", "following")
# Occurrences that can still be re-dated or removed: the ones that have not happened.
PLANNED = ("draft", "published")

WEEKDAY_LABELS = (
    QT_TRANSLATE_NOOP("Series", "Monday"),
    QT_TRANSLATE_NOOP("Series", "Tuesday"),
    QT_TRANSLATE_NOOP("Series", "Wednesday"),
    QT_TRANSLATE_NOOP("Series", "Thursday"),
    QT_TRANSLATE_NOOP("Series", "Friday"),
    QT_TRANSLATE_NOOP("Series", "Saturday"),
    QT_TRANSLATE_NOOP("Series", "Sunday"),
)
ORDINAL_LABELS = (
    QT_TRANSLATE_NOOP("Series", "first"),
    QT_TRANSLATE_NOOP("Series", "second"),
    QT_TRANSLATE_NOOP("Series", "third"),
    QT_TRANSLATE_NOOP("Series", "fourth"),
    QT_TRANSLATE_NOOP("Series", "fifth"),
)


def weekday_label(day: int) -> str:
    return translate("Series", WEEKDAY_LABELS[day])


@dataclass
class Rule:
    """How a series repeats. `weekdays` (Monday = 0) is for weekly series; empty means the
    weekday of the first event. Exactly one of `until` (inclusive) and `count` ends it."""

    frequency: str = "weekly"
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    monthly_mode: str = "day"
    until: date | None = None
    count: int | None = None


@dataclass(frozen=True)
class SeriesInfo:
    id: int
    title: str
    rule: Rule
    first_date: date
    start_time: time
    duration_minutes: int
    skipped: tuple[date, ...]
    moved: tuple[date, ...]

    def describe(self) -> str:
        return describe(self.first_date, self.rule)


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    event_ids: list[int]


# --- the rule ------------------------------------------------------------------------------


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _monthly_date(first: date, year: int, month: int, mode: str) -> date | None:
    last_day = calendar.monthrange(year, month)[1]
    if mode == "day":
        # "The 31st" means the last day in shorter months: the visit still happens that month.
        return date(year, month, min(first.day, last_day))
    weekday = first.weekday()
    if mode == "last_weekday":
        last = date(year, month, last_day)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    nth = (first.day - 1) // 7
    day1 = date(year, month, 1)
    found = day1 + timedelta(days=(weekday - day1.weekday()) % 7 + 7 * nth)
    return found if found.month == month else None  # no fifth Wednesday this month


def occurrence_dates(first: date, rule: Rule) -> list[date]:
    """The dates a rule gives, from `first` on (the first date is always the first occurrence)."""
    limit = rule.count if rule.count else MAX_OCCURRENCES + 1
    out: list[date] = []

    def done(day: date) -> bool:
        return len(out) >= limit or (rule.until is not None and day > rule.until)

    if rule.frequency == "weekly":
        weekdays = sorted(set(rule.weekdays)) or [first.weekday()]
        monday = first - timedelta(days=first.weekday())
        week = 0
        while True:
            start = monday + timedelta(weeks=week)
            for wd in weekdays:
                day = start + timedelta(days=wd)
                if day < first:
                    continue
                if done(day):
                    return out
                out.append(day)
            week += max(1, rule.interval)
    else:
        step = 0
        misses = 0
        while True:
            year, month = _add_months(first, step)
            day = _monthly_date(first, year, month, rule.monthly_mode)
            step += max(1, rule.interval)
            if day is None or day < first:
                misses += 1
                if misses > 24:
                    return out
                continue
            if done(day):
                return out
            out.append(day)


def validate_rule(first: date, rule: Rule) -> Rule:
    errors: dict[str, str] = {}
    clean = dataclasses.replace(rule, weekdays=tuple(sorted(set(rule.weekdays))))
    if clean.frequency not in SERIES_FREQUENCIES:
        errors["frequency"] = translate("Series", "A series repeats weekly or monthly.")
    if not 1 <= (clean.interval or 0) <= 12:
        errors["interval"] = translate("Series", "Repeat every 1 to 12 weeks or months.")
    if any(not 0 <= d <= 6 for d in clean.weekdays):
        errors["weekdays"] = translate("Series", "Unknown weekday.")
    if clean.monthly_mode not in MONTHLY_MODES:
        errors["monthly_mode"] = translate("Series", "Unknown way of repeating monthly.")
    if (clean.until is None) == (clean.count is None):
        errors["until"] = translate("Series", "A series needs an end: a last date or a number of times.")
    elif clean.count is not None and not 1 <= clean.count <= MAX_OCCURRENCES:
        errors["count"] = translate("Series", "A series has 1 to {n} events.").format(n=MAX_OCCURRENCES)
    elif clean.until is not None and clean.until < first:
        errors["until"] = translate("Series", "The last date is before the first event.")
    if errors:
        raise ValidationError(errors)
    if clean.frequency == "monthly":
        clean.weekdays = ()
    dates = occurrence_dates(first, clean)
    if len(dates) > MAX_OCCURRENCES:
        raise ValidationError(
            "until", translate("Series", "A series has 1 to {n} events.").format(n=MAX_OCCURRENCES)
        )
    return clean


def describe(first: date, rule: Rule) -> str:
    """The rule in words, e.g. "Every week on Saturday, 10 times"."""
    n = rule.interval
    if rule.frequency == "weekly":
        days = translate("Common", ", ").join(
            weekday_label(d) for d in (sorted(set(rule.weekdays)) or [first.weekday()])
        )
        text = (
            translate("Series", "Every week on {days}").format(days=days)
            if n == 1
            else translate("Series", "Every {n} weeks on {days}").format(n=n, days=days)
        )
    elif rule.monthly_mode == "day":
        text = (
            translate("Series", "Every month on day {day}").format(day=first.day)
            if n == 1
            else translate("Series", "Every {n} months on day {day}").format(n=n, day=first.day)
        )
    else:
        which = (
            translate("Series", "last")
            if rule.monthly_mode == "last_weekday"
            else translate("Series", ORDINAL_LABELS[min(4, (first.day - 1) // 7)])
        )
        text = (
            translate("Series", "Every month on the {which} {weekday}")
            if n == 1
            else translate("Series", "Every {n} months on the {which} {weekday}")
        ).format(n=n, which=which, weekday=weekday_label(first.weekday()))
    if rule.count:
        return translate("Series", "{rule}, {count} times").format(rule=text, count=rule.count)
    if rule.until:
        return translate("Series", "{rule}, until {date}").format(rule=text, date=rule.until.isoformat())
    return text


# --- storage -------------------------------------------------------------------------------


def _rule_of(series: EventSeries) -> Rule:
    weekdays = tuple(int(d) for d in series.weekdays.split(",") if d.strip())
    return Rule(series.frequency, series.interval, weekdays, series.monthly_mode, series.until_date, series.count)


def _store_rule(series: EventSeries, rule: Rule) -> None:
    series.frequency = rule.frequency
    series.interval = rule.interval
    series.weekdays = ",".join(str(d) for d in rule.weekdays)
    series.monthly_mode = rule.monthly_mode
    series.until_date = rule.until
    series.count = rule.count


def _series(s: Session, series_id: int) -> EventSeries:
    series = s.get(EventSeries, series_id)
    if series is None:
        raise NotFound(translate("Series", "No series with number {id}.").format(id=series_id))
    return series


def _event(s: Session, event_id: int) -> Event:
    event = s.get(Event, event_id)
    if event is None:
        raise NotFound(translate("Events", "No event with number {id}.").format(id=event_id))
    return event


def _exceptions(s: Session, series_id: int) -> dict[date, str]:
    return dict(
        s.execute(
            select(SeriesException.occurrence_date, SeriesException.kind).where(
                SeriesException.series_id == series_id
            )
        ).all()
    )


def _at(day: date, start: time) -> datetime:
    # Through the system's zone rules, so a wall-clock time stays right across any offset change.
    return datetime.combine(day, start).astimezone()


def _fields(data: EventInput) -> dict:
    """The event's fields other than its times: what every occurrence shares."""
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(EventInput) if f.name not in ("start_at", "end_at")}


def get_series(s: Session, series_id: int) -> SeriesInfo:
    series = _series(s, series_id)
    exc = _exceptions(s, series_id)
    return SeriesInfo(
        id=series.id,
        title=series.title,
        rule=_rule_of(series),
        first_date=series.first_date,
        start_time=series.start_time,
        duration_minutes=series.duration_minutes,
        skipped=tuple(sorted(d for d, k in exc.items() if k == "skip")),
        moved=tuple(sorted(d for d, k in exc.items() if k == "move")),
    )


def occurrence_ids(s: Session, series_id: int, *, include_cancelled: bool = False) -> list[int]:
    stmt = select(Event.id).where(Event.series_id == series_id).order_by(Event.occurrence_date, Event.start_at)
    if not include_cancelled:
        stmt = stmt.where(Event.status != "cancelled")
    return list(s.scalars(stmt))


# --- making and changing series ------------------------------------------------------------


def create_series(
    s: Session,
    actor: Actor,
    data: EventInput,
    rule: Rule,
    *,
    status: str = "draft",
    override_reason: str | None = None,
) -> SeriesResult:
    """One event per date of the rule, starting with `data`'s own date and time."""
    require(actor, "events.edit")
    if data.start_at is None or data.end_at is None or data.end_at <= data.start_at:
        events._validate(s, data)  # raises the editor's usual message for the times
    start, end = data.start_at.astimezone(), data.end_at.astimezone()
    clean = validate_rule(start.date(), rule)
    duration = end - start
    series = EventSeries(
        title=" ".join((data.title or "").split()),
        first_date=start.date(),
        start_time=start.time().replace(second=0, microsecond=0),
        duration_minutes=int(duration.total_seconds() // 60),
    )
    _store_rule(series, clean)
    s.add(series)
    s.flush()
    ids = []
    for day in occurrence_dates(start.date(), clean):
        at = _at(day, series.start_time)
        ids.append(_make_occurrence(s, actor, data, series.id, day, at, at + duration, status))
    audit.record(
        s, actor, "create", "series", series.id,
        after={"rule": describe(series.first_date, clean), "events": len(ids)},
    )
    conflicts.guard(s, actor, ids, override_reason)
    return SeriesResult(series.id, ids)


def _make_occurrence(
    s: Session, actor: Actor, data: EventInput, series_id: int, day: date,
    start: datetime, end: datetime, status: str,
) -> int:
    event_id = events.create_event(s, actor, dataclasses.replace(data, start_at=start, end_at=end), status=status)
    event = s.get(Event, event_id)
    event.series_id = series_id
    event.occurrence_date = day
    return event_id


def _has_history(s: Session, event_id: int) -> bool:
    """Anything that must not vanish with the event: enrolments, scans, service records."""
    return any(
        s.scalar(select(model.id).where(model.event_id == event_id).limit(1)) is not None
        for model in (Enrolment, Scan, ServiceRecord)
    )


def _remove(s: Session, actor: Actor, event: Event) -> str:
    """Take a planned occurrence off the calendar: deleted if nothing hangs on it, else cancelled."""
    if _has_history(s, event.id):
        audit.record(s, actor, "status", "event", event.id, {"status": event.status}, {"status": "cancelled"})
        event.status = "cancelled"
        return "cancelled"
    audit.record(s, actor, "delete", "event", event.id, before={"title": event.title, "start_at": event.start_at})
    s.delete(event)
    return "deleted"


def skip_occurrence(s: Session, actor: Actor, event_id: int) -> str:
    """Skip one date of a series. Returns "deleted" or "cancelled" (if people had enrolled)."""
    require(actor, "events.edit")
    event = _event(s, event_id)
    if event.series_id is None or event.occurrence_date is None:
        raise Conflict(translate("Series", "This event is not part of a repeating series."))
    if event.status not in PLANNED:
        raise Conflict(
            translate("Series", "Only a planned date can be skipped; this event is {status}.").format(
                status=events.status_label(event.status)
            )
        )
    series_id, day = event.series_id, event.occurrence_date
    row = s.scalar(
        select(SeriesException).where(SeriesException.series_id == series_id, SeriesException.occurrence_date == day)
    )
    if row is None:
        s.add(SeriesException(series_id=series_id, occurrence_date=day, kind="skip"))
    else:
        row.kind = "skip"
    outcome = _remove(s, actor, event)
    audit.record(s, actor, "skip", "series", series_id, after={"date": day, "event_id": event_id, "outcome": outcome})
    s.flush()
    return outcome


def move_occurrence(
    s: Session,
    actor: Actor,
    event_id: int,
    start_at: datetime,
    end_at: datetime | None = None,
    *,
    override_reason: str | None = None,
) -> None:
    """Move one date of a series (kept as an exception), with the usual conflict checks."""
    event = _event(s, event_id)
    if event.series_id is None:
        raise Conflict(translate("Series", "This event is not part of a repeating series."))
    events.move_event(s, actor, event_id, start_at, end_at, override_reason=override_reason)


def edit_occurrence(
    s: Session,
    actor: Actor,
    event_id: int,
    data: EventInput,
    scope: str = "this",
    *,
    rule: Rule | None = None,
    override_reason: str | None = None,
) -> list[int]:
    """Edit one occurrence ("this") or it and every later planned one ("following").

    Returns the ids of the events that now carry the edit.
    """
    require(actor, "events.edit")
    if scope not in SCOPES:
        raise ValidationError("scope", translate("Series", "Choose this event or this and following events."))
    event = _event(s, event_id)
    if scope == "this" or event.series_id is None:
        if rule is not None and event.series_id is None:
            raise Conflict(translate("Series", "This event is not part of a repeating series."))
        events.save_event(s, actor, data, event_id, override_reason=override_reason)
        return [event_id]
    if event.status not in PLANNED:
        raise Conflict(
            translate("Series", "Only planned events can be changed with their series; this one is {status}.").format(
                status=events.status_label(event.status)
            )
        )
    clean = events._validate(s, data)
    series = _series(s, event.series_id)
    split_day = event.occurrence_date or event.start_at.astimezone().date()
    following = list(
        s.scalars(
            select(Event)
            .where(Event.series_id == series.id, Event.occurrence_date >= split_day, Event.status.in_(PLANNED))
            .order_by(Event.occurrence_date, Event.start_at)
        )
    )
    old_start = event.start_at.astimezone()
    new_start = clean.start_at.astimezone()
    new_duration = clean.end_at - clean.start_at
    shared = _fields(clean)
    old_rule = _rule_of(series)
    time_changed = new_start != old_start or new_duration != event.end_at - event.start_at
    if not time_changed and (rule is None or rule == old_rule):
        ids = []
        for ev in following:
            own, _status = events.get_event(s, ev.id)
            events.update_event(s, actor, ev.id, dataclasses.replace(own, **shared))
            ids.append(ev.id)
        conflicts.guard(s, actor, ids, override_reason)
        return ids
    return _split(s, actor, series, event, following, clean, rule, override_reason)


def _split(
    s: Session,
    actor: Actor,
    series: EventSeries,
    event: Event,
    following: list[Event],
    clean: EventInput,
    rule: Rule | None,
    override_reason: str | None,
) -> list[int]:
    split_day = event.occurrence_date
    new_start = clean.start_at.astimezone()
    shift = new_start.date() - split_day
    new_time = new_start.time().replace(second=0, microsecond=0)
    duration = clean.end_at - clean.start_at
    old_rule = _rule_of(series)
    if rule is None:
        new_rule = dataclasses.replace(
            old_rule, weekdays=tuple(sorted((d + shift.days) % 7 for d in old_rule.weekdays))
        )
        if old_rule.count:
            done = sum(1 for d in occurrence_dates(series.first_date, old_rule) if d < split_day)
            new_rule.count = max(1, old_rule.count - done)
    else:
        new_rule = rule
    new_rule = validate_rule(new_start.date(), new_rule)
    old_exc = {d: k for d, k in _exceptions(s, series.id).items() if d >= split_day}

    if split_day <= series.first_date:
        target = series  # nothing before the edit: the series itself changes
    else:
        target = EventSeries(title=clean.title, first_date=new_start.date(), start_time=new_time,
                             duration_minutes=0)
        s.add(target)
        series.until_date = split_day - timedelta(days=1)
        series.count = None
    target.title = clean.title
    target.first_date = new_start.date()
    target.start_time = new_time
    target.duration_minutes = int(duration.total_seconds() // 60)
    _store_rule(target, new_rule)
    s.flush()

    dates = occurrence_dates(target.first_date, new_rule)
    skipped = {d + shift for d, k in old_exc.items() if k == "skip"}
    moved_events = {
        ev.occurrence_date + shift: ev for ev in following if old_exc.get(ev.occurrence_date) == "move"
    }
    dates = [d for d in dates if d not in skipped]
    keep_moved = {d: ev for d, ev in moved_events.items() if d in dates}
    free_events = [ev for ev in following if ev not in keep_moved.values()]
    free_dates = [d for d in dates if d not in keep_moved]
    shared = _fields(clean)
    ids: list[int] = []
    plan: list[tuple[Event, date, datetime | None]] = []
    for d, ev in keep_moved.items():
        plan.append((ev, d, None))  # stays where staff put it; only the shared fields change
    for ev, d in zip(free_events, free_dates, strict=False):  # surplus on either side handled below
        plan.append((ev, d, _at(d, new_time)))
    for ev, d, start in plan:
        own, _status = events.get_event(s, ev.id)
        times = {} if start is None else {"start_at": start, "end_at": start + duration}
        events.update_event(s, actor, ev.id, dataclasses.replace(own, **shared, **times))
        ev.series_id = target.id
        ev.occurrence_date = d
        ids.append(ev.id)
    for ev in free_events[len(free_dates):]:
        _remove(s, actor, ev)
    status = event.status
    for d in free_dates[len(free_events):]:
        start = _at(d, new_time)
        ids.append(_make_occurrence(s, actor, clean, target.id, d, start, start + duration, status))
    s.flush()
    # The old exceptions from the split on are replaced by the ones carried to the new dates
    # (update_event above may also have noted the re-dating as moves of the old series).
    s.execute(
        delete(SeriesException).where(
            SeriesException.series_id.in_({series.id, target.id}),
            SeriesException.occurrence_date >= min(split_day, target.first_date),
        )
    )
    for d in sorted(skipped):
        if target.first_date <= d and (new_rule.until is None or d <= new_rule.until):
            s.add(SeriesException(series_id=target.id, occurrence_date=d, kind="skip"))
    for d in keep_moved:
        s.add(SeriesException(series_id=target.id, occurrence_date=d, kind="move"))
    audit.record(
        s, actor, "split" if target is not series else "update", "series", series.id,
        after={"from": split_day, "new_series": target.id, "rule": describe(target.first_date, new_rule)},
    )
    conflicts.guard(s, actor, ids, override_reason)
    return sorted(ids, key=lambda i: s.get(Event, i).start_at)


def series_count(s: Session) -> int:
    return s.scalar(select(func.count(EventSeries.id))) or 0
