"""Test set-up: Qt offscreen, English by default, a fresh temporary database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.qpa.fonts=false")

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.db import Database, open_database  # noqa: E402
from desktop.services.permissions import SYSTEM, Actor  # noqa: E402


@pytest.fixture(autouse=True)
def _english(monkeypatch, tmp_path):
    """Every test starts in English, with its own data folder and no database from the user."""
    i18n.set_language("en")
    monkeypatch.delenv("STATIONDESK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "station.sqlite"


@pytest.fixture
def db(db_path) -> Database:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin() -> Actor:
    return SYSTEM


@pytest.fixture
def coordinator() -> Actor:
    return Actor(None, "coordinator", "coordinator")


@pytest.fixture
def operator() -> Actor:
    return Actor(None, "operator", "operator")
