"""The event editor's Repeat tab: a weekly or monthly rule, how the series ends, and the dates it makes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.services import series
from desktop.services.errors import ValidationError
from desktop.services.series import Rule
from desktop.ui.event_editor_fields import lay_out_tab, set_current_data, to_date
from desktop.ui.forms import ErrorForm

REPEAT_FIELDS = ("frequency", "interval", "weekdays", "monthly_mode", "until", "count", "scope")


class RepeatSection(QWidget):
    """The repeat rule of a new event or of the series an event belongs to.

    Emits `changed()` whenever the rule or the repeat box changes, so the editor can show the preview."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The rule as loaded from the series, to tell whether the person changed it.
        self.loaded_rule: Rule | None = None
        # Strings stay in the editor's translation context, where the catalog has them.
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.repeat = QCheckBox(QCoreApplication.translate("EventEditor", "Repeat this event"))
        self.form = form = ErrorForm()
        self.frequency = QComboBox()
        self.frequency.addItem(QCoreApplication.translate("EventEditor", "Weekly"), "weekly")
        self.frequency.addItem(QCoreApplication.translate("EventEditor", "Monthly"), "monthly")
        form.add_field("frequency", QCoreApplication.translate("EventEditor", "Repeats"), self.frequency)
        self.interval = QSpinBox()
        self.interval.setRange(1, 12)
        form.add_field("interval", QCoreApplication.translate("EventEditor", "Every"), self.interval,
                       QCoreApplication.translate("EventEditor", "1 = every week (or month), 2 = every other..."))
        self.weekday_boxes: list[QCheckBox] = []
        days = QWidget()
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        for day in range(7):
            box = QCheckBox(series.weekday_label(day))
            self.weekday_boxes.append(box)
            row.addWidget(box)
            box.toggled.connect(self._changed)
        row.addStretch(1)
        form.add_field("weekdays", QCoreApplication.translate("EventEditor", "On these days"), days)
        self._weekday_row = days.parentWidget()
        self.monthly_mode = QComboBox()
        form.add_field("monthly_mode", QCoreApplication.translate("EventEditor", "Monthly on"), self.monthly_mode)
        self._monthly_row = self.monthly_mode.parentWidget()
        ends = QWidget()
        grid = QHBoxLayout(ends)
        grid.setContentsMargins(0, 0, 0, 0)
        self.until_radio = QRadioButton(QCoreApplication.translate("EventEditor", "On date"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.count_radio = QRadioButton(QCoreApplication.translate("EventEditor", "After"))
        self.count = QSpinBox()
        self.count.setRange(1, series.MAX_OCCURRENCES)
        self.count.setSuffix(QCoreApplication.translate("EventEditor", " times"))
        self.count_radio.setChecked(True)
        group = QButtonGroup(ends)
        group.addButton(self.until_radio)
        group.addButton(self.count_radio)
        for w in (self.until_radio, self.until, self.count_radio, self.count):
            grid.addWidget(w)
        grid.addStretch(1)
        form.add_field("until", QCoreApplication.translate("EventEditor", "Ends"), ends)
        self.preview = QLabel()
        self.preview.setObjectName("fieldHint")
        self.preview.setWordWrap(True)
        self.repeat.toggled.connect(self.set_rule_enabled)
        for signal in (self.frequency.currentIndexChanged, self.interval.valueChanged, self.monthly_mode.currentIndexChanged,
                       self.until.dateChanged, self.count.valueChanged, self.until_radio.toggled, self.repeat.toggled):
            signal.connect(self._changed)
        lay_out_tab(self, self.note, self.repeat, form, self.preview)

    def _changed(self) -> None:
        self.changed.emit()

    def set_rule_enabled(self, on: bool) -> None:
        for w in (self.frequency, self.interval, self.monthly_mode, self.until_radio, self.until,
                  self.count_radio, self.count, *self.weekday_boxes):
            w.setEnabled(on)

    def show_state(self, new: bool, series_info: series.SeriesInfo | None, editable: bool) -> None:
        """The note, the repeat box and whether the rule may be changed, for a new, single or repeating event."""
        if new:
            self.note.setText(QCoreApplication.translate(
                "EventEditor", "Repeat a brand project weekly or monthly; each date becomes its own event."))
        elif series_info is not None:
            self.note.setText(
                QCoreApplication.translate(
                    "EventEditor",
                    "Part of a series: {rule}. Changing the rule here changes this and the following dates.",
                ).format(rule=series_info.describe())
            )
        else:
            self.note.setText(QCoreApplication.translate("EventEditor", "This event does not repeat."))
        self.repeat.setVisible(new)
        self.set_rule_enabled(editable and (self.repeat.isChecked() or series_info is not None))

    def offer_monthly_modes(self, first: date) -> None:
        """The ways a monthly series can fall, worded for the first date; the current choice is kept."""
        current = self.monthly_mode.currentData()
        self.monthly_mode.blockSignals(True)
        self.monthly_mode.clear()
        weekday = series.weekday_label(first.weekday())
        nth = series.ORDINAL_LABELS[min(4, (first.day - 1) // 7)]
        self.monthly_mode.addItem(
            QCoreApplication.translate("EventEditor", "Day {day} of the month").format(day=first.day), "day"
        )
        self.monthly_mode.addItem(
            QCoreApplication.translate("EventEditor", "The {which} {weekday}").format(
                which=QCoreApplication.translate("Series", nth), weekday=weekday
            ),
            "weekday",
        )
        self.monthly_mode.addItem(
            QCoreApplication.translate("EventEditor", "The last {weekday}").format(weekday=weekday), "last_weekday"
        )
        set_current_data(self.monthly_mode, current or "day")
        self.monthly_mode.blockSignals(False)

    def reset(self, first: date) -> None:
        """The default rule for an event on `first`: weekly on its weekday, ten times."""
        self.loaded_rule = None
        self.frequency.setCurrentIndex(0)
        self.interval.setValue(1)
        for i, box in enumerate(self.weekday_boxes):
            box.setChecked(i == first.weekday())
        self.offer_monthly_modes(first)
        self.count_radio.setChecked(True)
        self.count.setValue(10)
        self.until.setDate(QDate(first.year, first.month, first.day).addMonths(3))

    def load(self, first: date, rule: Rule) -> None:
        """Show a series' rule; `rule_changed()` then tells whether it was changed."""
        set_current_data(self.frequency, rule.frequency)
        self.interval.setValue(rule.interval)
        days = set(rule.weekdays) or {first.weekday()}
        for i, box in enumerate(self.weekday_boxes):
            box.setChecked(i in days)
        self.offer_monthly_modes(first)
        set_current_data(self.monthly_mode, rule.monthly_mode)
        if rule.until is not None:
            self.until_radio.setChecked(True)
            self.until.setDate(QDate(rule.until.year, rule.until.month, rule.until.day))
        else:
            self.count_radio.setChecked(True)
            self.count.setValue(rule.count or 1)
            last = series.occurrence_dates(first, rule)[-1]
            self.until.setDate(QDate(last.year, last.month, last.day))
        self.loaded_rule = self.rule()

    def rule(self) -> Rule:
        weekly = self.frequency.currentData() == "weekly"
        return Rule(
            frequency=self.frequency.currentData(),
            interval=self.interval.value(),
            weekdays=tuple(i for i, b in enumerate(self.weekday_boxes) if b.isChecked()) if weekly else (),
            monthly_mode=self.monthly_mode.currentData() or "day",
            until=to_date(self.until.date()) if self.until_radio.isChecked() else None,
            count=self.count.value() if self.count_radio.isChecked() else None,
        )

    def rule_changed(self) -> bool:
        return self.loaded_rule is not None and self.rule() != self.loaded_rule

    def show_preview(self, first: date, active: bool) -> None:
        """The rows the frequency needs, and (when the rule applies) what it makes of `first`."""
        weekly = self.frequency.currentData() == "weekly"
        self.form.setRowVisible(self._weekday_row, weekly)
        self.form.setRowVisible(self._monthly_row, not weekly)
        if not active:
            self.preview.setText("")
            return
        rule = self.rule()
        try:
            clean = series.validate_rule(first, rule)
        except ValidationError as exc:
            self.preview.setText(QCoreApplication.translate("Common", "; ").join(exc.fields.values()))
            return
        dates = series.occurrence_dates(first, clean)
        self.preview.setText(
            QCoreApplication.translate("EventEditor", "{rule}: {n} events, {first} to {last}.").format(
                rule=series.describe(first, clean), n=len(dates), first=dates[0].isoformat(), last=dates[-1].isoformat()
            )
        )

    def follow_start(self, first: date, new: bool) -> None:
        """The event now starts on `first`: reword the monthly choices; a new event's single weekday follows."""
        self.offer_monthly_modes(first)
        if new:
            for i, box in enumerate(self.weekday_boxes):
                if sum(b.isChecked() for b in self.weekday_boxes) <= 1:
                    box.setChecked(i == first.weekday())
