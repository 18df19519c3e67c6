"""Staff accounts and roles: first administrator, argon2, lock-out, passwords, and what each role
may do in every service (refused inside the service, not only hidden in the window)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text

from desktop.models import AuditEntry, ServiceRecord, StaffAccount, Volunteer
from desktop.services import (
    accounts,
    auditlog,
    backup,
    checkin,
    enrolment,
    events,
    exporting,
    hours,
    importing,
    settings,
    stations,
    teams,
    volunteers,
)
from desktop.services.errors import Conflict, PermissionDenied, ValidationError
from desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor
from tests.helpers import add_volunteer, id_number, phone

PASSWORD = "correct horse"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """argon2 at its real cost takes 0.1 s a check; most tests only need it to be argon2."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None)


def first_admin(db, username="wangfang", name="王芳") -> Actor:
    with db.uow() as s:
        return accounts.create_first_admin(s, username, name, PASSWORD)


def login(db, username, password, now=None) -> accounts.LoginResult:
    with db.uow() as s:
        return accounts.login(s, username, password, now=now)


def audit_actions(db, entity="account", entity_id=None) -> list[str]:
    with db.reader() as s:
        stmt = select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        if entity_id is not None:
            stmt = stmt.where(AuditEntry.entity_id == entity_id)
        return list(s.scalars(stmt))


# --- first start, hashing, login ---------------------------------------------------------


def test_a_new_file_asks_for_the_first_administrator_once(db):
    with db.reader() as s:
        assert accounts.needs_first_admin(s)
    actor = first_admin(db)
    assert actor.role == "admin" and actor.name == "王芳" and actor.id is not None
    with db.reader() as s:
        assert not accounts.needs_first_admin(s)
    with pytest.raises(Conflict), db.uow() as s:
        accounts.create_first_admin(s, "intruder", "Someone", PASSWORD)
    with db.reader() as s:
        assert s.scalar(select(func.count(StaffAccount.id))) == 1
    assert audit_actions(db) == ["create"]


def test_passwords_are_stored_as_argon2id_hashes_only(db, monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher())  # the real cost, as shipped
    first_admin(db)
    with db.reader() as s:
        stored = s.scalar(select(StaffAccount.password_hash))
        trail = " ".join(s.scalars(select(AuditEntry.after)))
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in stored and PASSWORD not in trail and "argon2" not in trail
    assert login(db, "wangfang", PASSWORD).ok


def test_first_admin_input_is_checked(db):
    with pytest.raises(ValidationError) as err, db.uow() as s:
        accounts.create_first_admin(s, "", "", "short")
    assert set(err.value.fields) == {"username", "display_name", "password"}
    with pytest.raises(ValidationError) as err, db.uow() as s:
        accounts.create_first_admin(s, "wangfang", "王芳", "WangFang")
    assert "user name" in err.value.fields["password"]


def test_login_gives_an_actor_with_the_accounts_role(db):
    admin = first_admin(db)
    with db.uow() as s:
        accounts.create_account(s, admin, "li.na", "李娜", "operator", "operator-pass", must_change_password=False)
    result = login(db, "li.na", "operator-pass")
    assert result.ok and result.actor.role == "operator" and result.actor.name == "李娜"
    assert not result.must_change_password
    assert result.actor.can("checkin.scan") and not result.actor.can("hours.review")
    # Full-width and capitals typed by an IME still find the account.
    assert login(db, " ＬＩ.ＮＡ ", "operator-pass").ok
    with db.reader() as s:
        account = s.get(StaffAccount, result.actor.id)
        assert account.last_login_at is not None and account.failed_attempts == 0


def test_unknown_name_and_wrong_password_give_the_same_answer(db):
    first_admin(db)
    unknown = login(db, "nobody", PASSWORD)
    wrong = login(db, "wangfang", "not the password")
    assert not unknown.ok and not wrong.ok
    assert unknown.message == wrong.message == "Wrong user name or password."


