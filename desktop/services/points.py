"""The points ledger: earned by approved hours, awarded, deducted, spent at the shop, reversed.

Points are a ledger of their own, apart from hours: hours back certificates and stars and are
never spent; points are spent in the exchange shop, and spending them never removes hours.
Entries are only ever appended (the database refuses anything else), each with its reason, what
it refers to and the staff member. Amounts are kept in hundredths of a point so that every sum
is exact; a balance is the sum of a volunteer's entries and never goes below zero.

Anything that takes points away checks the balance and appends the entry in the same writing unit
of work (`db.uow()`, which starts with BEGIN IMMEDIATE), so two redemptions at once cannot both
spend the same points: the second waits for the first and then sees its entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import and_, func, insert, select
from sqlalchemy.orm import Session, aliased

from desktop import codes
from desktop.config import StationSettings
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Event, PointsEntry, ServiceRecord, Volunteer, utcnow
from desktop.services import audit, settings
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require

HUNDREDTHS = 100  # amounts are stored in hundredths of a point
MAX_POINTS = 1_000_000  # one entry's most: a typo guard, far above any real award
_CHUNK = 500

KIND_LABELS = {
    "earned": QT_TRANSLATE_NOOP("Points", "Earned by service"),
    "award": QT_TRANSLATE_NOOP("Points", "Awarded"),
    "deduction": QT_TRANSLATE_NOOP("Points", "Deducted"),
    "redemption": QT_TRANSLATE_NOOP("Points", "Redeemed at the shop"),
    "reversal": QT_TRANSLATE_NOOP("Points", "Reversal"),
}
# Kinds a person enters by hand, and so may reverse by hand; the others are reversed by the
# action that made them (an hours correction, a cancelled redemption).
MANUAL_KINDS = ("award", "deduction")


def kind_label(kind: str) -> str:
    return translate("Points", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


# --- amounts -------------------------------------------------------------------------------


def to_amount(value: object, field: str = "points") -> int:
    """A number of points typed or passed in (5, 2.5, "3.75") as hundredths; more than zero."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, translate("Points", "Enter a number of points, such as 5 or 2.5."))
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(
            field, translate("Points", "Enter a number of points, such as 5 or 2.5.")
        ) from None
    if not number.is_finite():
        raise ValidationError(field, translate("Points", "Enter a number of points, such as 5 or 2.5."))
    if number <= 0:
        raise ValidationError(field, translate("Points", "The points must be more than zero."))
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError(field, translate("Points", "Points have at most two decimals."))
    if number > MAX_POINTS:
        raise ValidationError(
            field, translate("Points", "At most {n} points at a time.").format(n=f"{MAX_POINTS:,}")
        )
    return int(number * HUNDREDTHS)


def as_points(amount: int | None) -> float:
    return (amount or 0) / HUNDREDTHS


def format_points(amount: int | None) -> str:
    """Hundredths as the station writes points: 12, 12.5, 12.25, -3."""
    value = Decimal(amount or 0) / HUNDREDTHS
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- the earning rule -----------------------------------------------------------------------


@dataclass(frozen=True)
class EarningRule:
    """Points for approved hours, from the station settings, in whole-number units:
    hundredths of a point per hour, thousandths of a category weight, hundredths for the cap."""

    per_hour: int
    weights: dict[str, int]
    cap: int  # 0 = no cap per activity

    @classmethod
    def from_settings(cls, conf: StationSettings) -> EarningRule:
        def scaled(value: float, unit: int) -> int:
            return max(0, int((Decimal(str(value)) * unit).to_integral_value()))

        return cls(
            per_hour=scaled(conf.points_per_hour, HUNDREDTHS),
            weights={k: scaled(v, 1000) for k, v in (conf.category_weights or {}).items()},
            cap=scaled(conf.points_cap_per_activity, HUNDREDTHS),
        )

    def amount(self, minutes: int, category: str) -> int:
        """Hundredths of a point for one activity: hours x rate x weight, half up, then capped."""
        weight = self.weights.get(category, 1000)
        # Integer arithmetic: round(m/60 * rate * w/1000) half up = floor((m*rate*w + 30000) / 60000).
        amount = (max(0, minutes) * self.per_hour * weight + 30_000) // 60_000
        return min(amount, self.cap) if self.cap else amount

    def amount_sql(self, minutes, category):
        """The same rule as a SQL expression (for the demo's bulk insert)."""
        from sqlalchemy import case, literal

        weight = (
            case(*((category == k, literal(w)) for k, w in self.weights.items()), else_=literal(1000))
            if self.weights
            else literal(1000)
        )
        amount = (minutes * self.per_hour * weight + 30_000) // 60_000
        return case((amount > self.cap, self.cap), else_=amount) if self.cap else amount


