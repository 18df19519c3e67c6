"""Start the window: the application, its language and fonts, the data file, the main window."""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop import __version__, i18n
from desktop.config import APP_NAME
from desktop.db import Database, DatabaseError, open_database
from desktop.ui import preferences
from desktop.ui.accounts.login_dialog import sign_in_dialog
from desktop.ui.backup_dialog import AutomaticBackups
from desktop.ui.context import station_name
from desktop.ui.fonts import register_shipped_font, use_cjk_fallback
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.style import apply_style, icon
from desktop.ui.translator import install_translators

# Qt-free modules the first page visits need; pypinyin's dictionary alone takes ~0.3 s to import.
PRELOAD_MODULES = ("desktop.services.volunteers", "desktop.services.teams", "desktop.services.events")
BENCH_QUIT_ENV = "STATIONDESK_BENCH_QUIT"  # "1": quit once the window is first painted (cold start)
WORKERS_WAIT_MS = 10_000


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def choose_language(language: str | None, ui_settings: QSettings) -> str:
    """`--lang` wins, then the language picked in Settings, then the system's."""
    return i18n.set_language(language or preferences.language(ui_settings) or None)


def open_or_explain(db_path: Path | str, parent: QWidget | None = None) -> Database | None:
    """Open the data file; on a problem the user can act on, say so in a message box and return None."""
    try:
        return open_database(db_path)
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("App", "StationDesk cannot open the database"),
            QCoreApplication.translate("App", "The file {path} could not be opened.\n\n{reason}").format(
                path=db_path, reason=exc
            ),
        )
        return None


def preload_in_background() -> threading.Thread:
    """Import what the pages will need on a plain thread once the window is up, so the first
    click on Volunteers does not wait for it. Only Qt-free modules: nothing here touches Qt."""

    def work() -> None:
        for name in PRELOAD_MODULES:
            importlib.import_module(name)

    thread = threading.Thread(target=work, name="preload", daemon=True)
    thread.start()
    return thread


def open_checkin_console(window: MainWindow, event_id: int, *, fullscreen: bool = False) -> None:
    """Open the check-in console for one event: the single entry point the window and `--event` use.

    `fullscreen` starts it in kiosk mode (the entrance PC): leaving that needs a staff password.
    """
    from desktop.ui.checkin.console import open_console

    open_console(window, event_id, fullscreen=fullscreen)


def ask_who_signs_in(app: QApplication, database: Database):
    """The first window a person sees: sign-in (or the first administrator on a new file).

    With STATIONDESK_BENCH_QUIT=1 it is painted and closed at once, so a benchmark measures
    the cold start to the first usable window without anyone typing a password.
    """
    with database.reader() as s:
        name = station_name(s)
    dialog = sign_in_dialog(database, name)
    if os.environ.get(BENCH_QUIT_ENV) == "1":
        dialog.show()
        app.processEvents()  # the first paint
        dialog.close()
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def run(
    db_path: Path | str,
    language: str | None = None,
    checkin_event: int | None = None,
    fullscreen: bool = False,
) -> int:
    """The window's main loop; returns the process exit status (2: the database could not be opened)."""
    app = application()
    ui_settings = QSettings()
    lang = choose_language(language, ui_settings)
    install_translators(app, lang)
    use_cjk_fallback(app, register_shipped_font())
    apply_style(app)
    app.setWindowIcon(icon("stationdesk"))

    database = open_or_explain(db_path)
    if database is None:
        return 2
    try:
        actor = ask_who_signs_in(app, database)
        if actor is None:
            return 0
        window = MainWindow(database, actor, ui_settings)
        Session(window)
        AutomaticBackups(database, window).start()
        if checkin_event is not None:
            open_checkin_console(window, checkin_event, fullscreen=fullscreen)
        window.show()
        preload_in_background()
        QTimer.singleShot(0, window.welcome_if_needed)
        status = app.exec()
        QThreadPool.globalInstance().waitForDone(WORKERS_WAIT_MS)
        return status
    finally:
        database.dispose()
