"""Property: whatever a scanner or a keyboard sends, process_scan answers and accepts nothing false."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.models import Scan
from desktop.services import checkin
from desktop.services.permissions import SYSTEM

from .test_checkin import START, enrolled

# Each example runs in a session that is rolled back, so every example sees the same fresh event.
SHARED = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def scene(db):
    eid, [(vid, code), (_, other)] = enrolled(db, n=2)
    return db, eid, vid, code, other


def _scan(db, eid, raw):
    with Session(db.engine) as s:
        try:
            before = s.scalar(select(func.count(Scan.id)))
            out = checkin.process_scan(s, SYSTEM, eid, raw, now=START)
            logged = s.execute(select(Scan.raw, Scan.accepted).order_by(Scan.id.desc()).limit(1)).one()
            after = s.scalar(select(func.count(Scan.id)))
        finally:
            s.rollback()
    assert after == before + 1, "every scan is logged"
    assert logged.accepted == out.accepted
    assert len(logged.raw) <= 120 and not any(ord(ch) < 32 or ord(ch) == 127 for ch in logged.raw)
    return out


def _as_text(raw) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw


def _check(out, raw, vid, code):
    assert out.reason in ("", "unknown_code", "not_enrolled")  # a fresh, open event: nothing else fits
    if out.accepted:
        assert codes.normalise(_as_text(raw)) == code and out.volunteer_id == vid and out.direction == "in"
    else:
        assert codes.normalise(_as_text(raw)) != code


def near_misses(code: str):
    """Codes one slip away from the real one: a wrong symbol, a swap, a symbol lost or added."""
    i = st.integers(0, len(code) - 1)
    sym = st.sampled_from(codes.ALPHABET + "01IO")
    return st.one_of(
        st.tuples(i, sym).map(lambda t: code[: t[0]] + t[1] + code[t[0] + 1 :]),
        i.filter(lambda k: k < len(code) - 1).map(lambda k: code[:k] + code[k + 1] + code[k] + code[k + 2 :]),
        i.map(lambda k: code[:k] + code[k + 1 :]),
        st.tuples(i, sym).map(lambda t: code[: t[0]] + t[1] + code[t[0] :]),
    )


def variants(code: str):
    """The same code as people and scanners type it: case, full width, spaces, dashes, line ends."""

    def dress(choices):
        out = []
        for ch, (lower, wide, sep) in zip(code, choices):
            c = ch.lower() if lower else ch
            out.append((chr(ord(c) + 0xFEE0) if wide else c) + sep)
        return "".join(out)

    one = st.tuples(st.booleans(), st.booleans(), st.sampled_from(["", "", "", " ", "-", "\u3000", "_"]))
    return st.tuples(
        st.lists(one, min_size=len(code), max_size=len(code)).map(dress),
        st.sampled_from(["", " ", "\t"]),
        st.sampled_from(["", "\n", "\r\n", " "]),
    ).map(lambda t: t[1] + t[0] + t[2])


@SHARED
@given(raw=st.one_of(st.text(max_size=300), st.binary(max_size=300), st.text(alphabet=codes.ALPHABET + "ZY", max_size=20)))
def test_random_input_never_raises_and_is_never_accepted_falsely(scene, raw):
    db, eid, vid, code, _ = scene
    _check(_scan(db, eid, raw), raw, vid, code)


@SHARED
@given(data=st.data())
def test_near_misses_of_a_real_code_are_refused(scene, data):
    db, eid, vid, code, _ = scene
    raw = data.draw(near_misses(code))
    out = _scan(db, eid, raw)
    if raw != code:
        assert not (out.accepted and out.volunteer_id == vid)


@SHARED
@given(data=st.data())
def test_every_normalised_variant_of_the_code_is_accepted(scene, data):
    db, eid, vid, code, _ = scene
    raw = data.draw(variants(code))
    out = _scan(db, eid, raw)
    assert out.accepted and out.volunteer_id == vid and out.direction == "in"


@SHARED
@given(junk=st.text(max_size=5), where=st.integers(0, 13))
def test_a_code_with_anything_else_mixed_in_is_not_his(scene, junk, where):
    db, eid, vid, code, _ = scene
    raw = code[:where] + junk + code[where:]
    out = _scan(db, eid, raw)
    _check(out, raw, vid, code)
    if out.accepted:
        assert out.volunteer_id == vid
