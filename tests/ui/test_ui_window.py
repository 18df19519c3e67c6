"""The main window through pytest-qt: pages, search, the new-volunteer form, the welcome, preferences."""

from __future__ import annotations

import sys
import types
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.idcard import IdNumberError, parse_resident_id
from desktop.services import events, settings, stations, volunteers
from desktop.services.events import EventInput
from desktop.services.permissions import SYSTEM
from desktop.ui import preferences
from desktop.ui.main_window import PAGE_KEYS, MainWindow
from tests.helpers import add_volunteer, id_number


def type_chinese(widget, text: str) -> None:
    """Chinese arrives from an input method as committed text, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_only_the_first_page_is_made_at_start(window):
    assert window.created_pages() == ["overview"]
    assert window.stack.currentWidget() is window.page("overview")
    assert window.actor is SYSTEM
    assert str(window.database.path) in window.db_label.text()


def test_every_sidebar_entry_shows_its_page(window, qtbot):
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Overview", "Volunteers", "Teams", "Events", "Hours review", "Check-in", "Points", "Printing", "Settings",
                      "Staff accounts", "Audit log"]
    for row, key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page is window.page(key) and page.isVisible()
        assert page.header.title.text() == titles[row]
        assert window.current_page_key() == key
    assert sorted(window.created_pages()) == sorted(PAGE_KEYS)


def test_overview_shows_this_years_figures(db, qtbot, ui_settings):
    with db.uow() as s:
        add_volunteer(s, "张三")
        add_volunteer(s, "李四")
    w = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(w)
    tiles = w.page("overview").tiles
    qtbot.waitUntil(lambda: tiles["volunteers"].value.text() == "2")
    assert tiles["service_hours"].value.text() == "0.0"
    assert tiles["teams"].value.text() == "0"


def test_search_filters_the_volunteer_view(window, db, qtbot):
    with db.uow() as s:
        for name in ("张三", "张小红", "李四", "王五"):
            add_volunteer(s, name)
    page = window.show_page("volunteers")
    view = page.table
    assert view.model().rowCount() == 4
    qtbot.keyClicks(page.search, "zs")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    assert view.model().index(0, 1).data() == "张三"
    assert page.header.subtitle.text() == "1 volunteers found"
    page.search.clear()
    qtbot.waitUntil(lambda: view.model().rowCount() == 4)
    type_chinese(page.search, "张")
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)


def test_status_filter(window, db, qtbot):
    with db.uow() as s:
        first = add_volunteer(s, "张三")
        add_volunteer(s, "李四")
        volunteers.set_status(s, SYSTEM, first, "inactive")
    page = window.show_page("volunteers")
    page.status.setCurrentIndex(page.status.findData("inactive"))
    assert page.model.rowCount() == 1 and page.model.id_at(0) == first
    page.status.setCurrentIndex(0)
    assert page.model.rowCount() == 2


def test_new_volunteer_form_shows_a_field_error_for_a_bad_id(window, db, qtbot):
    page = window.show_page("volunteers")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert dialog.isVisible()
    bad = "110101199001011235"
    with pytest.raises(IdNumberError) as expected:
        parse_resident_id(bad)
    type_chinese(dialog.name, "赵六")
    qtbot.keyClicks(dialog.id_number, bad)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.form.error_label("id_number")
    assert error.isVisible() and error.text() == str(expected.value)
    assert not dialog.form.error_label("name").isVisible()
    assert dialog.isVisible()
    with db.reader() as s:
        assert volunteers.count_volunteers(s, volunteers.VolunteerQuery()) == 0


def test_new_volunteer_form_registers_and_shows_the_volunteer(window, db, qtbot):
    page = window.show_page("volunteers")
    page.new_volunteer()
    dialog = page._dialog
    dialog.name.setText("赵六")
    dialog.id_number.setText(id_number())
    dialog.phone.setText("not a phone")
    dialog.save()
    assert dialog.form.error_label("phone").isVisible()
    dialog.phone.setText("13912345678")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert not dialog.form.error_label("phone").isVisible()
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "赵六"
    assert page.table.selectionModel().isRowSelected(0)
    assert "赵六" in window.statusBar().currentMessage()


def test_double_click_opens_the_volunteer_detail(window, db, qtbot):
    with db.uow() as s:
        vid = add_volunteer(s, "张三", skills="急救")
    page = window.show_page("volunteers")
    page.open_detail(page.model.index(0, 0))
    dialog = page._dialog
    assert dialog.isVisible() and dialog.name.text() == "张三"
    assert f"No. {vid}" in dialog.windowTitle()


def test_new_team_form(window, db, qtbot):
    page = window.show_page("teams")
    page.new_team()
    dialog = page._dialog
    dialog.save()
    assert dialog.form.error_label("name").isVisible()  # the service's message for an empty name
    dialog.name.setText("红马甲巡逻队")
    dialog.leader.setText("x")
    dialog.save()
    assert dialog.form.error_label("leader_id").isVisible()
    dialog.leader.setText("")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == "红马甲巡逻队"


def test_first_run_welcome_creates_the_station(window, db, qtbot):
    dialog = window.welcome_if_needed()
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # no name yet
    assert dialog.form.error_label("name").isVisible()
    dialog.name.setText("东风社区新时代文明实践站")
    dialog.level.setCurrentIndex(dialog.level.findData("institute"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "empty"
    with db.reader() as s:
        rows = stations.list_stations(s)
        current = settings.load(s)
    assert [(r.name, r.level) for r in rows] == [("东风社区新时代文明实践站", "institute")]
    assert (current.station_name, current.station_level) == ("东风社区新时代文明实践站", "institute")
    assert "东风社区新时代文明实践站" in window.windowTitle()
    assert window.welcome_if_needed() is None


def test_settings_page_saves_station_details(window, db, qtbot):
    page = window.show_page("settings")
    page.fields["station_name"].setText("西湖文明实践所")
    page.fields["person_in_charge"].setText("李建国")
    page.level.setCurrentIndex(page.level.findData("institute"))
    page.save()
    with db.reader() as s:
        current = settings.load(s)
    assert (current.station_name, current.person_in_charge, current.station_level) == (
        "西湖文明实践所", "李建国", "institute"
    )
    assert window.station_label.text() == "西湖文明实践所"
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert window.ctx.settings.value("ui/language") == "zh_CN"


def test_window_remembers_geometry_and_last_page(db, qtbot, ui_settings):
    first = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("teams")
    geometry = first.saveGeometry()
    first.close()
    # Stored as plain text (base64), never a pickled or binary object.
    assert isinstance(ui_settings.value("window/geometry"), str)
    assert preferences.geometry(ui_settings) == geometry
    second = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(second)
    assert second.current_page_key() == "teams"
    assert second.created_pages() == ["teams"]


def test_pages_made_stale_by_a_change_reload_on_their_next_visit(window, db, qtbot):
    volunteers_page = window.show_page("volunteers")
    overview = window.page("overview")
    qtbot.waitUntil(lambda: overview.tiles["volunteers"].value.text() == "0")
    volunteers_page.new_volunteer()
    dialog = volunteers_page._dialog
    dialog.name.setText("赵六")
    dialog.id_number.setText(id_number())
    dialog.save()
    assert overview.loading is not None and not overview.loading.is_running()
    assert overview.tiles["volunteers"].value.text() == "0"  # not reloaded while hidden
    window.show_page("overview")
    qtbot.waitUntil(lambda: overview.tiles["volunteers"].value.text() == "1")


def _event_today(db, title: str) -> int:
    start = datetime.now().astimezone().replace(minute=0, second=0, microsecond=0)
    with db.uow() as s:
        return events.create_event(
            s, SYSTEM, EventInput(title=title, start_at=start, end_at=start + timedelta(hours=1)), status="published"
        )


def test_checkin_page_lists_today_and_opens_the_console_seam(window, db, qtbot, monkeypatch):
    from desktop.ui import app as appmod

    opened = []
    monkeypatch.setattr(appmod, "open_checkin_console", lambda w, event_id, **kw: opened.append((w, event_id)))
    event_id = _event_today(db, "敬老院陪伴服务")
    page = window.show_page("checkin")
    assert page.model.rowCount() == 1
    assert page.open_button.isEnabled()  # the only event is preselected
    with qtbot.waitSignal(page.console_requested) as signal:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [event_id]
    assert opened == [(window, event_id)]  # through the one seam in app.py


def test_about_box_names_version_licence_and_file(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.update(title=title, text=text))
    window.about()
    assert "0.1.0" in shown["text"] and "General Public License" in shown["text"]
    assert str(window.database.path) in shown["text"]


@dataclass
class FakeDemoSize:
    volunteers: int = 0
    teams: int = 0
    events: int = 0
    scans: int = 0


@dataclass
class FakeDemoResult:
    volunteers: int
    teams: int = 0
    events: int = 0
    scans: int = 0
    seconds: float = 0.0
    open_event: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@pytest.fixture
def fake_demo(monkeypatch):
    """A stand-in for desktop.services.demo with its signature: it adds volunteers through services."""
    module = types.ModuleType("desktop.services.demo")
    calls = []

    def generate(db, size, seed, progress=None, cancelled=None):
        calls.append((size, seed))
        with db.uow() as s:
            for i in range(size.volunteers):
                if cancelled and cancelled():
                    break
                add_volunteer(s, f"示例{i}", registered_on=date(2024, 1, 1))
                if progress:
                    progress(i + 1, size.volunteers)
        return FakeDemoResult(volunteers=size.volunteers)

    module.DemoSize = FakeDemoSize
    module.generate = generate
    monkeypatch.setitem(sys.modules, "desktop.services.demo", module)
    # `from desktop.services import demo` reads the package attribute once the real one was imported.
    import desktop.services

    monkeypatch.setattr(desktop.services, "demo", module, raising=False)
    return calls


def test_load_demo_data_runs_in_the_background_and_refreshes(window, db, qtbot, fake_demo):
    page = window.show_page("volunteers")
    task = window.make_demo_data({"volunteers": 12, "teams": 0, "events": 0, "scans": 0}, 5)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert fake_demo == [(FakeDemoSize(12, 0, 0, 0), 5)]
    assert page.model.rowCount() == 12
    assert "12 volunteers" in window.statusBar().currentMessage()


def test_load_demo_data_with_the_real_generator(window, db, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    page = window.show_page("volunteers")
    task = window.make_demo_data({"volunteers": 40, "teams": 2, "events": 6, "scans": 60}, 3)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert page.model.rowCount() == 40
    assert "40 volunteers" in window.statusBar().currentMessage()
    with db.reader() as s:
        assert stations.list_stations(s)  # the demo made its district
    again = window.make_demo_data({"volunteers": 5, "teams": 0, "events": 0, "scans": 0}, 3)
    with qtbot.waitSignal(again.failed, timeout=60000) as failure:
        pass
    assert "already holds volunteers" in str(failure.args[0])
    assert warnings == [str(failure.args[0])]  # told in a message box, in the service's words


def test_new_volunteer_form_shows_every_problem_at_once(window, db, qtbot):
    page = window.show_page("volunteers")
    page.new_volunteer()
    dialog = page._dialog
    dialog.name.setText("赵六")
    dialog.id_number.setText("110101199001011235")
    dialog.birth_date.setText("1990-13-01")
    dialog.save()
    assert dialog.form.error_label("birth_date").text().startswith("Write the date as YYYY-MM-DD")
    assert dialog.form.error_label("id_number").isVisible()  # the service's check, shown too
    assert not dialog.form.error_label("name").isVisible()
    with db.reader() as s:
        assert volunteers.count_volunteers(s, volunteers.VolunteerQuery()) == 0


def test_import_roster_opens_the_import_dialog(window, db, qtbot, monkeypatch):
    from desktop.ui import import_dialog

    opened = []
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    page = window.show_page("volunteers")
    assert page.import_button.isEnabled()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].database is db and opened[0].actor is window.actor


def test_import_button_is_disabled_without_the_import_dialog(db, qtbot, ui_settings, monkeypatch):
    from desktop.ui.pages import volunteers as page_module

    monkeypatch.setattr(page_module, "IMPORT_DIALOG_MODULE", "desktop.ui.no_such_dialog")
    w = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(w)
    assert not w.page("volunteers").import_button.isEnabled()


def test_header_sorts_in_sql_and_ignores_columns_it_cannot_sort(window, db, qtbot):
    with db.uow() as s:
        for name in ("张三", "李四", "王五"):
            add_volunteer(s, name)
    page = window.show_page("volunteers")
    header = page.table.horizontalHeader()
    hours = page.model.column_number("hours")
    header.setSortIndicator(hours, Qt.SortOrder.DescendingOrder)
    assert header.sortIndicatorSection() == 0  # back on "No.", where the order really is
    assert page.model.query().sort == "id"
    header.setSortIndicator(page.model.column_number("name"), Qt.SortOrder.AscendingOrder)
    assert page.model.query().sort == "name"
    assert [page.model.index(r, 1).data() for r in range(3)] == ["李四", "王五", "张三"]  # by pinyin
