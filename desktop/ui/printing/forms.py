"""The few options of each document, as a small form: whom it is for, the period, a few switches.

Each form turns its fields into the plain `options` a PrintJob takes, and back (so other pages
can open the Printing page with a document already chosen).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services.permissions import Actor
from desktop.ui.printing.jobs import week_of
from desktop.ui.printing.period import PeriodField
from desktop.ui.printing.pickers import EventPicker, Picker, TeamPicker, VolunteerPicker

SCOPE_IDS = {"volunteer": "volunteer_id", "team": "team_id", "event": "event_id"}


class DocumentForm(QWidget):
    """One document's options. Subclasses add rows and say how options map to fields."""

    changed = Signal()
    kind = ""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.scope: QComboBox | None = None
        self.scope_widgets: list[QWidget] = []
        self.pickers: dict[str, Picker] = {}

    def add_row(self, caption: str, widget: QWidget) -> QWidget:
        """A caption above its field; the pair hides and shows together."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        label = QLabel(caption)
        label.setObjectName("sectionTitle")
        column.addWidget(label)
        column.addWidget(widget)
        self.column.addWidget(box)
        return box

    def add_note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setObjectName("fieldHint")
        note.setWordWrap(True)
        self.column.addWidget(note)
        return note

    def add_scope(self, caption: str, choices: list[tuple[str, str, QWidget | None]]) -> None:
        """Whom the document is for: a choice, and below it the picker that choice needs."""
        self.scope = shrinking_combo()
        self.add_row(caption, self.scope)
        for key, label, widget in choices:
            self.scope.addItem(label, key)
            widget = widget if widget is not None else QWidget()
            self.scope_widgets.append(widget)
            # One after the other, only the chosen one shown: a QStackedWidget would keep the
            # height of its tallest page.
            self.column.addWidget(widget)
            if isinstance(widget, Picker):
                self.pickers[key] = widget
                widget.changed.connect(self.changed)
        self.scope.currentIndexChanged.connect(self._scope_changed)

    def _scope_changed(self) -> None:
        assert self.scope is not None
        for i, widget in enumerate(self.scope_widgets):
            widget.setVisible(i == self.scope.currentIndex())
        self.scope_shown(self.scope.currentData())
        self.changed.emit()

    def scope_shown(self, key: str) -> None:
        """Show the fields that matter for this scope."""

    def current_scope(self) -> str:
        return self.scope.currentData() if self.scope is not None else ""

    def set_scope(self, key: str) -> None:
        if self.scope is not None:
            self.scope.setCurrentIndex(max(0, self.scope.findData(key)))
            self._scope_changed()

    def finish(self) -> None:
        self.column.addStretch(1)
        if self.scope is not None:
            self._scope_changed()

    def picked(self) -> dict[str, Any]:
        scope = self.current_scope()
        picker = self.pickers.get(scope)
        if picker is None:
            return {"scope": scope} if scope else {}
        return {"scope": scope, SCOPE_IDS[scope]: picker.chosen_id}

    def set_picked(self, options: dict[str, Any]) -> None:
        scope = options.get("scope") or next(
            (
                key
                for key, name in SCOPE_IDS.items()
                if options.get(name) is not None and key in self.pickers
            ),
            None,
        )
        if scope is None and "week_of" in options:
            scope = "week"
        if (
            scope is None
            and ("period_from" in options or "period_to" in options)
            and self.scope is not None
        ):
            scope = "star_reached" if self.scope.findData("star_reached") >= 0 else None
        if scope:
            self.set_scope(scope)
        for key, picker in self.pickers.items():
            if options.get(SCOPE_IDS[key]) is not None:
                picker.choose(int(options[SCOPE_IDS[key]]))

    # --- what a subclass provides -------------------------------------------------------------

    def options(self) -> dict[str, Any]:
        return self.picked()

    def set_options(self, options: dict[str, Any]) -> None:
        self.set_picked(options)

    def action_text(self) -> str:
        return self.tr("Preview")

    def refresh(self) -> None:
        for picker in self.pickers.values():
            picker.refresh()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def shrinking_combo() -> QComboBox:
    """A combo box that does not widen the options to its longest choice (translations vary)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class CertificateForm(DocumentForm):
    kind = "certificate"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.add_scope(
            self.tr("For"),
            [
                ("volunteer", self.tr("One volunteer"), VolunteerPicker(database)),
                ("team", self.tr("Every member of a team who served"), TeamPicker(database)),
                ("star_reached", self.tr("Everyone who reached a new star level"), None),
            ],
        )
        self.period = PeriodField("all")
        self.period_row = self.add_row(self.tr("Service in the period"), self.period)
        self.reached = PeriodField("last_month", allow_all=False)
        self.reached_row = self.add_row(self.tr("Star level reached in"), self.reached)
        self.remarks = QLineEdit()
        self.remarks.setMaxLength(300)
        self.remarks.setPlaceholderText(self.tr("Printed under Remarks (optional)"))
        self.remarks_row = self.add_row(self.tr("Remarks"), self.remarks)
        self.full_id = QCheckBox(self.tr("Print the full ID number"))
        self.full_id.setEnabled(actor.can("reveal_personal"))
        self.column.addWidget(self.full_id)
        self.add_note(
            self.tr(
                "Each certificate is numbered and entered in the register. A second certificate for "
                "the same period is refused: reprint it from the register instead."
            )
        )
        self.finish()

    def scope_shown(self, key: str) -> None:
        star = key == "star_reached"
        self.period_row.setVisible(not star)
        self.reached_row.setVisible(star)
        self.remarks_row.setVisible(not star)
        self.full_id.setVisible(key == "volunteer")

    def options(self) -> dict[str, Any]:
        out = self.picked()
        scope = out["scope"]
        out["period_from"], out["period_to"] = (
            self.reached if scope == "star_reached" else self.period
        ).bounds()
        if scope != "star_reached":
            out["remarks"] = self.remarks.text().strip()
        if scope == "volunteer":
            out["full_id"] = self.full_id.isChecked() and self.full_id.isEnabled()
        return out

    def set_options(self, options: dict[str, Any]) -> None:
        self.set_picked(options)
        field = self.reached if self.current_scope() == "star_reached" else self.period
        if "period_from" in options or "period_to" in options:
            field.set_bounds(options.get("period_from"), options.get("period_to"))
        self.remarks.setText(options.get("remarks", ""))
        self.full_id.setChecked(bool(options.get("full_id")) and self.full_id.isEnabled())

    def action_text(self) -> str:
        return self.tr("Issue and preview")