# --- lock-out ----------------------------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_account_for_a_while(db):
    first_admin(db)
    t0 = datetime(2025, 3, 1, 2, 0, tzinfo=UTC)
    messages = [login(db, "wangfang", f"guess {i}", now=t0 + timedelta(seconds=i)).message
                for i in range(accounts.MAX_FAILED_ATTEMPTS)]
    assert "2 more wrong tries" in messages[-3] and "1 more wrong tries" in messages[-2]
    assert "locked until" in messages[-1]
    with db.reader() as s:
        account = s.scalar(select(StaffAccount))
        assert account.locked_until == t0 + timedelta(seconds=4) + accounts.LOCKOUT
    # Even the right password is refused while locked (and does not reset the lock).
    during = login(db, "wangfang", PASSWORD, now=t0 + timedelta(minutes=5))
    assert not during.ok and "locked until" in during.message
    after = login(db, "wangfang", PASSWORD, now=t0 + accounts.LOCKOUT + timedelta(minutes=1))
    assert after.ok
    assert audit_actions(db) == ["create", "locked", "login"]


def test_failures_are_counted_even_though_the_login_was_refused(db):
    """A refusal is a result, not an exception, so the unit of work commits the count."""
    first_admin(db)
    login(db, "wangfang", "wrong")
    login(db, "wangfang", "wrong")
    with db.reader() as s:
        assert s.scalar(select(StaffAccount.failed_attempts)) == 2
    assert login(db, "wangfang", PASSWORD).ok
    with db.reader() as s:
        assert s.scalar(select(StaffAccount.failed_attempts)) == 0


def test_an_administrator_unlocks_a_locked_account(db):
    admin = first_admin(db)
    with db.uow() as s:
        op_id = accounts.create_account(s, admin, "zhao", "赵强", "operator", "operator-pass")
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        login(db, "zhao", "wrong")
    assert not login(db, "zhao", "operator-pass").ok
    with db.reader() as s:
        assert accounts.get_account(s, admin, op_id).locked()
    with db.uow() as s:
        accounts.unlock(s, admin, op_id)
    assert login(db, "zhao", "operator-pass").ok
    assert audit_actions(db, entity_id=op_id) == ["create", "locked", "unlock", "login"]


def test_the_idle_lock_asks_the_same_person_with_the_same_lock_out(db):
    admin = first_admin(db)
    with db.uow() as s:
        assert not accounts.unlock_session(s, admin, "wrong").ok
    with db.uow() as s:
        again = accounts.unlock_session(s, admin, PASSWORD)
    assert again.ok and again.actor == admin


# --- managing accounts -------------------------------------------------------------------


def test_reset_password_forces_a_change_at_next_login(db):
    admin = first_admin(db)
    with db.uow() as s:
        cid = accounts.create_account(s, admin, "chen", "陈静", "coordinator", "initial-pass")
    first = login(db, "chen", "initial-pass")
    assert first.ok and first.must_change_password  # an administrator knows the first password
    with pytest.raises(ValidationError) as err, db.uow() as s:
        accounts.change_password(s, first.actor, "not-it", "chosen-by-chen")
    assert "old_password" in err.value.fields
    with pytest.raises(ValidationError), db.uow() as s:
        accounts.change_password(s, first.actor, "initial-pass", "short")
    with db.uow() as s:
        accounts.change_password(s, first.actor, "initial-pass", "chosen-by-chen")
    second = login(db, "chen", "chosen-by-chen")
    assert second.ok and not second.must_change_password
    assert not login(db, "chen", "initial-pass").ok
    with db.uow() as s:
        accounts.reset_password(s, admin, cid, "temporary-1")
    third = login(db, "chen", "temporary-1")
    assert third.ok and third.must_change_password
    assert audit_actions(db, entity_id=cid) == [
        "create", "login", "change_password", "login", "reset_password", "login",
    ]


