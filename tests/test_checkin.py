"""Check-in: every reason, the in/out toggle, duplicates, undo, walk-ins, and two consoles at once."""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desktop import codes
from desktop.db import open_database
from desktop.models import AuditEntry, Enrolment, Event, Scan, StaffAccount
from desktop.services import checkin, enrolment, events
from desktop.services import volunteers as vs
from desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.services.permissions import SYSTEM, Actor

START = datetime(2025, 6, 7, 1, 0, tzinfo=timezone.utc)  # 09:00 in Beijing
END = START + timedelta(hours=3)
_ids = itertools.count(1)


def make_event(s, start=START, hours=3, status="published", **kw) -> int:
    data = events.EventInput(
        title=kw.pop("title", "亲子阅读时光"), start_at=start, end_at=start + timedelta(hours=hours), **kw
    )
    return events.create_event(s, SYSTEM, data, status=status)


def make_volunteer(s, name="张三", *, status="active") -> tuple[int, str]:
    """A volunteer with a card, made directly (the form's checks are tested elsewhere)."""
    v = vs.add_volunteer(
        s,
        vs.VolunteerInput(
            name=name, id_type="passport", id_number=f"E{next(_ids):08d}",
            registered_on=date(2024, 1, 1), status=status,
        ),
    )
    return v.id, v.card_code


def enrolled(db, n=1, **event_kw) -> tuple[int, list[tuple[int, str]]]:
    with db.uow() as s:
        eid = make_event(s, **event_kw)
        people = [make_volunteer(s, f"志愿者{i}") for i in range(n)]
        enrolment.enrol(s, SYSTEM, eid, [vid for vid, _ in people])
    return eid, people


def scan(db, eid, raw, at, actor=SYSTEM, source="scanner") -> checkin.ScanOutcome:
    with db.uow() as s:
        return checkin.process_scan(s, actor, eid, raw, source=source, now=at)


def local(at: datetime, fmt="%H:%M:%S") -> str:
    return at.astimezone().strftime(fmt)


# --- the toggle ----------------------------------------------------------------------------


def test_first_scan_signs_in_the_next_signs_out_with_hours(db):
    eid, [(vid, code)] = enrolled(db)
    first = scan(db, eid, code, START - timedelta(minutes=10))
    assert (first.accepted, first.direction, first.reason, first.volunteer_id) == (True, "in", "", vid)
    assert first.volunteer_name == "志愿者0" and not first.walk_in and first.hours is None
    assert first.message == f"志愿者0 signed in at {local(first.scanned_at)}."
    # 2 h 50 min in the event window (the early 10 minutes are clipped), quarter_down: 2.75 h.
    second = scan(db, eid, code, END - timedelta(minutes=10))
    assert (second.accepted, second.direction, second.hours) == (True, "out", 2.75)
    assert "signed out" in second.message and "2.75 hours" in second.message
    with db.reader() as s:
        log = s.execute(select(Scan.direction, Scan.accepted, Scan.volunteer_id).order_by(Scan.id)).all()
    assert log == [("in", True, vid), ("out", True, vid)]


@pytest.mark.parametrize(
    "variant",
    [
        lambda c: c.lower(),
        lambda c: f"  {c}\r\n",
        lambda c: codes.pretty(c),
        lambda c: "-".join([c[:2], c[2:6], c[6:10], c[10:]]),
        lambda c: "".join(chr(ord(ch) + 0xFEE0) for ch in c),  # full-width, as a Chinese IME types
    ],
    ids=["lower", "padded", "grouped", "dashed", "fullwidth"],
)
def test_normalised_variants_of_a_code_are_accepted(db, variant):
    eid, [(vid, code)] = enrolled(db)
    out = scan(db, eid, variant(code), START)
    assert out.accepted and out.volunteer_id == vid


# --- every reason ---------------------------------------------------------------------------


def _bad_check(code: str) -> str:
    wrong = next(ch for ch in codes.ALPHABET if ch != code[-1])
    return code[:-1] + wrong


