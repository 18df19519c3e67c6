"""The event editor's Check-in tab: walk-ins, when sign-in opens, repeat scans, hours rounding and cap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QWidget

from desktop.models import ROUNDING_RULES
from desktop.services import hours
from desktop.services.events import EventInput
from desktop.ui.event_editor_fields import lay_out_tab, set_current_data
from desktop.ui.forms import ErrorForm

CHECKIN_FIELDS = ("allow_walk_ins", "signin_opens_minutes", "duplicate_window_seconds", "rounding", "hours_cap")


class CheckinSettings(QWidget):
    """How the check-in console treats this event's scans, and how its sign-ins become service hours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Strings stay in the editor's translation context, where the catalog has them.
        self.form = form = ErrorForm()
        self.walk_ins = QCheckBox(
            QCoreApplication.translate("EventEditor", "Volunteers who did not enrol may sign in (flagged as walk-ins)")
        )
        form.add_field("allow_walk_ins", QCoreApplication.translate("EventEditor", "Walk-ins"), self.walk_ins)
        self.signin_opens = QSpinBox()
        self.signin_opens.setRange(0, 24 * 60)
        self.signin_opens.setSuffix(QCoreApplication.translate("EventEditor", " min before the start"))
        form.add_field("signin_opens_minutes", QCoreApplication.translate("EventEditor", "Sign-in opens"),
                       self.signin_opens)
        self.duplicate_window = QSpinBox()
        self.duplicate_window.setRange(0, 3600)
        self.duplicate_window.setSuffix(QCoreApplication.translate("EventEditor", " s"))
        form.add_field(
            "duplicate_window_seconds", QCoreApplication.translate("EventEditor", "Repeat scans ignored for"),
            self.duplicate_window,
            QCoreApplication.translate("EventEditor",
                                       "A second scan this soon after the first is a duplicate, not a sign-out."),
        )
        self.rounding = QComboBox()
        for key in ROUNDING_RULES:
            self.rounding.addItem(QCoreApplication.translate("Hours", hours.ROUNDING_LABELS[key]), key)
        form.add_field("rounding", QCoreApplication.translate("EventEditor", "Hours rounding"), self.rounding)
        self.hours_cap = QDoubleSpinBox()
        self.hours_cap.setRange(0, 24)
        self.hours_cap.setSingleStep(0.5)
        self.hours_cap.setDecimals(1)
        self.hours_cap.setSpecialValueText(QCoreApplication.translate("EventEditor", "No cap"))
        self.hours_cap.setSuffix(QCoreApplication.translate("EventEditor", " h"))
        form.add_field("hours_cap", QCoreApplication.translate("EventEditor", "Most hours credited"), self.hours_cap)
        lay_out_tab(self, form)

    def fields(self) -> tuple[QWidget, ...]:
        """The inputs, enabled together while the event may be edited."""
        return (self.walk_ins, self.signin_opens, self.duplicate_window, self.rounding, self.hours_cap)

    def fill(self, data: EventInput) -> None:
        self.walk_ins.setChecked(data.allow_walk_ins)
        self.signin_opens.setValue(data.signin_opens_minutes)
        self.duplicate_window.setValue(data.duplicate_window_seconds)
        set_current_data(self.rounding, data.rounding)
        self.hours_cap.setValue(data.hours_cap)

    def values(self) -> dict[str, object]:
        """The settings under EventInput's field names."""
        return {
            "allow_walk_ins": self.walk_ins.isChecked(),
            "signin_opens_minutes": self.signin_opens.value(),
            "duplicate_window_seconds": self.duplicate_window.value(),
            "rounding": self.rounding.currentData(),
            "hours_cap": self.hours_cap.value(),
        }
