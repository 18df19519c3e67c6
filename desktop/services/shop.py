"""The exchange shop (爱心超市): catalogue, stock intake and adjustments, redemptions, the stock report.

Every change of stock is a movement (intake, adjustment, redemption, return) and an item's stock is
always the sum of its movements, so goods and records reconcile (账物相符): per item and period,
opening + intake - redeemed - adjustments = closing. A redemption of one or several items is one
unit of work: everything is checked first (items active and in stock, limits per volunteer,
the balance), then the redemption, its lines, the stock movements and the points entry are
written together, or nothing is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    LIMIT_PERIODS,
    PointsEntry,
    Redemption,
    RedemptionLine,
    ShopItem,
    StockMovement,
    Volunteer,
    utcnow,
)
from desktop.services import audit, points
from desktop.services.errors import Conflict, NotFound, ValidationError
from desktop.services.events import local_day_bounds, local_tz
from desktop.services.permissions import Actor, require
from desktop.services.points_history import all_rows

MAX_QUANTITY = 100_000  # one movement's most: a typo guard
MAX_LINES = 50

PERIOD_LABELS = {
    "": QT_TRANSLATE_NOOP("Shop", "No limit"),
    "week": QT_TRANSLATE_NOOP("Shop", "per week"),
    "month": QT_TRANSLATE_NOOP("Shop", "per month"),
    "year": QT_TRANSLATE_NOOP("Shop", "per year"),
}
MOVEMENT_LABELS = {
    "intake": QT_TRANSLATE_NOOP("Shop", "Intake"),
    "adjustment": QT_TRANSLATE_NOOP("Shop", "Adjustment"),
    "redemption": QT_TRANSLATE_NOOP("Shop", "Redeemed"),
    "return": QT_TRANSLATE_NOOP("Shop", "Returned"),
}


def period_label(period: str) -> str:
    return translate("Shop", PERIOD_LABELS.get(period, period))


def limit_text(quantity: int, period: str) -> str:
    if not quantity or not period:
        return ""
    return translate("Shop", "{n} {period}").format(n=quantity, period=period_label(period))


def quantity_of(value: object, field: str = "quantity", *, signed: bool = False) -> int:
    """A whole number of pieces: above zero (or, `signed`, anything but zero)."""
    whole = translate("Shop", "Enter a whole number of pieces.")
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, whole)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(field, whole) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise ValidationError(field, whole)
    n = int(number)
    if signed and n == 0:
        raise ValidationError(field, translate("Shop", "The change cannot be zero."))
    if not signed and n <= 0:
        raise ValidationError(field, translate("Shop", "The quantity must be at least 1."))
    if abs(n) > MAX_QUANTITY:
        raise ValidationError(
            field, translate("Shop", "At most {n} pieces at a time.").format(n=f"{MAX_QUANTITY:,}")
        )
    return n


def _reason(text: str, *, required: bool) -> str:
    clean = " ".join((text or "").split())
    if required and not clean:
        raise ValidationError("reason", translate("Shop", "Say why the stock changes."))
    return clean


# --- the catalogue ---------------------------------------------------------------------------


@dataclass
class ItemInput:
    name: str
    price: object  # points, such as 50 or 12.5
    unit: str = ""  # 件, 袋, 瓶 ...
    active: bool = True
    limit_quantity: int = 0  # at most this many per volunteer in each limit_period; 0 = no limit
    limit_period: str = ""


def _validate(s: Session, data: ItemInput, existing_id: int | None = None) -> dict:
    errors: dict[str, str] = {}
    name = " ".join((data.name or "").split())
    if not name:
        errors["name"] = translate("Shop", "The item needs a name.")
    elif len(name) > 100:
        errors["name"] = translate("Shop", "The name is too long (at most 100 characters).")
    else:
        clash = s.scalar(select(ShopItem.id).where(ShopItem.name == name))
        if clash is not None and clash != existing_id:
            errors["name"] = translate("Shop", "The catalogue already has an item called {name}.").format(
                name=name
            )
    price = None
    try:
        price = points.to_amount(data.price, "price")
    except ValidationError as exc:
        errors["price"] = exc.fields.get("price") or str(exc)
    unit = (data.unit or "").strip()
    if len(unit) > 12:
        errors["unit"] = translate("Shop", "The unit is too long.")
    limit = 0
    period = data.limit_period or ""
    if period not in LIMIT_PERIODS:
        errors["limit_period"] = translate("Shop", "Unknown limit period: {period}").format(period=period)
    if data.limit_quantity not in (None, 0, ""):
        try:
            limit = quantity_of(data.limit_quantity, "limit_quantity")
        except ValidationError as exc:
            errors["limit_quantity"] = exc.fields["limit_quantity"]
    if limit and not period:
        errors["limit_period"] = translate("Shop", "Say whether the limit is per week, month or year.")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "price": price,
        "unit": unit,
        "active": bool(data.active),
        "limit_quantity": limit if period else 0,
        "limit_period": period if limit else "",
    }


def _item(s: Session, item_id: int, *, lock: bool = False) -> ShopItem:
    stmt = select(ShopItem).where(ShopItem.id == item_id)
    item = s.scalar(stmt.with_for_update() if lock else stmt)
    if item is None:
        raise NotFound(translate("Shop", "No shop item with number {id}.").format(id=item_id))
    return item


def _snapshot(item: ShopItem) -> dict:
    return {
        "name": item.name,
        "price": points.format_points(item.price),
        "unit": item.unit,
        "active": item.active,
        "limit_quantity": item.limit_quantity,
        "limit_period": item.limit_period,
    }


def create_item(s: Session, actor: Actor, data: ItemInput, opening_stock: int = 0) -> int:
    """A new catalogue item; a starting stock is recorded as its first intake."""
    require(actor, "shop")
    values = _validate(s, data)
    stock = quantity_of(opening_stock, "stock") if opening_stock else 0
    item = ShopItem(**values, stock=0)
    s.add(item)
    s.flush()
    if stock:
        _move(s, actor, item, "intake", stock, translate("Shop", "Opening stock"))
    audit.record(s, actor, "create", "shop_item", item.id, after=_snapshot(item) | {"stock": item.stock})
    return item.id


def update_item(s: Session, actor: Actor, item_id: int, data: ItemInput) -> None:
    """Change an item's name, price, unit, limits or whether it is offered (not its stock)."""
    require(actor, "shop")
    item = _item(s, item_id)
    values = _validate(s, data, existing_id=item_id)
    before = _snapshot(item)
    for key, value in values.items():
        setattr(item, key, value)
    s.flush()
    old, new = audit.changed(before, _snapshot(item))
    if new:
        audit.record(s, actor, "update", "shop_item", item.id, old, new)


