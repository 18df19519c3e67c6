"""The check-in console through pytest-qt: scanner-speed and typing-speed keys, every outcome's
colour and sound, duplicates, undo, signing in by hand, walk-ins, kiosk mode, no camera."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
import shiboken6
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop import codes
from desktop.models import AuditEntry, Enrolment, Scan, Volunteer, utcnow
from desktop.services import accounts, checkin, enrolment, events, volunteers
from desktop.services.permissions import SYSTEM, Actor
from desktop.ui.app import open_checkin_console
from desktop.ui.checkin import camera, feedback
from desktop.ui.checkin.camera import CameraScanner
from desktop.ui.checkin.console import CheckinConsole
from desktop.ui.checkin.feedback import (
    COLOURS,
    DUPLICATE,
    NOTICE,
    READY,
    REFUSED,
    SIGNED_IN,
    SIGNED_OUT,
    Feedback,
    initial_of,
)
from desktop.ui.context import AppContext
from tests.helpers import add_volunteer, id_number, phone
from tests.ui.test_scanner_filter import SCANNER_GAP_MS, TYPING_GAP_MS, FakeClock, key, type_text

# No audio device here: Qt says so once when the first sound is loaded; the console stays silent.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService", "QSoundEffect")

PASSWORD = "entrance-2024"


def make_event(db, *, start: datetime | None = None, hours: float = 3, walk_ins: bool = True,
               status: str = "published", title: str = "敬老院陪伴服务") -> int:
    start = start or utcnow() - timedelta(minutes=30)
    with db.uow() as s:
        return events.create_event(
            s, SYSTEM,
            events.EventInput(title=title, place="幸福里养老院", start_at=start, end_at=start + timedelta(hours=hours),
                              allow_walk_ins=walk_ins),
            status=status,
        )


@pytest.fixture
def people(db) -> dict[str, tuple[int, str]]:
    """Three volunteers with cards: 王秀英 and 欧阳娜娜 will be enrolled, 李明 not."""
    out = {}
    with db.uow() as s:
        for name, tel in (("王秀英", "13912345678"), ("欧阳娜娜", "13987650002"), ("李明", "13955550003")):
            vid = add_volunteer(s, name, phone=tel)
            out[name] = (vid, s.scalar(select(Volunteer.card_code).where(Volunteer.id == vid)))
    return out


@pytest.fixture
def event_id(db, people) -> int:
    eid = make_event(db)
    with db.uow() as s:
        enrolment.enrol(s, SYSTEM, eid, [people["王秀英"][0], people["欧阳娜娜"][0]])
    return eid


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def no_camera(monkeypatch):
    """Whatever this machine has: no camera (the tests that want one fake it)."""
    monkeypatch.setattr(CameraScanner, "cameras", staticmethod(list))


def _unlock(console: CheckinConsole) -> None:
    """pytest-qt closes the test's widgets afterwards; a kiosk would refuse."""
    if shiboken6.isValid(console):
        console.kiosk = False


def open_console(qtbot, window, event_id, clock, actor: Actor | None = None) -> CheckinConsole:
    ctx = window.ctx if actor is None else AppContext(window.ctx.database, actor, window.ctx.settings)
    console = CheckinConsole(ctx, event_id, window, scanner_clock=clock)
    qtbot.addWidget(console, before_close_func=_unlock)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.panel)
    return console


@pytest.fixture
def console(qtbot, window, event_id, clock) -> CheckinConsole:
    return open_console(qtbot, window, event_id, clock)


def scan_keys(console: CheckinConsole, clock: FakeClock, text: str, gap_ms: float = SCANNER_GAP_MS) -> None:
    """What a USB scanner does: the code typed into whatever has focus, then Enter."""
    target = QApplication.focusWidget() or QApplication.activeWindow()  # Qt's choice, as for a keyboard
    assert target is not None
    type_text(target, text, gap_ms, clock)


def painted(console: CheckinConsole):
    return console.panel.grab().toImage().pixelColor(4, 4)


