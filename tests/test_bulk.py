"""insert_rows writes exactly what Core's executemany writes, dates, booleans and UTC times included."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from desktop.bulk import insert_rows
from desktop.models import Card, Volunteer

COLUMNS = (
    "name", "name_initials", "name_pinyin", "gender", "birth_date", "id_type", "id_number", "id_tail",
    "phone", "phone_tail", "skills", "political_status", "registered_on", "status", "consent_extra",
    "card_code", "notes", "station_id", "created_at", "updated_at",
)


def volunteer(i: int, when: datetime) -> dict:
    return {
        "name": f"志愿者{i}", "name_initials": "zyz", "name_pinyin": "zhiyuanzhe", "gender": "F" if i % 2 else "M",
        "birth_date": date(1980, 1, 1) + timedelta(days=i), "id_type": "passport", "id_number": f"E{i:08d}",
        "id_tail": f"{i:04d}"[-4:], "phone": f"139{i:08d}" if i % 3 else "", "phone_tail": f"{i:04d}"[-4:],
        "skills": "", "political_status": "", "registered_on": date(2024, 3, 1), "status": "active",
        "consent_extra": bool(i % 2), "card_code": f"ZYTEST{i:06d}", "station_id": None, "notes": "" if i % 4 else "备注",
        "created_at": when, "updated_at": when,
    }


def as_stored(s, codes: list[str]) -> list[tuple]:
    rows = s.execute(select(Volunteer).where(Volunteer.card_code.in_(codes)).order_by(Volunteer.card_code)).scalars()
    return [tuple(getattr(v, c) for c in COLUMNS) for v in rows]


def test_rows_read_back_the_same_as_core_executemany(db):
    when = datetime(2026, 11, 22, 8, 30, 15, 123456, tzinfo=timezone.utc)
    core = [volunteer(i, when) for i in range(1, 40)]
    mine = [volunteer(i, when) for i in range(100, 139)]
    with db.uow() as s:
        s.execute(insert(Volunteer.__table__), core)
        insert_rows(s, Volunteer.__table__, COLUMNS, [tuple(r[c] for c in COLUMNS) for r in mine])
    with db.reader() as s:
        via_core = as_stored(s, [r["card_code"] for r in core])
        via_bulk = as_stored(s, [r["card_code"] for r in mine])
    assert len(via_bulk) == len(mine) == len(via_core)
    expected = [tuple(r[c] for c in COLUMNS) for r in mine]
    assert via_bulk == expected
    # Stored exactly as Core stores them (the same text for a date, a UTC time, a boolean).
    raw = "SELECT birth_date, registered_on, consent_extra, created_at FROM volunteers WHERE card_code = ?"
    with db.reader() as s:
        conn = s.connection()
        for i in (1, 2):
            core_row = conn.exec_driver_sql(raw, (f"ZYTEST{i:06d}",)).one()
            bulk_row = conn.exec_driver_sql(raw, (f"ZYTEST{i + 100:06d}",)).one()
            assert core_row[2:] == bulk_row[2:]
            assert [type(v) for v in core_row] == [type(v) for v in bulk_row]


def test_columns_may_come_in_any_order(db):
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with db.uow() as s:
        row = volunteer(7, when)
        vid = s.execute(insert(Volunteer.__table__).returning(Volunteer.id), [row]).scalar_one()
        insert_rows(s, Card.__table__, ("issued_at", "code", "volunteer_id"), [(when, "ZYCARD000001", vid)])
    with db.reader() as s:
        card = s.scalars(select(Card).where(Card.code == "ZYCARD000001")).one()
        assert (card.volunteer_id, card.issued_at) == (vid, when)


def test_a_column_with_a_python_default_must_be_given(db):
    with db.uow() as s, pytest.raises(ValueError, match="Python defaults"):
        insert_rows(s, Card.__table__, ("code", "volunteer_id"), [("ZYCARD000002", 1)])


def test_a_failed_row_leaves_the_transaction_to_roll_back(db):
    when = datetime(2026, 1, 2, tzinfo=timezone.utc)
    rows = [tuple(volunteer(i, when)[c] for c in COLUMNS) for i in (1, 2)]
    rows.append(rows[0])  # the same card code twice
    with pytest.raises(Exception), db.uow() as s:
        insert_rows(s, Volunteer.__table__, COLUMNS, rows)
    with db.reader() as s:
        assert s.scalars(select(Volunteer.id)).all() == []