def set_active(s: Session, actor: Actor, item_id: int, active: bool) -> None:
    require(actor, "shop")
    item = _item(s, item_id)
    if item.active != bool(active):
        item.active = bool(active)
        audit.record(
            s, actor, "update", "shop_item", item.id, {"active": not active}, {"active": bool(active)}
        )


def _move(
    s: Session,
    actor: Actor,
    item: ShopItem,
    kind: str,
    quantity: int,
    reason: str,
    redemption_id: int | None = None,
    at: datetime | None = None,
) -> None:
    s.add(
        StockMovement(
            item_id=item.id,
            kind=kind,
            quantity=quantity,
            reason=reason,
            redemption_id=redemption_id,
            actor_id=actor.id,
            actor_name=actor.name,
            at=at or utcnow(),
        )
    )
    item.stock += quantity
    s.flush()


def intake(s: Session, actor: Actor, item_id: int, quantity: object, reason: str = "") -> int:
    """Goods received (bought, donated); returns the new stock."""
    require(actor, "shop")
    n = quantity_of(quantity)
    text = _reason(reason, required=False) or translate("Shop", "Goods received")
    item = _item(s, item_id, lock=True)
    _move(s, actor, item, "intake", n, text)
    audit.record(
        s, actor, "intake", "shop_item", item.id, after={"quantity": n, "reason": text, "stock": item.stock}
    )
    return item.stock


