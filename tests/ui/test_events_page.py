"""The Events page: the calendar and the list show the same events; the list opens the editor."""

from datetime import datetime, timedelta, timezone

from desktop.services import events
from desktop.services.permissions import SYSTEM


def test_calendar_and_list_share_events_and_the_editor(window, db, qtbot):
    start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    with db.uow() as s:
        eid = events.create_event(s, SYSTEM, events.EventInput("敬老院探访", start, start + timedelta(hours=2)), status="published")
    page = window.show_page("events")
    assert page.views.count() == 2 and page.views.currentWidget() is page.calendar
    page.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page._open_row(page.model.index(0, 0))
    editor = page.calendar.editor
    assert editor is not None and editor.isVisible()
    editor.reject()
