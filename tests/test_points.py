"""The points ledger: the earning rule, credits on approval, reversals on correction, entries by hand,
append-only storage, merges, lists and exports, and redemptions racing for the same points."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop.config import StationSettings
from desktop.db import open_database
from desktop.models import AuditEntry, PointsEntry, Redemption, ServiceRecord
from desktop.services import events, hours, merge, points, points_history, settings, shop
from desktop.services import volunteers as vs
from desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.services.permissions import SYSTEM, Actor

CLERK = Actor(None, "王丽", "coordinator")
START = datetime(2025, 3, 8, 1, 0, tzinfo=UTC)  # 09:00 in Beijing
_ids = itertools.count(1)


# --- builders shared with the shop and dashboard tests --------------------------------------------


def volunteer(s, name: str = "张三", **kw) -> int:
    kw.setdefault("registered_on", date(2024, 1, 1))
    data = vs.VolunteerInput(name=name, id_type="passport", id_number=f"P{next(_ids):08d}", **kw)
    return vs.add_volunteer(s, data).id


def event(
    s, start: datetime = START, hours_: float = 3, category: str = "reading", status: str = "finished", **kw
) -> int:
    data = events.EventInput(
        title=kw.pop("title", "亲子阅读时光"),
        start_at=start,
        end_at=start + timedelta(hours=hours_),
        category=category,
        **kw,
    )
    return events.create_event(s, SYSTEM, data, status=status)


def record(s, event_id: int, volunteer_id: int, minutes: int, flags: str = "") -> int:
    """A pending service record as closing the event would make it (the rules are tested in test_hours)."""
    rec = ServiceRecord(event_id=event_id, volunteer_id=volunteer_id, minutes=minutes, flags=flags)
    s.add(rec)
    s.flush()
    return rec.id


def served(
    db, minutes: list[int], category: str = "reading", who: list[int] | None = None
) -> tuple[list[int], list[int]]:
    """Volunteers (new, or `who`) with one approved record each; returns (volunteer ids, record ids)."""
    with db.uow() as s:
        eid = event(s, category=category)
        people = who or [volunteer(s, f"志愿者{i}") for i in range(len(minutes))]
        recs = [record(s, eid, vid, m) for vid, m in zip(people, minutes)]
        hours.approve(s, CLERK, recs)
    return people, recs


def balance(db, vid: int) -> int:
    with db.reader() as s:
        return points.balance(s, vid)


def entries(db, vid: int | None = None) -> list[tuple[str, int]]:
    with db.reader() as s:
        stmt = select(PointsEntry.kind, PointsEntry.amount).order_by(PointsEntry.id)
        if vid is not None:
            stmt = stmt.where(PointsEntry.volunteer_id == vid)
        return [tuple(r) for r in s.execute(stmt)]


def counts(db) -> tuple[int, int]:
    with db.reader() as s:
        return (s.scalar(select(func.count(PointsEntry.id))), s.scalar(select(func.count(AuditEntry.id))))


def stock_item(db, name: str = "洗衣液", price: object = 10, stock: int = 20, **kw) -> int:
    with db.uow() as s:
        return shop.create_item(s, CLERK, shop.ItemInput(name=name, price=price, **kw), opening_stock=stock)


# --- the earning rule -----------------------------------------------------------------------------


def test_the_earning_rule_rate_weights_rounding_and_cap():
    rule = points.EarningRule.from_settings(StationSettings())
    assert rule.amount(90, "reading") == 150  # 1.5 h at 1 point an hour
    assert rule.amount(1, "reading") == 2  # 1.67 hundredths, half up
    assert rule.amount(0, "reading") == 0
    conf = StationSettings(
        points_per_hour=2.5,
        category_weights={"elderly_disability": 1.5, "other": 0},
        points_cap_per_activity=6,
    )
    rule = points.EarningRule.from_settings(conf)
    assert rule.amount(60, "reading") == 250
    assert rule.amount(60, "elderly_disability") == 375
    assert rule.amount(600, "elderly_disability") == 600  # 37.5 capped at 6 points
    assert rule.amount(120, "other") == 0


def test_the_sql_rule_gives_the_same_points_as_python(db):
    conf = StationSettings(points_per_hour=1.25, category_weights={"science": 1.3}, points_cap_per_activity=3)
    rule = points.EarningRule.from_settings(conf)
    from sqlalchemy import literal

    with db.reader() as s:
        for minutes in (0, 1, 7, 45, 59, 61, 133, 144, 600):
            for category in ("science", "reading"):
                sql = s.scalar(select(rule.amount_sql(literal(minutes), literal(category))))
                assert sql == rule.amount(minutes, category), (minutes, category)


@pytest.mark.parametrize(
    "value, amount",
    [
        (5, 500),
        ("2.5", 250),
        (0.1, 10),
        ("1,000", None),
        (0, None),
        (-3, None),
        ("1.234", None),
        (True, None),
        ("nan", None),
        (None, None),
    ],
)
def test_typed_points_become_hundredths_or_are_refused(value, amount):
    if amount is None:
        with pytest.raises(ValidationError):
            points.to_amount(value)
    else:
        assert points.to_amount(value) == amount


def test_points_are_written_as_the_station_writes_them():
    assert [points.format_points(a) for a in (0, 100, 150, 1225, -300, 123456)] == [
        "0",
        "1",
        "1.5",
        "12.25",
        "-3",
        "1,234.56",
    ]


# --- credits when hours are approved ----------------------------------------------------------------


def test_approving_hours_credits_points_once(db):
    (a, b), recs = served(db, [120, 45])
    assert entries(db) == [("earned", 200), ("earned", 75)]
    assert (balance(db, a), balance(db, b)) == (200, 75)
    with db.uow() as s:
        again = hours.approve(s, CLERK, recs)
        assert again.skipped == recs
        assert points.credit_approved(s, CLERK, recs) == 0  # a record earns once
    assert len(entries(db)) == 2
    with db.reader() as s:
        entry = s.scalars(select(PointsEntry).order_by(PointsEntry.id)).first()
        audit_after = s.scalar(select(AuditEntry.after).where(AuditEntry.action == "credit"))
        assert (entry.service_record_id, entry.reason, entry.actor_name) == (recs[0], "亲子阅读时光", "王丽")
    assert json.loads(audit_after) == {"points": "2.75", "records": 2}


def test_weights_and_cap_from_the_settings_apply_when_approving(db):
    with db.uow() as s:
        settings.update(s, SYSTEM, category_weights={"science": 2.0}, points_cap_per_activity=3)
    (a,), _ = served(db, [60], category="science")
    (b,), _ = served(db, [240], category="science")
    (c,), _ = served(db, [240], category="reading")
    assert (balance(db, a), balance(db, b), balance(db, c)) == (200, 300, 300)


def test_rejected_and_pending_records_earn_nothing(db):
    with db.uow() as s:
        eid = event(s)
        v = volunteer(s)
        r1, r2 = record(s, eid, v, 60), record(s, eid, v, 90)
        hours.reject(s, CLERK, [r1], "没有到场")
        assert points.credit_approved(s, CLERK, [r1, r2]) == 0
    assert entries(db) == []


def test_a_correction_reverses_the_old_points_and_credits_the_new(db):
    (v,), (rec,) = served(db, [120])
    with db.uow() as s:
        new = hours.correct(s, CLERK, rec, 60, "提前离场")
    assert entries(db, v) == [("earned", 200), ("earned", 100), ("reversal", -200)]
    assert balance(db, v) == 100
    with db.reader() as s:
        reversal = s.scalars(select(PointsEntry).where(PointsEntry.kind == "reversal")).one()
        first = s.scalars(select(PointsEntry).order_by(PointsEntry.id)).first()
        assert reversal.reverses_id == first.id and "提前离场" in reversal.reason
        assert s.scalar(select(PointsEntry.service_record_id).where(PointsEntry.id == 2)) == new
    # Correcting the correction reverses the second credit, not the first again.
    with db.uow() as s:
        hours.correct(s, CLERK, new, 90, "核对签到表")
    assert balance(db, v) == 150
    assert [k for k, _ in entries(db, v)].count("reversal") == 2


def test_a_correction_after_the_points_were_spent_never_goes_below_zero(db):
    (v,), (rec,) = served(db, [240])  # 4 points
    item = stock_item(db, price=3)
    with db.uow() as s:
        shop.redeem(s, CLERK, v, {item: 1})
    with db.uow() as s:
        hours.correct(s, CLERK, rec, 0, "误签到，未参加活动")
    assert balance(db, v) == 0
    assert entries(db, v) == [("earned", 400), ("redemption", -300), ("reversal", -100)]
    with db.reader() as s:
        note = s.scalar(select(AuditEntry.after).where(AuditEntry.action == "reverse"))
    assert json.loads(note)["not_recovered"] == "3"


def test_correcting_a_pending_record_only_credits_the_new_one(db):
    with db.uow() as s:
        eid = event(s)
        v = volunteer(s)
        rec = record(s, eid, v, 180)
        hours.correct(s, CLERK, rec, 150, "按实际时长")
    assert entries(db, v) == [("earned", 250)]


# --- entries by hand --------------------------------------------------------------------------------


def test_award_deduct_and_reverse_by_hand(db):
    with db.uow() as s:
        v = volunteer(s)
        award = points.award(s, CLERK, v, "12.5", "  社区文明之星  ")
        deduction = points.deduct(s, CLERK, v, 2, "重复发放")
    assert balance(db, v) == 1050
    with db.uow() as s:
        points.reverse(s, CLERK, deduction, "核实后撤回扣减")
    assert balance(db, v) == 1250
    with db.uow() as s, pytest.raises(Conflict):
        points.reverse(s, CLERK, deduction, "again")
    with db.uow() as s:
        points.reverse(s, CLERK, award, "评选结果更正")
    assert balance(db, v) == 0
    assert [k for k, _ in entries(db, v)] == ["award", "deduction", "reversal", "reversal"]
    with db.reader() as s:
        history = points_history.list_history(s, points_history.HistoryQuery(volunteer_id=v))
    assert [(r.kind, r.amount) for r in history] == [
        ("reversal", -1250),
        ("reversal", 200),
        ("deduction", -200),
        ("award", 1250),
    ]
    assert history[3].reversed_by == history[0].id and history[3].reason == "社区文明之星"


@pytest.mark.parametrize(
    "call, fields",
    [
        (lambda s, v: points.award(s, CLERK, v, 0, "x"), {"points"}),
        (lambda s, v: points.award(s, CLERK, v, -5, "x"), {"points"}),
        (lambda s, v: points.award(s, CLERK, v, "1.005", "x"), {"points"}),
        (lambda s, v: points.award(s, CLERK, v, "五", "x"), {"points"}),
        (lambda s, v: points.award(s, CLERK, v, 5, "   "), {"reason"}),
        (lambda s, v: points.award(s, CLERK, v, -1, ""), {"points", "reason"}),
        (lambda s, v: points.deduct(s, CLERK, v, 1, "no points yet"), {"points"}),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_written(db, call, fields):
    with db.uow() as s:
        v = volunteer(s)
    before = counts(db)
    with db.uow() as s, pytest.raises(ValidationError) as err:
        call(s, v)
    assert set(err.value.fields) == fields and all(err.value.fields.values())
    assert counts(db) == before


def test_earned_points_are_not_reversed_by_hand(db):
    served(db, [60])
    with db.reader() as s:
        earned = s.scalar(select(PointsEntry.id))
    with db.uow() as s, pytest.raises(Conflict) as err:
        points.reverse(s, CLERK, earned, "试试")
    assert "correct the service record" in str(err.value)
    with db.uow() as s, pytest.raises(NotFound):
        points.reverse(s, CLERK, 999, "试试")


def test_an_operator_may_not_give_points(db):
    with db.uow() as s:
        v = volunteer(s)
    with db.uow() as s, pytest.raises(PermissionDenied):
        points.award(s, Actor(None, "签到员", "operator"), v, 5, "帮忙")


def test_taking_points_outside_a_writing_unit_of_work_is_a_bug(db):
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, 5, "奖励")
    with db.reader() as s, pytest.raises(RuntimeError):
        points.deduct(s, CLERK, v, 1, "读事务里扣分")


# --- the ledger is append-only; a merge moves it ---------------------------------------------------


def test_the_database_refuses_to_change_or_delete_an_entry(db):
    served(db, [60])
    for sql in (
        "UPDATE points_entries SET amount = 99999",
        "DELETE FROM points_entries",
        "UPDATE points_entries SET reason = 'x'",
    ):
        with pytest.raises(DBAPIError, match="cannot be changed"), db.uow() as s:
            s.execute(text(sql))
    assert entries(db) == [("earned", 100)]


def test_a_merge_moves_the_points_to_the_kept_volunteer(db):
    with db.uow() as s:
        keep, drop = volunteer(s, "李娜"), volunteer(s, "李娜")
        points.award(s, CLERK, keep, 3, "a")
        points.award(s, CLERK, drop, 4, "b")
    item = stock_item(db, price=1)
    with db.uow() as s:
        shop.redeem(s, CLERK, drop, {item: 2})
    with db.uow() as s:
        merge.merge_volunteers(s, SYSTEM, keep, drop)
    assert balance(db, keep) == 500
    with db.reader() as s:
        assert s.scalar(select(Redemption.volunteer_id)) == keep
        assert s.scalar(select(func.count(PointsEntry.id)).where(PointsEntry.volunteer_id == drop)) == 0


# --- lists, figures and exports -------------------------------------------------------------------


def test_the_balances_list_pages_searches_and_sorts_by_balance(db):
    with db.uow() as s:
        ids = [volunteer(s, name) for name in ("张伟", "王芳", "李娜", "张敏")]
        for vid, pts in zip(ids, (5, 0, 12, 7.5)):
            if pts:
                points.award(s, CLERK, vid, pts, "奖励")
    item = stock_item(db, price=2)
    with db.uow() as s:
        shop.redeem(s, CLERK, ids[2], {item: 1})
    with db.reader() as s:
        q = points_history.BalanceQuery(sort="balance", descending=True)
        assert points_history.count_balances(s, q) == 4
        rows = points_history.list_balances(s, q, 0, 3)
        assert [(r.name, r.balance, r.earned, r.spent) for r in rows] == [
            ("李娜", 1000, 1200, 200),
            ("张敏", 750, 750, 0),
            ("张伟", 500, 500, 0),
        ]
        assert [r.name for r in points_history.list_balances(s, q, 3, 3)] == ["王芳"]
        assert [r.name for r in points_history.list_balances(s, points_history.BalanceQuery(search="zw"))] == ["张伟"]
        assert points_history.count_balances(s, points_history.BalanceQuery(with_points=True)) == 3
        summary = points_history.summary(s, ids[2])
        assert (summary.balance, summary.earned, summary.spent, summary.entries) == (1000, 1200, 200, 2)


def test_a_scanned_card_finds_one_volunteer_and_a_name_searches(db):
    with db.uow() as s:
        a, b = volunteer(s, "张伟"), volunteer(s, "张伟强")
        points.award(s, CLERK, a, 8, "奖励")
        code = vs._get(s, a).card_code
    with db.reader() as s:
        found = points.find_volunteers(s, "  " + code.lower() + " ")
        assert [(p.id, p.balance) for p in found] == [(a, 800)]
        assert {p.id for p in points.find_volunteers(s, "张伟")} == {a, b}
        assert points.find_volunteers(s, "") == []


def test_period_totals_count_reversals_against_what_they_reverse(db):
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, 10, "奖励")
        small = points.award(s, CLERK, v, 3, "奖励")
    item = stock_item(db, price=4)
    with db.uow() as s:
        first = shop.redeem(s, CLERK, v, {item: 1})
        shop.redeem(s, CLERK, v, {item: 1})
        shop.cancel_redemption(s, CLERK, first.id, "退回")
        points.reverse(s, CLERK, small, "更正")
    with db.reader() as s:
        totals = points.period_totals(s, None, None)
        later = datetime.now(UTC) + timedelta(days=1)
        assert points.period_totals(s, later, None) == points.PeriodPoints(0, 0, 600)
    # Earned 10 + 3 - 3; redeemed 4 + 4 - 4 (one cancelled); 13 - 8 + 4 - 3 left.
    assert totals == points.PeriodPoints(earned=1000, redeemed=400, balance=600)
    assert balance(db, v) == 600


def test_stats_json_reports_points_and_stars(db, db_path, capsys):
    from desktop import cli

    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 3, 4, 5))
    served(db, [130, 30, 200])
    item = stock_item(db, price="0.5")
    with db.reader() as s:
        first = s.scalar(select(PointsEntry.volunteer_id).order_by(PointsEntry.id))
    with db.uow() as s:
        shop.redeem(s, CLERK, first, {item: 3})
    assert cli.main(["--db", str(db_path), "stats", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["points_earned"], out["points_redeemed"], out["points_balance"]) == (6.0, 1.5, 4.5)
    assert out["stars"] == {"1": 0, "2": 1, "3": 1, "4": 0, "5": 0}


def test_exports_of_balances_and_history_read_back(db, tmp_path):
    from openpyxl import load_workbook

    (a, _), _ = served(db, [90, 30])
    with db.uow() as s:
        assert points_history.export_balances(s, CLERK, tmp_path / "balances.xlsx") == 2
        assert (
            points_history.export_history(s, CLERK, tmp_path / "history.csv", points_history.HistoryQuery(volunteer_id=a))
            == 1
        )
    sheet = load_workbook(tmp_path / "balances.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("No.", "Name", "Card code", "Balance")
    assert sorted((r[1], r[3]) for r in rows[1:]) == [("志愿者0", 1.5), ("志愿者1", 0.5)]
    lines = (tmp_path / "history.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].split(",")[2:5] == ["志愿者0", "Earned by service", "1.5"]
    with db.reader() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "export")) == 2


# --- redemptions at the same moment ------------------------------------------------------------------


def test_a_redemption_waits_for_one_in_progress_and_then_sees_its_entry(db, db_path):
    """The proof that the balance check and the entry are one unit: while one redemption holds its
    unit of work open, a second one for the same points cannot even read the balance; once the first
    commits, the second finds the points spent and is refused."""
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, 10, "奖励")
    item = stock_item(db, price=8, stock=5)
    other = open_database(db_path)
    outcome: list = []
    started = threading.Event()

    def second() -> None:
        started.set()
        try:
            with other.uow() as s2:
                outcome.append(shop.redeem(s2, CLERK, v, {item: 1}))
        except ValidationError as exc:
            outcome.append(exc)

    try:
        with db.uow() as s:
            shop.redeem(s, CLERK, v, {item: 1})
            thread = threading.Thread(target=second)
            thread.start()
            started.wait(5)
            thread.join(timeout=0.5)
            assert thread.is_alive() and outcome == []  # blocked behind our write lock
        thread.join(timeout=30)
    finally:
        other.dispose()
    assert len(outcome) == 1 and isinstance(outcome[0], ValidationError)
    assert "has 2 points" in str(outcome[0])
    assert balance(db, v) == 200


def _redeem_many(db_path: str, vid: int, item: int, times: int, go, queue) -> None:
    from desktop.db import open_database as open_db
    from desktop.services import shop as shop_service
    from desktop.services.errors import ValidationError as Refused

    db = open_db(db_path)
    done = refused = 0
    try:
        go.wait(60)
        for _ in range(times):
            try:
                with db.uow() as s:
                    shop_service.redeem(s, CLERK, vid, {item: 1})
                done += 1
            except Refused:
                refused += 1
        queue.put(("ok", done, refused))
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        queue.put(("error", repr(exc), 0))
    finally:
        db.dispose()


def test_two_programs_redeeming_at_once_never_spend_more_than_the_balance(db, db_path):
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, 25, "奖励")
    item = stock_item(db, price=1, stock=100)
    ctx = multiprocessing.get_context("spawn")
    go, queue = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_redeem_many, args=(str(db_path), v, item, 20, go, queue)) for _ in range(2)]
    for p in procs:
        p.start()
    go.set()
    reports = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [r[0] for r in reports] == ["ok", "ok"], reports
    assert sum(r[1] for r in reports) == 25 and sum(r[2] for r in reports) == 15
    assert balance(db, v) == 0
    with db.reader() as s:
        assert shop.get_item(s, item).stock == 75
        assert s.scalar(select(func.count(Redemption.id))) == 25
        assert points.ledger_is_consistent(s)


def test_two_threads_redeeming_at_once_never_spend_more_than_the_balance(db, db_path):
    with db.uow() as s:
        v = volunteer(s)
        points.award(s, CLERK, v, 7, "奖励")
    item = stock_item(db, price=1, stock=100)
    barrier = threading.Barrier(2)
    results: list[str] = []
    lock = threading.Lock()
    windows = [open_database(db_path), open_database(db_path)]

    def counter(window) -> None:
        barrier.wait()
        for _ in range(6):
            try:
                with window.uow() as s:
                    shop.redeem(s, CLERK, v, {item: 1})
                outcome = "done"
            except ValidationError:
                outcome = "refused"
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=counter, args=(w,)) for w in windows]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        for w in windows:
            w.dispose()
    assert results.count("done") == 7 and results.count("refused") == 5
    assert balance(db, v) == 0
