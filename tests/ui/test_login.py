"""Accounts in the window: first administrator, sign-in with lock-out and forced password change,
the accounts page, the idle lock, the audit page and the backup dialog."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenuBar, QPushButton
from sqlalchemy import func, select

from desktop.models import AuditEntry, StaffAccount
from desktop.services import accounts, audit, backup, stations, volunteers
from desktop.services.permissions import SYSTEM, Actor
from desktop.ui.accounts.accounts_page import AccountsPage
from desktop.ui.accounts.first_admin_dialog import FirstAdminDialog
from desktop.ui.accounts.idle_lock import IdleLock
from desktop.ui.accounts.login_dialog import LoginDialog, sign_in_dialog
from desktop.ui.accounts.password_dialogs import ChangePasswordDialog
from desktop.ui.audit_page import AuditPage
from desktop.ui.backup_dialog import AutomaticBackups, BackupDialog
from desktop.ui.context import AppContext

PASSWORD = "correct horse"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None)


@pytest.fixture
def admin_actor(db) -> Actor:
    with db.uow() as s:
        return accounts.create_first_admin(s, "wangfang", "王芳", PASSWORD)


def add_account(db, admin, username, role="operator", password="first-pass", must_change=False) -> int:
    with db.uow() as s:
        return accounts.create_account(s, admin, username, username.title(), role, password,
                                       must_change_password=must_change)


# --- first start and sign-in ---------------------------------------------------------------


def test_a_new_file_starts_with_the_first_administrator(db, qtbot):
    dialog = sign_in_dialog(db)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, FirstAdminDialog)
    qtbot.keyClicks(dialog.username, "wangfang")
    dialog.display_name.setText("王芳")  # Chinese comes from an input method, not key presses
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, "something else")
    dialog.create()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_label("repeat").text() == "The two passwords differ."
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    dialog.create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.role == "admin" and dialog.actor.name == "王芳"
    again = sign_in_dialog(db)
    qtbot.addWidget(again)
    assert isinstance(again, LoginDialog)


def test_sign_in_shows_refusals_in_the_dialog_and_locks_after_five(db, qtbot, admin_actor):
    dialog = LoginDialog(db, "幸福社区新时代文明实践站")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "wangfang")
    for i in range(accounts.MAX_FAILED_ATTEMPTS):
        qtbot.keyClicks(dialog.password, f"wrong {i}")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.password.text() == ""  # cleared after each refusal
    assert "locked until" in dialog.sign_in_form.general.text()
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and "locked until" in dialog.sign_in_form.general.text()


def test_sign_in_gives_the_actor(db, qtbot, admin_actor):
    add_account(db, admin_actor, "zhao", "coordinator")
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ZHAO")
    qtbot.keyClicks(dialog.password, "first-pass")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.role == "coordinator" and dialog.actor.name == "Zhao"


def test_after_a_reset_the_person_chooses_a_password_before_getting_in(db, qtbot, admin_actor):
    add_account(db, admin_actor, "li", "operator", "temporary-1", must_change=True)
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "li")
    qtbot.keyClicks(dialog.password, "temporary-1")
    dialog.sign_in()
    assert dialog.steps.currentIndex() == 1 and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ok_button.text() == "Save and sign in"
    qtbot.keyClicks(dialog.new_password, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.choose_password()
    assert "at least 8" in dialog.change_form.error_label("password").text()
    dialog.new_password.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.new_password, "my own secret")
    qtbot.keyClicks(dialog.repeat, "my own secret")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor.role == "operator"
    with db.uow() as s:
        result = accounts.login(s, "li", "my own secret")
    assert result.ok and not result.must_change_password


def test_cancelling_the_forced_change_lets_nobody_in(db, qtbot, admin_actor):
    add_account(db, admin_actor, "li", "operator", "temporary-1", must_change=True)
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "li")
    qtbot.keyClicks(dialog.password, "temporary-1")
    dialog.sign_in()
    dialog.reject()
    assert dialog.actor is None


def test_change_password_dialog(db, qtbot, admin_actor):
    dialog = ChangePasswordDialog(db, admin_actor)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old_password, "not it")
    qtbot.keyClicks(dialog.new_password, "brand new pass")
    qtbot.keyClicks(dialog.repeat, "brand new pass")
    dialog.save()
    assert dialog.form.error_label("old_password").text() == "The current password is wrong."
    dialog.old_password.clear()
    qtbot.keyClicks(dialog.old_password, PASSWORD)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.uow() as s:
        assert accounts.login(s, "wangfang", "brand new pass").ok


# --- the accounts page -----------------------------------------------------------------------


def test_the_accounts_page_creates_disables_resets_and_unlocks(db, qtbot, admin_actor, ui_settings):
    page = AccountsPage(AppContext(db, admin_actor, ui_settings))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and page.header.subtitle.text() == "1 accounts"
    dialog = page.new_account()
    qtbot.keyClicks(dialog.username, "zhao")
    dialog.display_name.setText("赵强")
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    qtbot.keyClicks(dialog.password, "first-pass")
    qtbot.keyClicks(dialog.repeat, "first-pass")
    with qtbot.waitSignal(page.data_changed):
        dialog.save()
    assert page.model.rowCount() == 2
    row = page.selected()
    assert row.username == "zhao" and row.role == "coordinator" and row.must_change_password
    assert page.model.index(page.table.currentIndex().row(), 3).data() == "New password pending"

    assert page.toggle_active()
    assert not page.selected().active and page.active_button.text() == "Enable"
    with db.uow() as s:
        assert "disabled" in accounts.login(s, "zhao", "first-pass").message
    assert page.toggle_active() and page.selected().active

    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with db.uow() as s:
            accounts.login(s, "zhao", "wrong")
    page.refresh()
    assert page.selected().username == "zhao" and page.unlock_button.isEnabled()
    assert page.model.index(page.table.currentIndex().row(), 3).data().startswith("Locked until")
    assert page.unlock()
    assert not page.unlock_button.isEnabled()

    reset = page.reset_password()
    qtbot.keyClicks(reset.new_password, "temporary-9")
    qtbot.keyClicks(reset.repeat, "temporary-9")
    reset.save()
    assert reset.result() == QDialog.DialogCode.Accepted
    with db.uow() as s:
        result = accounts.login(s, "zhao", "temporary-9")
    assert result.ok and result.must_change_password


def test_the_accounts_page_shows_the_services_refusal(db, qtbot, admin_actor, ui_settings):
    page = AccountsPage(AppContext(db, admin_actor, ui_settings))
    qtbot.addWidget(page)
    page.select_account(admin_actor.id)
    assert not page.toggle_active()
    assert page.message.text() == "You cannot disable your own account."
    role = page.change_role()
    role.role.setCurrentIndex(role.role.findData("operator"))
    role.save()
    assert role.result() != QDialog.DialogCode.Accepted
    assert "at least one administrator" in role.form.general.text()


# --- the idle lock -------------------------------------------------------------------------------


class Host(QMainWindow):
    """A stand-in for the main window: a menu action and a button with personal data behind them."""

    def __init__(self) -> None:
        super().__init__()
        menu = QMenuBar(self)
        self.action = QAction("Export", self)
        menu.addAction(self.action)
        self.setMenuBar(menu)
        self.button = QPushButton("张三 11010519491231002X")
        self.setCentralWidget(self.button)
        self.resize(800, 500)


@pytest.fixture
def host(qtbot):
    window = Host()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_locks_when_idle_and_the_same_person_unlocks(db, qtbot, host, admin_actor):
    lock = IdleLock(host, db, lambda: admin_actor, 15, interval_ms=150)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.is_locked() and lock.overlay.geometry() == host.rect()
    assert not host.centralWidget().isEnabled() and not host.menuBar().isEnabled()
    assert "王芳" in lock.overlay.hint.text()
    qtbot.keyClicks(lock.overlay.password, "wrong")
    qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert lock.is_locked() and lock.overlay.message.text() == "Wrong user name or password."
    host.resize(900, 600)
    qtbot.waitUntil(lambda: lock.overlay.geometry() == host.rect())
    qtbot.keyClicks(lock.overlay.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked) as unlocked:
        qtbot.keyClick(lock.overlay.password, Qt.Key.Key_Return)
    assert unlocked.args == [admin_actor]
    assert not lock.is_locked() and host.centralWidget().isEnabled() and host.menuBar().isEnabled()
    assert lock.watcher.is_active()  # counting again
    with db.reader() as s:
        assert s.scalar(select(StaffAccount.failed_attempts).where(StaffAccount.id == admin_actor.id)) == 0


def test_activity_keeps_the_window_unlocked(db, qtbot, host, admin_actor):
    lock = IdleLock(host, db, lambda: admin_actor, 15, interval_ms=1500)
    for _ in range(25):
        qtbot.wait(100)  # a person typing every 0.1 s for longer than the idle time
        qtbot.keyClick(host.button, Qt.Key.Key_A)
    assert not lock.is_locked()
    qtbot.waitUntil(lock.is_locked, timeout=5000)


def test_someone_else_can_take_over_a_locked_window(db, qtbot, host, admin_actor):
    add_account(db, admin_actor, "zhao", "operator")
    lock = IdleLock(host, db, lambda: admin_actor, 15, interval_ms=60_000)
    lock.lock()
    lock.switch_user()
    assert lock.overlay.username.isVisibleTo(lock.overlay)
    qtbot.keyClicks(lock.overlay.username, "zhao")
    qtbot.keyClicks(lock.overlay.password, "first-pass")
    with qtbot.waitSignal(lock.user_changed) as changed:
        lock.try_unlock()
    assert changed.args[0].role == "operator" and not lock.is_locked()


def test_zero_minutes_never_locks(db, qtbot, host, admin_actor):
    lock = IdleLock(host, db, lambda: admin_actor, 0)
    assert not lock.watcher.is_active()
    lock.set_minutes(5)
    assert lock.watcher.is_active() and lock.watcher.interval() == 300_000


# --- the audit page ------------------------------------------------------------------------------


def _many_entries(db, n: int) -> None:
    with db.uow() as s:
        for i in range(n):
            audit.record(s, SYSTEM, "update", "volunteer", i, {"skills": ""}, {"skills": f"技能{i}"})
        stations.create_station(s, SYSTEM, "幸福社区")


def test_the_audit_page_pages_filters_and_shows_before_and_after(db, qtbot, ui_settings):
    _many_entries(db, 1000)
    page = AuditPage(AppContext(db, SYSTEM, ui_settings))
    qtbot.addWidget(page)
    model = page.model
    assert model.rowCount() == 1001 and model.cached_pages() == [0]  # one page read, not 1001 rows
    assert model.index(0, 2).data() == "Created" and model.index(0, 3).data() == "Station"
    assert model.index(1000, 5).data() == "Skills: — → 技能0"
    assert model.cached_pages() == [0, 5]
    page.entity.setCurrentIndex(page.entity.findData("station"))
    assert model.rowCount() == 1 and page.header.subtitle.text() == "1 entries"
    page.table.selectRow(0)
    assert "Station name: 幸福社区" in page.detail.toPlainText()
    page.entity.setCurrentIndex(0)
    page.search.setText("技能99")  # as an input method commits it
    page.search.returnPressed.emit()
    assert model.rowCount() == 11  # 技能99 and 技能990…999
    page.entity_id.setText("995")
    page.entity_id.editingFinished.emit()
    assert model.rowCount() == 1 and model.row_at(0).after == {"skills": "技能995"}


def test_the_audit_page_exports_what_it_shows(db, qtbot, ui_settings, tmp_path):
    _many_entries(db, 30)
    page = AuditPage(AppContext(db, SYSTEM, ui_settings))
    qtbot.addWidget(page)
    page.action.setCurrentIndex(page.action.findData("update"))
    out = tmp_path / "audit.csv"
    messages: list[str] = []
    page.status_message.connect(messages.append)
    task = page.export_to(out)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["No.", "Time", "Staff member", "Action"]
    assert len(rows) == 31 and {r[3] for r in rows[1:]} == {"Changed"}
    assert messages == [f"30 entries exported to {out}"]
    with db.reader() as s:
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "export")) == 1


# --- backups in the window -----------------------------------------------------------------------


def test_the_backup_dialog_backs_up_and_restores_after_asking(db, qtbot, admin_actor):
    with db.uow() as s:
        volunteers.add_volunteer(s, volunteers.VolunteerInput(
            "张三", id_type="passport", id_number="P0000001", registered_on=date(2024, 1, 1)))
    dialog = BackupDialog(db, admin_actor)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.back_up().finished, timeout=10_000):
        pass
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "Made by hand"
    assert dialog.message.text().startswith("Backup written to")
    saved = dialog.model.rows[0].path
    with db.uow() as s:
        volunteers.add_volunteer(s, volunteers.VolunteerInput(
            "李四", id_type="passport", id_number="P0000002", registered_on=date(2024, 1, 1)))
    with qtbot.waitSignal(dialog.check_candidate(saved).finished, timeout=10_000):
        pass
    assert dialog.confirm.isVisibleTo(dialog) and "1 volunteers" in dialog.confirm_text.text()
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as restored:
        dialog.restore()
    assert restored.args[0].kept is not None
    with db.reader() as s:
        assert volunteers.count_volunteers(s, volunteers.VolunteerQuery()) == 1
    kinds = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert kinds == {"Made by hand", "Replaced by a restore"}


def test_the_backup_dialog_says_why_a_file_is_refused(db, qtbot, admin_actor, tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    dialog = BackupDialog(db, admin_actor)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.check_candidate(bogus).finished, timeout=10_000):
        pass
    assert not dialog.confirm.isVisibleTo(dialog) and dialog.candidate is None
    assert "is not a StationDesk database" in dialog.message.text()


def test_the_backup_dialog_is_read_only_for_others(db, qtbot):
    dialog = BackupDialog(db, Actor(None, "协调员", "coordinator"))
    qtbot.addWidget(dialog)
    assert not dialog.backup_button.isEnabled() and not dialog.restore_file_button.isEnabled()


def test_automatic_backups_make_the_days_copy_once(db, qtbot):
    auto = AutomaticBackups(db)
    made: list = []
    auto.made.connect(made.append)
    with qtbot.waitSignal(auto.check().finished, timeout=10_000):
        pass
    with qtbot.waitSignal(auto.check().finished, timeout=10_000):
        pass
    assert len(made) == 1 and made[0].name.endswith("-daily.sqlite")
    assert [b.kind for b in backup.list_backups(db.path)] == ["daily"]
