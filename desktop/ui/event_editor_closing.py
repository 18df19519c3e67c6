"""The event editor's Closing tab: people served, the quality evaluation and the summary of a finished event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from desktop.services import events
from desktop.services.events import Closing, EventDetail
from desktop.ui.event_editor_fields import lay_out_tab, set_current_data, text_box
from desktop.ui.forms import ErrorForm

CLOSING_FIELDS = ("people_served", "quality_rating", "summary")


class ClosingSection(QWidget):
    """What is recorded when an event is closed; `close_event_button` is wired up by the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Strings stay in the editor's translation context, where the catalog has them.
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = form = ErrorForm()
        self.people_served = QSpinBox()
        self.people_served.setRange(0, 1_000_000)
        form.add_field("people_served", QCoreApplication.translate("EventEditor", "People served"), self.people_served)
        self.quality = QComboBox()
        self.quality.addItem(QCoreApplication.translate("EventEditor", "Choose…"), None)
        for rating in sorted(events.QUALITY_LABELS, reverse=True):
            self.quality.addItem(events.quality_label(rating), rating)
        form.add_field("quality_rating", QCoreApplication.translate("EventEditor", "Quality evaluation"), self.quality)
        self.summary = form.add_field("summary", QCoreApplication.translate("EventEditor", "Summary"), text_box(110))
        self.summary.setPlaceholderText(
            QCoreApplication.translate("EventEditor", "What was done, for whom, anything to remember next time")
        )
        self.close_event_button = QPushButton(QCoreApplication.translate("EventEditor", "Close the event"))
        self.close_event_button.setObjectName("primaryButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_event_button)
        lay_out_tab(self, self.note, form, row)

    def clear(self) -> None:
        self.people_served.setValue(0)
        self.quality.setCurrentIndex(0)
        self.summary.setPlainText("")

    def fill(self, closing: Closing) -> None:
        self.people_served.setValue(closing.people_served or 0)
        set_current_data(self.quality, closing.quality_rating)
        self.summary.setPlainText(closing.summary or "")

    def closing(self) -> Closing:
        return Closing(self.people_served.value(), self.quality.currentData(), self.summary.toPlainText())

    def show_state(self, detail: EventDetail | None, can_edit: bool) -> None:
        """Closing is open once the event has started; a finished event's details take corrections."""
        started = detail is not None and detail.started
        closable = detail is not None and (detail.status in ("ongoing", "finished") or (
            detail.status == "published" and started))
        for w in (self.people_served, self.quality, self.summary):
            w.setEnabled(can_edit and closable)
        self.close_event_button.setEnabled(can_edit and closable)
        if detail is not None and detail.status == "finished":
            when = detail.closed_at.astimezone().strftime("%Y-%m-%d %H:%M") if detail.closed_at else ""
            self.note.setText(
                QCoreApplication.translate("EventEditor", "Closed {when}. Corrections to these details are recorded.")
                .format(when=when)
            )
            self.close_event_button.setText(QCoreApplication.translate("EventEditor", "Save corrections"))
        elif closable:
            self.note.setText(QCoreApplication.translate(
                "EventEditor", "Closing marks the event finished and sends its service hours to review."))
            self.close_event_button.setText(QCoreApplication.translate("EventEditor", "Close the event"))
        else:
            self.note.setText(QCoreApplication.translate("EventEditor", "An event can be closed once it has started."))
