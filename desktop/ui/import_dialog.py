"""The roster import window: pick a file, check its columns, preview (dry run), then import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.services import importing, roster_reading
from desktop.services.errors import ServiceError
from desktop.services.importing import ImportOptions, ImportReport, RejectedRow
from desktop.services.permissions import Actor
from desktop.services.roster_reading import RosterLayout
from desktop.ui.tasks import Task, error_text

AnyIndex = QModelIndex | QPersistentModelIndex
SAMPLE_ROWS = 3  # example values shown beside each column's header


class RejectedRowsModel(QAbstractTableModel):
    """The rows an import leaves out: row number, field, reason and what to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RejectedRow] = []
        self._headers = [self.tr("Row"), self.tr("Field"), self.tr("Reason"), self.tr("What to fix")]

    def set_rows(self, rows: list[RejectedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.row),
                roster_reading.field_label(row.field),
                importing.reason_label(row.reason),
                row.message,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def rejected_at(self, row: int) -> RejectedRow:
        return self._rows[row]


class ImportDialog(QDialog):
    """Roster import in three steps on one window; all file and database work runs off the GUI thread."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.path: Path | None = None
        self.layout_found: RosterLayout | None = None
        self.report: ImportReport | None = None  # the latest preview or import
        self.imported = False
        self.task: Task | None = None
        self.combos: list[QComboBox] = []
        self.setWindowTitle(self.tr("Import volunteer roster"))
        self.setMinimumSize(860, 720)

        # 1. The file
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An Excel workbook (.xlsx) or a CSV file"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.file_info = QLabel()
        self.file_info.setWordWrap(True)

        # 2. The columns
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, roster_reading.HEADER_SEARCH_ROWS)
        self.header_spin.setToolTip(self.tr("The row of the sheet that holds the column names"))
        self.header_spin.valueChanged.connect(self._header_row_changed)
        header_row = QHBoxLayout()
        header_row.addWidget(QLabel(self.tr("Column names are on row")))
        header_row.addWidget(self.header_spin)
        header_row.addStretch(1)
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setHorizontalSpacing(12)
        mapping_widget = QWidget()
        mapping_widget.setLayout(self.mapping_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(mapping_widget)
        scroll.setMinimumHeight(200)
        columns_box = QGroupBox(self.tr("Columns: check which column fills which field"))
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.addLayout(header_row)
        columns_layout.addWidget(scroll)

        # 3. Volunteers already registered
        self.skip_radio = QRadioButton(self.tr("Skip them (keep what is registered)"))
        self.update_radio = QRadioButton(self.tr("Update them with the values in the file"))
        self.skip_radio.setChecked(True)
        self.existing_group = QButtonGroup(self)
        self.existing_group.addButton(self.skip_radio)
        self.existing_group.addButton(self.update_radio)
        self.existing_group.buttonToggled.connect(lambda *_: self._settings_changed())
        existing_box = QGroupBox(self.tr("ID numbers already registered"))
        existing_layout = QHBoxLayout(existing_box)
        existing_layout.addWidget(self.skip_radio)
        existing_layout.addWidget(self.update_radio)
        existing_layout.addStretch(1)

        # 4. The preview and the result
        self.summary = QLabel(self.tr("Choose a roster file to begin."))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.rejected_model = RejectedRowsModel(self)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected_view.verticalHeader().setVisible(False)
        header = self.rejected_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.setToolTip(self.tr("A dry run: see what would be imported; nothing is written"))
        self.check_button.clicked.connect(self.check)
        self.save_button = QPushButton(self.tr("Save rejected rows…"))
        self.save_button.clicked.connect(self.save_rejected)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(file_row)
        layout.addWidget(self.file_info)
        layout.addWidget(columns_box, 2)
        layout.addWidget(existing_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.rejected_view, 3)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- choosing the file and its columns ----------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            str(self.path.parent) if self.path else "",
            self.tr("Rosters (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Find the header and columns of `path` in the background, then run the preview."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.layout_found = None
        self._clear_result(self.tr("Reading {file}…").format(file=self.path.name))
        self._detect(header_row=None, then_check=True)

    def _detect(self, header_row: int | None, then_check: bool) -> None:
        path = self.path
        assert path is not None

        def work(_progress, _cancelled) -> RosterLayout:
            return roster_reading.detect_layout(path, header_row=header_row)

        self._start(work, self._detected if not then_check else self._detected_then_check)

    def _detected_then_check(self, found: RosterLayout) -> None:
        self._detected(found)
        self.check()

    def _detected(self, found: RosterLayout) -> None:
        self.layout_found = found
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(found.header_row)
        self.header_spin.blockSignals(False)
        parts = []
        if found.sheet:
            parts.append(self.tr("Sheet “{sheet}”").format(sheet=found.sheet))
        if found.encoding:
            parts.append(self.tr("text encoding {encoding}").format(encoding=found.encoding.upper()))
        parts.append(self.tr("column names on row {row}").format(row=found.header_row))
        if found.estimated_rows:
            parts.append(self.tr("about {n} rows below them").format(n=f"{found.estimated_rows:,}"))
        self.file_info.setText(QCoreApplication.translate("Common", ", ").join(parts))
        self._fill_mapping(found)
        self._clear_result(self.tr("Check the columns, then press Check file."))

    def _fill_mapping(self, found: RosterLayout) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = []
        for col, title in enumerate([self.tr("Column"), self.tr("Example values"), self.tr("Imported as")]):
            label = QLabel(f"<b>{title}</b>")
            self.mapping_grid.addWidget(label, 0, col)
        for i in range(found.width):
            header = found.headers[i] if i < len(found.headers) else ""
            samples = [
                importing.text_of(values[i]) for _n, values in found.preview[:SAMPLE_ROWS] if i < len(values)
            ]
            name = QLabel(header or self.tr("(column {n}, no name)").format(n=i + 1))
            example = QLabel(QCoreApplication.translate("Common", ", ").join(s for s in samples if s)[:60])
            example.setStyleSheet("color: palette(mid);")
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), "")
            for f in roster_reading.FIELDS:
                combo.addItem(roster_reading.field_label(f), f)
            combo.setCurrentIndex(max(0, combo.findData(found.mapping.get(i, ""))))
            combo.currentIndexChanged.connect(lambda _i: self._settings_changed())
            self.mapping_grid.addWidget(name, i + 1, 0)
            self.mapping_grid.addWidget(example, i + 1, 1)
            self.mapping_grid.addWidget(combo, i + 1, 2)
            self.combos.append(combo)
        self.mapping_grid.setRowStretch(found.width + 1, 1)

    def _header_row_changed(self, row: int) -> None:
        if self.path is not None and not self._busy():
            self._clear_result(self.tr("Reading {file}…").format(file=self.path.name))
            self._detect(header_row=row, then_check=False)

    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()}

    def options(self) -> ImportOptions:
        return ImportOptions(
            update_existing=self.update_radio.isChecked(),
            header_row=self.layout_found.header_row if self.layout_found else None,
            mapping=self.mapping(),
        )

    def _settings_changed(self) -> None:
        if self.report is not None and not self.imported:
            self._clear_result(self.tr("Settings changed: press Check file to see the new result."))

    # --- preview and import ---------------------------------------------------------------------

    def check(self) -> None:
        """The dry run, on a worker thread: counts and rejected rows, nothing written."""
        if self.path is None or self.layout_found is None or self._busy():
            return
        path, options, database, actor = self.path, self.options(), self.database, self.actor

        def work(progress, cancelled) -> ImportReport:
            with database.reader() as s:
                return importing.import_volunteers(
                    s, actor, path, options, dry_run=True, progress=_progress(progress), cancelled=cancelled
                )

        self._clear_result(self.tr("Checking {file}…").format(file=path.name))
        self._start(work, self._previewed)

    def _previewed(self, report: ImportReport) -> None:
        self.report = report
        self.rejected_model.set_rows(report.rejected)
        self.summary.setText(self._describe(report))
        self._update_buttons()

    def run_import(self) -> None:
        """Write every accepted row in one transaction, on a worker thread."""
        if self.path is None or self.report is None or not self.report.dry_run or self._busy():
            return
        path, options, database, actor = self.path, self.options(), self.database, self.actor

        def work(progress, cancelled) -> ImportReport:
            with database.uow() as s:
                return importing.import_volunteers(
                    s, actor, path, options, progress=_progress(progress), cancelled=cancelled
                )

        self.summary.setText(self.tr("Importing {file}…").format(file=path.name))
        self._start(work, self._imported)

    def _imported(self, report: ImportReport) -> None:
        self.imported = True
        self._previewed(report)

    def _describe(self, r: ImportReport) -> str:
        if r.dry_run:
            text = self.tr(
                "{rows} rows: {imported} would be imported, {updated} updated, {skipped} skipped "
                "(already registered), {rejected} rejected. Nothing has been written yet."
            )
        else:
            text = self.tr(
                "Done. {rows} rows: {imported} imported, {updated} updated, {skipped} skipped "
                "(already registered), {rejected} rejected."
            )
        text = text.format(
            rows=f"{r.rows:,}", imported=f"{r.imported:,}", updated=f"{r.updated:,}",
            skipped=f"{r.skipped + r.unchanged:,}", rejected=f"{len(r.rejected):,}",
        )
        if r.teams_created:
            created = self.tr("New teams: {names}.") if not r.dry_run else self.tr("Teams to be created: {names}.")
            text += " " + created.format(names=QCoreApplication.translate("Common", ", ").join(r.teams_created))
        if r.summary_rows:
            text += " " + self.tr("Total rows (合计) left out: row {rows}.").format(
                rows=QCoreApplication.translate("Common", ", ").join(map(str, r.summary_rows))
            )
        return text

    def save_rejected(self) -> None:
        if self.report is None or not self.report.rejected or self.path is None:
            return
        suggested = self.path.with_name(self.tr("{stem} - rejected rows.xlsx").format(stem=self.path.stem))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), str(suggested), self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            importing.save_rejected(self.report, path)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Save rejected rows"), str(exc))
            return
        self.summary.setText(
            self.summary.text() + " " + self.tr("Rejected rows saved to {path}.").format(path=path)
        )

    # --- the background task ---------------------------------------------------------------------

    def _start(self, work, on_success) -> None:
        self.task = Task(work, self)
        self.task.succeeded.connect(on_success)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._stopped)
        self.task.progressed.connect(self._show_progress)
        self.task.finished.connect(self._task_finished)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.task.start()
        self._update_buttons()

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(error_text(error))

    def _stopped(self) -> None:
        self.summary.setText(self.tr("Stopped; nothing was written."))

    def _task_finished(self) -> None:
        if not self._busy():  # a preview may already have started from the detection's result
            self.progress.setVisible(False)
        self._update_buttons()

    def stop(self) -> None:
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.stop_button.setEnabled(False)

    def _busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def _clear_result(self, text: str) -> None:
        self.report = None
        self.rejected_model.set_rows([])
        self.summary.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._busy()
        done = self.imported
        self.choose_button.setEnabled(not busy and not done)
        self.header_spin.setEnabled(not busy and not done and self.layout_found is not None)
        for combo in self.combos:
            combo.setEnabled(not busy and not done)
        self.skip_radio.setEnabled(not busy and not done)
        self.update_radio.setEnabled(not busy and not done)
        self.check_button.setEnabled(not busy and not done and self.layout_found is not None)
        self.save_button.setEnabled(not busy and self.report is not None and bool(self.report.rejected))
        self.stop_button.setVisible(busy)
        self.stop_button.setEnabled(busy)
        ready = self.report is not None and self.report.dry_run and (self.report.imported or self.report.updated)
        self.import_button.setEnabled(not busy and not done and bool(ready))
        self.close_button.setEnabled(True)

    def reject(self) -> None:
        """Closing while work runs stops it first (an import then writes nothing)."""
        if self._busy():
            assert self.task is not None
            self.task.finished.connect(self._close_after_stop)
            self.stop()
            return
        super().reject()

    def _close_after_stop(self) -> None:
        super().reject()


def _progress(report):
    """importing's progress(rows_read, estimate) for the task helper's progress(done, total)."""
    def progress(done: int, total: int | None) -> None:
        report(done, max(total or 0, done) if total else 0)
    return progress
