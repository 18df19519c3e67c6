"""Printed documents of the Points page and the overview: made on a worker, then shown in the print
preview (desktop.ui.printing) or, where that is not installed, saved as a PDF the person chooses."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import shop
from desktop.ui.tasks import Task, error_text

PREVIEW_MODULE = "desktop.ui.printing.preview"


def preview_available() -> bool:
    return importlib.util.find_spec(PREVIEW_MODULE) is not None


class PreviewDialog(QDialog):
    """One rendered document in the print preview, with Print and Save as PDF."""

    def __init__(self, rendered: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.printing.preview import PdfPreview

        self.setWindowTitle(rendered.title)
        self.resize(760, 820)
        self.preview = PdfPreview(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.preview)
        self.preview.show_rendered(rendered)

    def done(self, result: int) -> None:
        self.preview.clear()  # the document's temporary files go with the window
        super().done(result)


# (data, branding) read in a unit of work -> render(out, data, branding) -> pages
Read = Callable[[Any], tuple[Any, Any]]
Render = Callable[..., int]


def make_pdf(
    parent: QWidget,
    database: Database,
    title: str,
    file_name: str,
    read: Read,
    render: Render,
    on_shown: Callable[[QWidget | None], None] | None = None,
) -> Task:
    """Read and render off the GUI thread; then preview it, or ask where to save it."""
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-"))
    target = folder / file_name

    def work(progress, cancelled) -> int:
        with database.reader() as s:
            data, branding = read(s)
        return render(target, data, branding)

    def shown(pages: int) -> None:
        widget: QWidget | None = None
        if preview_available():
            from desktop.ui.printing.jobs import Part, Rendered

            rendered = Rendered(kind="points", title=title, folder=folder, parts=[Part(target, pages, title)])
            widget = PreviewDialog(rendered, parent)
            widget.open()
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                parent, title, file_name, QCoreApplication.translate("PointsDocuments", "PDF files (*.pdf)")
            )
            if chosen:
                shutil.copyfile(target, chosen)
            shutil.rmtree(folder, ignore_errors=True)
        if on_shown is not None:
            on_shown(widget)

    def failed(error: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.warning(parent, title, error_text(error))

    task = Task(work, parent, on_success=shown, on_failure=failed)
    return task.start()


def show_receipt(
    parent: QWidget,
    database: Database,
    redemption_id: int,
    on_shown: Callable[[QWidget | None], None] | None = None,
) -> Task:
    from desktop.printing.receipt import render_receipt

    title = QCoreApplication.translate("PointsDocuments", "Receipt {number}").format(number=redemption_id)
    return make_pdf(
        parent,
        database,
        title,
        f"receipt-{redemption_id}.pdf",
        lambda s: shop.receipt(s, redemption_id),
        render_receipt,
        on_shown,
    )
