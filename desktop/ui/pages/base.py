"""What all pages share: the context, margins, a header, and the signals the main window listens to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.widgets import PageHeader


class Page(QWidget):
    """A page of the main window. `refresh()` reloads what it shows from the database."""

    status_message = Signal(str)
    data_changed = Signal()  # this page wrote something: other pages reload on their next visit

    def __init__(self, ctx: AppContext, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.header = PageHeader(title, subtitle)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(28, 22, 28, 20)
        self.body.setSpacing(14)
        self.body.addWidget(self.header)

    def refresh(self) -> None:
        """Reload from the database; pages without data of their own need not override this."""
