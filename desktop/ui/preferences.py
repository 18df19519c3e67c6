"""The window's own preferences (this computer, this user) in QSettings: plain values, defaults here."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LANGUAGE = "ui/language"  # "" = the system's; else one of desktop.i18n.SUPPORTED
GEOMETRY = "window/geometry"  # base64 text of QWidget.saveGeometry()
LAST_PAGE = "window/page"  # a page key such as "volunteers"


def language(settings: QSettings) -> str:
    return str(settings.value(LANGUAGE, "") or "")


def set_language(settings: QSettings, value: str) -> None:
    settings.setValue(LANGUAGE, value)


def geometry(settings: QSettings) -> QByteArray | None:
    text = str(settings.value(GEOMETRY, "") or "")
    return QByteArray.fromBase64(text.encode("ascii")) if text else None


def set_geometry(settings: QSettings, value: QByteArray) -> None:
    settings.setValue(GEOMETRY, bytes(value.toBase64().data()).decode("ascii"))


def last_page(settings: QSettings, default: str) -> str:
    return str(settings.value(LAST_PAGE, default) or default)


def set_last_page(settings: QSettings, key: str) -> None:
    settings.setValue(LAST_PAGE, key)
