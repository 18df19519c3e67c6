"""The calendar's colours: one per service category, toned down by status, and the grid's own."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor

# Distinct at a glance and calm on white; the theme's red is kept for "today" and the time line.
CATEGORY_COLOURS = {
    "elderly_disability": "#e07a2f",
    "reading": "#2f6fd0",
    "civilized_traffic": "#c9951a",
    "policy_lecture": "#b8372f",
    "science": "#7a4fc4",
    "environment": "#23975a",
    "culture_arts": "#c94a8b",
    "other": "#5b7283",
}

ACCENT = QColor("#c23b32")
TEXT = QColor("#1f2733")
MUTED_TEXT = QColor("#8a94a6")
GRID = QColor("#e3e6eb")
GRID_LIGHT = QColor("#f0f2f5")
BACKGROUND = QColor("#ffffff")
OTHER_MONTH = QColor("#fafbfc")
WEEKEND = QColor("#fcfaf7")
TODAY_FILL = QColor("#fff6f4")
SELECTED = QColor("#fbeceb")


@cache
def base(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"]))


@cache
def colours(category: str, status: str) -> tuple[QColor, QColor, QColor]:
    """(bar, fill, text) for an event chip or block."""
    bar = QColor(base(category))
    if status in ("finished", "cancelled"):
        grey = QColor("#9aa2b1")
        bar = QColor(
            (bar.red() + 2 * grey.red()) // 3, (bar.green() + 2 * grey.green()) // 3, (bar.blue() + 2 * grey.blue()) // 3
        )
    fill = QColor(bar)
    if status == "draft":
        fill = QColor("#ffffff")
    else:
        # Mixed with white rather than transparent: the same tint over grid lines and weekends.
        fill = QColor(
            255 - (255 - bar.red()) * 16 // 100,
            255 - (255 - bar.green()) * 16 // 100,
            255 - (255 - bar.blue()) * 16 // 100,
        )
    text = MUTED_TEXT if status in ("finished", "cancelled") else TEXT
    return bar, fill, text
