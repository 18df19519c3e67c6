"""The exchange shop: catalogue, intake and adjustments, redeeming (all or nothing), limits,
cancellations, the stock report that reconciles, exports and the printed receipt."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop.models import AuditEntry, PointsEntry, Redemption, RedemptionLine, StockMovement
from desktop.services import points, shop, stock
from desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.services.events import local_day_bounds
from desktop.services.permissions import Actor

from .test_points import CLERK, balance, stock_item, volunteer


def funded(db, pts: object = 100) -> int:
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, pts, "期初积分")
    return v


def footprint(db) -> tuple:
    """Everything a redemption writes, to prove a refusal wrote nothing."""
    with db.reader() as s:
        return (
            s.scalar(select(func.count(Redemption.id))),
            s.scalar(select(func.count(RedemptionLine.id))),
            s.scalar(select(func.count(StockMovement.id))),
            s.scalar(select(func.count(PointsEntry.id))),
            s.scalar(select(func.count(AuditEntry.id))),
            tuple(r.stock for r in shop.list_items(s, shop.ItemQuery(sort="id"))),
        )


# --- the catalogue --------------------------------------------------------------------------------


def test_an_item_with_its_opening_stock(db):
    item = stock_item(db, "  金龙鱼食用油  5L ", price="80", stock=12, unit="瓶")
    with db.reader() as s:
        row = shop.get_item(s, item)
        moves = s.execute(select(StockMovement.kind, StockMovement.quantity, StockMovement.reason)).all()
    assert (row.name, row.price, row.stock, row.unit, row.active, row.limit) == (
        "金龙鱼食用油 5L",
        8000,
        12,
        "瓶",
        True,
        "",
    )
    assert moves == [("intake", 12, "Opening stock")]


@pytest.mark.parametrize(
    "data, fields",
    [
        (shop.ItemInput(name="", price=5), {"name"}),
        (shop.ItemInput(name="毛巾", price=0), {"price"}),
        (shop.ItemInput(name="毛巾", price=-2), {"price"}),
        (shop.ItemInput(name="毛巾", price="2.555"), {"price"}),
        (shop.ItemInput(name="毛巾", price=5, limit_quantity=2), {"limit_period"}),
        (shop.ItemInput(name="毛巾", price=5, limit_quantity=-1, limit_period="month"), {"limit_quantity"}),
        (shop.ItemInput(name="毛巾", price=5, limit_period="day"), {"limit_period"}),
        (shop.ItemInput(name="洗衣液", price=5), {"name"}),  # already in the catalogue
    ],
)
def test_bad_items_are_refused(db, data, fields):
    stock_item(db, "洗衣液")
    before = footprint(db)
    with db.uow() as s, pytest.raises(ValidationError) as err:
        shop.create_item(s, CLERK, data)
    assert set(err.value.fields) == fields
    assert footprint(db) == before


def test_editing_and_withdrawing_an_item_is_audited(db):
    item = stock_item(db, "雨伞", price=30)
    with db.uow() as s:
        shop.update_item(
            s,
            CLERK,
            item,
            shop.ItemInput(name="折叠雨伞", price=25, unit="把", limit_quantity=1, limit_period="year"),
        )
        shop.set_active(s, CLERK, item, False)
    with db.reader() as s:
        row = shop.get_item(s, item)
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "shop_item")).all()
        assert [r.name for r in shop.list_items(s, shop.ItemQuery(active_only=True))] == []
    assert (row.name, row.price, row.stock, row.active, row.limit) == (
        "折叠雨伞",
        2500,
        20,
        False,
        "1 per year",
    )
    assert actions == ["create", "update", "update"]


def test_intake_and_adjustments(db):
    item = stock_item(db, stock=5)
    with db.uow() as s:
        assert shop.intake(s, CLERK, item, 10, "爱心企业捐赠") == 15
        assert shop.adjust(s, CLERK, item, -2, "盘点发现破损") == 13
        assert shop.adjust(s, CLERK, item, "1", "盘点多出") == 14
    for change, reason, fields in (
        (-15, "丢失", {"change"}),
        (0, "x", {"change"}),
        (1.5, "x", {"change"}),
        (-1, " ", {"reason"}),
        (True, "", {"change", "reason"}),
    ):
        with db.uow() as s, pytest.raises(ValidationError) as err:
            shop.adjust(s, CLERK, item, change, reason)
        assert set(err.value.fields) == fields
    for quantity in (0, -3, 2.5, "两", None):
        with db.uow() as s, pytest.raises(ValidationError):
            shop.intake(s, CLERK, item, quantity)
    with db.reader() as s:
        assert shop.get_item(s, item).stock == 14


# --- redeeming ---------------------------------------------------------------------------------------


def test_redeeming_several_items_is_one_redemption(db):
    v = funded(db, 100)
    oil = stock_item(db, "食用油", price=40, stock=3)
    soap = stock_item(db, "肥皂", price="2.5", stock=50)
    with db.uow() as s:
        result = shop.redeem(s, CLERK, v, [(oil, 1), (soap, 4), (oil, 1)], note=" 孙女代领 ")
    assert (result.points, result.balance) == (9000, 1000)
    assert sorted(result.lines) == [("肥皂", 4, 1000), ("食用油", 2, 8000)]
    assert balance(db, v) == 1000
    with db.reader() as s:
        assert [(r.name, r.stock) for r in shop.list_items(s, shop.ItemQuery())] == [
            ("肥皂", 46),
            ("食用油", 1),
        ]
        entry = s.execute(
            select(PointsEntry.kind, PointsEntry.amount, PointsEntry.redemption_id).where(
                PointsEntry.kind == "redemption"
            )
        ).one()
        assert entry == ("redemption", -9000, result.id)
        rows = shop.list_redemptions(s, shop.RedemptionQuery())
        assert [(r.id, r.points, r.cancelled) for r in rows] == [(result.id, 9000, False)]
        assert rows[0].items in ("食用油×2、肥皂×4", "肥皂×4、食用油×2")
        assert s.scalar(select(Redemption.note)) == "孙女代领"


@pytest.mark.parametrize(
    "lines, message",
    [
        (lambda o, u, old: {o: 3}, "has 100 points; 120 are needed"),  # more than the balance
        (lambda o, u, old: {u: 6}, "Only 5 of 毛巾 are in stock"),  # more than the stock
        (lambda o, u, old: {old: 1}, "旧款水杯 is not offered"),  # an inactive item
        (lambda o, u, old: {o: 1, u: 6}, "Only 5 of 毛巾"),  # one bad line spoils the lot
        (lambda o, u, old: {o: -1}, "at least 1"),
        (lambda o, u, old: {o: 0}, "at least 1"),
        (lambda o, u, old: {o: 1.5}, "whole number"),
        (lambda o, u, old: {o: "1.5"}, "whole number"),
        (lambda o, u, old: {o: True}, "whole number"),
        (lambda o, u, old: {}, "at least one item"),
    ],
)
def test_bad_redemptions_are_refused_and_nothing_is_written(db, lines, message):
    v = funded(db, 100)
    oil = stock_item(db, "食用油", price=40, stock=10)
    towel = stock_item(db, "毛巾", price=5, stock=5)
    old = stock_item(db, "旧款水杯", price=5, stock=5)
    with db.uow() as s:
        shop.set_active(s, CLERK, old, False)
    before = footprint(db)
    with db.uow() as s, pytest.raises(ValidationError) as err:
        shop.redeem(s, CLERK, v, lines(oil, towel, old))
    assert message in str(err.value)
    assert footprint(db) == before and balance(db, v) == 10000


def test_an_unknown_item_or_volunteer_and_an_operator_are_refused(db):
    v = funded(db)
    item = stock_item(db)
    with db.uow() as s, pytest.raises(NotFound):
        shop.redeem(s, CLERK, v, {999: 1})
    with db.uow() as s, pytest.raises(NotFound):
        shop.redeem(s, CLERK, 999, {item: 1})
    with db.uow() as s, pytest.raises(PermissionDenied):
        shop.redeem(s, Actor(None, "签到员", "operator"), v, {item: 1})


def test_a_limit_per_volunteer_and_month(db):
    v, other = funded(db), funded(db)
    rice = stock_item(db, "大米", price=10, stock=50, limit_quantity=2, limit_period="month")
    march = datetime(2025, 3, 10, 4, 0, tzinfo=UTC)
    with db.uow() as s:
        shop.redeem(s, CLERK, v, {rice: 1}, now=march)
        shop.redeem(s, CLERK, v, {rice: 1}, now=march + timedelta(days=5))
    with db.uow() as s, pytest.raises(ValidationError) as err:
        shop.redeem(s, CLERK, v, {rice: 1}, now=march + timedelta(days=10))
    assert "at most 2 per month for each volunteer" in str(err.value) and "has had 2" in str(err.value)
    with db.uow() as s:
        shop.redeem(s, CLERK, other, {rice: 2}, now=march)  # the limit is per volunteer
        shop.redeem(s, CLERK, v, {rice: 2}, now=datetime(2025, 4, 1, 4, 0, tzinfo=UTC))  # a new month
    assert balance(db, v) == 10000 - 4 * 1000


def test_a_cancelled_redemption_gives_back_points_and_stock(db):
    v = funded(db, 50)
    item = stock_item(db, price=20, stock=4, limit_quantity=2, limit_period="year")
    with db.uow() as s:
        first = shop.redeem(s, CLERK, v, {item: 2})
    with db.uow() as s:
        shop.cancel_redemption(s, CLERK, first.id, "  物品有质量问题  ")
    assert balance(db, v) == 5000
    with db.uow() as s, pytest.raises(Conflict):
        shop.cancel_redemption(s, CLERK, first.id, "again")
    with db.uow() as s, pytest.raises(ValidationError):
        shop.cancel_redemption(s, CLERK, first.id, "")
    with db.uow() as s:
        shop.redeem(s, CLERK, v, {item: 2})  # a cancelled redemption does not count against the limit
    with db.reader() as s:
        assert shop.get_item(s, item).stock == 2
        rows = shop.list_redemptions(s, shop.RedemptionQuery(volunteer_id=v))
        assert [r.cancelled for r in rows] == [False, True]
        reversal = s.execute(
            select(PointsEntry.amount, PointsEntry.reason).where(PointsEntry.kind == "reversal")
        ).one()
    assert reversal == (4000, "Redemption cancelled: 物品有质量问题")


def test_stock_movements_cannot_be_changed(db):
    stock_item(db)
    with pytest.raises(DBAPIError, match="cannot be changed"), db.uow() as s:
        s.execute(text("UPDATE stock_movements SET quantity = 1000"))


# --- the stock report -------------------------------------------------------------------------------


def _at(day: date, hour: int = 10) -> datetime:
    return local_day_bounds(day)[0] + timedelta(hours=hour)


def test_the_stock_report_reconciles_per_item_and_period(db):
    """Hand-counted: March and April of one shop, with intake, redemptions, a return and adjustments."""
    v = funded(db, 500)
    with db.uow() as s:
        oil = shop.create_item(s, CLERK, shop.ItemInput("食用油", 30), opening_stock=10)
        towel = shop.create_item(s, CLERK, shop.ItemInput("毛巾", 5), opening_stock=0)
    movements = [  # (item, kind, quantity, day)
        (oil, "intake", 10, date(2025, 2, 20)),
        (towel, "intake", 30, date(2025, 3, 2)),
        (oil, "adjustment", -1, date(2025, 3, 15)),
        (towel, "adjustment", 2, date(2025, 4, 3)),
    ]
    with db.uow() as s:
        # Back-date the opening intake and these movements: the shop opened in February.
        s.execute(text("DROP TRIGGER stock_movements_no_update"))
        s.execute(StockMovement.__table__.update().values(at=_at(date(2025, 2, 1))))
        for item, kind, n, day in movements:
            s.add(
                StockMovement(
                    item_id=item, kind=kind, quantity=n, reason="盘点", actor_name="王丽", at=_at(day)
                )
            )
            s.get(shop.ShopItem, item).stock += n
    with db.uow() as s:
        shop.redeem(s, CLERK, v, {oil: 3, towel: 5}, now=_at(date(2025, 3, 20)))
        later = shop.redeem(s, CLERK, v, {oil: 2}, now=_at(date(2025, 4, 8)))
    with db.uow() as s:
        shop.cancel_redemption(s, CLERK, later.id, "退回")  # today: after both periods
    with db.reader() as s:
        march = {ln.name: ln for ln in stock.stock_report(s, date(2025, 3, 1), date(2025, 3, 31))}
        april = {ln.name: ln for ln in stock.stock_report(s, date(2025, 4, 1), date(2025, 4, 30))}
        whole = {ln.name: ln for ln in stock.stock_report(s)}

    def figures(line):
        return (line.opening, line.intake, line.redeemed, line.adjusted, line.closing)

    assert figures(march["食用油"]) == (20, 0, 3, 1, 16)
    assert figures(march["毛巾"]) == (0, 30, 5, 0, 25)
    assert figures(april["食用油"]) == (16, 0, 2, 0, 14)
    assert figures(april["毛巾"]) == (25, 0, 0, -2, 27)
    assert figures(whole["食用油"]) == (0, 20, 3, 1, 16)  # 5 taken, 2 handed back
    assert all(line.balances for report in (march, april, whole) for line in report.values())
    assert whole["食用油"].closing == whole["食用油"].stock_now == 16
    assert whole["毛巾"].closing == whole["毛巾"].stock_now == 27


def test_a_report_that_does_not_reconcile_says_so():
    line = stock.StockLine(
        1, "x", "", opening=5, intake=2, redeemed=1, adjusted=0, closing=6, recorded=2, stock_now=6
    )
    assert not line.balances  # the goods say 1 redeemed, the records 2
    assert stock.StockLine(1, "x", "", 5, 2, 1, 0, 6, 1, 6).balances


def test_exports_of_the_stock_report_and_redemptions(db, tmp_path):
    from openpyxl import load_workbook

    v = funded(db, 40)
    item = stock_item(db, "保温杯", price=15, stock=3)
    with db.uow() as s:
        shop.redeem(s, CLERK, v, {item: 2})
    with db.uow() as s:
        assert stock.export_stock_report(s, CLERK, tmp_path / "stock.xlsx") == 1
        assert shop.export_redemptions(s, CLERK, tmp_path / "redemptions.csv") == 1
    rows = list(load_workbook(tmp_path / "stock.xlsx").active.iter_rows(values_only=True))
    assert rows == [
        ("Item", "Unit", "Opening stock", "Intake", "Redeemed", "Adjustments", "Closing stock", "Reconciled"),
        ("保温杯", None, 0, 3, 2, 0, 1, "Yes"),
    ]
    line = (tmp_path / "redemptions.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    assert line[2] == "张三" and line[4] == "保温杯×2" and line[5] == "30.0"


def test_the_receipt_shows_the_items_and_the_balances_of_the_day(db, tmp_path):
    from pypdf import PdfReader

    from desktop.printing.receipt import render_receipt

    v = funded(db, 100)
    oil = stock_item(db, "食用油", price=40, stock=3, unit="瓶")
    soap = stock_item(db, "肥皂", price="2.5", stock=9, unit="块")
    with db.uow() as s:
        first = shop.redeem(s, CLERK, v, {oil: 1, soap: 2}, note="代领")
        shop.redeem(s, CLERK, v, {oil: 1})  # later: the first receipt keeps its own balances
    with db.reader() as s:
        data, brand = shop.receipt(s, first.id)
    assert (data.total, data.balance_before, data.balance_after) == ("45", "100", "55")
    assert [(ln.name, ln.quantity, ln.unit, ln.points) for ln in data.lines] == [
        ("食用油", 1, "瓶", "40"),
        ("肥皂", 2, "块", "5"),
    ]
    out = io.BytesIO()
    assert render_receipt(out, data, brand) == 1
    words = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    for expected in ("Points Exchange Receipt", "食用油", "肥皂", "45", "55", "代领", "王丽", data.number):
        assert expected in words