def test_disabled_accounts_cannot_log_in_and_the_last_administrator_stays(db):
    admin = first_admin(db)
    with db.uow() as s:
        cid = accounts.create_account(s, admin, "chen", "陈静", "coordinator", "initial-pass")
    with db.uow() as s:
        accounts.set_active(s, admin, cid, False)
    refused = login(db, "chen", "initial-pass")
    assert not refused.ok and "disabled" in refused.message
    with pytest.raises(Conflict), db.uow() as s:
        accounts.set_active(s, admin, admin.id, False)
    with pytest.raises(Conflict), db.uow() as s:
        accounts.set_role(s, admin, admin.id, "coordinator")
    # With a second administrator the first may step down.
    with db.uow() as s:
        accounts.set_active(s, admin, cid, True)
        accounts.set_role(s, admin, cid, "admin")
    with db.uow() as s:
        accounts.set_role(s, admin, admin.id, "coordinator")
    with db.reader() as s:
        rows = {r.username: r for r in accounts.list_accounts(s, SYSTEM)}
    assert rows["chen"].role == "admin" and rows["chen"].active
    assert rows["wangfang"].role == "coordinator"
    assert audit_actions(db, entity_id=cid) == ["create", "disable", "enable", "role"]
    with db.reader() as s:
        change = s.execute(
            select(AuditEntry.before, AuditEntry.after, AuditEntry.actor_name, AuditEntry.actor_id)
            .where(AuditEntry.action == "role", AuditEntry.entity_id == cid)
        ).one()
    assert json.loads(change.before) == {"role": "coordinator"} and json.loads(change.after) == {"role": "admin"}
    assert change.actor_name == "王芳" and change.actor_id == admin.id


def test_user_names_are_unique_whatever_the_case(db):
    admin = first_admin(db)
    with pytest.raises(ValidationError) as err, db.uow() as s:
        accounts.create_account(s, admin, "WANGFANG", "另一个王芳", "operator", "whatever-1")
    assert "taken" in err.value.fields["username"]


def test_old_hashes_are_upgraded_at_login(db, monkeypatch):
    first_admin(db)
    with db.reader() as s:
        old = s.scalar(select(StaffAccount.password_hash))
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    assert login(db, "wangfang", PASSWORD).ok
    with db.reader() as s:
        new = s.scalar(select(StaffAccount.password_hash))
    assert new != old and "m=2048,t=2" in new
    assert login(db, "wangfang", PASSWORD).ok


# --- what each role may do, enforced in the services -------------------------------------


@dataclass
class World:
    volunteer: int
    other_volunteer: int
    team: int
    event: int
    record: int
    roster: object
    tmp: object
    db: object


@pytest.fixture
def world(db, tmp_path) -> World:
    with db.uow() as s:
        vid = add_volunteer(s, "张三")
        other = add_volunteer(s, "李四")
        tid = teams.create_team(s, SYSTEM, teams.TeamInput("敬老服务队", "elderly_disability"))
        start = datetime.now(UTC) - timedelta(minutes=30)
        eid = events.create_event(
            s, SYSTEM, events.EventInput("读书会", start, start + timedelta(hours=2)), status="published"
        )
        enrolment.enrol(s, SYSTEM, eid, [vid])
        rec = ServiceRecord(event_id=eid, volunteer_id=vid, minutes=90, review_state="pending")
        s.add(rec)
        s.flush()
        rid = rec.id
    roster = tmp_path / "roster.csv"
    roster.write_text(f"姓名,身份证号,手机号\n王五,{id_number(date(1990, 1, 2))},{phone()}\n", encoding="utf-8")
    return World(vid, other, tid, eid, rid, roster, tmp_path, db)


def _volunteer_input(s, w: World, **changes):
    detail = volunteers.get_volunteer(s, SYSTEM, w.volunteer, reveal=True)
    data = detail.data
    for k, v in changes.items():
        setattr(data, k, v)
    return data


def _retitle_event(s, a, w: World):
    data, _status = events.get_event(s, w.event)
    data.title = "读书会（改）"
    return events.update_event(s, a, w.event, data)


ALL = {"admin", "coordinator", "operator"}
STAFF = {"admin", "coordinator"}
ADMIN = {"admin"}

