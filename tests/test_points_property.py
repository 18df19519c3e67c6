"""Property: any sequence of earning, awards, deductions, redemptions, cancellations, reversals and
hours corrections keeps every balance equal to the sum of its entries, never below zero, and equal
to what a plain running total says; a refused action writes nothing."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.config import StationSettings
from desktop.models import PointsEntry
from desktop.services import hours, points, shop
from desktop.services.errors import Conflict, ValidationError

from .test_points import CLERK, event, record, volunteer

RULE = points.EarningRule.from_settings(StationSettings())
_names = itertools.count(1)

volunteer_no = st.integers(0, 1)
any_index = st.integers(0, 50)
amount = st.decimals(min_value=Decimal(-2), max_value=Decimal(30), places=2)
ops = st.one_of(
    st.tuples(st.just("earn"), volunteer_no, st.integers(0, 300)),
    st.tuples(st.just("award"), volunteer_no, amount),
    st.tuples(st.just("deduct"), volunteer_no, amount),
    st.tuples(st.just("redeem"), volunteer_no, st.integers(0, 1), st.integers(-1, 4)),
    st.tuples(st.just("cancel"), any_index),
    st.tuples(st.just("reverse"), any_index),
    st.tuples(st.just("correct"), any_index, st.integers(0, 300)),
)


class World:
    """The database under test and a plain running total of what each balance must be."""

    def __init__(self, db) -> None:
        self.db = db
        with db.uow() as s:
            self.people = [volunteer(s, "甲"), volunteer(s, "乙")]
            self.event = event(s)
            n = next(_names)
            self.items = [
                shop.create_item(s, CLERK, shop.ItemInput(f"大米{n}", "7.5"), opening_stock=6),
                shop.create_item(s, CLERK, shop.ItemInput(f"毛巾{n}", 2), opening_stock=3),
            ]
        self.price = {self.items[0]: 750, self.items[1]: 200}
        self.stock = {self.items[0]: 6, self.items[1]: 3}
        self.expected = {vid: 0 for vid in self.people}
        self.records: list[tuple[int, int, int]] = []  # (current record, volunteer, points it earned)
        self.redemptions: list[tuple[int, int, int, int, int]] = []  # (id, volunteer, points, item, qty)
        self.cancelled: set[int] = set()
        self.manual: list[tuple[int, int, int]] = []  # (entry, volunteer, amount)
        self.reversed: set[int] = set()

    def written(self) -> int:
        with self.db.reader() as s:
            return s.scalar(select(func.count(PointsEntry.id)))

    def apply(self, op: tuple) -> None:
        before = self.written()
        try:
            with self.db.uow() as s:
                self._do(s, op)
        except (ValidationError, Conflict):
            assert self.written() == before, f"{op} was refused but wrote entries"
            self._refusal_was_right(op)

    def _do(self, s, op: tuple) -> None:
        kind = op[0]
        if kind == "earn":
            vid = self.people[op[1]]
            rec = record(s, self.event, vid, op[2])
            hours.approve(s, CLERK, [rec])
            earned = RULE.amount(op[2], "reading")
            self.records.append((rec, vid, earned))
            self.expected[vid] += earned
        elif kind == "award":
            vid = self.people[op[1]]
            entry = points.award(s, CLERK, vid, op[2], "奖励")
            self.manual.append((entry, vid, int(op[2] * 100)))
            self.expected[vid] += int(op[2] * 100)
        elif kind == "deduct":
            vid = self.people[op[1]]
            entry = points.deduct(s, CLERK, vid, op[2], "扣减")
            self.manual.append((entry, vid, -int(op[2] * 100)))
            self.expected[vid] -= int(op[2] * 100)
        elif kind == "redeem":
            vid, item, qty = self.people[op[1]], self.items[op[2]], op[3]
            result = shop.redeem(s, CLERK, vid, {item: qty})
            self.redemptions.append((result.id, vid, result.points, item, qty))
            self.stock[item] -= qty
            self.expected[vid] -= result.points
        elif kind == "cancel" and self.redemptions:
            rid, vid, spent, item, qty = self.redemptions[op[1] % len(self.redemptions)]
            shop.cancel_redemption(s, CLERK, rid, "退回")
            self.cancelled.add(rid)
            self.stock[item] += qty
            self.expected[vid] += spent
        elif kind == "reverse" and self.manual:
            entry, vid, value = self.manual[op[1] % len(self.manual)]
            points.reverse(s, CLERK, entry, "更正")
            self.reversed.add(entry)
            self.expected[vid] -= value
        elif kind == "correct" and self.records:
            k = op[1] % len(self.records)
            rec, vid, earned = self.records[k]
            new = hours.correct(s, CLERK, rec, op[2], "核对")
            new_points = RULE.amount(op[2], "reading")
            taken = min(earned, self.expected[vid] + new_points)
            self.records[k] = (new, vid, new_points)
            self.expected[vid] += new_points - taken

    def _refusal_was_right(self, op: tuple) -> None:
        """A refusal must have a reason the running total agrees with."""
        kind = op[0]
        if kind in ("award", "deduct"):
            value = op[2]
            bad_amount = value <= 0
            assert bad_amount or (
                kind == "deduct" and int(value * 100) > self.expected[self.people[op[1]]]
            ), op
        elif kind == "redeem":
            vid, item, qty = self.people[op[1]], self.items[op[2]], op[3]
            assert qty < 1 or qty > self.stock[item] or qty * self.price[item] > self.expected[vid], op
        elif kind == "cancel":
            assert self.redemptions[op[1] % len(self.redemptions)][0] in self.cancelled, op
        elif kind == "reverse":
            entry, vid, value = self.manual[op[1] % len(self.manual)]
            assert entry in self.reversed or value > self.expected[vid], op
        else:
            raise AssertionError(f"{op} should not be refused")

    def check(self) -> None:
        with self.db.reader() as s:
            for vid in self.people:
                entries = s.scalars(select(PointsEntry.amount).where(PointsEntry.volunteer_id == vid)).all()
                balance = points.balance(s, vid)
                assert balance == sum(entries) == self.expected[vid]
                assert balance >= 0
            for item in self.items:
                assert shop.get_item(s, item).stock == self.stock[item] >= 0
            assert points.ledger_is_consistent(s)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(ops, max_size=25))
# Hours corrected after the points were spent: the reversal stops at zero.
@example(steps=[("earn", 0, 240), ("redeem", 0, 1, 1), ("deduct", 0, Decimal("1.5")), ("correct", 0, 30)])
def test_any_sequence_keeps_every_balance_equal_to_its_entries_and_never_negative(db, steps):
    world = World(db)
    for op in steps:
        world.apply(op)
        world.check()
