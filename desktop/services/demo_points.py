"""Demo points and shop: points earned by the demo's approved hours, a small exchange shop with its
stock, and its first months of redemptions, written in bulk inside the demo's unit of work.

Redemptions only spend points earned before the shop opened, so no balance is ever below zero at
any moment, and the stock report reconciles from the shop's first day.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, func, insert, literal, select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.models import (
    Event,
    PointsEntry,
    Redemption,
    RedemptionLine,
    ServiceRecord,
    ShopItem,
    StockMovement,
)
from desktop.services import points
from desktop.services.permissions import Actor

# (name, unit, price in points): what a community exchange shop (爱心超市) usually offers.
SHOP_ITEMS = (
    ("大米 5kg", "袋", 50),
    ("食用油 1.8L", "瓶", 40),
    ("洗衣液 2kg", "瓶", 25),
    ("抽纸 10包", "提", 15),
    ("鸡蛋 30枚", "盒", 18),
    ("挂面 1kg", "袋", 6),
    ("牙膏", "支", 8),
    ("毛巾", "条", 6),
    ("香皂", "块", 4),
    ("保温杯", "个", 30),
    ("雨伞", "把", 20),
    ("环保购物袋", "个", 3),
)
SHOP_OPEN_DAYS = 240  # the shop opened this long before the demo's moment
SHARE_REDEEMING = 0.12  # of the volunteers with points to spend


def _earned(s: Session, actor: Actor, first_record_id: int) -> int:
    """One INSERT ... SELECT: the earning rule applied in SQL to this run's approved records."""
    rule = points.earning_rule(s)
    amount = rule.amount_sql(ServiceRecord.minutes, Event.category)
    before, _, after = translate("Points", "service record {id}").partition("{id}")
    rows = (
        select(
            ServiceRecord.volunteer_id,
            literal("earned"),
            amount,
            Event.title,
            literal(before) + cast(ServiceRecord.id, String) + literal(after),
            ServiceRecord.id,
            literal(actor.name),
            func.coalesce(ServiceRecord.reviewed_at, ServiceRecord.created_at),
        )
        .join(Event, Event.id == ServiceRecord.event_id)
        .where(ServiceRecord.id >= first_record_id, ServiceRecord.review_state == "approved", amount > 0)
        .order_by(ServiceRecord.id)
    )
    columns = [
        "volunteer_id",
        "kind",
        "amount",
        "reason",
        "reference",
        "service_record_id",
        "actor_name",
        "at",
    ]
    return s.execute(insert(PointsEntry).from_select(columns, rows)).rowcount or 0


def add_points_and_shop(
    s: Session,
    actor: Actor,
    rng: random.Random,
    now: datetime,
    first_record_id: int,
    write: Callable[[Any, Sequence[dict]], None],
    check: Callable[[], None],
) -> dict[str, int]:
    """Earned points for every approved record from `first_record_id` on, then the shop (unless the
    file already has one). `write(model, rows)` inserts in bulk; `check()` raises on cancel."""
    earned = _earned(s, actor, first_record_id)
    check()
    if s.scalar(select(ShopItem.id).limit(1)) is not None:
        return {"points_entries": earned, "redemptions": 0}
    opened = now - timedelta(days=SHOP_OPEN_DAYS)
    spendable = {
        vid: int(total)
        for vid, total in s.execute(
            select(PointsEntry.volunteer_id, func.sum(PointsEntry.amount))
            .where(PointsEntry.service_record_id >= first_record_id, PointsEntry.at < opened)
            .group_by(PointsEntry.volunteer_id)
            .order_by(PointsEntry.volunteer_id)
        )
        if total and total >= 10 * points.HUNDREDTHS
    }
    first_item = (s.scalar(select(func.max(ShopItem.id))) or 0) + 1
    items = [
        {
            "id": first_item + i,
            "name": name,
            "unit": unit,
            "price": price * points.HUNDREDTHS,
            "active": True,
            "limit_quantity": 2 if price >= 40 else 0,
            "limit_period": "month" if price >= 40 else "",
            "created_at": opened,
            "updated_at": opened,
        }
        for i, (name, unit, price) in enumerate(SHOP_ITEMS)
    ]
    rid = (s.scalar(select(func.max(Redemption.id))) or 0) + 1
    who = rng.sample(sorted(spendable), max(1, int(len(spendable) * SHARE_REDEEMING))) if spendable else []
    redemptions, lines, moves, entries = [], [], [], []
    taken: Counter[int] = Counter()
    span = int((now - opened).total_seconds()) - 3600
    for vid in who:
        budget = spendable[vid]
        at = opened + timedelta(seconds=rng.randrange(3600, span))
        basket = []
        for item in rng.sample(items, rng.choice((1, 1, 2, 3))):
            quantity = rng.choice((1, 1, 1, 2))
            if item["price"] * quantity <= budget:
                budget -= item["price"] * quantity
                basket.append((item, quantity))
        if not basket:
            continue
        total = sum(item["price"] * q for item, q in basket)
        described = "、".join(f"{item['name']}×{q}" for item, q in basket)
        redemptions.append(
            {
                "id": rid,
                "volunteer_id": vid,
                "points": total,
                "note": "",
                "actor_id": actor.id,
                "actor_name": actor.name,
                "at": at,
                "cancelled_at": None,
                "cancel_reason": "",
            }
        )
        for item, q in basket:
            taken[item["id"]] += q
            lines.append(
                {
                    "redemption_id": rid,
                    "item_id": item["id"],
                    "item_name": item["name"],
                    "quantity": q,
                    "unit_price": item["price"],
                }
            )
            moves.append(
                {
                    "item_id": item["id"],
                    "kind": "redemption",
                    "quantity": -q,
                    "reason": "",
                    "redemption_id": rid,
                    "actor_id": actor.id,
                    "actor_name": actor.name,
                    "at": at,
                }
            )
        entries.append(
            {
                "volunteer_id": vid,
                "kind": "redemption",
                "amount": -total,
                "reason": described,
                "reference": translate("Shop", "redemption {id}").format(id=rid),
                "redemption_id": rid,
                "actor_id": actor.id,
                "actor_name": actor.name,
                "at": at,
            }
        )
        rid += 1
    intake = []
    for item in items:
        received = taken[item["id"]] + rng.randrange(10, 40)
        item["stock"] = received - taken[item["id"]]
        intake.append(
            {
                "item_id": item["id"],
                "kind": "intake",
                "quantity": received,
                "reason": translate("Shop", "Opening stock"),
                "redemption_id": None,
                "actor_id": actor.id,
                "actor_name": actor.name,
                "at": opened,
            }
        )
    # One counted loss, as a real shop's books show.
    lost = rng.choice(items)
    lost["stock"] -= 1
    moves.append(
        {
            "item_id": lost["id"],
            "kind": "adjustment",
            "quantity": -1,
            "reason": "盘点发现破损",
            "redemption_id": None,
            "actor_id": actor.id,
            "actor_name": actor.name,
            "at": opened + timedelta(days=SHOP_OPEN_DAYS // 2),
        }
    )
    check()
    write(ShopItem, items)
    write(StockMovement, intake)
    write(Redemption, redemptions)
    write(RedemptionLine, lines)
    write(StockMovement, sorted(moves, key=lambda m: m["at"]))
    write(PointsEntry, entries)
    return {"points_entries": earned + len(entries), "redemptions": len(redemptions)}
