"""The window's translator answers tr() from the same catalog as the core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop import i18n
from desktop.services.permissions import SYSTEM
from desktop.ui.main_window import MainWindow
from desktop.ui.translator import CatalogTranslator

CATALOG = {
    ("MainWindow", "Volunteers"): "志愿者",
    ("VolunteerModel", "Name"): "姓名",
}


@pytest.fixture
def chinese(qapp, monkeypatch):
    monkeypatch.setattr(i18n, "catalog", lambda language: CATALOG if language == "zh_CN" else {})
    translator = CatalogTranslator("zh_CN")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_translator_returns_chinese_from_the_catalog(chinese):
    assert chinese.translate("MainWindow", "Volunteers") == "志愿者"
    assert chinese.translate("MainWindow", "Teams") is None  # not translated: Qt keeps looking
    assert QCoreApplication.translate("MainWindow", "Volunteers") == "志愿者"
    assert QCoreApplication.translate("MainWindow", "Teams") == "Teams"  # English, never blank
    assert chinese.language() == "zh_CN" and not chinese.isEmpty()


def test_the_window_shows_translated_labels(chinese, qtbot, db, ui_settings):
    window = MainWindow(db, SYSTEM, ui_settings)
    qtbot.addWidget(window)
    labels = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert labels[1] == "志愿者" and labels[2] == "Teams"
    model = window.page("volunteers").model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "姓名"


def test_english_translator_changes_nothing(qapp):
    translator = CatalogTranslator("en")
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Volunteers") == "Volunteers"
    finally:
        qapp.removeTranslator(translator)
