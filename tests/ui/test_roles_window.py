"""The window hides what a role cannot do, and follows a change of the person signed in."""

from desktop.services.permissions import SYSTEM, Actor
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session


def _titles(window):
    return [window.nav.item(r).text() for r in range(window.nav.count())]


def test_each_role_sees_its_pages(qtbot, db, ui_settings):
    operator = MainWindow(db, Actor(7, "op", "operator"), ui_settings)
    qtbot.addWidget(operator)
    assert _titles(operator) == ["Check-in"]
    assert operator.current_page_key() == "checkin"
    assert not operator.demo_action.isEnabled()
    coordinator = MainWindow(db, Actor(8, "co", "coordinator"), ui_settings)
    qtbot.addWidget(coordinator)
    assert "Settings" not in _titles(coordinator) and "Staff accounts" not in _titles(coordinator)
    assert "Printing" in _titles(coordinator) and "Points" in _titles(coordinator)


def test_switching_the_actor_rebuilds_pages_and_menus(qtbot, db, ui_settings):
    window = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(window)
    session = Session(window)
    window.show_page("settings")
    assert session.backups_action.isVisible() and not session.sign_out_action.isVisible()
    operator = Actor(9, "op", "operator")
    window.set_actor(operator)
    session.actor_changed(operator)
    assert _titles(window) == ["Check-in"] and window.created_pages() == ["checkin"]
    assert not session.backups_action.isVisible()
    assert session.sign_out_action.isVisible()
