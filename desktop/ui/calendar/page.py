"""The calendar ready to mount on the Events page: it opens the editor, makes new events, uses templates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import templates
from desktop.services.conflicts import ConflictItem, ConflictsFound
from desktop.services.errors import ServiceError
from desktop.services.permissions import Actor
from desktop.ui.calendar.calendar_widget import NEW_EVENT_HOUR, EventCalendar
from desktop.ui.conflicts_dialog import ConflictDialog
from desktop.ui.event_editor import EventEditor


class CalendarPage(QWidget):
    """Calendar + "New event" + "From template" (two clicks: open the menu, pick the project).

    Double-clicking an event opens it in the editor; `eventsChanged()` says something was saved,
    so other views (the list) can reload.
    """

    eventsChanged = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.editor: EventEditor | None = None
        self.ask_override: Callable[[QWidget, list[ConflictItem]], str | None] = ConflictDialog.ask
        self.calendar = EventCalendar(database, actor)
        self.new_button = QPushButton(self.tr("New event"))
        self.new_button.setObjectName("primaryButton")
        self.template_button = QPushButton(self.tr("From template"))
        self.template_menu = QMenu(self.template_button)
        self.template_button.setMenu(self.template_menu)
        self.template_menu.aboutToShow.connect(self._fill_templates)
        can_edit = actor.can("events.edit")
        self.new_button.setEnabled(can_edit)
        self.template_button.setEnabled(can_edit)
        self.calendar.actions.addWidget(self.template_button)
        self.calendar.actions.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

        self.new_button.clicked.connect(
            lambda: self.new_event(datetime.combine(self.calendar.selected_date(), time(NEW_EVENT_HOUR)))
        )
        self.calendar.eventActivated.connect(self.open_event)
        self.calendar.newEventRequested.connect(lambda start: self.new_event(start) if can_edit else None)
        self.calendar.eventsChanged.connect(self.eventsChanged)

    def reload(self) -> None:
        self.calendar.reload()

    def _editor(self, **kwargs) -> EventEditor:
        editor = EventEditor(self.database, self.actor, self, **kwargs)
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: self.calendar.reload())
        self.editor = editor
        editor.open()  # window-modal without blocking, so tests and the page keep running
        return editor

    def open_event(self, event_id: int) -> EventEditor:
        return self._editor(event_id=event_id)

    def new_event(self, start: datetime | None = None) -> EventEditor:
        return self._editor(start=start)

    def _saved(self, _event_id: int) -> None:
        self.calendar.reload()
        self.eventsChanged.emit()

    def _fill_templates(self) -> None:
        self.template_menu.clear()
        with self.database.reader() as s:
            rows = templates.list_templates(s)
        if not rows:
            empty = self.template_menu.addAction(self.tr("No templates yet: use “Save as template” in an event"))
            empty.setEnabled(False)
            return
        for r in rows:
            action = self.template_menu.addAction(f"{r.name}  ·  {r.start_time:%H:%M}")
            action.triggered.connect(lambda _checked=False, tid=r.id: self.create_from_template(tid))

    def create_from_template(self, template_id: int, day: date | None = None) -> int | None:
        """The second click: the event is made on the selected day and opened for a last look."""
        day = day or self.calendar.selected_date()
        reason: str | None = None
        while True:
            try:
                with self.database.uow() as s:
                    event_id = templates.create_from_template(s, self.actor, template_id, day, override_reason=reason)
                break
            except ConflictsFound as exc:
                reason = self.ask_override(self, exc.conflicts)
                if reason is None:
                    return None
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Cannot create the event"), str(exc))
                return None
        self._saved(event_id)
        self.open_event(event_id)
        return event_id