def adjust(s: Session, actor: Actor, item_id: int, change: object, reason: str) -> int:
    """A counted difference, breakage, expiry (negative) or goods found (positive), with a reason."""
    require(actor, "shop")
    errors: dict[str, str] = {}
    n = 0
    try:
        n = quantity_of(change, "change", signed=True)
    except ValidationError as exc:
        errors.update(exc.fields)
    try:
        text = _reason(reason, required=True)
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    item = _item(s, item_id, lock=True)
    if item.stock + n < 0:
        raise ValidationError(
            "change",
            translate("Shop", "Only {stock} of {name} are in stock; the stock cannot go below zero.").format(
                stock=item.stock, name=item.name
            ),
        )
    _move(s, actor, item, "adjustment", n, text)
    audit.record(
        s, actor, "adjust", "shop_item", item.id, after={"change": n, "reason": text, "stock": item.stock}
    )
    return item.stock


# --- redeeming -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RedemptionResult:
    id: int
    points: int  # hundredths spent
    balance: int  # hundredths left
    lines: list[tuple[str, int, int]]  # (item name, quantity, points for the line)


def _lines(lines: Mapping[int, object] | Sequence[tuple[int, object]]) -> dict[int, int]:
    pairs = list(lines.items()) if isinstance(lines, Mapping) else list(lines or [])
    if not pairs:
        raise ValidationError("items", translate("Shop", "Choose at least one item."))
    if len(pairs) > MAX_LINES:
        raise ValidationError(
            "items", translate("Shop", "At most {n} different items at a time.").format(n=MAX_LINES)
        )
    wanted: dict[int, int] = {}
    for item_id, quantity in pairs:
        wanted[int(item_id)] = wanted.get(int(item_id), 0) + quantity_of(quantity)
    return wanted


def period_start(period: str, today: date) -> date:
    """The first local day of the limit period containing `today` (weeks start on Monday)."""
    if period == "week":
        return today - timedelta(days=today.weekday())
    if period == "month":
        return today.replace(day=1)
    return today.replace(month=1, day=1)


def _already_taken(s: Session, volunteer_id: int, item_id: int, since: datetime) -> int:
    return int(
        s.scalar(
            select(func.coalesce(func.sum(RedemptionLine.quantity), 0))
            .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
            .where(
                Redemption.volunteer_id == volunteer_id,
                RedemptionLine.item_id == item_id,
                Redemption.cancelled_at.is_(None),
                Redemption.at >= since,
            )
        )
        or 0
    )