def scans(db, **where) -> list:
    """The scan log's rows as plain values (columns by name)."""
    table = Scan.__table__
    stmt = select(table).order_by(table.c.id)
    for column, value in where.items():
        stmt = stmt.where(table.c[column] == value)
    with db.reader() as s:
        return list(s.execute(stmt).all())


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M:%S")


# --- the scanner ---------------------------------------------------------------------------


def test_keys_at_scanner_speed_sign_in_and_turn_the_console_green(console, clock, people, db):
    vid, code = people["王秀英"]
    scan_keys(console, clock, code)
    assert console.panel.state == SIGNED_IN
    assert painted(console) == COLOURS[SIGNED_IN]
    assert console.panel.name.text() == "王秀英" and console.panel.word.text() == "Signed in"
    assert console.panel.badge.text() == "王"
    [row] = scans(db)
    assert (row.volunteer_id, row.direction, row.accepted, row.source) == (vid, "in", True, "scanner")
    assert console.tiles["in"].value.text() == "1" and console.tiles["enrolled"].value.text() == "2"
    assert console.recent.rowCount() == 1
    assert console.sounds.played == ["signed_in"]


def test_the_scan_is_committed_before_the_console_shows_it(console, clock, people, db):
    seen_in_file = []

    def look(_feedback: Feedback) -> None:
        # Another connection to the file, as a second console would have: the row must be there.
        with sqlite3.connect(db.path) as other:
            seen_in_file.append(other.execute("SELECT count(*) FROM scans WHERE accepted = 1").fetchone()[0])

    console.shown.connect(look)
    scan_keys(console, clock, people["王秀英"][1])
    assert seen_in_file == [1]


def test_keys_at_typing_speed_are_no_scan(console, clock, people, db):
    scan_keys(console, clock, people["王秀英"][1], gap_ms=TYPING_GAP_MS)
    assert scans(db) == []
    assert console.panel.state == READY
    assert painted(console) == COLOURS[READY]


def test_a_scan_into_a_focused_search_box_goes_to_the_console_and_leaves_the_box_empty(console, clock, people, qtbot, db):
    dialog = console.open_manual()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)
    scan_keys(console, clock, people["欧阳娜娜"][1])
    assert dialog.search.text() == ""
    assert console.panel.state == SIGNED_IN and console.panel.name.text() == "欧阳娜娜"
    assert [s.source for s in scans(db)] == ["scanner"]


def test_a_scan_made_while_the_main_window_has_the_focus_still_goes_to_the_console(console, window, clock, people, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == SIGNED_IN


def test_the_console_keeps_input_methods_away_from_the_scanner(console):
    assert not console.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert not console.panel.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert console.panel.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus
               for b in (console.manual_button, console.undo_button, console.kiosk_button))


# --- every outcome ------------------------------------------------------------------------


def _signed_in_earlier(db, code: str, minutes: int) -> None:
    with db.uow() as s:
        checkin.process_scan(s, SYSTEM, _event_of(s), code, now=utcnow() - timedelta(minutes=minutes))


def _event_of(s) -> int:
    from desktop.models import Event

    return s.scalar(select(func.max(Event.id)))


