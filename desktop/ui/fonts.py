"""Fonts shipped in resources/fonts: registered at start-up so Chinese shows without system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.config import resources_dir

# The window's own CJK font; other files in resources/fonts serve the PDFs and are not loaded here.
UI_FONT_FILE = "wqy-microhei.ttc"
UI_FONT_FAMILY = "WenQuanYi Micro Hei"
# System CJK fonts that look better than the shipped one where they exist (Windows, macOS, Linux).
PREFERRED_CJK = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC")


def register_shipped_font() -> str | None:
    """Add the shipped UI font to Qt; returns its family, or None if the file is missing or broken."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / UI_FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return UI_FONT_FAMILY if UI_FONT_FAMILY in families else (families[0] if families else None)


def use_cjk_fallback(app: QApplication, shipped: str | None) -> QFont:
    """Keep the system UI font first and add CJK families after it, for the glyphs it lacks."""
    font = app.font()
    families = list(font.families()) or [font.family()]
    installed = set(QFontDatabase.families())
    for family in [f for f in PREFERRED_CJK if f in installed] + ([shipped] if shipped else []):
        if family not in families:
            families.append(family)
    font.setFamilies(families)
    app.setFont(font)
    return font
