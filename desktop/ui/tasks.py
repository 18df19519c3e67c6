"""The one background-task helper: work on a worker thread, progress, cancel, results on the GUI thread.

The callable runs on a QThreadPool thread and receives `progress(done, total)` and `cancelled()`.
It must never touch a widget: everything it reports travels by queued signals and is handled on
the main thread, where the task emits `progressed`, `succeeded`, `failed` or `cancelled`, then
`finished`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
Work = Callable[[ProgressFn, CancelledFn], Any]

# Progress is passed on at most this often, so a tight loop cannot flood the GUI's event queue.
PROGRESS_INTERVAL_S = 0.05


class TaskCancelled(Exception):
    """Raised by a callable that stopped early because `cancelled()` said so."""


class _Relay(QObject):
    """Lives on the main thread; the worker emits through it, receivers run on the main thread."""

    progressed = Signal(int, int)
    done = Signal(object, object)  # result, exception


class _Runner(QRunnable):
    def __init__(self, work: Work, relay: _Relay, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._stop = stop
        self._last_progress = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._relay.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self._work(self._progress, self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)


class Task(QObject):
    """One piece of background work. Create, connect, `start()`; `cancel()` asks it to stop."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        work: Work,
        parent: QObject | None = None,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        discard: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        # A cancel can arrive after the work has already finished; its result (temporary files,
        # say) is then nobody's, and `discard` releases it.
        self._discard = discard
        self._stop = threading.Event()
        self._running = False
        self._relay = _Relay()
        # Explicitly queued: the slots run on this object's (the main) thread, never the worker's.
        self._relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._keep_alive: Task | None = None
        if on_success is not None:
            self.succeeded.connect(on_success)
        if on_failure is not None:
            self.failed.connect(on_failure)

    def start(self, pool: QThreadPool | None = None) -> Task:
        self._running = True
        self._keep_alive = self  # a task without a parent must outlive the caller's reference
        (pool or QThreadPool.globalInstance()).start(_Runner(self._work, self._relay, self._stop))
        return self

    def cancel(self) -> None:
        self._stop.set()

    def is_cancel_requested(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._running

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._running:
            self.progressed.emit(done, total)

    @Slot(object, object)
    def _on_done(self, result: Any, error: BaseException | None) -> None:
        self._running = False
        try:
            # Once a cancel was asked for, a normal return or the callable's own "stopped" error
            # (any ServiceError, e.g. demo.DemoCancelled) means cancelled; a bug still fails.
            stopped = self._stop.is_set() and (error is None or _is_users_problem(error))
            if isinstance(error, TaskCancelled) or stopped:
                if error is None and result is not None and self._discard is not None:
                    self._discard(result)
                self.cancelled.emit()
            elif error is not None:
                if not _is_users_problem(error):
                    log.error("background task failed", exc_info=error)
                self.failed.emit(error)
            else:
                self.succeeded.emit(result)
        finally:
            self.finished.emit()
            self._keep_alive = None


def _is_users_problem(error: BaseException) -> bool:
    from desktop.db import DatabaseError
    from desktop.services.errors import ServiceError

    return isinstance(error, ServiceError | DatabaseError | OSError)


def error_text(error: BaseException) -> str:
    """What to tell the user: a service's own message, or a plain note that something broke."""
    if _is_users_problem(error):
        return str(error)
    return QCoreApplication.translate("Tasks", "Something went wrong: {error}").format(
        error=f"{type(error).__name__}: {error}"
    )


class TaskProgressDialog(QDialog):
    """A window-modal progress window for one task, with a Cancel button."""

    def __init__(self, task: Task, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        task.progressed.connect(self._show_progress)
        task.finished.connect(self.accept)

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _cancel(self) -> None:
        self.task.cancel()
        self.buttons.setEnabled(False)
        self.label.setText(self.tr("Stopping…"))

    def reject(self) -> None:  # Esc and the window's close button cancel, they do not hide the work
        if self.task.is_running():
            self._cancel()
        else:
            super().reject()


def run_with_progress(
    parent: QWidget,
    title: str,
    text: str,
    work: Work,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> Task:
    """Start `work` with a progress window; failures are shown in a message box unless handled."""
    task = Task(work, parent)
    task.succeeded.connect(on_success)
    if on_failure is not None:
        task.failed.connect(on_failure)
    else:
        task.failed.connect(lambda error: QMessageBox.warning(parent, title, error_text(error)))
    dialog = TaskProgressDialog(task, title, text, parent)
    task.finished.connect(dialog.deleteLater)
    dialog.open()
    task.start()
    return task
