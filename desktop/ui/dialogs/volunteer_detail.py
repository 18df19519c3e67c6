"""A volunteer's record at a glance (read-only; personal data masked)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services import stations, volunteers
from desktop.services.errors import ServiceError
from desktop.ui.checkin.card_panel import CardPanel
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import STAR


class VolunteerDetailDialog(QDialog):
    def __init__(self, ctx: AppContext, volunteer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Volunteer No. {id}").format(id=volunteer_id))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        try:
            with ctx.database.reader() as s:
                detail = volunteers.get_volunteer(s, ctx.actor, volunteer_id)
                station = next((r.name for r in stations.list_stations(s) if r.id == detail.data.station_id), "")
        except ServiceError as exc:
            layout.addWidget(QLabel(str(exc)))
            detail = None
        if detail is not None:
            self.name = QLabel(detail.data.name)
            self.name.setObjectName("dialogTitle")
            layout.addWidget(self.name)
            row = QHBoxLayout()
            row.setSpacing(28)
            row.addLayout(self._fields(detail, station), 1)
            self.card = CardPanel(ctx, volunteer_id, detail.data.name, detail.card_code)
            self.card.reissued.connect(lambda code: self.values["card_code"].setText(code))
            row.addWidget(self.card)
            layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fields(self, detail: volunteers.VolunteerDetail, station: str) -> QFormLayout:
        d = detail.data
        lab = volunteers.label
        rows = [
            ("id", self.tr("Volunteer No."), str(detail.id)),
            ("card_code", self.tr("Card code"), detail.card_code),
            ("gender", self.tr("Gender"), lab(volunteers.GENDER_LABELS, d.gender) if d.gender else ""),
            ("birth_date", self.tr("Date of birth"), d.birth_date.isoformat() if d.birth_date else ""),
            ("id_number", self.tr("ID"), f"{lab(volunteers.ID_TYPE_LABELS, d.id_type)}  {d.id_number or ''}"),
            ("phone", self.tr("Mobile phone"), d.phone),
            ("status", self.tr("Status"), lab(volunteers.STATUS_LABELS, d.status)),
            ("registered_on", self.tr("Registered on"), d.registered_on.isoformat() if d.registered_on else ""),
            ("station", self.tr("Station"), station),
            ("teams", self.tr("Teams"), self.tr(", ").join(name for _id, name in detail.teams)),
            ("skills", self.tr("Skills"), d.skills),
            ("hours", self.tr("Service hours"), f"{detail.hours:.1f}"),
            ("stars", self.tr("Stars"), STAR * detail.stars),
            ("events_attended", self.tr("Events attended"), str(detail.events_attended)),
            ("notes", self.tr("Notes"), d.notes),
        ]
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        for key, caption, value in rows:
            text = QLabel(value or "—")
            text.setWordWrap(True)
            form.addRow(caption, text)
            self.values[key] = text
        return form