@pytest.mark.parametrize(
    "make_raw",
    [
        lambda c: "",
        lambda c: "hello",
        lambda c: _bad_check(c),  # mistyped: the check symbol catches it
        lambda c: c[:-1],  # truncated
        lambda c: c + "A",  # over-long
        lambda c: c * 40,
        lambda c: "X" * 100_000,
        lambda c: "QX" + c[2:],  # foreign prefix
        lambda c: "https://example.com/?id=" + c,
        lambda c: c[:5] + "\x00" + c[5:],
        lambda c: "\x1b[A\x07\x08",
        lambda c: "张三",
        lambda c: c.encode() + b"\xff\xfe",
        lambda c: c + "\ud800",  # a lone surrogate from a broken input method
        lambda c: "\x7f" * 3,
    ],
)
def test_anything_that_is_not_one_of_our_codes_is_unknown(db, make_raw):
    eid, [(_, code)] = enrolled(db)
    out = scan(db, eid, make_raw(code), START)
    assert (out.accepted, out.reason, out.volunteer_id, out.direction) == (False, "unknown_code", None, None)
    assert out.message.startswith("Unknown card")
    with db.reader() as s:
        reason, accepted, raw = s.execute(select(Scan.reason, Scan.accepted, Scan.raw)).one()
    assert reason == "unknown_code" and not accepted and len(raw) <= 120
    assert not any(ord(ch) < 32 for ch in raw)


def test_a_well_formed_code_never_issued_is_unknown(db):
    eid, _ = enrolled(db)
    out = scan(db, eid, codes.make_code(), START)
    assert out.reason == "unknown_code" and "never issued" in out.message


def test_raw_input_is_logged_escaped_and_trimmed(db):
    eid, _ = enrolled(db)
    scan(db, eid, "AB\tC\x00\\", START)
    scan(db, eid, "码" * 500, START)
    with db.reader() as s:
        raws = s.scalars(select(Scan.raw).order_by(Scan.id)).all()
    assert raws[0] == "AB\\x09C\\x00\\\\"
    assert len(raws[1]) == 120 and raws[1].endswith("…") and raws[1].startswith("码" * 119)


def test_a_replaced_card_is_refused_and_the_new_one_works(db):
    eid, [(vid, old)] = enrolled(db)
    with db.uow() as s:
        new = vs.reissue_card(s, SYSTEM, vid)
    out = scan(db, eid, old, START)
    assert (out.accepted, out.reason, out.volunteer_id) == (False, "revoked_card", vid)
    assert "replaced" in out.message and "志愿者0" in out.message
    assert scan(db, eid, new, START).direction == "in"


@pytest.mark.parametrize(
    "status, at, words",
    [
        ("draft", START, "it is Draft"),
        ("cancelled", START, "it is Cancelled"),
        ("finished", START, "it is Finished"),
        ("published", START - timedelta(minutes=61), "opens at"),
        ("published", END + checkin.SIGNOUT_GRACE + timedelta(seconds=1), "closed at"),
        ("published", END + timedelta(minutes=5), "only sign-outs"),
    ],
)
def test_event_not_open(db, status, at, words):
    eid, [(vid, code)] = enrolled(db)
    if status != "published":
        with db.uow() as s:
            s.get(Event, eid).status = status
    out = scan(db, eid, code, at)
    assert (out.accepted, out.reason, out.volunteer_id) == (False, "event_not_open", vid)
    assert words in out.message


def test_check_in_window_edges_and_sign_out_in_the_grace_period(db):
    eid, [(_, a), (_, b)] = enrolled(db, n=2, signin_opens_minutes=30)
    assert scan(db, eid, a, START - timedelta(minutes=30)).direction == "in"
    assert scan(db, eid, b, START - timedelta(minutes=31)).reason == "event_not_open"
    assert scan(db, eid, b, END).direction == "in"
    out = scan(db, eid, a, END + checkin.SIGNOUT_GRACE)
    assert out.direction == "out" and out.hours == 3.0  # clipped to the event's end


def test_ongoing_events_take_scans(db):
    eid, [(_, code)] = enrolled(db, status="ongoing")
    assert scan(db, eid, code, START).accepted


def test_walk_ins_refused_when_the_event_takes_none(db):
    with db.uow() as s:
        eid = make_event(s, allow_walk_ins=False)
        vid, code = make_volunteer(s)
    out = scan(db, eid, code, START)
    assert (out.accepted, out.reason, out.volunteer_id) == (False, "not_enrolled", vid)
    assert "no walk-ins" in out.message
    with db.reader() as s:
        assert s.scalar(select(func.count(Enrolment.id))) == 0


