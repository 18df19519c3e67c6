"""The shop's stock report: opening + intake - redeemed - adjustments = closing, per item (账物相符)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Redemption, RedemptionLine, ShopItem, StockMovement
from desktop.services import audit
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor, require
from desktop.services.shop import yes_no


@dataclass(frozen=True)
class StockLine:
    item_id: int
    name: str
    unit: str
    opening: int
    intake: int
    redeemed: int  # net of goods handed back
    adjusted: int  # taken out by adjustments (a count that found more is negative)
    closing: int
    recorded: int  # pieces on the period's redemption records, net of cancellations
    stock_now: int

    @property
    def balances(self) -> bool:
        """The line adds up, and the goods match the redemption records."""
        return (
            self.opening + self.intake - self.redeemed - self.adjusted == self.closing
            and self.redeemed == self.recorded
        )


def stock_report(s: Session, date_from: date | None = None, date_to: date | None = None) -> list[StockLine]:
    """Per item: opening stock, intake, redeemed, adjustments and closing stock for the local dates."""
    lo = local_day_bounds(date_from)[0] if date_from else None
    hi = local_day_bounds(date_to)[1] if date_to else None
    upto = [StockMovement.at < hi] if hi is not None else []

    def in_period(kind: str):
        cond = StockMovement.kind == kind
        if lo is not None:
            cond = cond & (StockMovement.at >= lo)
        return func.coalesce(func.sum(StockMovement.quantity).filter(cond), 0)

    opening = (
        func.coalesce(func.sum(StockMovement.quantity).filter(StockMovement.at < lo), 0)
        if lo is not None
        else literal(0)
    )
    moves = {
        row[0]: row[1:]
        for row in s.execute(
            select(
                StockMovement.item_id,
                opening,
                in_period("intake"),
                in_period("redemption"),
                in_period("return"),
                in_period("adjustment"),
                func.coalesce(func.sum(StockMovement.quantity), 0),
            )
            .where(*upto)
            .group_by(StockMovement.item_id)
        )
    }
    recorded = _recorded(s, lo, hi)
    out = []
    for item_id, name, unit, stock in s.execute(
        select(ShopItem.id, ShopItem.name, ShopItem.unit, ShopItem.stock).order_by(ShopItem.name, ShopItem.id)
    ):
        o, i, r, ret, a, c = (int(x) for x in moves.get(item_id, (0, 0, 0, 0, 0, 0)))
        out.append(StockLine(item_id, name, unit, o, i, -(r + ret), -a, c, recorded.get(item_id, 0), stock))
    return out


def _recorded(s: Session, lo: datetime | None, hi: datetime | None) -> dict[int, int]:
    """Pieces on redemption records in [lo, hi), less those on redemptions cancelled in it."""

    def between(col):
        conds = []
        if lo is not None:
            conds.append(col >= lo)
        if hi is not None:
            conds.append(col < hi)
        return conds

    base = (
        select(RedemptionLine.item_id, func.sum(RedemptionLine.quantity))
        .join(Redemption, Redemption.id == RedemptionLine.redemption_id)
        .group_by(RedemptionLine.item_id)
    )
    taken = dict(s.execute(base.where(*between(Redemption.at))).all())
    back = dict(
        s.execute(base.where(Redemption.cancelled_at.is_not(None), *between(Redemption.cancelled_at))).all()
    )
    return {k: int(taken.get(k) or 0) - int(back.get(k) or 0) for k in set(taken) | set(back)}


STOCK_COLUMNS = (
    QT_TRANSLATE_NOOP("Shop", "Item"),
    QT_TRANSLATE_NOOP("Shop", "Unit"),
    QT_TRANSLATE_NOOP("Shop", "Opening stock"),
    QT_TRANSLATE_NOOP("Shop", "Intake"),
    QT_TRANSLATE_NOOP("Shop", "Redeemed"),
    QT_TRANSLATE_NOOP("Shop", "Adjustments"),
    QT_TRANSLATE_NOOP("Shop", "Closing stock"),
    QT_TRANSLATE_NOOP("Shop", "Reconciled"),
)

def export_stock_report(
    s: Session, actor: Actor, path: Path | str, date_from: date | None = None, date_to: date | None = None
) -> int:
    from desktop.services import exporting

    require(actor, "export")
    exporting.export_format(path)
    lines = stock_report(s, date_from, date_to)
    count = exporting.write_table(
        path,
        [translate("Shop", c) for c in STOCK_COLUMNS],
        (
            [
                ln.name,
                ln.unit,
                ln.opening,
                ln.intake,
                ln.redeemed,
                ln.adjusted,
                ln.closing,
                yes_no(ln.balances),
            ]
            for ln in lines
        ),
        title=translate("Shop", "Stock report"),
        widths=[20, 6, 10, 8, 8, 10, 10, 10],
    )
    audit.record(
        s,
        actor,
        "export",
        "shop_item",
        None,
        after={"file": Path(path).name, "rows": count, "from": date_from, "to": date_to},
    )
    return count
