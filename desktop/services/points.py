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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, aliased

from desktop import codes
from desktop.config import StationSettings
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Event, PointsEntry, ServiceRecord, Volunteer, utcnow
from desktop.services import audit, settings
from desktop.services.errors import Conflict, NotFound, ValidationError
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


def known_volunteer(s: Session, volunteer_id: int, *, lock: bool = False) -> Volunteer:
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
    v = known_volunteer(s, volunteer_id, lock=True)
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
    known_volunteer(s, old.volunteer_id, lock=True)
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
    known_volunteer(s, volunteer_id)
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
    v = known_volunteer(s, volunteer_id)
    return VolunteerPick(v.id, v.name, v.card_code or "", v.status, balance(s, v.id))


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


def ledger_is_consistent(s: Session) -> bool:
    """Every balance at or above zero (a check for tests and the property tests)."""
    negative = (
        select(PointsEntry.volunteer_id)
        .group_by(PointsEntry.volunteer_id)
        .having(func.sum(PointsEntry.amount) < 0)
        .limit(1)
    )
    return s.scalar(negative) is None
