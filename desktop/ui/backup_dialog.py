"""Backups in the window: the list of copies, a backup now, a restore that shows what it will bring
back and asks first; and the hourly check that makes the day's automatic copy while the program runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.config import backups_dir_for
from desktop.db import Database
from desktop.services import backup
from desktop.services.permissions import Actor
from desktop.ui.tasks import Task, error_text

DAILY_CHECK_MS = 60 * 60 * 1000


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        backup.DAILY: QCoreApplication.translate("BackupDialog", "Daily"),
        backup.PRE_MIGRATE: QCoreApplication.translate("BackupDialog", "Before an update"),
        backup.PRE_RESTORE: QCoreApplication.translate("BackupDialog", "Replaced by a restore"),
        backup.MANUAL: QCoreApplication.translate("BackupDialog", "Made by hand"),
    }
    return labels.get(kind, kind)


class BackupListModel(QAbstractTableModel):
    """The files in the backups folder (rotated, so a short list read from the folder, not SQL)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("BackupListModel", "When"),
        QT_TRANSLATE_NOOP("BackupListModel", "Kind"),
        QT_TRANSLATE_NOOP("BackupListModel", "Size"),
    )

    def __init__(self, db_path: Path | None) -> None:
        super().__init__()
        self.db_path = db_path
        self.rows: list[backup.BackupFile] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = backup.list_backups(self.db_path) if self.db_path is not None else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("BackupListModel", self.HEADERS[section])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.made_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if index.column() == 1:
                return kind_label(item.kind)
            return f"{item.size / 1e6:.1f} MB"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        return None


class BackupDialog(QDialog):
    """Administrators' backups and restore. After a restore `restored` is emitted: the window must
    sign in again and reload everything (the accounts and all data may differ)."""

    restored = Signal(object)  # backup.RestoreResult

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.task: Task | None = None
        self.candidate: backup.BackupSummary | None = None
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(640, 460)
        folder = backups_dir_for(database.path) if database.path is not None else None
        intro = QLabel(
            self.tr(
                "StationDesk copies the database every day it is used, before every update and "
                "before every restore, and keeps the newest copies of each kind. Copies made by "
                "hand are never deleted. Folder: {folder}"
            ).format(folder=folder or "—")
        )
        intro.setWordWrap(True)
        self.model = BackupListModel(database.path)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.check_candidate(self.model.rows[index.row()].path))

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("primaryButton")
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.backup_to_button = QPushButton(self.tr("Back up to a file…"))
        self.backup_to_button.clicked.connect(self.ask_backup_file)
        self.restore_selected_button = QPushButton(self.tr("Restore the chosen copy…"))
        self.restore_selected_button.clicked.connect(self._restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.ask_restore_file)
        self.folder_button = QPushButton(self.tr("Open the folder"))
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))) if folder else None
        )
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.backup_to_button, self.restore_selected_button,
                       self.restore_file_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # The confirmation, shown once a file passed its checks.
        self.confirm = QWidget()
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setObjectName("formError")
        self.confirm_buttons = QDialogButtonBox()
        self.restore_button = self.confirm_buttons.addButton(
            self.tr("Replace the database with this copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_restore_button = self.confirm_buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_buttons.accepted.connect(self.restore)
        self.confirm_buttons.rejected.connect(self._cancel_restore)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addWidget(self.confirm_buttons)
        self.confirm.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addWidget(close)
        allowed = actor.can("backup") and database.path is not None
        for button in (self.backup_button, self.backup_to_button, self.restore_selected_button,
                       self.restore_file_button):
            button.setEnabled(allowed)

    # --- helpers -----------------------------------------------------------------------------

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setObjectName("formError" if problem else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.backup_to_button, self.restore_selected_button,
                       self.restore_file_button, self.restore_button):
            button.setEnabled(not busy)

    def _run(self, work, on_success) -> Task:
        self._busy(True)
        self.task = Task(work, self)
        self.task.succeeded.connect(on_success)
        self.task.failed.connect(lambda error: self._say(error_text(error), problem=True))
        self.task.finished.connect(lambda: self._busy(False))
        self.task.finished.connect(self.model.refresh)
        return self.task.start()

    # --- backing up ----------------------------------------------------------------------------

    def ask_backup_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up to a file"), "stationdesk-backup.sqlite", self.tr("Database (*.sqlite)")
        )
        if path:
            self.back_up(Path(path))

    def back_up(self, target: Path | None = None) -> Task:
        database, actor = self.database, self.actor
        self._say(self.tr("Backing up…"))
        return self._run(
            lambda progress, cancelled: backup.backup_now(database, actor, target),
            lambda path: self._say(self.tr("Backup written to {path}").format(path=path)),
        )

    # --- restoring -----------------------------------------------------------------------------

    def ask_restore_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), "", self.tr("Database (*.sqlite *.db);;All files (*)")
        )
        if path:
            self.check_candidate(Path(path))

    def _restore_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.check_candidate(self.model.rows[index.row()].path)
        else:
            self._say(self.tr("Choose a copy in the list first."), problem=True)

    def check_candidate(self, path: Path) -> Task:
        """Check the file completely (on a worker: a big file takes a moment), then ask."""
        self.candidate = None
        self.confirm.hide()
        self._say(self.tr("Checking {path}…").format(path=path))
        return self._run(lambda progress, cancelled: backup.inspect(path), self._ask_restore)

    def _ask_restore(self, summary: backup.BackupSummary) -> None:
        self.candidate = summary
        when = summary.last_change.astimezone().strftime("%Y-%m-%d %H:%M") if summary.last_change else "—"
        text = self.tr(
            "{path} is intact: {volunteers} volunteers, {events} events, last change {when}.\n"
            "Restoring replaces ALL data in this database with this copy. The current database is "
            "kept as a copy first, so this can be undone. Close StationDesk on other computers "
            "and windows using this file before you go on."
        ).format(path=summary.path, volunteers=summary.volunteers, events=summary.events, when=when)
        if backup.restore_is_older(summary):
            text += "\n" + self.tr("The copy comes from an older version; it will be updated after the restore.")
        self.confirm_text.setText(text)
        self.confirm.show()
        self._say("")

    def _cancel_restore(self) -> None:
        self.candidate = None
        self.confirm.hide()

    def restore(self) -> Task | None:
        if self.candidate is None or self.database.path is None:
            return None
        db_path, path, actor = self.database.path, self.candidate.path, self.actor
        self.confirm.hide()
        self._say(self.tr("Restoring…"))

        def done(result: backup.RestoreResult) -> None:
            self._say(
                self.tr("Restored. The replaced database was kept as {kept}.").format(kept=result.kept or "—")
            )
            self.restored.emit(result)

        return self._run(lambda progress, cancelled: backup.restore(db_path, path, actor), done)


class AutomaticBackups(QObject):
    """The day's automatic copy while the program runs: checked now and every hour, on a worker."""

    made = Signal(object)  # the Path of a new daily copy
    failed = Signal(str)

    def __init__(self, database: Database, parent: QObject | None = None, interval_ms: int = DAILY_CHECK_MS) -> None:
        super().__init__(parent)
        self.database = database
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> Task | None:
        if self.task is not None and self.task.is_running():
            return None
        database = self.database
        self.task = Task(lambda progress, cancelled: backup.after_open(database), self)
        self.task.succeeded.connect(lambda path: self.made.emit(path) if path is not None else None)
        self.task.failed.connect(lambda error: self.failed.emit(error_text(error)))
        return self.task.start()
