"""The event editor: every field of a service record, check-in settings, status (allowed changes
only), repeating, the volunteers, and closing the event. Conflicts are shown before saving."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.models import SERVICE_CATEGORIES
from desktop.services import events, series, stations, teams, templates
from desktop.services.conflicts import ConflictItem, ConflictsFound
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.events import EventDetail, EventInput
from desktop.services.permissions import Actor
from desktop.services.series import Rule
from desktop.ui.conflicts_dialog import ConflictDialog
from desktop.ui.enrolment_panel import EnrolmentPanel
from desktop.ui.event_editor_checkin import CHECKIN_FIELDS, CheckinSettings
from desktop.ui.event_editor_closing import CLOSING_FIELDS, ClosingSection
from desktop.ui.event_editor_fields import (
    from_qdatetime,
    lay_out_tab,
    set_current_data,
    text_box,
    to_date,
    to_qdatetime,
)
from desktop.ui.event_editor_repeat import REPEAT_FIELDS, RepeatSection
from desktop.ui.forms import ErrorForm

__all__ = ["EventEditor", "from_qdatetime", "to_date", "to_qdatetime"]

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
DEFAULT_LENGTH = timedelta(hours=2)

# Which tab shows each field, so a refused save opens the tab with the first problem.
EVENT_FIELDS = ("title", "category", "station_id", "team_id", "place", "start_at", "end_at", "capacity", "status")
RECORD_FIELDS = ("service_content", "beneficiaries", "leader_name", "recorder_name", "description")


class EventEditor(QDialog):
    """New: `EventEditor(db, actor, parent, start=...)`. Existing: `event_id=...`.
    Emits `saved(event_id)` after each save (the first event's id for a new series)."""

    saved = Signal(int)

    def __init__(
        self,
        database: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        event_id: int | None = None,
        start: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.event_id: int | None = None
        self.detail: EventDetail | None = None
        self.series_info: series.SeriesInfo | None = None
        # Hooks the tests replace; in the window they are modal questions.
        self.ask_override: Callable[[QWidget, list[ConflictItem]], str | None] = ConflictDialog.ask
        self.choose_scope: Callable[[], str | None] = self._ask_scope
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.confirm: Callable[[str], bool] = self._confirm

        self.setWindowTitle(self.tr("Event"))
        self.setMinimumSize(820, 640)
        self._build()
        if event_id is not None:
            self.load_event(event_id)
        else:
            self.new_event(start)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("dialogTitle")
        self.status_note = QLabel()
        self.status_note.setObjectName("pageSubtitle")
        self.template_combo = QComboBox()
        self.template_combo.setMinimumWidth(200)
        head = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.status_note)
        head.addLayout(text, 1)
        self.template_label = QLabel(self.tr("Start from a template"))
        head.addWidget(self.template_label)
        head.addWidget(self.template_combo)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._event_tab(), self.tr("Event"))
        self.tabs.addTab(self._record_tab(), self.tr("Service record"))
        self.checkin = CheckinSettings()
        self.tabs.addTab(self.checkin, self.tr("Check-in"))
        self.repeat_section = RepeatSection()
        self.repeat_section.changed.connect(self._preview)
        self.tabs.addTab(self.repeat_section, self.tr("Repeat"))
        self.enrolment = EnrolmentPanel(self.database, self.actor)
        self.enrolment.setContentsMargins(12, 10, 12, 6)
        self.tabs.addTab(self.enrolment, self.tr("Volunteers"))
        self.closing = ClosingSection()
        self.closing.close_event_button.clicked.connect(self.close_event)
        self.tabs.addTab(self.closing, self.tr("Closing"))
        self._name_tab_fields()

        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.template_button = QPushButton(self.tr("Save as template…"))
        self.skip_button = QPushButton(self.tr("Skip this date"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.template_button.clicked.connect(self.save_as_template)
        self.skip_button.clicked.connect(self.skip_date)
        self.template_combo.activated.connect(self._template_chosen)
        self.enrolment.changed.connect(lambda: self.saved.emit(self.event_id) if self.event_id else None)

    def _event_tab(self) -> QWidget:
        page = QWidget()
        self.event_form = form = ErrorForm()
        self.title_edit = form.add_field("title", self.tr("Title"), QLineEdit())
        self.title_edit.setPlaceholderText(self.tr("e.g. Parent-child reading hour"))
        self.category = QComboBox()
        for key in SERVICE_CATEGORIES:
            self.category.addItem(teams.category_label(key), key)
        form.add_field("category", self.tr("Service category"), self.category)
        self.station = QComboBox()
        form.add_field("station_id", self.tr("Station"), self.station)
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.add_field("team_id", self.tr("Organising team"), self.team)
        self.place = form.add_field("place", self.tr("Place"), QLineEdit())
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
        form.add_field("start_at", self.tr("Starts"), self.start)
        form.add_field("end_at", self.tr("Ends"), self.end)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        form.add_field("capacity", self.tr("Places"), self.capacity,
                       self.tr("Past this number volunteers join a waiting list."))
        self.status = QComboBox()
        form.add_field("status", self.tr("Status"), self.status)
        self._last_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)
        lay_out_tab(page, form)
        return page

    def _record_tab(self) -> QWidget:
        page = QWidget()
        self.record_form = form = ErrorForm()
        self.service_content = form.add_field("service_content", self.tr("Service content"), text_box(72))
        self.beneficiaries = form.add_field("beneficiaries", self.tr("Beneficiaries"), QLineEdit())
        self.beneficiaries.setPlaceholderText(self.tr("e.g. elderly people living alone in the community"))
        self.leader_name = form.add_field("leader_name", self.tr("Activity leader"), QLineEdit())
        self.recorder_name = form.add_field("recorder_name", self.tr("Recorder"), QLineEdit())
        self.description = form.add_field("description", self.tr("Description"), text_box(96))
        lay_out_tab(page, form)
        return page

    def _name_tab_fields(self) -> None:
        """The tabs' fields under the editor's own names, where the window and the tests reach them."""
        checkin, repeat, closing = self.checkin, self.repeat_section, self.closing
        self.checkin_form = checkin.form
        self.walk_ins, self.signin_opens, self.duplicate_window = checkin.walk_ins, checkin.signin_opens, checkin.duplicate_window
        self.rounding, self.hours_cap = checkin.rounding, checkin.hours_cap
        self.repeat_form, self.repeat_note, self.repeat, self.preview = repeat.form, repeat.note, repeat.repeat, repeat.preview
        self.frequency, self.interval, self.weekday_boxes = repeat.frequency, repeat.interval, repeat.weekday_boxes
        self.monthly_mode, self.until_radio, self.until = repeat.monthly_mode, repeat.until_radio, repeat.until
        self.count_radio, self.count = repeat.count_radio, repeat.count
        self.closing_form, self.closing_note = closing.form, closing.note
        self.people_served, self.quality, self.summary = closing.people_served, closing.quality, closing.summary
        self.close_event_button = closing.close_event_button

    # --- loading -------------------------------------------------------------------------

    def _fill_choices(self, station_id: int | None, team_id: int | None) -> None:
        with self.database.reader() as s:
            station_rows = stations.list_stations(s)
            team_rows = teams.list_teams(s, teams.TeamQuery(), 0, 5000)
            template_rows = templates.list_templates(s)
            home = stations.home_station_id(s)
        self.station.clear()
        self.station.addItem(self.tr("—"), None)
        for r in station_rows:
            self.station.addItem(r.name, r.id)
        set_current_data(self.station, station_id if station_id is not None else (home if self.event_id is None else None))
        self.team.clear()
        self.team.addItem(self.tr("— none —"), None)
        for r in team_rows:
            self.team.addItem(r.name, r.id)
        set_current_data(self.team, team_id)
        completer = self.team.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.template_combo.clear()
        self.template_combo.addItem(self.tr("— none —"), None)
        for r in template_rows:
            self.template_combo.addItem(r.name, r.id)

    def new_event(self, start: datetime | None = None) -> None:
        """Empty form for a new event starting at `start` (naive local or aware)."""
        self.event_id = None
        self.detail = None
        self.series_info = None
        if start is None:
            now = datetime.now()
            start = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
        start = start.astimezone() if start.tzinfo is None else start
        data = EventInput(title="", start_at=start, end_at=start + DEFAULT_LENGTH, recorder_name=self.actor.name
                          if self.actor.id is not None else "")
        self._fill_choices(None, None)
        self._show(data)
        self._set_statuses("draft", ("draft", "published"))
        self.repeat.setChecked(False)
        self.repeat_section.reset(start.astimezone().date())
        self.closing.clear()
        self._refresh_state()

    def load_event(self, event_id: int) -> None:
        with self.database.reader() as s:
            self.detail = detail = events.get_event_detail(s, event_id)
            self.series_info = series.get_series(s, detail.series_id) if detail.series_id else None
        self.event_id = event_id
        self._fill_choices(detail.data.station_id, detail.data.team_id)
        self._show(detail.data)
        options = (detail.status, *[s for s in events.allowed_statuses(detail.status) if s != "finished"])
        self._set_statuses(detail.status, options)
        self.closing.fill(detail.closing)
        if self.series_info is not None:
            info = self.series_info
            self.repeat_section.load(info.first_date, info.rule)
        else:
            self.repeat_section.reset(detail.data.start_at.astimezone().date())
        self.enrolment.set_event(event_id)
        self._refresh_state()

    def _show(self, data: EventInput) -> None:
        self.title_edit.setText(data.title)
        set_current_data(self.category, data.category)
        self.place.setText(data.place)
        self.start.blockSignals(True)
        self.start.setDateTime(to_qdatetime(data.start_at))
        self.start.blockSignals(False)
        self._last_start = self.start.dateTime()
        self.end.setDateTime(to_qdatetime(data.end_at))
        self.capacity.setValue(data.capacity)
        self.service_content.setPlainText(data.service_content)
        self.beneficiaries.setText(data.beneficiaries)
        self.leader_name.setText(data.leader_name)
        self.recorder_name.setText(data.recorder_name)
        self.description.setPlainText(data.description)
        self.checkin.fill(data)
        if data.team_id is not None:
            set_current_data(self.team, data.team_id)
        if data.station_id is not None:
            set_current_data(self.station, data.station_id)

    def _set_statuses(self, current: str, options) -> None:
        self.status.clear()
        for status in dict.fromkeys(options):
            self.status.addItem(events.status_label(status), status)
        set_current_data(self.status, current)

    def _refresh_state(self) -> None:
        """Titles, notes and what may be changed, for a new, open, finished or cancelled event."""
        new = self.event_id is None
        detail = self.detail
        can_edit = self.actor.can("events.edit")
        editable = can_edit and (new or (detail is not None and detail.editable))
        self.heading.setText(self.tr("New event") if new else self.title_edit.text())
        if new:
            self.status_note.setText(self.tr("Not saved yet"))
        else:
            note = events.status_label(detail.status)
            if self.series_info is not None:
                note += " · " + self.series_info.describe()
            self.status_note.setText(note)
        for widget in (self.title_edit, self.category, self.station, self.team, self.place, self.start, self.end,
                       self.capacity, self.service_content, self.beneficiaries, self.leader_name, self.recorder_name,
                       self.description, *self.checkin.fields()):
            widget.setEnabled(editable)
        self.status.setEnabled(can_edit and self.status.count() > 1)
        self.save_button.setEnabled(can_edit and (editable or self.status.count() > 1))
        self.template_label.setVisible(new)
        self.template_combo.setVisible(new)
        self.template_button.setEnabled(can_edit)
        in_series = self.series_info is not None
        self.skip_button.setVisible(in_series)
        self.skip_button.setEnabled(can_edit and detail is not None and detail.status in series.PLANNED)
        self.repeat_section.show_state(new, self.series_info, editable)
        self.tabs.setTabEnabled(4, not new)
        self.closing.show_state(detail, can_edit)
        self._preview()

    # --- repeat rule ---------------------------------------------------------------------

    def rule(self) -> Rule:
        return self.repeat_section.rule()

    def _rule_changed(self) -> bool:
        return self.series_info is not None and self.repeat_section.rule_changed()

    def _preview(self) -> None:
        active = (self.event_id is None and self.repeat.isChecked()) or self.series_info is not None
        self.repeat_section.show_preview(from_qdatetime(self.start.dateTime()).date(), active)

    def _start_moved(self, value: QDateTime) -> None:
        # The end moves with the start, so the length stays what it was.
        shift = self._last_start.secsTo(value)
        self._last_start = value
        self.end.setDateTime(self.end.dateTime().addSecs(shift))
        self.repeat_section.follow_start(from_qdatetime(value).date(), self.event_id is None)
        self._preview()

    # --- collecting and saving -----------------------------------------------------------

    def collect(self) -> EventInput:
        return EventInput(
            title=self.title_edit.text(),
            start_at=from_qdatetime(self.start.dateTime()),
            end_at=from_qdatetime(self.end.dateTime()),
            category=self.category.currentData(),
            station_id=self.station.currentData(),
            team_id=self._team_id(),
            place=self.place.text(),
            capacity=self.capacity.value(),
            service_content=self.service_content.toPlainText().strip(),
            beneficiaries=self.beneficiaries.text(),
            leader_name=self.leader_name.text(),
            recorder_name=self.recorder_name.text(),
            description=self.description.toPlainText().strip(),
            **self.checkin.values(),
        )

    @staticmethod
    def _normalised(data: EventInput) -> EventInput:
        """The stored values as the form gives them back (local times to the minute, text trimmed)."""
        return dataclasses.replace(
            data,
            start_at=data.start_at.astimezone().replace(second=0, microsecond=0),
            end_at=data.end_at.astimezone().replace(second=0, microsecond=0),
            service_content=data.service_content.strip(),
            description=data.description.strip(),
        )

    def _team_id(self) -> int | None:
        # A typed name that matches no team counts as no team rather than the last one chosen.
        index = self.team.findText(self.team.currentText())
        return self.team.itemData(index) if index >= 0 else None

    def _clear_errors(self) -> None:
        self.message.hide()
        for form in (self.event_form, self.record_form, self.checkin_form, self.repeat_form, self.closing_form):
            form.clear_errors()

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        placed = False
        for tab, form, keys in (
            (0, self.event_form, EVENT_FIELDS),
            (1, self.record_form, RECORD_FIELDS),
            (2, self.checkin_form, CHECKIN_FIELDS),
            (3, self.repeat_form, REPEAT_FIELDS),
            (5, self.closing_form, CLOSING_FIELDS),
        ):
            mine = {k: v for k, v in errors.items() if k in keys}
            if mine:
                form.show_errors(mine)
                if not placed:
                    self.tabs.setCurrentIndex(tab)
                    placed = True
        rest = [v for k, v in errors.items() if not any(k in keys for keys in (
            EVENT_FIELDS, RECORD_FIELDS, CHECKIN_FIELDS, REPEAT_FIELDS, CLOSING_FIELDS))]
        if rest:
            self._show_message("\n".join(rest))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _run(self, action: Callable[[object, str | None], object]) -> object | None:
        """One unit of work; conflicts are shown and, with a reason, the save is tried again."""
        reason: str | None = None
        self._clear_errors()
        while True:
            try:
                with self.database.uow() as s:
                    return action(s, reason)
            except ConflictsFound as exc:
                reason = self.ask_override(self, exc.conflicts)
                if reason is None:
                    self._show_message(str(exc))
                    return None
            except ValidationError as exc:
                self._show_errors(exc.fields)
                return None
            except ServiceError as exc:
                self._show_message(str(exc))
                return None

    def save(self) -> bool:
        """Save the form. A new event stays open on the Volunteers tab; an edit closes the dialog."""
        data = self.collect()
        new_status = self.status.currentData()
        if self.event_id is None:
            repeat = self.repeat.isChecked()
            rule = self.rule()

            def create(s, reason):
                if repeat:
                    return series.create_series(s, self.actor, data, rule, status=new_status,
                                                override_reason=reason).event_ids[0]
                return events.save_event(s, self.actor, data, status=new_status, override_reason=reason)

            event_id = self._run(create)
            if event_id is None:
                return False
            self.load_event(int(event_id))
            self.saved.emit(int(event_id))
            self.tabs.setCurrentWidget(self.enrolment)
            self._show_message("")
            self.status_note.setText(self.tr("Saved. You can enrol volunteers now."))
            return True

        detail = self.detail
        assert detail is not None
        scope = "this"
        rule = None
        # Only the status changed: no field save, so no question about the rest of the series.
        fields_changed = detail.editable and (data != self._normalised(detail.data) or self._rule_changed())
        if fields_changed and self.series_info is not None:
            if self._rule_changed():
                scope, rule = "following", self.rule()
            else:
                chosen = self.choose_scope()
                if chosen is None:
                    return False
                scope = chosen
        event_id = self.event_id

        def update(s, reason):
            if fields_changed:
                if self.series_info is not None:
                    series.edit_occurrence(s, self.actor, event_id, data, scope, rule=rule, override_reason=reason)
                else:
                    events.save_event(s, self.actor, data, event_id, override_reason=reason)
            if new_status != detail.status:
                events.change_status(s, self.actor, event_id, new_status)
            return event_id

        if self._run(update) is None:
            return False
        self.saved.emit(event_id)
        self.accept()
        return True

    def close_event(self) -> bool:
        if self.event_id is None:
            return False
        closing = self.closing.closing()
        event_id = self.event_id
        if self._run(lambda s, _reason: events.close_event(s, self.actor, event_id, closing) or True) is None:
            return False
        self.load_event(event_id)
        self.saved.emit(event_id)
        return True

    def skip_date(self) -> bool:
        if self.event_id is None or self.series_info is None:
            return False
        if not self.confirm(self.tr("Skip this date of the series? If volunteers have enrolled, the event is cancelled instead of deleted.")):
            return False
        event_id = self.event_id
        if self._run(lambda s, _reason: series.skip_occurrence(s, self.actor, event_id)) is None:
            return False
        self.saved.emit(event_id)
        self.accept()
        return True

    def save_as_template(self) -> int | None:
        name = self.ask_text(self.tr("Save as template"), self.tr("Template name (e.g. the brand project's name):"))
        if not name:
            return None
        data = self.collect()
        template_id = self._run(lambda s, _reason: templates.create_template(s, self.actor, name, data))
        if template_id is not None:
            self._show_message("")
            self.status_note.setText(self.tr("Saved as template {name}.").format(name=name.strip()))
        return template_id  # type: ignore[return-value]

    def _template_chosen(self) -> None:
        template_id = self.template_combo.currentData()
        if template_id is None or self.event_id is not None:
            return
        day = from_qdatetime(self.start.dateTime()).date()
        with self.database.reader() as s:
            data = templates.template_event(s, template_id, day)
        self._show(data)
        self._refresh_state()

    # --- questions -----------------------------------------------------------------------

    def _ask_scope(self) -> str | None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Repeating event"))
        box.setText(self.tr("Change only this date, or this and all following dates of the series?"))
        this = box.addButton(self.tr("Only this event"), QMessageBox.ButtonRole.AcceptRole)
        following = box.addButton(self.tr("This and following events"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "this" if clicked is this else "following" if clicked is following else None

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Event"), text) == QMessageBox.StandardButton.Yes
