"""Shown before a save that would double-book: the clashes, and a reason to go ahead anyway."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import conflicts
from desktop.services.conflicts import ConflictItem


class ConflictDialog(QDialog):
    """Lists each clash; "Save anyway" is enabled only once a reason is typed (it is recorded)."""

    def __init__(self, items: list[ConflictItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scheduling conflicts"))
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Saving this would double-book:"))
        title.setObjectName("sectionTitle")
        lines = [f"{conflicts.kind_label(c.kind)} — {c.message}" for c in items]
        self.list = QListView()
        self.list.setModel(QStringListModel(lines, self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setMinimumHeight(min(320, 40 + 26 * len(lines)))
        note = QLabel(
            self.tr("You can go back and change the event, or save anyway and say why. The reason is kept with the event.")
        )
        note.setWordWrap(True)
        note.setObjectName("fieldHint")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason, e.g. the two groups share the hall"))
        self.buttons = QDialogButtonBox()
        back = QPushButton(self.tr("Go back"))
        self.save_anyway = QPushButton(self.tr("Save anyway"))
        self.save_anyway.setObjectName("primaryButton")
        self.save_anyway.setEnabled(False)
        self.buttons.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.save_anyway, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.save_anyway.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        return self.reason.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, items: list[ConflictItem]) -> str | None:
        """The reason typed, or None if the person went back."""
        dialog = cls(items, parent)
        return dialog.reason_text() if dialog.exec() == QDialog.DialogCode.Accepted else None
