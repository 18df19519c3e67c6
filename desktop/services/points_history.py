"""The points ledger as lists: everyone's balances, a volunteer's history, and their exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import PointsEntry, Volunteer
from desktop.services import audit
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require
from desktop.services.points import as_points, kind_label, known_volunteer

R = TypeVar("R")  # a list's row

# --- the balances list ----------------------------------------------------------------------

BALANCE_SORTS = ("name", "id", "balance")


@dataclass
class BalanceQuery:
    """The balances list: every volunteer, searched and sorted in SQL."""

    search: str = ""
    with_points: bool = False  # only volunteers whose balance is above zero
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class BalanceRow:
    id: int
    name: str
    code: str
    status: str
    balance: int
    earned: int  # earned by service and awarded, net of their reversals
    spent: int  # redeemed at the shop, net of cancellations (a positive number)


def _balance_of():
    return (
        select(func.coalesce(func.sum(PointsEntry.amount), 0))
        .where(PointsEntry.volunteer_id == Volunteer.id)
        .correlate(Volunteer)
        .scalar_subquery()
    )


def _balance_filtered(q: BalanceQuery, stmt):
    from desktop.services.volunteers import search_condition

    cond = search_condition(q.search)
    if cond is not None:
        stmt = stmt.where(cond)
    if q.with_points:
        stmt = stmt.where(_balance_of() > 0)
    return stmt


def count_balances(s: Session, q: BalanceQuery) -> int:
    return s.scalar(_balance_filtered(q, select(func.count(Volunteer.id)))) or 0


def list_balances(s: Session, q: BalanceQuery, offset: int = 0, limit: int = 100) -> list[BalanceRow]:
    """One page; sorting by balance adds up every volunteer's entries (slower on a district file)."""
    order = {"name": Volunteer.name_pinyin, "id": Volunteer.id, "balance": _balance_of()}.get(
        q.sort, Volunteer.name_pinyin
    )
    stmt = _balance_filtered(q, select(Volunteer.id, Volunteer.name, Volunteer.card_code, Volunteer.status))
    stmt = (
        stmt.order_by(order.desc() if q.descending else order.asc(), Volunteer.id)
        .offset(max(0, offset))
        .limit(max(0, limit))
    )
    rows = s.execute(stmt).all()
    parts = _totals_by_part(s, [r[0] for r in rows])
    out = []
    for vid, name, code, status in rows:
        bal, earned, spent = parts.get(vid, (0, 0, 0))
        out.append(BalanceRow(vid, name, code or "", status, bal, earned, spent))
    return out


