"""Printing in the window: document forms, the background job, preview, print and save, the register.

Other pages ask for a document with `open_print_preview(widget, kind, **options)`, e.g.
`open_print_preview(self, "signin_sheet", event_id=12)`; kinds are in `jobs.KINDS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton, QWidget

    from desktop.ui.tasks import Task


def open_print_preview(widget: QWidget, kind: str, **options: Any) -> Task | None:
    """Show the Printing page of `widget`'s main window with this document chosen and its preview
    being made. Options: volunteer_id, team_id or event_id (whom it is for), and per document
    period_from/period_to, week_of, level, remarks, blank_rows (see jobs.PrintJob).
    Returns the background task, or None if printing is not allowed or already busy."""
    window = widget
    while window is not None and not hasattr(window, "show_page"):
        window = window.parentWidget()
    if window is None:
        raise ValueError("open_print_preview needs a widget inside the main window")
    page = window.show_page("printing")
    return page.request(kind, **options)


def print_menu_button(parent: QWidget, choices, on_choice) -> QPushButton:
    """A "Print" button with a menu of documents, for pages that print what they show."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMenu, QPushButton

    button = QPushButton(QCoreApplication.translate("Printing", "Print…"), parent)
    menu = QMenu(button)
    for text, kind in choices:
        menu.addAction(text).triggered.connect(lambda _checked=False, kind=kind: on_choice(kind))
    button.setMenu(menu)
    return button