def redeem(
    s: Session,
    actor: Actor,
    volunteer_id: int,
    lines: Mapping[int, object] | Sequence[tuple[int, object]],
    note: str = "",
    now: datetime | None = None,
) -> RedemptionResult:
    """Redeem one or several items (item id -> quantity) for a volunteer, all or nothing."""
    require(actor, "shop")
    wanted = _lines(lines)
    now = now or utcnow()
    today = now.astimezone(local_tz()).date()
    volunteer = points.known_volunteer(s, volunteer_id, lock=True)
    items = {
        item.id: item
        for item in s.scalars(
            select(ShopItem).where(ShopItem.id.in_(list(wanted))).order_by(ShopItem.id).with_for_update()
        )
    }
    problems: list[str] = []
    total = 0
    for item_id, quantity in wanted.items():
        item = items.get(item_id)
        if item is None:
            raise NotFound(translate("Shop", "No shop item with number {id}.").format(id=item_id))
        if not item.active:
            problems.append(translate("Shop", "{name} is not offered at the moment.").format(name=item.name))
            continue
        if quantity > item.stock:
            problems.append(
                translate("Shop", "Only {stock} of {name} are in stock; {wanted} were asked for.").format(
                    stock=item.stock, name=item.name, wanted=quantity
                )
            )
            continue
        if item.limit_quantity and item.limit_period:
            since = local_day_bounds(period_start(item.limit_period, today))[0]
            taken = _already_taken(s, volunteer_id, item_id, since)
            if taken + quantity > item.limit_quantity:
                problems.append(
                    translate(
                        "Shop", "{name}: at most {limit} {period} for each volunteer; {who} has had {taken}."
                    ).format(
                        name=item.name,
                        limit=item.limit_quantity,
                        period=period_label(item.limit_period),
                        who=volunteer.name,
                        taken=taken,
                    )
                )
                continue
        total += item.price * quantity
    if problems:
        raise ValidationError("items", " ".join(problems) + " " + translate("Shop", "Nothing was redeemed."))
    before = points.check_covers(s, volunteer_id, total)
    # Everything is checked: from here on the whole redemption is written.
    text = " ".join((note or "").split())
    redemption = Redemption(
        volunteer_id=volunteer_id, points=total, note=text, actor_id=actor.id, actor_name=actor.name, at=now
    )
    s.add(redemption)
    s.flush()
    summary = []
    for item_id, quantity in wanted.items():
        item = items[item_id]
        s.add(
            RedemptionLine(
                redemption_id=redemption.id,
                item_id=item_id,
                item_name=item.name,
                quantity=quantity,
                unit_price=item.price,
            )
        )
        _move(s, actor, item, "redemption", -quantity, "", redemption.id, now)
        summary.append((item.name, quantity, item.price * quantity))
    described = "、".join(f"{name}×{n}" for name, n, _ in summary)
    points.append(
        s,
        actor,
        volunteer_id,
        "redemption",
        -total,
        described,
        translate("Shop", "redemption {id}").format(id=redemption.id),
        redemption_id=redemption.id,
        at=now,
    )
    audit.record(
        s,
        actor,
        "redeem",
        "redemption",
        redemption.id,
        after={"volunteer": volunteer_id, "points": points.format_points(total), "items": described},
    )
    return RedemptionResult(redemption.id, total, before - total, summary)


def _redemption_entry(redemption: Redemption, what):
    """The redemption's points entry, found through the volunteer's index."""
    return select(what).where(
        PointsEntry.volunteer_id == redemption.volunteer_id,
        PointsEntry.kind == "redemption",
        PointsEntry.redemption_id == redemption.id,
    )


def cancel_redemption(s: Session, actor: Actor, redemption_id: int, reason: str) -> None:
    """Goods handed back: the points come back (a reversal) and so does the stock (returns)."""
    require(actor, "shop")
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError("reason", translate("Shop", "Say why the redemption is cancelled."))
    redemption = s.get(Redemption, redemption_id)
    if redemption is None:
        raise NotFound(translate("Shop", "No redemption with number {id}.").format(id=redemption_id))
    if redemption.cancelled_at is not None:
        raise Conflict(translate("Shop", "This redemption was already cancelled."))
    entry = s.scalar(_redemption_entry(redemption, PointsEntry))
    now = utcnow()
    redemption.cancelled_at = now
    redemption.cancel_reason = text
    for line in s.scalars(select(RedemptionLine).where(RedemptionLine.redemption_id == redemption_id)):
        _move(s, actor, _item(s, line.item_id, lock=True), "return", line.quantity, text, redemption_id, now)
    if entry is not None:
        points.append(
            s,
            actor,
            redemption.volunteer_id,
            "reversal",
            -entry.amount,
            translate("Shop", "Redemption cancelled: {reason}").format(reason=text),
            translate("Shop", "redemption {id}").format(id=redemption_id),
            reverses_id=entry.id,
            redemption_id=redemption_id,
        )
    audit.record(s, actor, "cancel", "redemption", redemption_id, after={"reason": text})


