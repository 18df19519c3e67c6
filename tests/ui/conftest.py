"""Fixtures for the window's tests: a roster made through the services, a main window on a temp file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings

from desktop.db import open_database
from desktop.services import volunteers
from desktop.services.permissions import SYSTEM
from tests.helpers import id_number

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚"
ROSTER_SIZE = 500
INACTIVE_EVERY = 7  # every 7th volunteer is inactive


def roster_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[(i * 7) % len(GIVEN)]


def make_roster(database, n: int = ROSTER_SIZE) -> list[int]:
    """n volunteers through create_volunteer (validation, cards, audit), in one unit of work."""
    ids = []
    with database.uow() as s:
        for i in range(n):
            data = volunteers.VolunteerInput(
                name=roster_name(i),
                id_number=id_number(born=date(1960, 1, 1) + timedelta(days=i)),
                phone=f"1390000{i:04d}",
                registered_on=date(2024, 1, 1) + timedelta(days=i % 300),
                status="inactive" if i % INACTIVE_EVERY == 0 else "active",
            )
            ids.append(volunteers.create_volunteer(s, SYSTEM, data))
    return ids


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    """A file with 500 volunteers, shared by a module's read-only tests."""
    database = open_database(tmp_path_factory.mktemp("roster") / "roster.sqlite")
    ids = make_roster(database)
    yield database, ids
    database.dispose()


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    """The window's preferences in a file of this test's own (never the user's)."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, db, ui_settings):
    from desktop.ui.main_window import MainWindow

    w = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
