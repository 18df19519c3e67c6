"""Correcting a service record: new hours and a required reason; the original record stays as history."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import hours
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.hours import ReviewRow
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm

MAX_HOURS = 24 * 7  # the service checks the real limit (24 h per event day and the event's cap)


def _clock(row: ReviewRow) -> str:
    def at(t) -> str:
        return t.astimezone().strftime("%H:%M") if t is not None else "—"

    return f"{at(row.sign_in)}–{at(row.sign_out)}"


class CorrectHoursDialog(QDialog):
    """Hours as hours + minutes or as decimal hours (kept in step); saving calls hours.correct."""

    def __init__(self, ctx: AppContext, row: ReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Correct hours"))
        self.setMinimumWidth(480)
        self.original = QLabel(
            self.tr(
                "{name} at {event} on {date}, {clock}: {hours} hours ({minutes} minutes), {state}."
            ).format(
                name=row.name,
                event=row.event_title,
                date=row.event_start.astimezone().date().isoformat(),
                clock=_clock(row),
                hours=f"{row.minutes / 60:.2f}",
                minutes=row.minutes,
                state=hours.state_label(row.state),
            )
        )
        self.original.setWordWrap(True)
        self.form = ErrorForm()
        self.form.add_field("original", self.tr("Original record"), self.original)
        self.whole_hours = QSpinBox()
        self.whole_hours.setRange(0, MAX_HOURS)
        self.whole_hours.setSuffix(self.tr(" h"))
        self.extra_minutes = QSpinBox()
        self.extra_minutes.setRange(0, 59)
        self.extra_minutes.setSuffix(self.tr(" min"))
        self.decimal = QDoubleSpinBox()
        self.decimal.setRange(0, MAX_HOURS)
        self.decimal.setDecimals(2)
        self.decimal.setSingleStep(0.25)
        self.decimal.setSuffix(self.tr(" h"))
        amount = QWidget()
        line = QHBoxLayout(amount)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        line.addWidget(self.whole_hours)
        line.addWidget(self.extra_minutes)
        line.addWidget(QLabel(self.tr("or")))
        line.addWidget(self.decimal)
        self.form.add_field("minutes", self.tr("New hours"), amount)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the volunteer left at 11:30, the leader confirmed"))
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.whole_hours.valueChanged.connect(self._parts_changed)
        self.extra_minutes.valueChanged.connect(self._parts_changed)
        self.decimal.valueChanged.connect(self._decimal_changed)
        self.set_minutes(row.minutes)

    def minutes(self) -> int:
        return self.whole_hours.value() * 60 + self.extra_minutes.value()

    def set_minutes(self, minutes: int) -> None:
        self.whole_hours.setValue(minutes // 60)
        self.extra_minutes.setValue(minutes % 60)

    def _parts_changed(self, _value: int) -> None:
        self.decimal.blockSignals(True)
        self.decimal.setValue(self.minutes() / 60)
        self.decimal.blockSignals(False)

    def _decimal_changed(self, value: float) -> None:
        # The decimal box is a way of typing; the record keeps whole minutes.
        for box in (self.whole_hours, self.extra_minutes):
            box.blockSignals(True)
        total = round(value * 60)
        self.whole_hours.setValue(total // 60)
        self.extra_minutes.setValue(total % 60)
        for box in (self.whole_hours, self.extra_minutes):
            box.blockSignals(False)

    def save(self) -> None:
        try:
            with self.ctx.database.uow() as s:
                self.created_id = hours.correct(s, self.ctx.actor, self.row.id, self.minutes(), self.reason.text())
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()