class HonourForm(DocumentForm):
    kind = "honour"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.add_scope(
            self.tr("For"),
            [
                ("volunteer", self.tr("One volunteer"), VolunteerPicker(database)),
                ("star_reached", self.tr("Everyone who reached a new star level"), None),
            ],
        )
        self.level = shrinking_combo()
        self.level.addItem(self.tr("The level their hours give"), 0)
        for n in range(1, 6):
            self.level.addItem(self.tr("{n} stars").format(n=n), n)
        self.level_row = self.add_row(self.tr("Star level"), self.level)
        self.reached = PeriodField("last_month", allow_all=False)
        self.reached_row = self.add_row(self.tr("Star level reached in"), self.reached)
        self.add_note(
            self.tr("Honour certificates are numbered and registered like service certificates.")
        )
        self.finish()

    def scope_shown(self, key: str) -> None:
        self.level_row.setVisible(key == "volunteer")
        self.reached_row.setVisible(key == "star_reached")

    def options(self) -> dict[str, Any]:
        out = self.picked()
        if out["scope"] == "volunteer":
            out["level"] = self.level.currentData() or None
        else:
            out["period_from"], out["period_to"] = self.reached.bounds()
        return out

    def set_options(self, options: dict[str, Any]) -> None:
        self.set_picked(options)
        self.level.setCurrentIndex(max(0, self.level.findData(options.get("level") or 0)))
        if "period_from" in options or "period_to" in options:
            self.reached.set_bounds(options.get("period_from"), options.get("period_to"))

    def action_text(self) -> str:
        return self.tr("Issue and preview")


class CardsForm(DocumentForm):
    kind = "cards"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.add_scope(
            self.tr("For"),
            [
                ("volunteer", self.tr("One volunteer"), VolunteerPicker(database)),
                ("team", self.tr("Every member of a team"), TeamPicker(database)),
                ("event", self.tr("Everyone enrolled in an event"), EventPicker(database)),
            ],
        )
        self.add_note(
            self.tr("Ten cards to an A4 sheet, with cut marks. The QR holds only the card code.")
        )
        self.finish()


