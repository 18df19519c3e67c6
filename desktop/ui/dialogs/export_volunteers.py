"""Export the volunteer list as filtered on the page, to xlsx or csv; masked unless a permitted role asks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services import exporting
from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.tasks import Task, TaskProgressDialog, error_text


class ExportVolunteersDialog(QDialog):
    """Says what will be written, offers full numbers to a permitted role, then asks for the file."""

    exported = Signal(str, int)  # the file, the rows written

    def __init__(
        self, ctx: AppContext, query: VolunteerQuery, count: int, filtered: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Export volunteers"))
        self.setMinimumWidth(440)
        what = (
            self.tr("The {n} volunteers in the filtered list will be written, in the list's order.")
            if filtered
            else self.tr("All {n} volunteers will be written, in the list's order.")
        )
        self.intro = QLabel(what.format(n=f"{count:,}"))
        self.intro.setWordWrap(True)
        self.masked_note = QLabel(self.tr("ID numbers and phones are masked, e.g. 220103********1234 and 138****5678."))
        self.masked_note.setObjectName("fieldHint")
        self.masked_note.setWordWrap(True)
        self.full = QCheckBox(self.tr("Full ID numbers and phones"))
        self.full.setToolTip(self.tr("Recorded in the audit log. Keep such a file safe."))
        self.full.setVisible(ctx.actor.can("reveal_personal"))
        self.full.toggled.connect(lambda on: self.masked_note.setVisible(not on))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setEnabled(count > 0)
        if count == 0:
            self.intro.setText(self.tr("The list is empty: there is nothing to export."))
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.masked_note)
        layout.addWidget(self.full)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name = self.tr("volunteers") + ".xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export volunteers"),
            str(Path(QDir.homePath()) / name),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".xlsx"
            self.export_to(path)

    def export_to(self, path: str | Path) -> Task:
        """Write the file off the GUI thread; `exported` on success, the reason shown on failure."""
        database, actor, query, full = self.ctx.database, self.ctx.actor, self.query, self.full.isChecked()
        target = str(path)

        def work(_progress, _cancelled) -> int:
            with database.uow() as s:  # the export is audited: a write
                return exporting.export_volunteers(s, actor, query, target, full=full)

        self.error.hide()
        self.save_button.setEnabled(False)
        task = Task(work, self)
        task.succeeded.connect(lambda rows: self._done(target, rows))
        task.failed.connect(self._failed)
        progress = TaskProgressDialog(task, self.tr("Export volunteers"), self.tr("Writing {file}…").format(
            file=Path(target).name), self)
        task.finished.connect(progress.deleteLater)
        self.task = task
        progress.open()
        task.start()
        return task

    def _done(self, path: str, rows: int) -> None:
        self.exported.emit(path, int(rows))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(error_text(error))
        self.error.show()
