"""The audit log service: filters in SQL, pages, export to csv/xlsx, refused to non-administrators."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.models import AuditEntry
from desktop.services import accounts, audit, auditlog, volunteers
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.permissions import Actor
from tests.helpers import add_volunteer


@pytest.fixture
def wang(db) -> Actor:
    with db.uow() as s:
        return accounts.create_first_admin(s, "wangfang", "王芳", "long enough")


@pytest.fixture
def li(db, wang) -> Actor:
    with db.uow() as s:
        account_id = accounts.create_account(s, wang, "lina", "李娜", "admin", "long enough")
    return Actor(account_id, "李娜", "admin")


def entries(db, n: int, actor: Actor) -> None:
    with db.uow() as s:
        for i in range(n):
            audit.record(s, actor, "update", "team", i, {"name": f"旧{i}"}, {"name": f"新{i}"})


def test_every_change_leaves_an_entry_with_before_and_after(db, admin):
    with db.uow() as s:
        vid = add_volunteer(s, "张三")
    with db.uow() as s:
        data = volunteers.get_volunteer(s, admin, vid, reveal=True).data
        data.skills = "书法"
        volunteers.update_volunteer(s, admin, vid, data)
    with db.reader() as s:
        rows = auditlog.list_entries(s, admin, auditlog.AuditQuery(entity="volunteer", entity_id=vid))
    assert [r.action for r in rows] == ["update", "reveal", "create"]  # newest first
    update = rows[0]
    assert update.before == {"skills": ""} and update.after == {"skills": "书法"}
    assert update.summary() == "skills:  → 书法" and update.actor_name == "system"


def test_filters_combine_in_sql(db, admin, wang, li):
    entries(db, 5, wang)
    entries(db, 3, li)
    with db.uow() as s:
        add_volunteer(s, "张三")
    with db.reader() as s:
        assert auditlog.count_entries(s, admin) == 11  # with the two accounts' creation
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(actor_name="李")) == 3
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(actor_id=wang.id)) == 7
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(entity="team", entity_id=2)) == 2
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(action="create", entity="volunteer")) == 1
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(text="新4")) == 1
        future = datetime.now(UTC) + timedelta(hours=1)
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(start=future)) == 0
        assert auditlog.count_entries(s, admin, auditlog.AuditQuery(end=future)) == 11
        with pytest.raises(ValidationError):
            auditlog.count_entries(s, admin, auditlog.AuditQuery(start=future, end=future - timedelta(days=1)))
        page = auditlog.list_entries(s, admin, auditlog.AuditQuery(entity="team", newest_first=False), 2, 3)
        assert [r.entity_id for r in page] == [2, 3, 4]
        actions, entities = auditlog.known_values(s, admin)
        assert entities == ["account", "team", "volunteer"] and "create" in actions


def test_only_administrators_read_the_log(db, coordinator, operator, tmp_path, wang):
    entries(db, 1, wang)
    for actor in (coordinator, operator):
        with db.reader() as s:
            with pytest.raises(PermissionDenied):
                auditlog.list_entries(s, actor)
            with pytest.raises(PermissionDenied):
                auditlog.count_entries(s, actor)
        with pytest.raises(PermissionDenied):
            auditlog.export_entries(db, actor, auditlog.AuditQuery(), tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


def test_export_csv_and_xlsx_and_the_export_is_recorded(db, admin, tmp_path, wang):
    entries(db, 12, wang)
    with db.uow() as s:
        audit.record(s, Actor(None, "=HYPERLINK(\"http://x\")", "admin"), "update", "team", 99)
    q = auditlog.AuditQuery(entity="team")
    assert auditlog.export_entries(db, admin, q, tmp_path / "log.csv") == 13
    with (tmp_path / "log.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 14 and rows[1][2].startswith("'=")  # a spreadsheet will not run it
    assert auditlog.export_entries(db, admin, q, tmp_path / "log.xlsx") == 13
    sheet = load_workbook(tmp_path / "log.xlsx").active
    values = list(sheet.values)
    assert values[0][0] == "No." and len(values) == 14
    assert values[2][6] == '{"name": "旧11"}' and values[2][7] == '{"name": "新11"}'
    with db.reader() as s:
        exports = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "export")).all()
    assert exports == ['{"file": "log.csv", "rows": 13}', '{"file": "log.xlsx", "rows": 13}']
    with pytest.raises(ValidationError):
        auditlog.export_entries(db, admin, q, tmp_path / "log.pdf")


def test_a_stopped_export_leaves_no_file(db, admin, tmp_path, monkeypatch, wang):
    monkeypatch.setattr(auditlog, "EXPORT_PAGE", 5)
    entries(db, 20, wang)
    calls = iter([False, False, True])
    with pytest.raises(auditlog.ExportCancelled):
        auditlog.export_entries(db, admin, auditlog.AuditQuery(), tmp_path / "log.csv", cancelled=lambda: next(calls))
    assert not list(tmp_path.glob("log.csv*"))
