"""What the calendar draws: events as plain local-time entries, and how overlapping ones share a day.

Qt-free, so the layout rules are tested without widgets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.services.events import EventRow


@dataclass(frozen=True)
class Entry:
    """One event in local wall-clock time (naive), as the calendar shows it."""

    id: int
    title: str
    category: str
    status: str
    start: datetime
    end: datetime
    place: str = ""
    team: str = ""
    enrolled: int = 0
    capacity: int = 0
    series_id: int | None = None

    @classmethod
    def from_row(cls, row: EventRow) -> Entry:
        return cls(
            id=row.id,
            title=row.title,
            category=row.category,
            status=row.status,
            start=row.start_at.astimezone().replace(tzinfo=None),
            end=row.end_at.astimezone().replace(tzinfo=None),
            place=row.place,
            team=row.team,
            enrolled=row.enrolled,
            capacity=row.capacity,
            series_id=row.series_id,
        )

    @property
    def movable(self) -> bool:
        return self.status in ("draft", "published", "ongoing")

    def days(self) -> list[date]:
        """The local dates the event touches (an event ending at midnight does not touch the next day)."""
        last = (self.end - timedelta(microseconds=1)).date() if self.end > self.start else self.start.date()
        n = (last - self.start.date()).days
        return [self.start.date() + timedelta(days=i) for i in range(n + 1)]


def by_day(entries: list[Entry]) -> dict[date, list[Entry]]:
    """Each date's entries, in start order (multi-day events on every day they touch)."""
    days: dict[date, list[Entry]] = defaultdict(list)
    for e in sorted(entries, key=lambda e: (e.start, e.end, e.id)):
        for d in e.days():
            days[d].append(e)
    return dict(days)


@dataclass(frozen=True)
class Placed:
    """An entry's piece on one day of the time grid: minutes from midnight and its column."""

    entry: Entry
    day: date
    start_min: int
    end_min: int
    column: int
    columns: int
    cluster: int = 0  # events overlapping, directly or through others, share a cluster number


def _minutes(moment: datetime, day: date) -> int:
    delta = moment - datetime.combine(day, time())
    return max(0, min(24 * 60, int(delta.total_seconds() // 60)))


def place_day(day: date, entries: list[Entry], min_minutes: int = 0) -> list[Placed]:
    """Side-by-side columns for overlapping events on one day.

    Events that overlap, directly or through others, form a cluster; each takes the leftmost
    column free at its start, and all of a cluster share its width. `min_minutes` is the shortest
    height drawn, so that two very short events drawn taller than they are do not cover each other.
    """
    pieces = []
    for e in entries:
        a = _minutes(e.start, day) if e.start.date() == day else 0
        b = _minutes(e.end, day) if e.end.date() == day else 24 * 60
        pieces.append((a, max(b, a + 1), e))
    pieces.sort(key=lambda p: (p[0], -p[1], p[2].id))
    out: list[Placed] = []
    cluster: list[tuple[int, int, Entry, int]] = []
    column_ends: list[int] = []
    cluster_end = -1

    def flush() -> None:
        n = len(column_ends)
        number = out[-1].cluster + 1 if out else 0
        out.extend(Placed(e, day, a, b, col, n, number) for a, b, e, col in cluster)

    for a, b, e in pieces:
        shown_end = max(b, a + min_minutes)
        if cluster and a >= cluster_end:
            flush()
            cluster, column_ends = [], []
        for col, end in enumerate(column_ends):
            if end <= a:
                column_ends[col] = shown_end
                break
        else:
            col = len(column_ends)
            column_ends.append(shown_end)
        cluster.append((a, b, e, col))
        cluster_end = max(cluster_end, shown_end)
    if cluster:
        flush()
    return out


@dataclass(frozen=True)
class Overflow:
    """Events of a crowded cluster that do not get a column of their own: drawn as one "+N" block."""

    day: date
    start_min: int
    end_min: int
    entries: tuple[Entry, ...]
    column: int
    columns: int


def fold_columns(placed: list[Placed], max_columns: int) -> tuple[list[Placed], list[Overflow]]:
    """Keep at most `max_columns` side by side; the rest of each crowded cluster shares the last one."""
    max_columns = max(1, max_columns)
    if all(p.columns <= max_columns for p in placed):
        return placed, []
    shown: list[Placed] = []
    overflows: list[Overflow] = []
    groups: dict[tuple[date, int], list[Placed]] = {}
    for p in placed:
        groups.setdefault((p.day, p.cluster), []).append(p)
    clusters = list(groups.values())
    for cluster in clusters:
        n = cluster[0].columns
        if n <= max_columns:
            shown.extend(cluster)
            continue
        keep = max_columns - 1
        hidden = []
        for p in cluster:
            if p.column < keep:
                shown.append(Placed(p.entry, p.day, p.start_min, p.end_min, p.column, max_columns, p.cluster))
            else:
                hidden.append(p)
        overflows.append(
            Overflow(
                cluster[0].day,
                min(p.start_min for p in hidden),
                max(p.end_min for p in hidden),
                tuple(p.entry for p in sorted(hidden, key=lambda p: (p.start_min, p.entry.id))),
                keep,
                max_columns,
            )
        )
    return shown, overflows