def test_walk_ins_accepted_flagged_and_enrolled(db):
    with db.uow() as s:
        eid = make_event(s, allow_walk_ins=True)
        vid, code = make_volunteer(s, "李四")
    out = scan(db, eid, code, START)
    assert (out.accepted, out.direction, out.walk_in) == (True, "in", True)
    assert out.message.endswith("as a walk-in.")
    with db.reader() as s:
        row = s.scalars(select(Enrolment)).one()
        assert (row.volunteer_id, row.status, row.walk_in) == (vid, "enrolled", True)
        assert s.scalar(select(Scan.walk_in)) is True
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "walk_in")).one()
        assert entry.entity_id == eid and f'"volunteer_id": {vid}' in entry.after
        assert checkin.event_counters(s, eid).walk_ins == 1


def test_a_waitlisted_volunteer_who_turns_up_is_a_walk_in(db):
    with db.uow() as s:
        eid = make_event(s, capacity=1)
        (a, _), (b, code_b) = make_volunteer(s, "甲"), make_volunteer(s, "乙")
        enrolment.enrol(s, SYSTEM, eid, [a, b])
    out = scan(db, eid, code_b, START)
    assert out.accepted and out.walk_in
    with db.reader() as s:
        assert s.scalar(select(Enrolment.status).where(Enrolment.volunteer_id == b)) == "enrolled"


def test_an_inactive_volunteer_cannot_walk_in(db):
    with db.uow() as s:
        eid = make_event(s)
        _, code = make_volunteer(s, status="inactive")
    out = scan(db, eid, code, START)
    assert out.reason == "not_enrolled" and "not an active volunteer" in out.message


def test_duplicates_say_when_the_first_scan_was(db):
    eid, [(_, code)] = enrolled(db, duplicate_window_seconds=60)
    first = scan(db, eid, code, START)
    again = scan(db, eid, code, START + timedelta(seconds=59))
    assert (again.accepted, again.reason, again.first_scan_at) == (False, "duplicate", first.scanned_at)
    assert again.message == f"志愿者0 was already signed in at {local(first.scanned_at)}; this scan is a repeat."
    out = scan(db, eid, code, START + timedelta(seconds=60))
    assert out.direction == "out"
    repeat = scan(db, eid, code, START + timedelta(seconds=90))
    assert repeat.reason == "duplicate" and "already signed out at" in repeat.message
    assert repeat.first_scan_at == out.scanned_at


def test_a_scan_after_signing_out_is_already_signed_out(db):
    eid, [(_, code)] = enrolled(db)
    scan(db, eid, code, START)
    out = scan(db, eid, code, START + timedelta(hours=1))
    later = scan(db, eid, code, START + timedelta(hours=2))
    assert (later.accepted, later.reason, later.first_scan_at) == (False, "already_signed_out", out.scanned_at)
    assert later.message == f"志愿者0 already signed out at {local(out.scanned_at)}."


def test_every_scan_is_logged_with_its_operator_and_source(db):
    eid, [(_, code)] = enrolled(db)
    operator = Actor(None, "王老师", "operator")
    scan(db, eid, code, START, actor=operator, source="camera")
    scan(db, eid, code, START + timedelta(seconds=5), actor=operator, source="camera")
    scan(db, eid, "nonsense", START)
    with db.reader() as s:
        rows = s.execute(select(Scan.source, Scan.accepted, Scan.reason, Scan.raw).order_by(Scan.id)).all()
    assert rows == [("camera", True, "", code), ("camera", False, "duplicate", code), ("scanner", False, "unknown_code", "nonsense")]


def test_scanning_needs_the_permission_and_an_existing_event(db):
    eid, [(_, code)] = enrolled(db)
    with pytest.raises(PermissionDenied):
        scan(db, eid, code, START, actor=Actor(None, "visitor", "guest"))
    with pytest.raises(NotFound):
        scan(db, eid + 99, code, START)
    with pytest.raises(ValidationError):
        scan(db, eid, code, START, source="telepathy")


# --- undo, manual sign-in, counters, the running list --------------------------------------


