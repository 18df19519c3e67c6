"""Likely duplicate volunteers side by side, and merging one record into the one to keep."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import codes
from desktop.services import merge, volunteers
from desktop.services.errors import ServiceError
from desktop.services.merge import DuplicatePair
from desktop.services.volunteers import VolunteerDetail
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import STAR

_NO_PARENT = QModelIndex()
PAIR_LIMIT = 500  # find_duplicates stops there; a clerk merges those, then looks again


class PairModel(QAbstractTableModel):
    """The pairs found (at most PAIR_LIMIT, so a plain list): why, and the two volunteers."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[DuplicatePair] = []

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self.pairs = pairs
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Why"), self.tr("First record"), self.tr("Second record"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        pair = self.pairs[index.row()]
        if index.column() == 0:
            return pair.why_label
        if index.column() == 1:
            return self.tr("{name} (No. {id})").format(name=pair.first_name, id=pair.first_id)
        return self.tr("{name} (No. {id})").format(name=pair.second_name, id=pair.second_id)


class RecordCard(QFrame):
    """One of the two records, masked, with what a merge would carry over."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.keep = QRadioButton(caption)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("name", self.tr("Name")),
            ("id_number", self.tr("ID")),
            ("phone", self.tr("Phone")),
            ("registered_on", self.tr("Registered")),
            ("teams", self.tr("Teams")),
            ("hours", self.tr("Hours")),
            ("events", self.tr("Events")),
            ("card", self.tr("Card")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            caption_label = QLabel(label)
            caption_label.setObjectName("fieldHint")
            self.form.addRow(caption_label, value)
            self.values[key] = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.keep)
        layout.addLayout(self.form)

    def show_detail(self, detail: VolunteerDetail | None, message: str = "") -> None:
        if detail is None:
            for value in self.values.values():
                value.setText("")
            self.values["name"].setText(message)
            return
        d = detail.data
        texts = {
            "name": self.tr("{name} (No. {id})").format(name=d.name, id=detail.id),
            "id_number": d.id_number or "",
            "phone": d.phone,
            "registered_on": d.registered_on.isoformat() if d.registered_on else "",
            "teams": self.tr(", ").join(name for _id, name in detail.teams),
            "hours": f"{detail.hours:.1f} {STAR * detail.stars}".strip(),
            "events": str(detail.events_attended),
            "card": codes.pretty(detail.card_code) if detail.card_code else "",
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")


class DuplicatesDialog(QDialog):
    """Pairs found by merge.find_duplicates; "Merge…" keeps the chosen record and removes the other."""

    merged = Signal(int, int)  # kept, removed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(860, 620)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = PairModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setColumnWidth(0, 190)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_pair(current.row()))

        self.first = RecordCard(self.tr("Keep this record"))
        self.second = RecordCard(self.tr("Keep this record"))
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.first.keep, 0)
        self.keep_group.addButton(self.second.keep, 1)
        self.first.keep.setChecked(True)
        self.cards = QWidget()
        cards = QHBoxLayout(self.cards)
        cards.setContentsMargins(0, 0, 0, 0)
        cards.setSpacing(12)
        cards.addWidget(self.first, 1)
        cards.addWidget(self.second, 1)
        self.note = QLabel(
            self.tr("Merging moves the other record's scans, hours, points, enrolments and teams to the "
                    "record kept, revokes its card and removes it. It cannot be undone.")
        )
        self.note.setObjectName("fieldHint")
        self.note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = self.buttons.addButton(self.tr("Merge…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.setEnabled(False)
        self.merge_button.setVisible(ctx.actor.can("volunteers.edit"))
        self.merge_button.clicked.connect(self.merge_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cards)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a third of a second on 70,000
        try:
            with self.ctx.database.reader() as s:
                pairs = merge.find_duplicates(s, PAIR_LIMIT)
        finally:
            QApplication.restoreOverrideCursor()
        self.model.set_pairs(pairs)
        if not pairs:
            self.intro.setText(self.tr("No likely duplicates found."))
        elif len(pairs) >= PAIR_LIMIT:
            self.intro.setText(self.tr("The first {n} pairs found. Merge or leave them, then look again.").format(n=len(pairs)))
        else:
            self.intro.setText(self.tr("Pairs that may be one person: {n}").format(n=len(pairs)))
        self.cards.setVisible(bool(pairs))
        self.note.setVisible(bool(pairs))
        if pairs:
            self.table.selectRow(0)
        else:
            self._show_pair(-1)

    def current_pair(self) -> DuplicatePair | None:
        row = self.table.currentIndex().row()
        return self.model.pairs[row] if 0 <= row < len(self.model.pairs) else None

    def _show_pair(self, row: int) -> None:
        pair = self.model.pairs[row] if 0 <= row < len(self.model.pairs) else None
        self.merge_button.setEnabled(pair is not None)
        for card, vid in ((self.first, pair and pair.first_id), (self.second, pair and pair.second_id)):
            card.setEnabled(pair is not None)
            if not vid:
                card.show_detail(None)
                continue
            try:
                with self.ctx.database.reader() as s:
                    card.show_detail(volunteers.get_volunteer(s, self.ctx.actor, vid))
            except ServiceError as exc:
                card.show_detail(None, str(exc))
        self.first.keep.setChecked(True)

    def choose_keep(self, keep_first: bool) -> None:
        (self.first if keep_first else self.second).keep.setChecked(True)

    def merge_chosen(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        if self.first.keep.isChecked():
            keep, keep_name, drop, drop_name = pair.first_id, pair.first_name, pair.second_id, pair.second_name
        else:
            keep, keep_name, drop, drop_name = pair.second_id, pair.second_name, pair.first_id, pair.first_name
        answer = QMessageBox.question(
            self,
            self.tr("Merge volunteers"),
            self.tr("Merge {drop} (No. {drop_id}) into {keep} (No. {keep_id})? No. {drop_id} is removed; "
                    "this cannot be undone.").format(drop=drop_name, drop_id=drop, keep=keep_name, keep_id=keep),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.database.uow() as s:
                merge.merge_volunteers(s, self.ctx.actor, keep, drop)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Merge volunteers"), str(exc))
            return
        self.merged.emit(keep, drop)
        self.reload()
