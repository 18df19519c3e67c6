"""The look: the style sheet and the icons under resources/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.config import resources_dir


def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (an empty icon if the file is missing)."""
    return _icon(name)


@cache
def _icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same widgets on Windows and Linux, so the sheet looks the same
    path = resources_dir() / "style.qss"
    if path.exists():
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@ICONS@", icons))