@pytest.mark.parametrize(
    "case, state, word",
    [
        ("sign_in", SIGNED_IN, "Signed in"),
        ("sign_out", SIGNED_OUT, "Signed out"),
        ("duplicate", DUPLICATE, "Repeat scan"),
        ("unknown", REFUSED, "Unknown card"),
        ("revoked", REFUSED, "Replaced card"),
        ("already_out", REFUSED, "Already signed out"),
        ("not_enrolled", REFUSED, "Not enrolled"),
        ("not_open", REFUSED, "Check-in not open"),
    ],
)
def test_every_outcome_has_its_colour_words_and_sound(case, state, word, qtbot, window, db, people, clock):
    vid, code = people["王秀英"]
    start = utcnow() - timedelta(minutes=30)
    if case == "not_open":
        start = utcnow() + timedelta(days=1)
    eid = make_event(db, start=start, walk_ins=case != "not_enrolled")
    if case != "not_enrolled":
        with db.uow() as s:
            enrolment.enrol(s, SYSTEM, eid, [vid])
    if case == "sign_out":
        _signed_in_earlier(db, code, 20)
    if case == "already_out":
        _signed_in_earlier(db, code, 25)
        _signed_in_earlier(db, code, 15)
    if case == "revoked":
        with db.uow() as s:
            volunteers.reissue_card(s, SYSTEM, vid)
    raw = "ZY7KQ3HX9MC2X" if case == "unknown" else code
    console = open_console(qtbot, window, eid, clock)
    if case == "duplicate":
        scan_keys(console, clock, raw)
    scan_keys(console, clock, raw)
    assert console.panel.state == state
    assert painted(console) == COLOURS[state]
    named = case != "unknown"
    assert console.panel.word.text() == word
    assert console.panel.name.text() == ("王秀英" if named else word)
    assert console.panel.detail.text() == console.last_outcome.message
    assert console.sounds.played[-1] == state
    assert scans(db, event_id=eid)[-1].accepted == (state in (SIGNED_IN, SIGNED_OUT))


def test_a_sign_out_shows_the_hours(console, clock, people, db):
    code = people["欧阳娜娜"][1]
    _signed_in_earlier(db, code, 20)  # 20 minutes, rounded down to the quarter hour
    scan_keys(console, clock, code)
    assert console.panel.state == SIGNED_OUT
    assert console.panel.figure.isVisible() and console.panel.figure.text() == "0.25 hours"
    assert "0.25 hours" in console.panel.detail.text()


def test_a_repeat_says_when_the_first_scan_was(console, clock, people, db):
    code = people["王秀英"][1]
    scan_keys(console, clock, code)
    first = console.last_outcome.scanned_at
    scan_keys(console, clock, code)
    assert console.panel.state == DUPLICATE
    assert f"already signed in at {local_time(first)}" in console.panel.detail.text()
    assert painted(console) == COLOURS[DUPLICATE]
    assert [(s.accepted, s.reason) for s in scans(db)] == [(True, ""), (False, "duplicate")]


def test_garbage_from_the_scanner_is_red_and_logged(console, clock, db):
    scan_keys(console, clock, "https://example.com/?q=1")
    assert console.panel.state == REFUSED
    [row] = scans(db)
    assert (row.accepted, row.reason, row.raw) == (False, "unknown_code", "https://example.com/?q=1")


def test_the_console_returns_to_ready_after_a_few_seconds(console, clock, people, qtbot, monkeypatch):
    assert feedback.HOLD_MS[SIGNED_IN] <= 5000 and feedback.HOLD_MS[REFUSED] <= 8000
    monkeypatch.setitem(feedback.HOLD_MS, SIGNED_IN, 30)
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == SIGNED_IN
    qtbot.waitUntil(lambda: console.panel.state == READY, timeout=2000)
    assert painted(console) == COLOURS[READY]


def test_a_scan_that_cannot_be_saved_is_red_and_says_why(console, clock, people, monkeypatch):
    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(checkin, "process_scan", broken)
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == REFUSED
    assert console.panel.name.text() == "Not saved"
    assert "disk I/O error" in console.panel.detail.text()


def test_the_photo_initial_is_the_surname():
    assert [initial_of(n) for n in ("王秀英", "欧阳娜娜", "John Smith", "", "李")] == ["王", "欧阳", "S", "?", "李"]


# --- the running list and the figures -----------------------------------------------------