def test_undo_a_sign_in_then_the_next_scan_signs_in_again(db):
    eid, [(vid, code)] = enrolled(db)
    first = scan(db, eid, code, START)
    with db.uow() as s:
        undone = checkin.undo_last_scan(s, SYSTEM, eid)
    assert (undone.scan_id, undone.direction, undone.volunteer_id) == (first.scan_id, "in", vid)
    assert undone.message == "Undone: the sign-in of 志愿者0."
    again = scan(db, eid, code, START + timedelta(seconds=10))  # the undone scan is not a duplicate
    assert again.direction == "in"
    with db.reader() as s:
        assert s.get(Scan, first.scan_id).undone is True
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "undo_scan")).one()
        assert entry.entity == "scan" and entry.entity_id == first.scan_id
        assert checkin.event_counters(s, eid).signed_in_now == 1


def test_undo_a_sign_out_and_nothing_to_undo(db):
    eid, [(_, code)] = enrolled(db)
    with pytest.raises(NotFound):
        with db.uow() as s:
            checkin.undo_last_scan(s, SYSTEM, eid)
    scan(db, eid, code, START)
    scan(db, eid, "junk", START + timedelta(minutes=30))  # refused scans are not undone
    scan(db, eid, code, START + timedelta(hours=1))
    with db.uow() as s:
        assert checkin.undo_last_scan(s, SYSTEM, eid).direction == "out"
    assert scan(db, eid, code, START + timedelta(hours=2)).direction == "out"


def test_each_operator_undoes_their_own_scans_and_a_sign_in_waits_for_its_sign_out(db):
    eid, [(_, a), (_, b)] = enrolled(db, n=2)
    with db.uow() as s:
        staff = [StaffAccount(username=f"console{i}", display_name=f"{i}号台", role="operator") for i in (1, 2)]
        s.add_all(staff)
        s.flush()
        one, two = (Actor(a.id, a.display_name, a.role) for a in staff)
    scan(db, eid, a, START, actor=one)
    scan(db, eid, b, START + timedelta(seconds=1), actor=two)
    with db.uow() as s:
        assert checkin.undo_last_scan(s, one, eid).name == "志愿者0"
    scan(db, eid, a, START + timedelta(minutes=1), actor=one)
    scan(db, eid, a, START + timedelta(minutes=30), actor=two)  # signed out at the other console
    with pytest.raises(Conflict, match="undo the sign-out first"):
        with db.uow() as s:
            checkin.undo_last_scan(s, one, eid)


def test_manual_sign_in_follows_the_same_rules_and_is_audited(db):
    with db.uow() as s:
        eid = make_event(s, allow_walk_ins=False)
        (a, _), (b, _) = make_volunteer(s, "甲"), make_volunteer(s, "乙")
        enrolment.enrol(s, SYSTEM, eid, [a])
    operator = Actor(None, "operator", "operator")
    with db.uow() as s:
        out = checkin.manual_sign_in(s, operator, eid, a, now=START)
        refused = checkin.manual_sign_in(s, operator, eid, b, now=START)
    assert (out.accepted, out.direction) == (True, "in") and refused.reason == "not_enrolled"
    with db.reader() as s:
        assert s.scalars(select(Scan.source)).all() == ["manual", "manual"]
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "manual_scan")) == 1
    with pytest.raises(NotFound):
        with db.uow() as s:
            checkin.manual_sign_in(s, operator, eid, 9999, now=START)


def test_counters_and_recent_scans(db):
    eid, people = enrolled(db, n=4)
    with db.uow() as s:
        _, walk_code = make_volunteer(s, "路人")
    (_, a), (_, b), (_, c), _ = people
    t = START
    for raw in (a, b, c, walk_code, "junk"):
        t += timedelta(seconds=1)
        scan(db, eid, raw, t)
    scan(db, eid, a, START + timedelta(hours=1))
    with db.reader() as s:
        counters = checkin.event_counters(s, eid)
        recent = checkin.recent_scans(s, eid, limit=3)
    assert counters == checkin.EventCounters(enrolled=5, signed_in_now=3, signed_out=1, walk_ins=1)
    assert [(r.name, r.direction, r.reason) for r in recent] == [
        ("志愿者0", "out", ""), ("", None, "unknown_code"), ("路人", "in", ""),
    ]
    assert [r.label for r in recent] == ["Signed out", "Unknown card", "Signed in"]