# (name, roles allowed, the call, the (action, entity) it must leave in the audit log or None)
OPERATIONS: list[tuple[str, set[str], Callable, tuple[str, str] | None]] = [
    ("register a volunteer", STAFF,
     lambda s, a, w: volunteers.create_volunteer(s, a, volunteers.VolunteerInput("赵六", id_number(date(1970, 5, 5)))),
     ("create", "volunteer")),
    ("edit a volunteer", STAFF,
     lambda s, a, w: volunteers.update_volunteer(s, a, w.volunteer, _volunteer_input(s, w, skills="书法")),
     ("update", "volunteer")),
    ("deactivate a volunteer", STAFF,
     lambda s, a, w: volunteers.set_status(s, a, w.other_volunteer, "inactive"), ("status", "volunteer")),
    ("reissue a card", STAFF,
     lambda s, a, w: volunteers.reissue_card(s, a, w.volunteer), ("reissue_card", "volunteer")),
    ("see a volunteer masked", ALL,
     lambda s, a, w: volunteers.get_volunteer(s, a, w.volunteer), None),
    ("see full ID and phone", ADMIN,
     lambda s, a, w: volunteers.get_volunteer(s, a, w.volunteer, reveal=True), ("reveal", "volunteer")),
    ("create a team", STAFF,
     lambda s, a, w: teams.create_team(s, a, teams.TeamInput("环保志愿队", "environment")), ("create", "team")),
    ("edit a team", STAFF,
     lambda s, a, w: teams.update_team(s, a, w.team, teams.TeamInput("敬老助残服务队", "elderly_disability")),
     ("update", "team")),
    ("add team members", STAFF,
     lambda s, a, w: teams.add_members(s, a, w.team, [w.volunteer]), ("add_members", "team")),
    ("create an event", STAFF,
     lambda s, a, w: events.create_event(s, a, events.EventInput(
         "环保行动", datetime(2030, 1, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, 3, tzinfo=UTC))),
     ("create", "event")),
    ("change an event", STAFF, lambda s, a, w: _retitle_event(s, a, w), ("update", "event")),
    ("cancel an event", STAFF,
     lambda s, a, w: events.change_status(s, a, w.event, "cancelled"), ("status", "event")),
    ("enrol volunteers", STAFF,
     lambda s, a, w: enrolment.enrol(s, a, w.event, [w.other_volunteer]), ("enrol", "event")),
    ("withdraw a volunteer", STAFF,
     lambda s, a, w: enrolment.withdraw(s, a, w.event, w.volunteer), ("withdraw", "event")),
    ("scan a card", ALL,
     lambda s, a, w: checkin.process_scan(s, a, w.event, s.get(Volunteer, w.volunteer).card_code), None),
    ("sign in by hand", ALL,
     lambda s, a, w: checkin.manual_sign_in(s, a, w.event, w.volunteer), ("manual_scan", "event")),
    ("approve hours", STAFF,
     lambda s, a, w: hours.approve(s, a, [w.record]), ("approve", "service_record")),
    ("correct hours", STAFF,
     lambda s, a, w: hours.correct(s, a, w.record, 120, "签到机故障，按纸质签到表补记"), ("correct", "service_record")),
    ("import a roster", STAFF,
     lambda s, a, w: importing.import_volunteers(s, a, w.roster), ("import", "volunteer")),
    ("export volunteers masked", STAFF,
     lambda s, a, w: exporting.export_volunteers(s, a, volunteers.VolunteerQuery(), w.tmp / "v.csv"),
     ("export", "volunteer")),
    ("export full ID numbers", ADMIN,
     lambda s, a, w: exporting.export_volunteers(s, a, volunteers.VolunteerQuery(), w.tmp / "v.csv", full=True),
     ("export", "volunteer")),
    ("change settings", ADMIN,
     lambda s, a, w: settings.update(s, a, backups_kept=7), ("update", "settings")),
    ("add a station", ADMIN,
     lambda s, a, w: stations.create_station(s, a, "幸福社区新时代文明实践站"), ("create", "station")),
    ("create a staff account", ADMIN,
     lambda s, a, w: accounts.create_account(s, a, "newbie", "新同事", "operator", "welcome-1"), ("create", "account")),
    ("list staff accounts", ADMIN, lambda s, a, w: accounts.list_accounts(s, a), None),
    ("read the audit log", ADMIN, lambda s, a, w: auditlog.list_entries(s, a), None),
    ("export the audit log", ADMIN,
     lambda s, a, w: auditlog.export_entries(w.db, a, auditlog.AuditQuery(), w.tmp / "audit.csv"), ("export", "audit_log")),
]