# --- lists -----------------------------------------------------------------------------------


@dataclass
class ItemQuery:
    search: str = ""
    active_only: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class ItemRow:
    id: int
    name: str
    unit: str
    price: int  # hundredths
    stock: int
    active: bool
    limit_quantity: int
    limit_period: str

    @property
    def limit(self) -> str:
        return limit_text(self.limit_quantity, self.limit_period)


_ITEM_SORTS = {"name": ShopItem.name, "price": ShopItem.price, "stock": ShopItem.stock, "id": ShopItem.id}


def _items_filtered(q: ItemQuery, stmt):
    text = (q.search or "").strip()
    if text:
        stmt = stmt.where(ShopItem.name.contains(text, autoescape=True))
    if q.active_only:
        stmt = stmt.where(ShopItem.active.is_(True))
    return stmt


def count_items(s: Session, q: ItemQuery) -> int:
    return s.scalar(_items_filtered(q, select(func.count(ShopItem.id)))) or 0


def list_items(s: Session, q: ItemQuery, offset: int = 0, limit: int = 100) -> list[ItemRow]:
    order = _ITEM_SORTS.get(q.sort, ShopItem.name)
    stmt = _items_filtered(
        q,
        select(
            ShopItem.id,
            ShopItem.name,
            ShopItem.unit,
            ShopItem.price,
            ShopItem.stock,
            ShopItem.active,
            ShopItem.limit_quantity,
            ShopItem.limit_period,
        ),
    ).order_by(order.desc() if q.descending else order.asc(), ShopItem.id)
    return [ItemRow(*r) for r in s.execute(stmt.offset(max(0, offset)).limit(max(0, limit)))]


def get_item(s: Session, item_id: int) -> ItemRow:
    item = _item(s, item_id)
    return ItemRow(
        item.id,
        item.name,
        item.unit,
        item.price,
        item.stock,
        item.active,
        item.limit_quantity,
        item.limit_period,
    )


@dataclass
class RedemptionQuery:
    volunteer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "at"
    descending: bool = True


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    at: datetime
    volunteer_id: int
    name: str
    code: str
    items: str
    points: int
    actor_name: str
    cancelled: bool


