"""The background-task helper: results, errors and progress arrive on the main thread; cancel works."""

from __future__ import annotations

import threading

import pytest

from desktop.services.errors import ValidationError
from desktop.ui.tasks import Task, TaskCancelled, TaskProgressDialog, error_text, run_with_progress

MAIN = threading.get_ident()


def record_thread(log: list, name: str):
    return lambda *args: log.append((name, threading.get_ident(), args))


def test_result_is_delivered_on_the_main_thread(qtbot):
    def work(progress, cancelled):
        return threading.get_ident()

    log: list = []
    task = Task(work)
    task.succeeded.connect(record_thread(log, "ok"))
    task.failed.connect(record_thread(log, "failed"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert [entry[0] for entry in log] == ["ok"]
    _name, thread, (worker_thread,) = log[0]
    assert thread == MAIN and worker_thread != MAIN
    assert not task.is_running()


def test_errors_are_delivered_on_the_main_thread(qtbot):
    def work(progress, cancelled):
        raise ValidationError("name", "The name is required.")

    log: list = []
    task = Task(work, on_failure=record_thread(log, "failed"))
    task.succeeded.connect(record_thread(log, "ok"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert len(log) == 1 and log[0][0] == "failed" and log[0][1] == MAIN
    error = log[0][2][0]
    assert isinstance(error, ValidationError) and error.fields == {"name": "The name is required."}
    assert error_text(error) == "The name is required."
    assert error_text(KeyError("x")).startswith("Something went wrong: KeyError")


def test_progress_reaches_the_main_thread_and_ends_complete(qtbot):
    def work(progress, cancelled):
        for i in range(1, 1001):
            progress(i, 1000)
        return "done"

    log: list = []
    task = Task(work)
    task.progressed.connect(record_thread(log, "progress"))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        task.start()
    assert result.args == ["done"]
    assert log and all(thread == MAIN for _n, thread, _a in log)
    assert log[-1][2] == (1000, 1000)
    assert len(log) < 1000  # throttled: a tight loop does not flood the event queue


def _waiting_work(started: threading.Event, raise_on_cancel: bool):
    def work(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.002)  # the worker idles; the test itself never sleeps
        if raise_on_cancel:
            raise TaskCancelled()
        return "partial"

    return work


@pytest.mark.parametrize("raise_on_cancel", [True, False])
def test_a_task_can_be_cancelled(qtbot, raise_on_cancel):
    started = threading.Event()
    log: list = []
    task = Task(_waiting_work(started, raise_on_cancel))
    task.succeeded.connect(record_thread(log, "ok"))
    task.failed.connect(record_thread(log, "failed"))
    task.cancelled.connect(record_thread(log, "cancelled"))
    task.start()
    assert started.wait(5)
    assert task.is_running()
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert [(name, thread) for name, thread, _a in log] == [("cancelled", MAIN)]


def test_progress_dialog_cancel_button_stops_the_task(qtbot):
    started = threading.Event()
    task = Task(_waiting_work(started, True))
    dialog = TaskProgressDialog(task, "Working", "Please wait")
    qtbot.addWidget(dialog)
    dialog.show()
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        dialog.buttons.rejected.emit()
    assert task.is_cancel_requested()
    assert not dialog.isVisible()


def test_run_with_progress_shows_progress_and_reports(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    results = []

    def work(progress, cancelled):
        progress(5, 10)
        return 42

    task = run_with_progress(parent, "Working", "Please wait", work, results.append)
    dialog = parent.findChild(TaskProgressDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [42]
    assert not dialog.isVisible()


def test_a_services_own_stop_error_after_cancel_counts_as_cancelled(qtbot):
    from desktop.services.errors import ServiceError

    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.002)
        raise ServiceError("Making demo data was cancelled; nothing was saved.")

    log: list = []
    task = Task(work)
    task.failed.connect(record_thread(log, "failed"))
    task.cancelled.connect(record_thread(log, "cancelled"))
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert [name for name, _t, _a in log] == ["cancelled"]


def test_a_bug_during_cancel_is_still_reported(qtbot):
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.002)
        raise ZeroDivisionError("bug")

    task = Task(work)
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        task.cancel()
    assert isinstance(failure.args[0], ZeroDivisionError)


def test_a_result_finished_after_a_cancel_is_discarded_not_delivered(qtbot):
    """The work ends normally just as the user presses Stop: its result is released, not shown."""
    finished_work = threading.Event()
    discarded: list = []
    delivered: list = []

    def work(progress, cancelled):
        finished_work.set()
        return "temporary files"

    task = Task(work, discard=discarded.append)
    task.succeeded.connect(delivered.append)
    task.cancel()  # the request is already in before the main thread hears the work is done
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.start()
    assert finished_work.is_set()
    assert discarded == ["temporary files"] and delivered == []
