"""The record beside the volunteer list: details, teams, hours, stars, card; edit, deactivate, reveal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import codes
from desktop.services import stations, volunteers
from desktop.services.errors import ServiceError
from desktop.services.volunteers import VolunteerDetail
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import STAR
from desktop.ui.printing import open_print_preview, print_menu_button

PANE_WIDTH = 290


class VolunteerPane(QFrame):
    """Shows one volunteer (personal data masked until revealed) and the actions on the record."""

    changed = Signal(int)  # the record was written: the list reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tile")
        self.setMinimumWidth(280)
        self.volunteer_id: int | None = None
        self.detail: VolunteerDetail | None = None
        self.revealed = False
        self._dialog: QWidget | None = None

        self.name = QLabel()
        self.name.setObjectName("dialogTitle")
        self.name.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.empty = QLabel(self.tr("Choose a volunteer in the list to see the record."))
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(7)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.values: dict[str, QLabel] = {}
        for key, caption in self._captions():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            caption_label = QLabel(caption)
            caption_label.setObjectName("fieldHint")
            self.form.addRow(caption_label, value)
            self.values[key] = value
        record = QWidget()
        column = QVBoxLayout(record)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(10)
        column.addWidget(self.name)
        column.addWidget(self.summary)
        column.addLayout(self.form)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(record)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().setAutoFillBackground(False)
        record.setAutoFillBackground(False)

        can_edit = ctx.actor.can("volunteers.edit")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setVisible(can_edit)
        self.status_button = QPushButton(self.tr("Deactivate…"))
        self.status_button.clicked.connect(self.toggle_status)
        self.status_button.setVisible(can_edit)
        self.card_button = QPushButton(self.tr("Card…"))
        self.card_button.setToolTip(self.tr("Show the card's QR code, save it for a phone, or reissue a lost card"))
        self.card_button.clicked.connect(self.open_card)
        self.reveal_button = QPushButton(self.tr("Show full ID"))
        self.reveal_button.setToolTip(
            self.tr("Show the full ID number and phone. This is recorded in the audit log.")
        )
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(ctx.actor.can("reveal_personal"))
        self.print_button = print_menu_button(
            self,
            ((self.tr("Service certificate"), "certificate"), (self.tr("Volunteer card"), "cards"),
             (self.tr("Honour certificate"), "honour")),
            lambda kind: open_print_preview(self, kind, volunteer_id=self.volunteer_id)
            if self.volunteer_id is not None else None,
        )
        self.print_button.setVisible(ctx.actor.can("printing"))
        buttons = QGridLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.edit_button, 0, 0)
        buttons.addWidget(self.status_button, 0, 1)
        buttons.addWidget(self.card_button, 1, 0)
        buttons.addWidget(self.reveal_button, 1, 1)
        buttons.addWidget(self.print_button, 2, 0, 1, 2)
        self.buttons = QWidget()
        self.buttons.setLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self._show(None)

    def _captions(self) -> list[tuple[str, str]]:
        return [
            ("id", self.tr("No.")),
            ("card", self.tr("Card")),
            ("gender", self.tr("Gender")),
            ("birth_date", self.tr("Born")),
            ("id_number", self.tr("ID")),
            ("phone", self.tr("Phone")),
            ("registered_on", self.tr("Registered")),
            ("station", self.tr("Station")),
            ("teams", self.tr("Teams")),
            ("skills", self.tr("Skills")),
            ("hours", self.tr("Hours")),
            ("stars", self.tr("Stars")),
            ("events_attended", self.tr("Events")),
            ("notes", self.tr("Notes")),
        ]

    # --- loading ---------------------------------------------------------------------------

    def show_volunteer(self, volunteer_id: int | None) -> None:
        if volunteer_id != self.volunteer_id:
            self.revealed = False
        self.volunteer_id = volunteer_id
        self.reload()

    def reload(self) -> None:
        if self.volunteer_id is None:
            self._show(None)
            return
        try:
            if self.revealed:
                with self.ctx.database.uow() as s:  # revealing writes an audit entry
                    detail = volunteers.get_volunteer(s, self.ctx.actor, self.volunteer_id, reveal=True)
                    station = self._station(s, detail)
            else:
                with self.ctx.database.reader() as s:
                    detail = volunteers.get_volunteer(s, self.ctx.actor, self.volunteer_id)
                    station = self._station(s, detail)
        except ServiceError as exc:
            self.revealed = False
            self._show(None, str(exc))
            return
        self._show(detail, station=station)

    @staticmethod
    def _station(s, detail: VolunteerDetail) -> str:
        if detail.data.station_id is None:
            return ""
        return next((r.name for r in stations.list_stations(s) if r.id == detail.data.station_id), "")

    def _show(self, detail: VolunteerDetail | None, message: str = "", station: str = "") -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.scroll.setVisible(detail is not None)
        self.buttons.setVisible(detail is not None)
        if detail is None:
            self.empty.setText(message or self.tr("Choose a volunteer in the list to see the record."))
            return
        d = detail.data
        lab = volunteers.label
        active = d.status == "active"
        self.name.setText(d.name)
        self.summary.setText(
            self.tr("{status} · {hours} hours").format(
                status=lab(volunteers.STATUS_LABELS, d.status), hours=f"{detail.hours:.1f}"
            )
        )
        values = {
            "id": str(detail.id),
            "card": self._card_text(detail),
            "gender": lab(volunteers.GENDER_LABELS, d.gender) if d.gender else "",
            "birth_date": d.birth_date.isoformat() if d.birth_date else "",
            "id_number": (d.id_number or "")
            if d.id_type == "resident_id"
            else f"{lab(volunteers.ID_TYPE_LABELS, d.id_type)} {d.id_number or ''}",
            "phone": d.phone,
            "registered_on": d.registered_on.isoformat() if d.registered_on else "",
            "station": station,
            "teams": self.tr(", ").join(name for _id, name in detail.teams),
            "skills": d.skills,
            "hours": f"{detail.hours:.1f}",
            "stars": STAR * detail.stars if detail.stars else self.tr("None yet"),
            "events_attended": str(detail.events_attended),
            "notes": d.notes,
        }
        for key, text in values.items():
            self.values[key].setText(text or "—")
        self.status_button.setText(self.tr("Deactivate…") if active else self.tr("Reactivate…"))
        self.reveal_button.setEnabled(not self.revealed)
        self.reveal_button.setText(self.tr("Shown in full") if self.revealed else self.tr("Show full ID"))

    def _card_text(self, detail: VolunteerDetail) -> str:
        if not detail.card_code:
            return self.tr("No card")
        text = codes.pretty(detail.card_code)
        if detail.card_issued_at is not None:
            text = self.tr("{code}, issued {date}").format(
                code=text, date=detail.card_issued_at.astimezone().date().isoformat()
            )
        if detail.revoked_cards:
            text += "\n" + self.tr("{n} earlier card(s) revoked").format(n=detail.revoked_cards)
        return text

    # --- actions ---------------------------------------------------------------------------

    def reveal(self) -> None:
        """The full ID and phone, for a role allowed to see them; the service audits it."""
        if self.volunteer_id is None:
            return
        if not self.ctx.actor.can("reveal_personal"):
            QMessageBox.warning(
                self, self.tr("Show full ID"), self.tr("Your role may not see full ID and phone numbers.")
            )
            return
        self.revealed = True
        self.reload()

    def toggle_status(self) -> None:
        if self.detail is None:
            return
        name, active = self.detail.data.name, self.detail.data.status == "active"
        if active:
            title = self.tr("Deactivate volunteer")
            question = self.tr(
                "Deactivate {name} (No. {id})? The records stay; the volunteer no longer shows "
                "among active volunteers."
            ).format(name=name, id=self.detail.id)
        else:
            title = self.tr("Reactivate volunteer")
            question = self.tr("Reactivate {name} (No. {id})?").format(name=name, id=self.detail.id)
        answer = QMessageBox.question(self, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.database.uow() as s:
                volunteers.set_status(s, self.ctx.actor, self.detail.id, "inactive" if active else "active")
        except ServiceError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self.reload()
        self.changed.emit(self.detail.id)

    def edit(self) -> None:
        if self.volunteer_id is None:
            return
        from desktop.ui.dialogs.volunteer_form import VolunteerFormDialog

        dialog = VolunteerFormDialog(self.ctx, self.volunteer_id, self)
        dialog.accepted.connect(self._edited)
        self._dialog = dialog
        dialog.open()

    def _edited(self) -> None:
        self.reload()
        if self.volunteer_id is not None:
            self.changed.emit(self.volunteer_id)

    def open_card(self) -> None:
        if self.volunteer_id is None:
            return
        from desktop.ui.dialogs.volunteer_detail import VolunteerDetailDialog

        dialog = VolunteerDetailDialog(self.ctx, self.volunteer_id, self)
        dialog.finished.connect(self._card_closed)
        self._dialog = dialog
        dialog.open()

    def _card_closed(self) -> None:
        # The card may have been reissued: the pane and the list's code column show the new one.
        before = self.detail.card_code if self.detail is not None else None
        self.reload()
        if self.detail is not None and self.detail.card_code != before:
            self.changed.emit(self.detail.id)