# --- two consoles at once --------------------------------------------------------------------


def _two_consoles_round(databases, eid, codes_, at, barrier, results, errors):
    def console(db):
        try:
            for code in codes_:
                barrier.wait()  # both consoles scan the same card at the same moment
                with db.uow() as s:
                    out = checkin.process_scan(s, SYSTEM, eid, code, now=at)
                results.append((code, out.accepted, out.direction, out.reason))
        except Exception as exc:  # noqa: BLE001 - any failure fails the test below
            errors.append(repr(exc))
            barrier.abort()

    threads = [threading.Thread(target=console, args=(db,)) for db in databases]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)


def test_two_consoles_on_one_event_never_sign_anyone_in_twice(db, db_path):
    eid, people = enrolled(db, n=30)
    codes_ = [code for _, code in people]
    consoles = [open_database(db_path), open_database(db_path)]
    try:
        for at, direction in ((START, "in"), (START + timedelta(hours=1), "out")):
            results: list = []
            errors: list = []
            _two_consoles_round(consoles, eid, codes_, at, threading.Barrier(2), results, errors)
            assert errors == []
            assert len(results) == 2 * len(codes_)
            for code in codes_:
                mine = sorted((r[1], r[2] or r[3]) for r in results if r[0] == code)
                assert mine == [(False, "duplicate"), (True, direction)]
    finally:
        for c in consoles:
            c.dispose()
    with db.reader() as s:
        per_volunteer = s.execute(
            select(Scan.volunteer_id, Scan.direction, func.count())
            .where(Scan.accepted.is_(True))
            .group_by(Scan.volunteer_id, Scan.direction)
        ).all()
        assert len(per_volunteer) == 60 and all(n == 1 for *_, n in per_volunteer)
        assert checkin.event_counters(s, eid).signed_out == 30


def _console_process(db_path: str, eid: int, codes_: list[str], at: str, go, queue) -> None:
    from desktop.db import open_database as open_db
    from desktop.services import checkin as ck
    from desktop.services.permissions import SYSTEM as system

    db = open_db(db_path)
    out = []
    try:
        go.wait(60)
        for code in codes_:
            with db.uow() as s:
                r = ck.process_scan(s, system, eid, code, now=datetime.fromisoformat(at))
            out.append((code, r.accepted, r.direction, r.reason))
        queue.put(("ok", out))
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        queue.put(("error", repr(exc)))
    finally:
        db.dispose()


@pytest.mark.slow
def test_two_console_processes_on_one_file(db, db_path):
    eid, people = enrolled(db, n=60)
    codes_ = [code for _, code in people]
    ctx = multiprocessing.get_context("spawn")
    go, queue = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_console_process, args=(str(db_path), eid, order, START.isoformat(), go, queue))
        for order in (codes_, codes_[::-1])
    ]
    for p in procs:
        p.start()
    go.set()
    reports = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [kind for kind, _ in reports] == ["ok", "ok"], reports
    results = reports[0][1] + reports[1][1]
    for code in codes_:
        mine = sorted((r[1], r[2] or r[3]) for r in results if r[0] == code)
        assert mine == [(False, "duplicate"), (True, "in")]


# --- the card's QR ----------------------------------------------------------------------------


def test_a_cards_qr_png_reads_back_as_the_code_and_nothing_else(db):
    import io

    import zxingcpp
    from PIL import Image

    from desktop.services import cards
    from desktop.services.errors import ValidationError

    with db.uow() as s:
        vid, code = make_volunteer(s)
    with db.reader() as s:
        same, png = cards.volunteer_qr_png(s, Actor(None, "operator", "operator"), vid, box_size=4)
    assert same == code and png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    found = zxingcpp.read_barcodes(image)
    assert [r.text for r in found] == [code]
    matrix = cards.qr_matrix(code)
    assert image.size == ((len(matrix) + 8) * 4,) * 2  # four-module quiet zone each side
    assert cards.qr_png(code.lower()) == cards.qr_png(code)
    with pytest.raises(ValidationError):
        cards.qr_png(_bad_check(code))