# These take the database and open their own units of work (they read long and write briefly).
OWN_TRANSACTIONS = {"export the audit log"}

ROLE_ACTORS = {
    "admin": Actor(None, "管理员", "admin"),
    "coordinator": Actor(None, "协调员", "coordinator"),
    "operator": Actor(None, "签到员", "operator"),
}


def _audit_count(s) -> int:
    return s.scalar(select(func.count(AuditEntry.id)))


@pytest.mark.parametrize("role", sorted(ALL))
@pytest.mark.parametrize("name,allowed,call,trail", OPERATIONS, ids=[o[0] for o in OPERATIONS])
def test_each_role_may_do_only_its_own_work(db, world, role, name, allowed, call, trail):
    actor = ROLE_ACTORS[role]
    with db.reader() as s:
        audit_before = _audit_count(s)
    if role in allowed:
        if name in OWN_TRANSACTIONS:
            call(None, actor, world)
        else:
            with db.uow() as s:
                call(s, actor, world)
        if trail is not None:
            with db.reader() as s:
                entries = s.execute(
                    select(AuditEntry.action, AuditEntry.entity, AuditEntry.actor_name)
                    .where(AuditEntry.id > 0).order_by(AuditEntry.id).offset(audit_before)
                ).all()
            assert (trail[0], trail[1], actor.name) in entries, entries
    else:
        with pytest.raises(PermissionDenied) as err:
            if name in OWN_TRANSACTIONS:
                call(None, actor, world)
            else:
                with db.uow() as s:
                    call(s, actor, world)
        # The refusal names the role in words (English here), not its code.
        assert f"({ROLE_LABELS[actor.role]})" in str(err.value)
        with db.reader() as s:
            assert _audit_count(s) == audit_before  # nothing was written, not even half


def test_the_window_and_the_services_agree_on_each_role():
    """The window hides by actor.can(); the table above is what the services enforce."""
    for name, allowed, _call, _trail in OPERATIONS:
        assert allowed <= ALL, name
    op = ROLE_ACTORS["operator"]
    assert not op.can("hours.review") and not op.can("reveal_personal") and not op.can("export")
    assert op.can("checkin.scan") and op.can("checkin.manual")
    co = ROLE_ACTORS["coordinator"]
    assert co.can("hours.review") and co.can("printing") and co.can("shop")
    assert not co.can("settings") and not co.can("accounts") and not co.can("backup")
    assert not co.can("audit.view") and not co.can("reveal_personal")


def test_backup_and_restore_are_for_administrators(db, tmp_path, coordinator, operator):
    for actor in (coordinator, operator):
        with pytest.raises(PermissionDenied):
            backup.backup_now(db, actor, tmp_path / "b.sqlite")
        with pytest.raises(PermissionDenied):
            backup.restore(db.path, tmp_path / "b.sqlite", actor)
    assert not (tmp_path / "b.sqlite").exists()


def test_nobody_can_edit_the_audit_log_even_with_sql(db, admin):
    with db.uow() as s:
        stations.create_station(s, admin, "站")
    for statement in ("UPDATE audit_log SET actor_name = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="audit log cannot be changed"), db.uow() as s:
            s.execute(text(statement))
    with db.reader() as s:
        assert s.scalars(select(AuditEntry.actor_name)).all() == ["system"]