def test_counters_and_the_latest_scans_follow_every_scan(console, clock, people, db):
    scan_keys(console, clock, people["王秀英"][1])
    scan_keys(console, clock, people["李明"][1])  # not enrolled: a walk-in
    _signed_in_earlier(db, people["欧阳娜娜"][1], 40)
    scan_keys(console, clock, people["欧阳娜娜"][1])  # signs out
    figures = {k: t.value.text() for k, t in console.tiles.items()}
    assert figures == {"enrolled": "3", "in": "2", "out": "1", "walk_ins": "1"}
    model = console.recent
    rows = [[model.index(r, c).data() for c in (1, 2, 3)] for r in range(model.rowCount())]
    assert rows == [  # newest first, in the order they were logged
        ["欧阳娜娜", "Signed out", "Scanner"],
        ["欧阳娜娜", "Signed in", "Scanner"],
        ["李明", "Signed in (walk-in)", "Scanner"],
        ["王秀英", "Signed in", "Scanner"],
    ]
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) == COLOURS[SIGNED_OUT]


# --- undo ---------------------------------------------------------------------------------


def test_undo_takes_back_the_last_scan_and_is_audited(console, clock, people, db):
    code = people["王秀英"][1]
    scan_keys(console, clock, code)
    console.undo_button.click()
    assert console.panel.state == NOTICE
    assert console.panel.detail.text() == "Undone: the sign-in of 王秀英."
    [row] = scans(db)
    assert row.undone
    assert console.tiles["in"].value.text() == "0"
    assert console.recent.index(0, 2).data() == "Signed in (undone)"
    with db.reader() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "scan")).all()
    assert actions == ["undo_scan"]
    scan_keys(console, clock, code)  # signs in again, not a repeat: the undone scan does not count
    assert console.panel.state == SIGNED_IN


def test_undo_with_nothing_to_undo_says_so(console):
    assert console.undo_last() is None
    assert console.panel.state == NOTICE and console.panel.detail.text() == "There is no scan to undo."


# --- by hand ------------------------------------------------------------------------------


def type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_signing_in_by_hand_finds_by_name_and_logs_manual(console, clock, people, qtbot, db):
    dialog = console.open_manual()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)
    type_chinese(dialog.search, "王秀英")
    clock.ms += TYPING_GAP_MS
    key(dialog.search, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert console.panel.state == SIGNED_IN and console.panel.name.text() == "王秀英"
    [row] = scans(db)
    assert (row.volunteer_id, row.source) == (people["王秀英"][0], "manual")


@pytest.mark.parametrize("text, name", [("oynn", "欧阳娜娜"), ("wxy", "王秀英"), ("0003", "李明"), ("欧阳", "欧阳娜娜")])
def test_the_search_takes_pinyin_initials_and_phone_tails(console, text, name):
    dialog = console.open_manual()
    dialog.model.update_query(search=text)
    assert dialog.model.total() == 1
    assert dialog.model.row_at(0).name == name
    assert dialog.sign_in_button.isEnabled()


def test_a_walk_in_is_registered_and_signed_in_in_one_go(console, people, db):
    dialog = console.open_walk_in("赵六")
    assert dialog.name.text() == "赵六"
    dialog.id_number.setText(id_number())
    dialog.phone.setText(phone())
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert console.panel.state == SIGNED_IN and console.panel.name.text() == "赵六"
    assert console.last_outcome.walk_in
    with db.reader() as s:
        vid = s.scalar(select(Volunteer.id).where(Volunteer.name == "赵六"))
        walk_in = s.scalar(select(Enrolment.walk_in).where(Enrolment.volunteer_id == vid))
    assert walk_in is True
    assert console.tiles["walk_ins"].value.text() == "1"


def test_a_walk_in_form_with_mistakes_saves_nothing(console, db):
    dialog = console.open_walk_in()
    dialog.name.setText("赵六")
    dialog.id_number.setText("123")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.form.error_label("id_number").isVisible()
    with db.reader() as s:
        assert s.scalar(select(func.count(Volunteer.id)).where(Volunteer.name == "赵六")) == 0
        assert s.scalar(select(func.count(Scan.id))) == 0
    assert console.panel.state == READY


def test_an_operator_scans_and_may_register_walk_ins(qtbot, window, event_id, clock, people):
    console = open_console(qtbot, window, event_id, clock, Actor(None, "operator", "operator"))
    assert console.walk_in_button.isEnabled()
    assert console.open_manual().walk_in_button.isEnabled()
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.panel)
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == SIGNED_IN