def _redemptions_filtered(q: RedemptionQuery, stmt):
    if q.volunteer_id is not None:
        stmt = stmt.where(Redemption.volunteer_id == q.volunteer_id)
    if q.date_from is not None:
        stmt = stmt.where(Redemption.at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        stmt = stmt.where(Redemption.at < local_day_bounds(q.date_to)[1])
    return stmt


def count_redemptions(s: Session, q: RedemptionQuery) -> int:
    return s.scalar(_redemptions_filtered(q, select(func.count(Redemption.id)))) or 0


def list_redemptions(
    s: Session, q: RedemptionQuery, offset: int = 0, limit: int = 100
) -> list[RedemptionRow]:
    order = {"at": Redemption.id, "points": Redemption.points}.get(q.sort, Redemption.id)
    stmt = _redemptions_filtered(
        q,
        select(
            Redemption.id,
            Redemption.at,
            Redemption.volunteer_id,
            Volunteer.name,
            Volunteer.card_code,
            Redemption.points,
            Redemption.actor_name,
            Redemption.cancelled_at,
        ).join(Volunteer, Volunteer.id == Redemption.volunteer_id),
    ).order_by(order.desc() if q.descending else order.asc(), Redemption.id.desc())
    rows = s.execute(stmt.offset(max(0, offset)).limit(max(0, limit))).all()
    described: dict[int, list[str]] = {}
    if rows:
        for rid, name, n in s.execute(
            select(RedemptionLine.redemption_id, RedemptionLine.item_name, RedemptionLine.quantity)
            .where(RedemptionLine.redemption_id.in_([r[0] for r in rows]))
            .order_by(RedemptionLine.id)
        ):
            described.setdefault(rid, []).append(f"{name}×{n}")
    return [
        RedemptionRow(
            rid,
            at,
            vid,
            name,
            code or "",
            "、".join(described.get(rid, [])),
            total,
            who,
            cancelled is not None,
        )
        for rid, at, vid, name, code, total, who, cancelled in rows
    ]


REDEMPTION_COLUMNS = (
    QT_TRANSLATE_NOOP("Shop", "No."),
    QT_TRANSLATE_NOOP("Shop", "Time"),
    QT_TRANSLATE_NOOP("Shop", "Volunteer"),
    QT_TRANSLATE_NOOP("Shop", "Card code"),
    QT_TRANSLATE_NOOP("Shop", "Items"),
    QT_TRANSLATE_NOOP("Shop", "Points"),
    QT_TRANSLATE_NOOP("Shop", "Staff member"),
    QT_TRANSLATE_NOOP("Shop", "Cancelled"),
)


def yes_no(flag: bool) -> str:
    return translate("Shop", "Yes") if flag else translate("Shop", "No")


def export_redemptions(s: Session, actor: Actor, path: Path | str, q: RedemptionQuery | None = None) -> int:
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    query = q or RedemptionQuery()
    rows = (
        [r.id, r.at, r.name, r.code, r.items, points.as_points(r.points), r.actor_name, yes_no(r.cancelled)]
        for r in all_rows(lambda o, n: list_redemptions(s, query, o, n))
    )
    count = exporting.write_table(
        path,
        [translate("Shop", c) for c in REDEMPTION_COLUMNS],
        rows,
        title=translate("Shop", "Redemptions"),
        widths=[8, 18, 12, 16, 36, 8, 12, 8],
    )
    audit.record(s, actor, "export", "redemption", None, after={"file": Path(path).name, "rows": count})
    return count


# --- the receipt -----------------------------------------------------------------------------


def receipt(s: Session, redemption_id: int):
    """What the printed receipt shows for one redemption (balances as they were at the time)."""
    from desktop.printing.receipt import ReceiptData, ReceiptLine
    from desktop.services.printouts import branding

    redemption = s.get(Redemption, redemption_id)
    if redemption is None:
        raise NotFound(translate("Shop", "No redemption with number {id}.").format(id=redemption_id))
    volunteer = s.get(Volunteer, redemption.volunteer_id)
    entry_id = s.scalar(_redemption_entry(redemption, PointsEntry.id))
    after = int(
        s.scalar(
            select(func.coalesce(func.sum(PointsEntry.amount), 0)).where(
                PointsEntry.volunteer_id == redemption.volunteer_id, PointsEntry.id <= (entry_id or 0)
            )
        )
        or 0
    )
    units = dict(s.execute(select(ShopItem.id, ShopItem.unit)).all())
    lines = [
        ReceiptLine(
            line.item_name,
            units.get(line.item_id, ""),
            line.quantity,
            points.format_points(line.unit_price),
            points.format_points(line.unit_price * line.quantity),
        )
        for line in s.scalars(
            select(RedemptionLine)
            .where(RedemptionLine.redemption_id == redemption_id)
            .order_by(RedemptionLine.id)
        )
    ]
    return ReceiptData(
        number=f"{redemption.at.astimezone(local_tz()).year}-{redemption.id:06d}",
        at=redemption.at,
        volunteer=volunteer.name if volunteer else "",
        code=(volunteer.card_code or "") if volunteer else "",
        lines=lines,
        total=points.format_points(redemption.points),
        balance_before=points.format_points(after + redemption.points),
        balance_after=points.format_points(after),
        handler=redemption.actor_name,
        note=redemption.note,
        cancelled=redemption.cancelled_at is not None,
    ), branding(s)