class SigninSheetForm(DocumentForm):
    kind = "signin_sheet"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.week = QDateEdit(_qdate(date.today() + timedelta(days=7 - date.today().weekday())))
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        self.week_days = QLabel()
        self.week_days.setObjectName("fieldHint")
        week_box = QWidget()
        week_column = QVBoxLayout(week_box)
        week_column.setContentsMargins(0, 0, 0, 0)
        week_column.addWidget(QLabel(self.tr("Any day of the week")))
        week_column.addWidget(self.week)
        week_column.addWidget(self.week_days)
        week_column.addStretch(1)
        self.week.dateChanged.connect(self._show_week)
        self.add_scope(
            self.tr("For"),
            [
                ("event", self.tr("One event"), EventPicker(database)),
                ("week", self.tr("Every event of a week"), week_box),
            ],
        )
        self.blank_rows = QSpinBox()
        self.blank_rows.setRange(0, 60)
        self.blank_rows.setValue(10)
        self.add_row(self.tr("Blank rows for walk-ins"), self.blank_rows)
        self.reveal = QCheckBox(self.tr("Full phone numbers"))
        self.reveal.setToolTip(
            self.tr(
                "The sheet lies open at the entrance: numbers are masked unless you choose this."
            )
        )
        self.reveal.setEnabled(actor.can("reveal_personal"))
        self.column.addWidget(self.reveal)
        self._show_week()
        self.finish()

    def _show_week(self) -> None:
        first, last = week_of(self.week.date().toPython())
        self.week_days.setText(
            self.tr("Monday {first} to Sunday {last}").format(
                first=first.isoformat(), last=last.isoformat()
            )
        )

    def options(self) -> dict[str, Any]:
        out = self.picked()
        if out["scope"] == "week":
            out["week_of"] = self.week.date().toPython()
        out["blank_rows"] = self.blank_rows.value()
        out["reveal"] = self.reveal.isChecked() and self.reveal.isEnabled()
        return out

    def set_options(self, options: dict[str, Any]) -> None:
        self.set_picked(options)
        if options.get("week_of"):
            self.week.setDate(_qdate(options["week_of"]))
        if "blank_rows" in options:
            self.blank_rows.setValue(int(options["blank_rows"]))


class RosterForm(DocumentForm):
    kind = "roster"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.add_scope(self.tr("Team"), [("team", self.tr("One team"), TeamPicker(database))])
        self.scope.hide()  # one choice only: the caption names what the picker is for
        self.reveal = QCheckBox(self.tr("Full phone numbers"))
        self.reveal.setEnabled(actor.can("reveal_personal"))
        self.column.addWidget(self.reveal)
        self.finish()

    def options(self) -> dict[str, Any]:
        out = self.picked()
        out["reveal"] = self.reveal.isChecked() and self.reveal.isEnabled()
        return out


class AttendanceForm(DocumentForm):
    kind = "attendance"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.add_scope(self.tr("Event"), [("event", self.tr("One event"), EventPicker(database))])
        self.scope.hide()
        self.add_note(
            self.tr("Who came, when they signed in and out, their hours and anything to review.")
        )
        self.finish()


class PeriodReportForm(DocumentForm):
    kind = "period_report"

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.period = PeriodField("last_month")
        self.add_row(self.tr("Period"), self.period)
        self.add_note(
            self.tr(
                "The station's figures as the district office collects them: volunteers, teams, events, "
                "hours and people served, by service category and by team."
            )
        )
        self.finish()

    def options(self) -> dict[str, Any]:
        start, end = self.period.bounds()
        return {"period_from": start, "period_to": end}

    def set_options(self, options: dict[str, Any]) -> None:
        if "period_from" in options or "period_to" in options:
            self.period.set_bounds(options.get("period_from"), options.get("period_to"))


FORMS: dict[str, type[DocumentForm]] = {
    form.kind: form
    for form in (
        CertificateForm,
        HonourForm,
        CardsForm,
        SigninSheetForm,
        RosterForm,
        AttendanceForm,
        PeriodReportForm,
    )
}