# --- kiosk mode ---------------------------------------------------------------------------


@pytest.fixture
def staff(db, monkeypatch) -> Actor:
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None)
    with db.uow() as s:
        return accounts.create_first_admin(s, "wangfang", "王芳", PASSWORD)


def test_leaving_kiosk_mode_needs_a_staff_password(console, window, staff, qtbot):
    assert console.enter_kiosk()
    assert console.isFullScreen()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert console.isVisible()
    assert not console.close()  # Alt+F4 at the entrance
    assert console.isVisible() and console.exit_panel.isVisible()
    panel = console.exit_panel
    panel.username.setText("wangfang")
    panel.password.setText("wrong password")
    assert not panel.try_leave()
    assert console.kiosk and panel.message.text() == "Wrong user name or password."
    panel.password.setText(PASSWORD)
    assert panel.try_leave()
    assert not console.kiosk and not console.isFullScreen()
    assert window.isVisible() and not panel.isVisible()
    console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # pytest-qt closes it again later
    assert console.close()


def test_kiosk_mode_is_refused_on_a_file_without_staff_accounts(console):
    assert not console.enter_kiosk()
    assert not console.kiosk and not console.isFullScreen()
    assert console.panel.state == NOTICE and "no staff accounts" in console.panel.detail.text()


def test_the_command_line_seam_opens_the_console_full_screen(window, event_id, staff, qtbot):
    open_checkin_console(window, event_id, fullscreen=True)
    [console] = window.findChildren(CheckinConsole)
    qtbot.addWidget(console, before_close_func=_unlock)
    assert console.kiosk and console.isFullScreen()
    open_checkin_console(window, event_id)  # again: the same console comes forward
    assert window.findChildren(CheckinConsole) == [console]
    assert f"Event No. {event_id}" in window.statusBar().currentMessage()


def test_an_unknown_event_is_a_message_not_a_console(window):
    open_checkin_console(window, 4242)
    assert window.findChildren(CheckinConsole) == []
    assert window.statusBar().currentMessage() == "No event with number 4242."


# --- the camera ---------------------------------------------------------------------------


def test_without_a_camera_the_console_says_so_and_scans_with_the_scanner(console, clock, people):
    assert not console.camera_panel.combo.isEnabled()
    assert console.camera_panel.note.text() == "No camera found. Scans come from the USB scanner."
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == SIGNED_IN


def test_without_qtmultimedia_the_console_gives_the_reason(qtbot, window, event_id, clock, monkeypatch):
    monkeypatch.setattr(camera, "multimedia_problem", lambda: "the camera module could not be loaded (libpulse)")
    console = open_console(qtbot, window, event_id, clock)
    assert not console.camera_panel.combo.isEnabled()
    assert "libpulse" in console.camera_panel.note.text() and "USB scanner works" in console.camera_panel.note.text()


def test_a_camera_that_fails_to_start_falls_back_to_the_scanner(qtbot, window, event_id, clock, people, monkeypatch):
    monkeypatch.setattr(CameraScanner, "cameras", staticmethod(lambda: [("cam0", "Fake camera")]))
    monkeypatch.setattr(CameraScanner, "start", lambda self, camera_id: "the device is busy")
    console = open_console(qtbot, window, event_id, clock)
    assert console.camera_panel.combo.isEnabled() and console.camera_panel.combo.itemText(1) == "Fake camera"
    console.camera_panel.choose(1)
    assert console.camera_panel.combo.currentIndex() == 0
    assert "the device is busy" in console.camera_panel.note.text()
    scan_keys(console, clock, people["王秀英"][1])
    assert console.panel.state == SIGNED_IN


