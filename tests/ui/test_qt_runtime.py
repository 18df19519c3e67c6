"""The Qt binding in use is one the program can live with (see the pin in pyproject.toml)."""

import sys

from PySide6.QtCore import QCoreApplication


def test_processing_events_does_not_leak_references_to_none(qapp):
    before = sys.getrefcount(None)
    for _ in range(500):
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) > before - 50


def test_print_preview_module_is_available():
    from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401