def earning_rule(s: Session) -> EarningRule:
    return EarningRule.from_settings(settings.load(s))


# --- balances -------------------------------------------------------------------------------


def balance(s: Session, volunteer_id: int) -> int:
    """A volunteer's balance in hundredths (read from the ledger's index alone)."""
    return int(
        s.scalar(
            select(func.coalesce(func.sum(PointsEntry.amount), 0)).where(
                PointsEntry.volunteer_id == volunteer_id
            )
        )
        or 0
    )


def balances(s: Session, volunteer_ids: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    ids = list(dict.fromkeys(volunteer_ids))
    for i in range(0, len(ids), _CHUNK):
        rows = s.execute(
            select(PointsEntry.volunteer_id, func.sum(PointsEntry.amount))
            .where(PointsEntry.volunteer_id.in_(ids[i : i + _CHUNK]))
            .group_by(PointsEntry.volunteer_id)
        )
        out.update({vid: int(total or 0) for vid, total in rows})
    return out


def _writing(s: Session) -> None:
    """A check of the balance only protects it inside a writing unit of work (BEGIN IMMEDIATE)."""
    if not s.connection().get_execution_options().get("stationdesk_write"):
        raise RuntimeError("points are taken away only inside db.uow()")


def _volunteer(s: Session, volunteer_id: int, *, lock: bool = False) -> Volunteer:
    stmt = select(Volunteer).where(Volunteer.id == volunteer_id)
    if lock:
        # SQLite: the unit of work already holds the write lock. PostgreSQL: the volunteer's row
        # lock serialises two redemptions for the same person.
        stmt = stmt.with_for_update()
    v = s.scalar(stmt)
    if v is None:
        raise NotFound(translate("Volunteers", "No volunteer with number {id}.").format(id=volunteer_id))
    return v


def check_covers(s: Session, volunteer_id: int, amount: int) -> int:
    """Lock the volunteer and make sure `amount` hundredths can be taken; returns the balance."""
    _writing(s)
    v = _volunteer(s, volunteer_id, lock=True)
    current = balance(s, volunteer_id)
    if amount > current:
        raise ValidationError(
            "points",
            translate(
                "Points", "{name} has {balance} points; {needed} are needed. Nothing was taken."
            ).format(name=v.name, balance=format_points(current), needed=format_points(amount)),
        )
    return current


def append(
    s: Session,
    actor: Actor,
    volunteer_id: int,
    kind: str,
    amount: int,
    reason: str = "",
    reference: str = "",
    at: datetime | None = None,
    **links: int | None,
) -> PointsEntry:
    """Append one entry (the caller has checked the balance for a negative amount)."""
    entry = PointsEntry(
        volunteer_id=volunteer_id,
        kind=kind,
        amount=amount,
        reason=reason,
        reference=reference,
        actor_id=actor.id,
        actor_name=actor.name,
        at=at or utcnow(),
        **links,
    )
    s.add(entry)
    s.flush()
    return entry


def reversal_of(s: Session, entry: PointsEntry) -> int | None:
    """The entry that reversed `entry`, if any (found among the volunteer's few reversals)."""
    return s.scalar(
        select(PointsEntry.id).where(
            PointsEntry.volunteer_id == entry.volunteer_id,
            PointsEntry.kind == "reversal",
            PointsEntry.reverses_id == entry.id,
        )
    )


def _clean_reason(reason: str, field: str = "reason") -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError(field, translate("Points", "Say why, so the record explains itself."))
    return text


# --- hours approved and corrected (called by services.hours) ---------------------------------


def credit_approved(s: Session, actor: Actor, record_ids: Iterable[int]) -> int:
    """Earn points for approved service records that have not earned yet; returns hundredths.

    Called in the unit of work that approves the records. A record earns once (the ledger has a
    unique key on it), so approving again or crediting twice adds nothing.
    """
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        return 0
    rule = earning_rule(s)
    earned = aliased(PointsEntry)
    now = utcnow()
    rows: list[dict] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        found = s.execute(
            select(
                ServiceRecord.id,
                ServiceRecord.volunteer_id,
                ServiceRecord.minutes,
                Event.category,
                Event.title,
            )
            .join(Event, Event.id == ServiceRecord.event_id)
            .outerjoin(earned, earned.service_record_id == ServiceRecord.id)
            .where(ServiceRecord.id.in_(chunk), ServiceRecord.review_state == "approved", earned.id.is_(None))
            .order_by(ServiceRecord.id)
        )
        for rid, vid, minutes, category, title in found:
            amount = rule.amount(minutes, category)
            if amount <= 0:
                continue
            rows.append(
                {
                    "volunteer_id": vid,
                    "kind": "earned",
                    "amount": amount,
                    "reason": title,
                    "reference": translate("Points", "service record {id}").format(id=rid),
                    "service_record_id": rid,
                    "actor_id": actor.id,
                    "actor_name": actor.name,
                    "at": now,
                }
            )
    if not rows:
        return 0
    s.execute(insert(PointsEntry), rows)
    total = sum(r["amount"] for r in rows)
    audit.record(
        s, actor, "credit", "points", None, after={"records": len(rows), "points": format_points(total)}
    )
    return total


def after_correction(s: Session, actor: Actor, old_record_id: int, new_record_id: int, reason: str) -> None:
    """An approved record was corrected: reverse what the old one earned, credit the new one.

    The new record is credited first, so only the difference has to be covered. If the volunteer
    has spent the points since, the reversal takes what the balance allows (never below zero)
    and the audit entry says how much could not be taken back.
    """
    credit_approved(s, actor, [new_record_id])
    old = s.scalar(select(PointsEntry).where(PointsEntry.service_record_id == old_record_id))
    if old is None or reversal_of(s, old) is not None:
        return
    _writing(s)
    _volunteer(s, old.volunteer_id, lock=True)
    available = balance(s, old.volunteer_id)
    taken = min(old.amount, max(0, available))
    shortfall = old.amount - taken
    if taken > 0:
        append(
            s,
            actor,
            old.volunteer_id,
            "reversal",
            -taken,
            translate("Points", "Hours corrected: {reason}").format(reason=reason),
            translate("Points", "service record {id}").format(id=old_record_id),
            reverses_id=old.id,
        )
    audit.record(
        s,
        actor,
        "reverse",
        "points",
        old.id,
        {"amount": format_points(old.amount)},
        {
            "reversed": format_points(taken),
            "not_recovered": format_points(shortfall),
            "record": old_record_id,
            "new_record": new_record_id,
        },
    )


# --- entries made by hand -------------------------------------------------------------------


def award(
    s: Session, actor: Actor, volunteer_id: int, points: object, reason: str, reference: str = ""
) -> int:
    """Give points by hand (a good deed, a competition); returns the new entry's number."""
    require(actor, "shop")
    errors: dict[str, str] = {}
    amount = _checked(errors, "points", lambda: to_amount(points))
    text = _checked(errors, "reason", lambda: _clean_reason(reason))
    if errors:
        raise ValidationError(errors)
    _volunteer(s, volunteer_id)
    entry = append(s, actor, volunteer_id, "award", amount, text, (reference or "").strip())
    audit.record(
        s,
        actor,
        "award",
        "points",
        entry.id,
        after={"volunteer": volunteer_id, "points": format_points(amount), "reason": text},
    )
    return entry.id


def deduct(
    s: Session, actor: Actor, volunteer_id: int, points: object, reason: str, reference: str = ""
) -> int:
    """Take points away by hand (points given by mistake); never below zero."""
    require(actor, "shop")
    errors: dict[str, str] = {}
    amount = _checked(errors, "points", lambda: to_amount(points))
    text = _checked(errors, "reason", lambda: _clean_reason(reason))
    if errors:
        raise ValidationError(errors)
    check_covers(s, volunteer_id, amount)
    entry = append(s, actor, volunteer_id, "deduction", -amount, text, (reference or "").strip())
    audit.record(
        s,
        actor,
        "deduct",
        "points",
        entry.id,
        after={"volunteer": volunteer_id, "points": format_points(amount), "reason": text},
    )
    return entry.id


def reverse(s: Session, actor: Actor, entry_id: int, reason: str) -> int:
    """Undo an award or a deduction made by hand with an opposite entry; returns its number."""
    require(actor, "shop")
    text = _clean_reason(reason)
    entry = s.get(PointsEntry, entry_id)
    if entry is None:
        raise NotFound(translate("Points", "No points entry with number {id}.").format(id=entry_id))
    if entry.kind not in MANUAL_KINDS:
        raise Conflict(
            translate(
                "Points",
                "Only awards and deductions are reversed here. Earned points follow the hours "
                "(correct the service record); a redemption is cancelled at the shop.",
            )
        )
    if reversal_of(s, entry) is not None:
        raise Conflict(translate("Points", "This entry was already reversed."))
    if entry.amount > 0:
        check_covers(s, entry.volunteer_id, entry.amount)
    new = append(
        s,
        actor,
        entry.volunteer_id,
        "reversal",
        -entry.amount,
        text,
        translate("Points", "entry {id}").format(id=entry.id),
        reverses_id=entry.id,
    )
    audit.record(
        s,
        actor,
        "reverse",
        "points",
        entry.id,
        {"amount": format_points(entry.amount)},
        {"reversal": new.id, "reason": text},
    )
    return new.id


def _checked(errors: dict[str, str], field: str, check):
    try:
        return check()
    except ValidationError as exc:
        errors[field] = exc.fields.get(field) or str(exc)
        return None


# --- finding a volunteer at the counter ------------------------------------------------------


@dataclass(frozen=True)
class VolunteerPick:
    id: int
    name: str
    code: str
    status: str
    balance: int  # hundredths

    @property
    def points(self) -> float:
        return as_points(self.balance)


def find_volunteers(s: Session, text: str, limit: int = 20) -> list[VolunteerPick]:
    """A scanned or typed card code finds one volunteer; anything else searches as the list does."""
    from desktop.services.volunteers import search_condition

    raw = (text or "").strip()
    if not raw:
        return []
    code = codes.normalise(raw)
    stmt = select(Volunteer.id, Volunteer.name, Volunteer.card_code, Volunteer.status)
    exact = s.execute(stmt.where(Volunteer.card_code == code)).all() if code.startswith(codes.PREFIX) else []
    rows = exact
    if not rows:
        cond = search_condition(raw)
        if cond is None:
            return []
        rows = s.execute(stmt.where(cond).order_by(Volunteer.name_pinyin, Volunteer.id).limit(limit)).all()
    money = balances(s, [r[0] for r in rows])
    return [
        VolunteerPick(vid, name, code or "", status, money.get(vid, 0)) for vid, name, code, status in rows
    ]


def volunteer_pick(s: Session, volunteer_id: int) -> VolunteerPick:
    v = _volunteer(s, volunteer_id)
    return VolunteerPick(v.id, v.name, v.card_code or "", v.status, balance(s, v.id))


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
    _volunteer(s, volunteer_id)
    bal, earned, spent = _totals_by_part(s, [volunteer_id]).get(volunteer_id, (0, 0, 0))
    n = s.scalar(select(func.count(PointsEntry.id)).where(PointsEntry.volunteer_id == volunteer_id)) or 0
    return Summary(bal, earned, spent, n)


# --- figures for a period (dashboard and `stationdesk stats`) ---------------------------------


@dataclass(frozen=True)
class PeriodPoints:
    earned: int  # by service and awards, net of their reversals, in the period
    redeemed: int  # spent at the shop, net of cancellations, in the period (positive)
    balance: int  # everything outstanding at the end of the period


def period_totals(s: Session, lo: datetime | None, hi: datetime | None, volunteer_ids=None) -> PeriodPoints:
    """Sums for [lo, hi) (UTC, either open); `volunteer_ids`: a subquery limiting whose points."""
    conds = []
    if hi is not None:
        conds.append(PointsEntry.at < hi)
    if volunteer_ids is not None:
        conds.append(PointsEntry.volunteer_id.in_(volunteer_ids))
    in_period = PointsEntry.at >= lo if lo is not None else None
    period_sum = func.sum(PointsEntry.amount)
    if in_period is not None:
        period_sum = period_sum.filter(in_period)
    by_kind = {
        kind: (int(period or 0), int(total or 0))
        for kind, period, total in s.execute(
            select(PointsEntry.kind, period_sum, func.sum(PointsEntry.amount))
            .where(*conds)
            .group_by(PointsEntry.kind)
        )
    }
    # Reversals are few: each counts against the kind of the entry it reverses.
    original = aliased(PointsEntry)
    rev_conds = [PointsEntry.kind == "reversal", *conds]
    if in_period is not None:
        rev_conds.append(in_period)
    reversed_by_kind = dict(
        s.execute(
            select(original.kind, func.sum(PointsEntry.amount))
            .join(original, original.id == PointsEntry.reverses_id)
            .where(*rev_conds)
            .group_by(original.kind)
        ).all()
    )

    def period(kind: str) -> int:
        return by_kind.get(kind, (0, 0))[0] + int(reversed_by_kind.get(kind) or 0)

    return PeriodPoints(
        earned=period("earned") + period("award"),
        redeemed=-period("redemption"),
        balance=sum(total for _, total in by_kind.values()),
    )


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


def _pages(fetch, size: int = 1000) -> Iterator:
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
        for r in _pages(lambda o, n: list_balances(s, query, o, n))
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
        for r in _pages(lambda o, n: list_history(s, query, o, n))
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


def ledger_is_consistent(s: Session) -> bool:
    """Every balance at or above zero (a check for tests and the property tests)."""
    negative = (
        select(PointsEntry.volunteer_id)
        .group_by(PointsEntry.volunteer_id)
        .having(func.sum(PointsEntry.amount) < 0)
        .limit(1)
    )
    return s.scalar(negative) is None