def test_a_code_seen_by_the_camera_is_a_camera_scan(qtbot, window, event_id, clock, people, db, monkeypatch):
    monkeypatch.setattr(CameraScanner, "cameras", staticmethod(lambda: [("cam0", "Fake camera")]))
    monkeypatch.setattr(CameraScanner, "start", lambda self, camera_id: None)
    console = open_console(qtbot, window, event_id, clock)
    console.camera_panel.choose(1)
    assert window.ctx.settings.value("checkin/camera") == "cam0"
    console.camera_panel.scanner.code_seen.emit(people["王秀英"][1])
    assert console.panel.state == SIGNED_IN
    assert [s.source for s in scans(db)] == ["camera"]


# --- the card on the volunteer's record ---------------------------------------------------


@pytest.fixture
def detail_dialog(qtbot, window, people):
    from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

    dialog = VolunteerDetailDialog(window.ctx, people["王秀英"][0], window)
    qtbot.addWidget(dialog)
    return dialog


def test_the_record_shows_the_card_qr_that_the_camera_decoder_reads(detail_dialog, people):
    from desktop.ui.checkin.camera import decode_image

    code = people["王秀英"][1]
    assert decode_image(detail_dialog.card.qr.pixmap().toImage()) == [code]
    assert detail_dialog.card.code_label.text() == codes.pretty(code)
    assert detail_dialog.values["card_code"].text() == code


def test_the_card_can_be_copied_and_saved_as_an_image(detail_dialog, people, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.checkin.camera import decode_image

    code = people["王秀英"][1]
    detail_dialog.card.copy_button.click()
    assert decode_image(QApplication.clipboard().image()) == [code]
    target = tmp_path / "card"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PNG image (*.png)"))
    assert detail_dialog.card.save() == tmp_path / "card.png"
    assert decode_image(QImage(str(tmp_path / "card.png"))) == [code]


def test_reissuing_asks_first_and_revokes_the_old_card(detail_dialog, people, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    vid, old = people["王秀英"]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    detail_dialog.card.reissue_button.click()
    assert detail_dialog.card.code == old
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    detail_dialog.card.reissue_button.click()
    new = detail_dialog.card.code
    assert new != old and codes.is_valid(new)
    assert detail_dialog.values["card_code"].text() == new
    eid = make_event(db)
    with db.uow() as s:
        enrolment.enrol(s, SYSTEM, eid, [vid])
        assert checkin.process_scan(s, SYSTEM, eid, old).reason == "revoked_card"
        assert checkin.process_scan(s, SYSTEM, eid, new).accepted
        assert s.scalar(select(func.count()).where(AuditEntry.action == "reissue_card")) == 1


def test_an_operator_sees_the_card_but_cannot_reissue_it(qtbot, window, people):
    from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

    ctx = AppContext(window.ctx.database, Actor(None, "operator", "operator"), window.ctx.settings)
    dialog = VolunteerDetailDialog(ctx, people["李明"][0], window)
    qtbot.addWidget(dialog)
    assert dialog.card.copy_button.isEnabled() and not dialog.card.reissue_button.isEnabled()


# --- sounds -------------------------------------------------------------------------------


def test_four_short_distinct_sounds_are_shipped():
    import wave

    from desktop.config import resources_dir
    from desktop.ui.checkin.sounds import SOUND_FILES

    assert set(SOUND_FILES) == {SIGNED_IN, SIGNED_OUT, DUPLICATE, REFUSED}
    frames = set()
    for file in SOUND_FILES.values():
        path = resources_dir() / "sounds" / file
        assert path.stat().st_size < 16_000
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
            assert 0.1 < w.getnframes() / w.getframerate() < 0.5
            frames.add(w.readframes(w.getnframes()))
    assert len(frames) == 4


def test_sounds_never_fail_without_an_audio_device():
    from desktop.ui.checkin.sounds import SoundBoard

    board = SoundBoard()
    board.play(SIGNED_IN)  # loads: a machine without audio output stays silent
    assert board.played == [SIGNED_IN] and board.available is not None
    board.enabled = False
    board.play(REFUSED)
    assert board.played == [SIGNED_IN]
