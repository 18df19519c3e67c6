"""The audit log service: filters in SQL, pages, export to csv/xlsx, refused to non-administrators."""

from __future__ import annotations

import ast
import csv
import dataclasses
import json
import re
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from desktop import i18n
from desktop.config import SETTING_KEYS
from desktop.models import (
    CERTIFICATE_KINDS,
    CONFLICT_KINDS,
    ENROLMENT_STATUSES,
    EVENT_STATUSES,
    ID_TYPES,
    LIMIT_PERIODS,
    REVIEW_STATES,
    ROLES,
    ROUNDING_RULES,
    SERVICE_CATEGORIES,
    STATION_LEVELS,
    VOLUNTEER_STATUSES,
    AuditEntry,
    ServiceRecord,
    Volunteer,
)
from desktop.services import (
    accounts,
    audit,
    auditlog,
    backup,
    certificates,
    checkin,
    conflicts,
    enrolment,
    events,
    exporting,
    hours,
    importing,
    merge,
    points,
    points_history,
    series,
    settings,
    shop,
    stations,
    teams,
    templates,
    volunteers,
)
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor
from tests.helpers import add_volunteer, id_number, phone


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
    assert update.summary() == "Skills: — → 书法"
    assert update.actor_name == "system" and update.actor_text() == "System"


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
    assert rows[0][6:] == ["What changed", "Before (as stored)", "After (as stored)"]
    assert rows[2][6:] == ["Team name: 旧11 → 新11", '{"name": "旧11"}', '{"name": "新11"}']
    assert auditlog.export_entries(db, admin, q, tmp_path / "log.xlsx") == 13
    sheet = load_workbook(tmp_path / "log.xlsx").active
    values = list(sheet.values)
    assert values[0][0] == "No." and len(values) == 14
    assert values[2][6:] == ("Team name: 旧11 → 新11", '{"name": "旧11"}', '{"name": "新11"}')
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


# --- the log in words ----------------------------------------------------------------------------

SERVICES = Path(__file__).resolve().parent.parent / "desktop" / "services"


def _is_audit_record(node: ast.AST) -> bool:
    f = getattr(node, "func", None)
    return (
        isinstance(node, ast.Call) and isinstance(f, ast.Attribute) and f.attr == "record"
        and isinstance(f.value, ast.Name) and f.value.id == "audit"
    )