def _totals_by_part(s: Session, ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """(balance, earned, spent) per volunteer; reversals count against what they reverse."""
    if not ids:
        return {}
    original = aliased(PointsEntry)
    part = func.coalesce(original.kind, PointsEntry.kind)
    rows = s.execute(
        select(PointsEntry.volunteer_id, part, func.sum(PointsEntry.amount))
        .outerjoin(original, original.id == PointsEntry.reverses_id)
        .where(PointsEntry.volunteer_id.in_(ids))
        .group_by(PointsEntry.volunteer_id, part)
    )
    out: dict[int, list[int]] = {}
    for vid, kind, total in rows:
        row = out.setdefault(vid, [0, 0, 0])
        row[0] += int(total or 0)
        if kind in ("earned", "award"):
            row[1] += int(total or 0)
        elif kind == "redemption":
            row[2] -= int(total or 0)
    return {vid: (b, e, sp) for vid, (b, e, sp) in out.items()}


# --- a volunteer's history ------------------------------------------------------------------


@dataclass
class HistoryQuery:
    volunteer_id: int | None = None
    kinds: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "at"
    descending: bool = True


@dataclass(frozen=True)
class EntryRow:
    id: int
    at: datetime
    volunteer_id: int
    name: str
    kind: str
    amount: int
    reason: str
    reference: str
    actor_name: str
    reversed_by: int | None  # the entry that reversed this one

    @property
    def kind_text(self) -> str:
        return kind_label(self.kind)

    @property
    def points(self) -> float:
        return as_points(self.amount)


def _history_filtered(q: HistoryQuery, stmt):
    if q.volunteer_id is not None:
        stmt = stmt.where(PointsEntry.volunteer_id == q.volunteer_id)
    if q.kinds:
        stmt = stmt.where(PointsEntry.kind.in_(q.kinds))
    if q.date_from is not None:
        stmt = stmt.where(PointsEntry.at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        stmt = stmt.where(PointsEntry.at < local_day_bounds(q.date_to)[1])
    return stmt


def count_history(s: Session, q: HistoryQuery) -> int:
    return s.scalar(_history_filtered(q, select(func.count(PointsEntry.id)))) or 0


def list_history(s: Session, q: HistoryQuery, offset: int = 0, limit: int = 100) -> list[EntryRow]:
    """A page of ledger entries, newest first by default."""
    reversal = aliased(PointsEntry)
    stmt = _history_filtered(
        q,
        select(
            PointsEntry.id,
            PointsEntry.at,
            PointsEntry.volunteer_id,
            Volunteer.name,
            PointsEntry.kind,
            PointsEntry.amount,
            PointsEntry.reason,
            PointsEntry.reference,
            PointsEntry.actor_name,
            reversal.id,
        )
        .join(Volunteer, Volunteer.id == PointsEntry.volunteer_id)
        .outerjoin(
            reversal,
            and_(
                reversal.volunteer_id == PointsEntry.volunteer_id,
                reversal.kind == "reversal",
                reversal.reverses_id == PointsEntry.id,
            ),
        ),
    )
    order = {"at": PointsEntry.id, "amount": PointsEntry.amount, "kind": PointsEntry.kind}.get(
        q.sort, PointsEntry.id
    )
    stmt = stmt.order_by(order.desc() if q.descending else order.asc(), PointsEntry.id.desc())
    return [EntryRow(*r) for r in s.execute(stmt.offset(max(0, offset)).limit(max(0, limit)))]


@dataclass(frozen=True)
class Summary:
    balance: int
    earned: int
    spent: int
    entries: int


def summary(s: Session, volunteer_id: int) -> Summary:
    known_volunteer(s, volunteer_id)
    bal, earned, spent = _totals_by_part(s, [volunteer_id]).get(volunteer_id, (0, 0, 0))
    n = s.scalar(select(func.count(PointsEntry.id)).where(PointsEntry.volunteer_id == volunteer_id)) or 0
    return Summary(bal, earned, spent, n)


# --- exports --------------------------------------------------------------------------------

BALANCE_COLUMNS = (
    QT_TRANSLATE_NOOP("Points", "No."),
    QT_TRANSLATE_NOOP("Points", "Name"),
    QT_TRANSLATE_NOOP("Points", "Card code"),
    QT_TRANSLATE_NOOP("Points", "Balance"),
    QT_TRANSLATE_NOOP("Points", "Earned"),
    QT_TRANSLATE_NOOP("Points", "Redeemed"),
)
HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("Points", "Entry"),
    QT_TRANSLATE_NOOP("Points", "Time"),
    QT_TRANSLATE_NOOP("Points", "Volunteer"),
    QT_TRANSLATE_NOOP("Points", "Kind"),
    QT_TRANSLATE_NOOP("Points", "Points"),
    QT_TRANSLATE_NOOP("Points", "Reason"),
    QT_TRANSLATE_NOOP("Points", "Reference"),
    QT_TRANSLATE_NOOP("Points", "Staff member"),
)


def all_rows(fetch: Callable[[int, int], Sequence[R]], size: int = 1000) -> Iterator[R]:
    """Every row of a paged list, fetched a page at a time: an export never holds a district's list."""
    offset = 0
    while True:
        page = fetch(offset, size)
        yield from page
        if len(page) < size:
            return
        offset += size


def export_balances(s: Session, actor: Actor, path: Path | str, q: BalanceQuery | None = None) -> int:
    """The balances list as the window shows it, to .xlsx or .csv; audited."""
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    query = q or BalanceQuery()
    rows = (
        [r.id, r.name, r.code, as_points(r.balance), as_points(r.earned), as_points(r.spent)]
        for r in all_rows(lambda o, n: list_balances(s, query, o, n))
    )
    count = exporting.write_table(
        path,
        [translate("Points", c) for c in BALANCE_COLUMNS],
        rows,
        title=translate("Points", "Points balances"),
        widths=[8, 12, 16, 10, 10, 10],
    )
    audit.record(
        s, actor, "export", "points", None, after={"file": Path(path).name, "rows": count, "list": "balances"}
    )
    return count


def export_history(s: Session, actor: Actor, path: Path | str, q: HistoryQuery | None = None) -> int:
    """Ledger entries (one volunteer's, or all) to .xlsx or .csv; audited."""
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    query = q or HistoryQuery()
    rows = (
        [r.id, r.at, r.name, r.kind_text, r.points, r.reason, r.reference, r.actor_name]
        for r in all_rows(lambda o, n: list_history(s, query, o, n))
    )
    count = exporting.write_table(
        path,
        [translate("Points", c) for c in HISTORY_COLUMNS],
        rows,
        title=translate("Points", "Points entries"),
        widths=[8, 18, 12, 14, 8, 30, 18, 12],
    )
    audit.record(
        s,
        actor,
        "export",
        "points",
        query.volunteer_id,
        after={"file": Path(path).name, "rows": count, "list": "history"},
    )
    return count
