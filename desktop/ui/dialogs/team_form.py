"""The New team form: name, service category, an optional leader, a description."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import SERVICE_CATEGORIES
from desktop.services import stations, teams
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.teams import TeamInput
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm


class NewTeamDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: int | None = None
        self.created_name = ""
        self.setWindowTitle(self.tr("New team"))
        self.setMinimumWidth(480)
        self.form = ErrorForm()
        self.name = self.form.add_field("name", self.tr("Team name"), QLineEdit())
        self.category = QComboBox()
        for key in SERVICE_CATEGORIES:
            self.category.addItem(teams.category_label(key), key)
        self.form.add_field("category", self.tr("Service category"), self.category)
        self.leader = QLineEdit()
        self.leader.setPlaceholderText(self.tr("Volunteer No. (optional)"))
        self.form.add_field("leader_id", self.tr("Leader"), self.leader)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(72)
        self.form.add_field("description", self.tr("Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        leader_text = self.leader.text().strip()
        if leader_text and not leader_text.isdigit():
            self.form.show_errors({"leader_id": self.tr("Type the leader's volunteer number, e.g. 42.")})
            return
        try:
            with self.ctx.database.uow() as s:
                data = TeamInput(
                    name=self.name.text(),
                    category=self.category.currentData(),
                    station_id=stations.home_station_id(s),
                    leader_id=int(leader_text) if leader_text else None,
                    description=self.description.toPlainText().strip(),
                )
                self.created_id = teams.create_team(s, self.ctx.actor, data)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.created_name = " ".join(self.name.text().split())
        self.accept()
