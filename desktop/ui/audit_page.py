"""The Audit log page (administrators): who changed what and when, filtered in SQL, exportable, read only."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from desktop.services import auditlog
from desktop.services.auditlog import AuditQuery, AuditRow
from desktop.ui.context import AppContext
from desktop.ui.models.paged import RIGHT, Column, SqlPagedModel
from desktop.ui.pages.base import Page
from desktop.ui.tasks import Task, error_text
from desktop.ui.widgets import SearchBox, make_table


class AuditModel(SqlPagedModel[AuditQuery, AuditRow]):
    """Pages of the log, newest first; the time column sorts (on its index), the others filter."""

    CONTEXT = "AuditModel"
    COLUMNS = (
        Column("at", QT_TRANSLATE_NOOP("AuditModel", "Time"), "at", width=150, sample="2026-12-31 23:59:59"),
        Column("actor_name", QT_TRANSLATE_NOOP("AuditModel", "Staff member"), width=110),
        Column("action", QT_TRANSLATE_NOOP("AuditModel", "Action"), width=150),
        Column("entity", QT_TRANSLATE_NOOP("AuditModel", "Record"), width=110),
        Column("entity_id", QT_TRANSLATE_NOOP("AuditModel", "No."), align=RIGHT, width=64),
        Column("summary", QT_TRANSLATE_NOOP("AuditModel", "What changed"), width=400),
    )

    def __init__(self, database, actor, query: AuditQuery | None = None, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(database, query or AuditQuery(), **kwargs)

    def count_rows(self, s, query: AuditQuery) -> int:
        return auditlog.count_entries(s, self.actor, query)

    def fetch_rows(self, s, query: AuditQuery, offset: int, limit: int) -> list[AuditRow]:
        return auditlog.list_entries(s, self.actor, query, offset, limit)

    def display(self, row: AuditRow, column: Column) -> str:
        key = column.key
        if key == "at":
            return row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if key == "actor_name":
            return row.actor_text()
        if key == "action":
            return auditlog.action_label(row.action)
        if key == "entity":
            return auditlog.entity_label(row.entity)
        if key == "entity_id":
            return "" if row.entity_id is None else str(row.entity_id)
        if key == "summary":
            return row.summary()
        return super().display(row, column)

    def cell_role(self, row: AuditRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "summary":
            return row.summary()
        return None

    # The query has `newest_first` rather than the base class's sort/descending pair.
    def sort_column(self):
        order = Qt.SortOrder.DescendingOrder if self._query.newest_first else Qt.SortOrder.AscendingOrder
        return 0, order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column != 0:
            return
        newest = order == Qt.SortOrder.DescendingOrder
        if newest != self._query.newest_first:
            self.update_query(newest_first=newest)


class AuditPage(Page):
    """Read only: nothing on this page can change the log (the database refuses it as well)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Audit log"), parent=parent)
        self.model = AuditModel(ctx.database, ctx.actor)
        self.task: Task | None = None
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.ask_export)
        self.header.actions.addWidget(self.export_button)

        self.search = SearchBox(self.tr("Search in the values (a name, an ID number…)"))
        self.search.search.connect(lambda text: self.model.update_query(text=text))
        self.actor_name = SearchBox(self.tr("Staff member"))
        self.actor_name.search.connect(lambda text: self.model.update_query(actor_name=text))
        actions, entities = self._known_values()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for key in actions:
            self.action.addItem(auditlog.action_label(key), key)
        self.action.currentIndexChanged.connect(lambda _i: self.model.update_query(action=self.action.currentData()))
        self.entity = QComboBox()
        self.entity.addItem(self.tr("All records"), None)
        for key in entities:
            self.entity.addItem(auditlog.entity_label(key), key)
        self.entity.currentIndexChanged.connect(lambda _i: self.model.update_query(entity=self.entity.currentData()))
        self.entity_id = QLineEdit()
        self.entity_id.setPlaceholderText(self.tr("Record No."))
        self.entity_id.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.entity_id.setMaximumWidth(110)
        self.entity_id.editingFinished.connect(self._entity_id_changed)
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = QDateEdit(today.addMonths(-1))
        self.use_to = QCheckBox(self.tr("to"))
        self.date_to = QDateEdit(today)
        for box, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self._dates_changed())
            edit.dateChanged.connect(lambda _d: self._dates_changed())
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.actor_name, 0, 3)
        filters.addWidget(self.action, 1, 0)
        filters.addWidget(self.entity, 1, 1)
        filters.addWidget(self.entity_id, 1, 2)
        dates = QWidget()
        row = QGridLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate((self.use_from, self.date_from, self.use_to, self.date_to)):
            row.addWidget(widget, 0, n)
        filters.addWidget(dates, 1, 3)
        filters.setColumnStretch(0, 1)
        self.body.addLayout(filters)

        self.table = make_table(self.model)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Choose an entry to see its values before and after."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.body.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self.show_detail(index.row()))
        self.model.modelReset.connect(self._show_count)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.hide()
        self.body.addWidget(self.message)
        self._show_count()

    def _known_values(self) -> tuple[list[str], list[str]]:
        with self.ctx.database.reader() as s:
            return auditlog.known_values(s, self.ctx.actor)

    def _entity_id_changed(self) -> None:
        text = self.entity_id.text().strip()
        value = int(text) if text.isdigit() else None
        if value != self.model.query().entity_id:
            self.model.update_query(entity_id=value)

    def _dates_changed(self) -> None:
        """Local calendar days, turned into the UTC instants the log is stored in."""
        start = end = None
        if self.use_from.isChecked():
            start = datetime.combine(self.date_from.date().toPython(), time.min).astimezone()
        if self.use_to.isChecked():
            end = datetime.combine(self.date_to.date().toPython() + timedelta(days=1), time.min).astimezone()
        if start is not None and end is not None and end <= start:
            self.message.setText(self.tr("The end of the period is before its start."))
            self.message.show()
            return
        self.message.hide()
        self.model.update_query(start=start, end=end)

    def _show_count(self) -> None:
        self.header.set_subtitle(self.tr("{n} entries").format(n=f"{self.model.total():,}"))
        self.detail.clear()

    def show_detail(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry is None:
            self.detail.clear()
            return
        self.detail.setPlainText("\n".join([self._heading(entry), "", *self._changes(entry)]))

    def _heading(self, entry: AuditRow) -> str:
        when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        action, record = auditlog.action_label(entry.action), auditlog.entity_label(entry.entity)
        if entry.entity_id is None:
            return self.tr("{time} — {name}: {action} ({record})").format(
                time=when, name=entry.actor_text(), action=action, record=record
            )
        return self.tr("{time} — {name}: {action} ({record} No. {id})").format(
            time=when, name=entry.actor_text(), action=action, record=record, id=entry.entity_id
        )

    def _changes(self, entry: AuditRow) -> list[str]:
        """One line per field, "field: before → after", from the service's description in words."""
        rows = auditlog.describe(entry)
        if not rows:
            return [self.tr("No values were recorded for this entry.")]
        return [auditlog.change_text(label, before, after) for label, before, after in rows]

    def refresh(self) -> None:
        self.model.refresh()

    # --- export ----------------------------------------------------------------------------------

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit-log.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task:
        """Export what the filters show, on a worker thread; the result is said in the status bar."""
        database, actor, query = self.ctx.database, self.ctx.actor, self.model.query()

        def work(progress, cancelled):
            return auditlog.export_entries(database, actor, query, path, progress=progress, cancelled=cancelled)

        self.export_button.setEnabled(False)
        self.task = Task(work, self)
        self.task.succeeded.connect(
            lambda n: self.status_message.emit(self.tr("{n} entries exported to {path}").format(n=n, path=path))
        )
        self.task.failed.connect(self._export_failed)
        self.task.finished.connect(lambda: self.export_button.setEnabled(True))
        self.task.finished.connect(self.model.refresh)  # the export is itself an entry
        return self.task.start()

    def _export_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
