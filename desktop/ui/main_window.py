"""The main window: a sidebar of the pages the actor may use (each made on its first visit), menus, status bar."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.db import Database
from desktop.services import stations
from desktop.services.permissions import SYSTEM, Actor
from desktop.ui import preferences
from desktop.ui.context import AppContext, station_name
from desktop.ui.pages.base import Page
from desktop.ui.style import icon
from desktop.ui.tasks import Task, run_with_progress

DEMO_MODULE = "desktop.services.demo"
SIDEBAR_WIDTH = 184


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str
    cls: str
    permission: str  # the page is in the sidebar only for an actor who has it


PAGES = (
    PageSpec("overview", "desktop.ui.pages.overview", "OverviewPage", "stats"),
    PageSpec("volunteers", "desktop.ui.pages.volunteers", "VolunteersPage", "volunteers.edit"),
    PageSpec("teams", "desktop.ui.pages.teams", "TeamsPage", "teams.edit"),
    PageSpec("events", "desktop.ui.pages.events", "EventsPage", "events.edit"),
    PageSpec("hours", "desktop.ui.pages.hours_review", "HoursReviewPage", "hours.review"),
    PageSpec("checkin", "desktop.ui.pages.checkin", "CheckinPage", "checkin.scan"),
    PageSpec("points", "desktop.ui.pages.points", "PointsPage", "shop"),
    PageSpec("printing", "desktop.ui.pages.printing", "PrintingPage", "printing"),
    PageSpec("settings", "desktop.ui.pages.settings", "SettingsPage", "settings"),
    PageSpec("accounts", "desktop.ui.accounts.accounts_page", "AccountsPage", "accounts"),
    PageSpec("audit", "desktop.ui.audit_page", "AuditPage", "audit.view"),
)
PAGE_KEYS = tuple(spec.key for spec in PAGES)


def demo_available() -> bool:
    return importlib.util.find_spec(DEMO_MODULE) is not None


class MainWindow(QMainWindow):
    def __init__(
        self,
        database: Database,
        actor: Actor = SYSTEM,
        ui_settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = AppContext(database, actor, ui_settings if ui_settings is not None else QSettings())
        self._pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        self.task: Task | None = None
        self._dialog: QWidget | None = None
        self.setWindowTitle(self.tr("StationDesk"))
        self.setWindowIcon(icon("stationdesk"))
        self.setMinimumSize(QSize(960, 600))

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.db_label = QLabel(self.tr("Database: {path}").format(path=self.database_name()))
        self.db_label.setObjectName("dbLabel")
        self.db_label.setToolTip(self.database_name())
        self.statusBar().addPermanentWidget(self.db_label)
        self.show_station_name()

        geometry = preferences.geometry(self.ctx.settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1240, 780)
        last = preferences.last_page(self.ctx.settings, "overview")
        self.show_page(last if last in self.visible_keys() else self.visible_keys()[0])

    # --- the acting user and the data file ---------------------------------------------------

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @actor.setter
    def actor(self, value: Actor) -> None:
        self.ctx.actor = value

    @property
    def database(self) -> Database:
        return self.ctx.database

    def database_name(self) -> str:
        return str(self.database.path) if self.database.path is not None else self.tr("(in memory)")

    # --- layout ----------------------------------------------------------------------------

    def _page_titles(self) -> dict[str, str]:
        return {
            "overview": self.tr("Overview"),
            "volunteers": self.tr("Volunteers"),
            "teams": self.tr("Teams"),
            "events": self.tr("Events"),
            "hours": self.tr("Hours review"),
            "checkin": self.tr("Check-in"),
            "points": self.tr("Points"),
            "printing": self.tr("Printing"),
            "settings": self.tr("Settings"),
            "accounts": self.tr("Staff accounts"),
            "audit": self.tr("Audit log"),
        }

    def visible_keys(self) -> list[str]:
        """The pages this actor may use: the window hides what the role cannot do."""
        return [spec.key for spec in PAGES if self.actor.can(spec.permission)]

    def _fill_nav(self) -> None:
        titles = self._page_titles()
        self.nav.blockSignals(True)
        self.nav.clear()
        for key in self.visible_keys():
            item = QListWidgetItem(icon(key), titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(titles[key])
            self.nav.addItem(item)
        self.nav.blockSignals(False)

    def set_actor(self, actor: Actor) -> None:
        """Another staff member took over (sign-out, idle lock): pages are rebuilt for their role."""
        self.actor = actor
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._stale.clear()
        self._fill_nav()
        self.demo_action.setEnabled(demo_available() and actor.can("demo"))
        self.show_page(self.visible_keys()[0])

    def _build_sidebar(self) -> QFrame:
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        brand = QLabel(self.tr("StationDesk"))  # 志愿服务工作台 in Chinese
        brand.setObjectName("brand")
        self.station_label = QLabel()
        self.station_label.setObjectName("brandStation")
        self.station_label.setWordWrap(True)
        self.nav = QListWidget()
        self.nav.setObjectName("sidebarNav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fill_nav()
        self.nav.currentRowChanged.connect(
            lambda row: self.show_page(self.nav.item(row).data(Qt.ItemDataRole.UserRole)) if row >= 0 else None
        )
        version = QLabel(self.tr("Version {version}").format(version=__version__))
        version.setObjectName("sidebarFoot")
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(12, 18, 12, 12)
        column.setSpacing(2)
        column.addWidget(brand)
        column.addWidget(self.station_label)
        column.addSpacing(14)
        column.addWidget(self.nav, 1)
        column.addWidget(version)
        return sidebar

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.demo_action = QAction(self.tr("Load demo data…"), self)
        self.demo_action.triggered.connect(self.load_demo_data)
        self.demo_action.setEnabled(demo_available() and self.actor.can("demo"))
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        self.account_menu = file_menu  # desktop/ui/session.py adds backups, password, lock, sign out
        self.account_separator = file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About StationDesk"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def show_station_name(self) -> None:
        with self.database.reader() as s:
            name = station_name(s)
        self.station_label.setText(name)
        self.station_label.setVisible(bool(name))
        title = self.tr("StationDesk")
        if name:
            title = self.tr("{station} — StationDesk").format(station=name)
        self.setWindowTitle(title)

    # --- pages -----------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for `key`, made now if this is its first visit."""
        page = self._pages.get(key)
        if page is None:
            spec = PAGES[PAGE_KEYS.index(key)]
            cls = getattr(importlib.import_module(spec.module), spec.cls)
            page = cls(self.ctx)
            page.setObjectName(f"page_{key}")
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            page.data_changed.connect(lambda key=key: self._data_changed(key))
            if key == "checkin":
                page.console_requested.connect(self.open_checkin_console)
            if hasattr(page, "list_requested"):  # the overview's figures open the lists behind them
                page.list_requested.connect(self.open_list)
            self.stack.addWidget(page)
            self._pages[key] = page
        return page

    def created_pages(self) -> list[str]:
        return list(self._pages)

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.refresh()
        self.stack.setCurrentWidget(page)
        keys = self.visible_keys()
        row = keys.index(key) if key in keys else -1
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return page

    def _data_changed(self, source: str) -> None:
        self._stale.update(k for k in self._pages if k != source)
        if source == "settings":
            self.show_station_name()

    def refresh_all(self) -> None:
        """After a change from outside the pages (demo data, an import): reload what is shown now,
        the other pages on their next visit."""
        current = self.current_page_key()
        self._stale.update(k for k in self._pages if k != current)
        if current in self._pages:
            self._pages[current].refresh()
        self.show_station_name()

    # --- actions ---------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About StationDesk"),
            self.tr(
                "<h3>StationDesk {version}</h3>"
                "<p>Volunteers, teams, events, check-in, service hours and certificates "
                "for New Era Civilization Practice stations.</p>"
                "<p>Licence: GNU General Public License, version 3 or later.<br>"
                "Chinese font: WenQuanYi Micro Hei (Apache-2.0).</p>"
                "<p>Database file:<br><code>{path}</code></p>"
            ).format(version=__version__, path=self.database_name()),
        )

    def load_demo_data(self) -> None:
        from desktop.ui.dialogs.demo_data import DemoDataDialog

        dialog = DemoDataDialog(self)
        dialog.accepted.connect(lambda: self.make_demo_data(dialog.sizes(), dialog.seed.value()))
        self._dialog = dialog
        dialog.open()

    def make_demo_data(self, sizes: dict[str, int], seed: int) -> Task:
        """Make demo data on a worker thread with a progress window; pages reload when it is done."""
        from desktop.services import demo

        size = demo.DemoSize(**sizes)
        database = self.database

        def work(progress, cancelled):
            return demo.generate(database, size, seed, progress=progress, cancelled=cancelled)

        title = self.tr("Load demo data")
        self.task = run_with_progress(
            self, title, self.tr("Making demo volunteers, teams, events and scans…"), work, self._demo_done
        )
        self.task.cancelled.connect(lambda: self._demo_stopped())
        return self.task

    def _demo_done(self, result: Any) -> None:
        figures = result.as_dict()
        self.statusBar().showMessage(
            self.tr("Demo data loaded: {volunteers} volunteers, {teams} teams, {events} events.").format(**figures),
            10000,
        )
        self.refresh_all()

    def _demo_stopped(self) -> None:
        self.statusBar().showMessage(self.tr("Making demo data was stopped; nothing was saved."), 10000)
        self.refresh_all()

    def open_list(self, key: str, filters: dict) -> Page:
        """Show page `key` filtered as another page asks. A page that knows how shows the filter
        in its own widgets (`show_filtered(filters)`); otherwise its list gets a fresh query with it."""
        page = self.show_page(key)
        show = getattr(page, "show_filtered", None)
        model = getattr(page, "model", None)
        if show is not None:
            show(filters)
        elif model is not None:
            model.set_query(type(model.query())(**filters))
        return page

    def open_checkin_console(self, event_id: int) -> None:
        from desktop.ui.app import open_checkin_console

        open_checkin_console(self, event_id)

    def welcome_if_needed(self) -> QWidget | None:
        """On a file without a station, open the first-run welcome (non-blocking); returns it."""
        with self.database.reader() as s:
            if stations.list_stations(s):
                return None
        from desktop.ui.dialogs.welcome import WelcomeDialog
        from desktop.ui.pages.volunteers import import_dialog_available

        dialog = WelcomeDialog(
            self.ctx,
            can_import=import_dialog_available() and self.actor.can("volunteers.import"),
            can_demo=self.demo_action.isEnabled(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._welcomed(dialog.choice))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _welcomed(self, choice: str | None) -> None:
        self.refresh_all()
        if choice == "import":
            page = self.show_page("volunteers")
            page.import_roster()
        elif choice == "demo":
            self.load_demo_data()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None and self.task.is_running():
            self.task.cancel()
        preferences.set_geometry(self.ctx.settings, self.saveGeometry())
        preferences.set_last_page(self.ctx.settings, self.current_page_key())
        self.ctx.settings.sync()
        super().closeEvent(event)
