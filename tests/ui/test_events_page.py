"""The Events page: the calendar and the list show the same events; the list opens the editor."""

from datetime import datetime, timedelta, timezone

from desktop.services import events
from desktop.services.permissions import SYSTEM


def test_calendar_and_list_share_events_and_the_editor(window, db, qtbot):
    start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    with db.uow() as s:
        events.create_event(s, SYSTEM, events.EventInput("敬老院探访", start, start + timedelta(hours=2)), status="published")
    page = window.show_page("events")
    assert page.views.count() == 2 and page.views.currentWidget() is page.calendar
    page.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page._open_row(page.model.index(0, 0))
    editor = page.calendar.editor
    assert editor is not None and editor.isVisible()
    editor.reject()


def test_selected_event_prints_its_sign_in_sheet(window, db, qtbot):
    start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    with db.uow() as s:
        events.create_event(s, SYSTEM, events.EventInput("政策宣讲进社区", start, start + timedelta(hours=2)), status="published")
    page = window.show_page("events")
    page.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.print_buttons["signin_sheet"].isEnabled()
    page.table.selectRow(0)
    assert page.print_buttons["signin_sheet"].isEnabled()
    task = page.print_selected("signin_sheet")
    assert task is not None
    assert window.current_page_key() == "printing"
    qtbot.waitUntil(lambda: not task.is_running(), timeout=20000)