def _literal_keys(node: ast.AST, names: set[str]) -> set[str]:
    """String keys of every dict literal under `node`; the names it mentions go into `names`."""
    keys: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Dict):
            keys |= {k.value for k in sub.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        elif isinstance(sub, ast.Name):
            names.add(sub.id)
    return keys


def _class_fields(path: Path, name: str) -> list[str]:
    """A dataclass's fields read from its source (demo.py pulls in the whole generator)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and node.name == name:
            return [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    raise AssertionError(f"no class {name} in {path}")


def written_keys() -> tuple[dict[str, set[str]], int]:
    """Every key that the services' code puts into an audit entry's before/after values, read from
    the code: dict literals in `audit.record(...)` calls, in the variables passed to them (and keys
    set on those later), and in the `_snapshot` functions. Returns key -> where, and the calls seen."""
    found: dict[str, set[str]] = {}
    calls = 0
    for path in sorted(SERVICES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            where = f"{path.stem}.{fn.name}"
            if fn.name == "_snapshot":
                for key in _literal_keys(fn, set()):
                    found.setdefault(key, set()).add(where)
            names: set[str] = set()
            for call in (n for n in ast.walk(fn) if _is_audit_record(n)):
                calls += 1
                for arg in [*call.args[2:], *(kw.value for kw in call.keywords)]:
                    for key in _literal_keys(arg, names):
                        found.setdefault(key, set()).add(where)
            for sub in ast.walk(fn):
                if not isinstance(sub, ast.Assign):
                    continue
                for target in sub.targets:
                    if isinstance(target, ast.Name) and target.id in names:
                        for key in _literal_keys(sub.value, set()):
                            found.setdefault(key, set()).add(where)
                    elif (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                          and target.value.id in names and isinstance(target.slice, ast.Constant)):
                        found.setdefault(target.slice.value, set()).add(where)
    # Keys that come from a dataclass or a table rather than a literal.
    built = {
        "volunteers._snapshot": [f.name for f in dataclasses.fields(volunteers.VolunteerInput)],
        "events._snapshot / templates.fields": [f.name for f in dataclasses.fields(events.EventInput)],
        "hours.close_event_hours": [f.name for f in dataclasses.fields(hours.CloseResult)],
        "demo.generate": [name for name in _class_fields(SERVICES / "demo.py", "DemoResult") if name != "seconds"],
        "settings.update": list(SETTING_KEYS),
        "merge.merge_volunteers": [model.__tablename__ for model, _column in merge.FOLLOWING_TABLES],
        "importing.finish (updated)": list(importing._UPDATABLE),
    }
    for where, keys in built.items():
        for key in keys:
            found.setdefault(key, set()).add(where)
    return found, calls


def test_every_key_the_services_write_has_a_label():
    found, calls = written_keys()
    assert calls >= 70  # the scan really read the services' audit calls
    assert {"card_code", "locked_until", "volunteer_ids", "moved", "conflicts", "id_type", "star_thresholds"} <= set(found)
    missing = {key: sorted(where) for key, where in found.items() if key not in auditlog.FIELD_LABELS}
    assert not missing, f"keys written to the audit log without a label in auditlog.FIELD_LABELS: {missing}"
    assert auditlog.field_label("locked_until") == "Locked until"
    assert auditlog.field_label("from", "database") == "Restored from"
    assert auditlog.field_label("no_such_key") == "no_such_key"  # shown as it is, never hidden


ENUMS = [
    # (action, entity, key, every value the program stores, the service's table of English labels)
    ("update", "volunteer", "status", VOLUNTEER_STATUSES, volunteers.STATUS_LABELS),
    ("update", "volunteer", "gender", ("M", "F"), volunteers.GENDER_LABELS),
    ("update", "volunteer", "id_type", ID_TYPES, volunteers.ID_TYPE_LABELS),
    ("status", "event", "status", EVENT_STATUSES, events.STATUS_LABELS),
    ("walk_in", "event", "status", ENROLMENT_STATUSES, enrolment.STATUS_LABELS),
    ("role", "account", "role", ROLES, ROLE_LABELS),
    ("create", "team", "category", SERVICE_CATEGORIES, teams.CATEGORY_LABELS),
    ("create", "event", "category", SERVICE_CATEGORIES, teams.CATEGORY_LABELS),
    ("create", "station", "level", STATION_LEVELS, stations.LEVEL_LABELS),
    ("update", "settings", "station_level", STATION_LEVELS, stations.LEVEL_LABELS),
    ("update", "event", "rounding", ROUNDING_RULES, hours.ROUNDING_LABELS),
    ("approve", "service_record", "review_state", REVIEW_STATES, hours.STATE_LABELS),
    ("close", "event", "quality_rating", (1, 2, 3, 4), events.QUALITY_LABELS),
    ("update", "shop_item", "limit_period", LIMIT_PERIODS, shop.PERIOD_LABELS),
    ("manual_scan", "event", "direction", ("in", "out"), checkin.DIRECTION_LABELS),
    ("issue", "certificate", "kind", CERTIFICATE_KINDS, certificates.KIND_LABELS),
    ("override_conflicts", "event", "kind", CONFLICT_KINDS, conflicts.KIND_LABELS),
    ("export", "points", "list", ("balances", "history"), {"balances": "Points balances", "history": "Points entries"}),
    ("skip", "series", "outcome", ("deleted", "cancelled"), {"deleted": "Deleted", "cancelled": "Cancelled"}),
]


@pytest.mark.parametrize("action, entity, key, values, labels", ENUMS, ids=[f"{e[1]}.{e[2]}" for e in ENUMS])
def test_every_stored_code_reads_as_its_label(action, entity, key, values, labels):
    for value in values:
        assert value in labels, f"{entity}.{key}={value!r} has no label in the service's table"
        assert auditlog.format_value(action, entity, key, value) == labels[value]
        assert auditlog.code_labeller(action, entity, key)(value) == labels[value]
    assert auditlog.format_value(action, entity, key, "not_a_code") == "not_a_code"  # shown, never hidden


@pytest.fixture
def beijing(monkeypatch):
    """Local time UTC+8, so a time shown in UTC would be caught."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def row(action="update", entity="volunteer", before=None, after=None, actor_id=7, actor_name="王芳"):
    return auditlog.AuditRow(1, datetime.now(UTC), actor_id, actor_name, action, entity, 3, before or {}, after or {})


def test_values_in_words(beijing):
    fmt = auditlog.format_value
    assert fmt("disable", "account", "active", True) == "Yes" and fmt("disable", "account", "active", False) == "No"
    assert fmt("locked", "account", "locked_until", "2025-06-07 01:00:00.123456+00:00") == "2025-06-07 09:00"
    assert fmt("create", "event", "start_at", "2025-06-07T16:30:00+00:00") == "2025-06-08 00:30"
    assert fmt("create", "template", "start_time", "09:30:00") == "09:30"
    assert fmt("create", "volunteer", "birth_date", "1985-09-12") == "1985-09-12"
    assert fmt("create", "volunteer", "id_number", "220102198509120011") == "220102********0011"
    assert fmt("create", "volunteer", "phone", "13912345678") == "139****5678"
    assert fmt("update", "volunteer", "phone", "139****5678") == "139****5678"  # masked already
    assert fmt("create", "volunteer", "id_number", "E00000012") == "E0*****12"
    assert fmt("add_members", "team", "volunteer_ids", [3, 5]) == "No. 3, 5"
    assert fmt("add_members", "team", "volunteer_ids", list(range(1, 1001))) == "1000 volunteers"
    assert fmt("update", "settings", "star_thresholds", [100.0, 300.5]) == "100, 300.5"
    assert fmt("update", "settings", "category_weights", {"reading": 1.5}) == (
        "Reading promotion and parent-child reading: 1.5"
    )
    assert fmt("merge", "volunteer", "moved", {"scans": 3, "redemptions": 0}) == "Scans: 3; Redemptions: 0"
    assert fmt("import", "volunteer", "updated", {"4": {"phone": "1"}, "9": {"name": "李"}}) == "2 volunteer(s)"
    assert fmt("create", "volunteer", "skills", "") == "—" and fmt("withdraw", "event", "promoted", None) == "—"


def test_describe_lists_each_change_in_words(beijing):
    update = row(before={"phone": "13900000001", "skills": ""}, after={"phone": "13900000002", "skills": "书法"})
    assert auditlog.describe(update) == [("Phone", "139****0001", "139****0002"), ("Skills", "—", "书法")]
    assert update.summary() == "Phone: 139****0001 → 139****0002; Skills: — → 书法"
    # A new record: its fields in the form's order, blank ones left out.
    create = row("create", after={"status": "active", "skills": "", "name": "张三", "gender": "F"})
    assert auditlog.describe(create) == [("Name", "", "张三"), ("Gender", "", "Female"), ("Status", "", "Active")]
    assert create.summary() == "Name: 张三; Gender: Female; Status: Active"
    # A template keeps its event fields as JSON text: only the fields that changed are listed.
    template = row("update", "template",
                   before={"fields": json.dumps({"place": "图书室", "category": "reading", "capacity": 20})},
                   after={"fields": json.dumps({"place": "活动室", "category": "science", "capacity": 20})})
    assert auditlog.describe(template) == [
        ("Event details › Service category", "Reading promotion and parent-child reading", "Science popularisation"),
        ("Event details › Place", "图书室", "活动室"),
    ]
    # An import's changes per volunteer: listed in the detail, counted in the one-line summary.
    imported = row("import", "volunteer",
                   before={"updated": {"12": {"phone": "13900000001"}}},
                   after={"file": "花名册.xlsx", "rows": 2, "imported": 1, "volunteer_ids": [40],
                          "updated": {"12": {"phone": "13900000002"}}})
    assert auditlog.describe(imported) == [
        ("File", "", "花名册.xlsx"), ("Rows", "", "2"), ("Added", "", "1"),
        ("Updated › Volunteer No. 12 › Phone", "139****0001", "139****0002"), ("Volunteers", "", "No. 40"),
    ]
    assert imported.summary() == "File: 花名册.xlsx; Rows: 2; Added: 1; Updated: 1 volunteer(s); Volunteers: No. 40"
    enrol = row("enrol", "event", after={"enrolled": [1, 2], "waitlisted": [], "walk_in": False})
    assert enrol.summary() == "Enrolled volunteers: No. 1, 2; Walk-in: No"  # the empty waiting list says nothing
    gone = row("remove_members", "team", before={"volunteer_ids": [3]})
    assert gone.summary() == "Volunteers: No. 3 → —"
    assert row("reset_password", "account").summary() == "" and auditlog.describe(row()) == []


def test_a_big_import_is_listed_up_to_a_limit():
    before = {"updated": {str(i): {"phone": "13900000001"} for i in range(1, 251)}}
    after = {"updated": {str(i): {"phone": "13900000002"} for i in range(1, 251)}}
    rows = auditlog.describe(row("import", before=before, after=after))
    assert len(rows) == auditlog.DETAIL_RECORDS + 1
    assert rows[0][0] == "Updated › Volunteer No. 1 › Phone"
    assert rows[-1] == ("Updated", "", "150 more, not listed here")


def test_the_programs_own_actor_is_called_system(db, wang):
    with db.uow() as s:
        add_volunteer(s, "张三")  # made by SYSTEM, as the command line and the demo do
        audit.record(s, wang, "update", "team", 1, {"name": "甲"}, {"name": "乙"})
    with db.reader() as s:
        rows = auditlog.list_entries(s, wang)
        by_name = {r.actor_text(): r.actor_name for r in rows}
        assert by_name == {"System": "system", "王芳": "王芳"}
        assert {r.actor_text() for r in auditlog.list_entries(s, wang, auditlog.AuditQuery(actor_name="Sys"))} == {"System"}
        assert {r.actor_text() for r in auditlog.list_entries(s, wang, auditlog.AuditQuery(actor_name="王"))} == {"王芳"}
    assert auditlog.actor_label(None, "system") == "System"
    assert auditlog.actor_label(3, "system") == "system"  # a staff member who chose that name


def test_labels_come_from_the_catalog(monkeypatch):
    """Every label on screen is looked up in the translation catalog, in the labels' contexts."""
    fake = {("AuditLog", text): f"〈{text}〉" for text in [*auditlog.FIELD_LABELS.values(), "System", "Yes"]}
    fake[("Volunteers", "Female")] = "女"
    fake[("Common", ": ")] = "："
    monkeypatch.setattr(i18n, "catalog", lambda _language: fake)
    i18n.set_language("zh_CN")
    entry = row("create", after={"name": "张三", "gender": "F", "consent_extra": True}, actor_id=None, actor_name="system")
    assert entry.summary() == "〈Name〉：张三; 〈Gender〉：女; 〈Consented to more personal data〉：〈Yes〉"
    assert entry.actor_text() == "〈System〉"


# --- the services' real entries ------------------------------------------------------------------

START = datetime(2025, 6, 7, 1, 0, tzinfo=UTC)
END = START + timedelta(hours=3)


def station_day(db, tmp_path) -> dict:
    """A day at the station through the services: accounts, volunteers, an import, teams, events,
    check-in, hours, points, the shop, certificates, templates, series, clashes, a merge, exports."""
    monkey_hasher = accounts.HASHER
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        with db.uow() as s:
            wang = accounts.create_first_admin(s, "wangfang", "王芳", "long enough")
        with db.uow() as s:
            li = accounts.create_account(s, wang, "lina", "李娜", "coordinator", "long enough")
            accounts.set_role(s, wang, li, "operator")
            accounts.set_active(s, wang, li, False)
            accounts.set_active(s, wang, li, True)
            accounts.rename(s, wang, li, "李娜娜")
            accounts.reset_password(s, wang, li, "another long one")
        for _ in range(accounts.MAX_FAILED_ATTEMPTS):
            with db.uow() as s:
                accounts.login(s, "lina", "wrong password")
        with db.uow() as s:
            accounts.unlock(s, wang, li)
    finally:
        accounts.HASHER = monkey_hasher
    with db.uow() as s:
        stations.create_station(s, wang, "幸福社区", "station")
        settings.update(s, wang, points_per_hour=2.0, category_weights={"reading": 1.5}, station_level="centre",
                        star_thresholds=(10, 30, 60, 100, 150))
    people = {"zhang_id": id_number(), "zhang_phone": phone(), "new_phone": phone(), "import_phone": phone()}
    with db.uow() as s:
        zhang = add_volunteer(s, "张三", id_number=people["zhang_id"], phone=people["zhang_phone"])
        li_si = add_volunteer(s, "李四")
        twin = add_volunteer(s, "李四", id_type="passport", id_number="E12345678")
    with db.uow() as s:
        data = volunteers.get_volunteer(s, wang, zhang, reveal=True).data
        data.phone, data.skills, data.registered_on = people["new_phone"], "书法", date(2024, 3, 1)
        volunteers.update_volunteer(s, wang, zhang, data)
        volunteers.set_status(s, wang, li_si, "inactive")
        volunteers.set_status(s, wang, li_si, "active")
        volunteers.reissue_card(s, wang, zhang)
        merge.merge_volunteers(s, wang, li_si, twin)
    roster = tmp_path / "roster.xlsx"
    book = Workbook()
    book.active.append(["姓名", "性别", "身份证号", "联系电话", "所属队伍"])
    book.active.append(["王五", None, id_number(), phone(), "新队"])
    book.active.append(["张三", None, people["zhang_id"], people["import_phone"], None])
    book.save(roster)
    with db.uow() as s:
        importing.import_volunteers(s, wang, roster, importing.ImportOptions(update_existing=True))
    with db.uow() as s:
        tid = teams.create_team(s, wang, teams.TeamInput(name="书香阅读志愿队", category="reading"))
        teams.update_team(s, wang, tid, teams.TeamInput(name="书香阅读志愿队", category="reading", leader_id=zhang))
        teams.add_members(s, wang, tid, [li_si])
        teams.remove_members(s, wang, tid, [li_si])
    base = events.EventInput(title="亲子阅读", start_at=START, end_at=END, category="reading", team_id=tid,
                             place="图书室", capacity=1)
    with db.uow() as s:
        eid = events.create_event(s, wang, base, status="published")
        events.update_event(s, wang, eid, dataclasses.replace(base, capacity=2, rounding="none"))
        enrolment.enrol(s, wang, eid, [zhang])
        code = s.get(Volunteer, zhang).card_code
        checkin.process_scan(s, wang, eid, code, now=START - timedelta(minutes=5))
        checkin.process_scan(s, wang, eid, code, now=END + timedelta(minutes=5))
        checkin.manual_sign_in(s, wang, eid, li_si, now=START + timedelta(minutes=30))
        checkin.undo_last_scan(s, wang, eid)
        events.close_event(s, wang, eid, events.Closing(people_served=30, quality_rating=4, summary="顺利"),
                           now=END + timedelta(hours=1))
    with db.uow() as s:
        record_ids = list(s.scalars(select(ServiceRecord.id).where(ServiceRecord.event_id == eid)))
        hours.approve(s, wang, record_ids)
        hours.correct(s, wang, record_ids[0], 200, "签退晚了")
    with db.uow() as s:
        award = points.award(s, wang, zhang, 50, "好人好事")
        deduction = points.deduct(s, wang, zhang, 5, "误发")
        points.reverse(s, wang, deduction, "扣错了")
        assert award
        item = shop.create_item(s, wang, shop.ItemInput(name="洗衣液", price=10, unit="瓶"), opening_stock=20)
        shop.update_item(s, wang, item, shop.ItemInput(name="洗衣液", price=12, unit="瓶", limit_quantity=2,
                                                       limit_period="month"))
        shop.set_active(s, wang, item, False)
        shop.set_active(s, wang, item, True)
        shop.intake(s, wang, item, 5, "捐赠")
        shop.adjust(s, wang, item, -1, "破损")
        redemption = shop.redeem(s, wang, zhang, {item: 1})
        shop.cancel_redemption(s, wang, redemption.id, "退回")
    with db.uow() as s:
        cert = certificates.issue_service_certificate(s, wang, zhang)
        certificates.reprint(s, wang, cert)
        template = templates.create_template(s, wang, "阅读模板", base)
        templates.update_template(s, wang, template, "阅读模板", dataclasses.replace(base, place="活动室"))
        templates.create_from_template(s, wang, template, date(2025, 7, 1))
        templates.delete_template(s, wang, template)
        later = dataclasses.replace(base, start_at=START + timedelta(days=30), end_at=END + timedelta(days=30))
        made = series.create_series(s, wang, later, series.Rule(count=3))
        series.skip_occurrence(s, wang, made.event_ids[1])
        events.save_event(s, wang, dataclasses.replace(later, title="另一场"), override_reason="已协调场地")
    with db.uow() as s:
        exporting.export_volunteers(s, wang, volunteers.VolunteerQuery(status="active"), tmp_path / "v.xlsx")
        points_history.export_balances(s, wang, tmp_path / "p.csv")
    backup.backup_now(db, wang, tmp_path / "copy.sqlite")
    return people | {"zhang": zhang}


def _walk(action: str, entity: str, values: dict, parent: str = ""):
    """(key, value) for every key in an entry, nested ones included, as describe() reads them."""
    for key, value in values.items():
        if key == "fields" and isinstance(value, str):
            value = json.loads(value)
        if parent == "category_weights":
            continue  # keys are service categories, labelled by the category table
        if not str(key).isdigit():
            yield str(key), value
        if isinstance(value, dict):
            yield from _walk(action, entity, value, str(key))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from _walk(action, entity, item, str(key))


def test_the_services_entries_read_in_words(db, tmp_path, beijing):
    people = station_day(db, tmp_path)
    with db.reader() as s:
        rows = auditlog.list_entries(s, SYSTEM, limit=10_000)
    actions = {(r.entity, r.action) for r in rows}
    assert {("volunteer", "create"), ("volunteer", "update"), ("volunteer", "import"), ("account", "role"),
            ("redemption", "redeem"), ("account", "locked"), ("event", "override_conflicts"),
            ("series", "skip"), ("volunteer", "merge"), ("settings", "update"), ("points", "reverse"),
            ("event", "walk_in"), ("service_record", "correct"), ("template", "update")} <= actions
    assert len(actions) >= 45
    seen_keys: set[str] = set()
    codes_seen = 0
    for r in rows:
        for part in (r.before, r.after):
            for key, value in _walk(r.action, r.entity, part):
                seen_keys.add(key)
                assert key in auditlog.FIELD_LABELS, f"{r.entity}.{r.action} wrote {key!r}, which has no label"
                labeller = auditlog.code_labeller(r.action, r.entity, key)
                if labeller is not None and isinstance(value, str | int) and not isinstance(value, bool) and value != "":
                    codes_seen += 1
                    text = labeller(value)
                    assert text is not None and text != value, f"{r.entity}.{key}={value!r} is not a known code"
                    assert auditlog.format_value(r.action, r.entity, key, value) == text
        described = auditlog.describe(r)
        text = "\n".join([r.summary(), *(auditlog.change_text(*line) for line in described)])
        raw_keys = set(auditlog.FIELD_LABELS)
        for label, _before, _after in described:
            assert not set(label.split(" › ")) & raw_keys, f"{r.entity}.{r.action}: raw key in {label!r}"
        for secret in (people["zhang_id"], people["zhang_phone"], people["new_phone"], people["import_phone"]):
            assert secret not in text, f"{r.entity}.{r.action} shows unmasked personal data"
        assert not re.search(r"\d{2}:\d{2}:\d{2}|\+00:00|\bTrue\b|\bFalse\b|\bNone\b", text), text
    assert codes_seen >= 30
    assert {"status", "gender", "id_type", "role", "category", "rounding", "review_state", "quality_rating",
            "limit_period", "direction", "kind", "outcome", "level", "station_level", "list"} <= seen_keys
    with db.reader() as s:
        change = auditlog.list_entries(s, SYSTEM, auditlog.AuditQuery(action="role"))[0]
        assert change.summary() == "Role: Coordinator → Check-in operator"
        closed = auditlog.list_entries(s, SYSTEM, auditlog.AuditQuery(action="close"))[0]
        assert ("Quality evaluation", "—", "Excellent") in auditlog.describe(closed)
        status = auditlog.list_entries(s, SYSTEM, auditlog.AuditQuery(action="status", entity="volunteer"))
        assert {x.summary() for x in status} == {"Status: Active → Inactive", "Status: Inactive → Active"}
        lock = auditlog.list_entries(s, SYSTEM, auditlog.AuditQuery(action="locked"))[0]
        local = datetime.fromisoformat(lock.after["locked_until"]).astimezone().strftime("%Y-%m-%d %H:%M")
        assert lock.summary() == f"Locked until: {local}"
