"""A rendered document onto paper or into files: pages drawn on a QPrinter, PDFs saved.

`print_pages` runs on a worker (Qt allows painting on a QPrinter outside the GUI thread) with
its own QPdfDocument. Each page is rendered at the printer's own resolution, in horizontal
bands, so a 1200 dpi printer gets sharp text without a half-gigabyte image per page.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.printing.jobs import Part, Rendered, safe_file_name
from desktop.ui.tasks import CancelledFn, ProgressFn, TaskCancelled

BAND_ROWS = 1024  # pixel rows rendered at a time: 1024 x 10,000 x 4 bytes at most


def page_numbers(total: int, first: int = 0, last: int = 0) -> list[int]:
    """The 0-based pages a print dialog's 1-based range asks for (0, 0: all of them)."""
    if first <= 0 and last <= 0:
        return list(range(total))
    first = max(first, 1)
    last = min(last if last > 0 else total, total)
    return list(range(first - 1, last))


def orient_for(printer: QPrinter, rendered: Rendered) -> None:
    """Landscape paper for a landscape document (the honour certificate)."""
    doc = QPdfDocument()
    try:
        if doc.load(str(rendered.parts[0].path)) == QPdfDocument.Error.None_ and doc.pageCount():
            size = doc.pagePointSize(0)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
    finally:
        doc.close()


def print_pages(
    parts: Sequence[Part],
    printer: QPrinter,
    pages: Sequence[int] | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """Draw the chosen pages (0-based across all parts; default all) on `printer`; returns a count."""
    index = [(part, n) for part in parts for n in range(part.pages)]
    chosen = [
        index[i] for i in (range(len(index)) if pages is None else pages) if 0 <= i < len(index)
    ]
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    printer.setFullPage(True)  # the PDF has its own margins; the paper's edge is the page's edge
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PrintOutput", "The printer could not be opened."))
    docs: dict[Path, QPdfDocument] = {}
    printed = 0
    try:
        total = len(chosen) * copies
        for copy in range(copies):
            for part, number in chosen:
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise TaskCancelled()
                if printed:
                    printer.newPage()
                doc = docs.get(part.path)
                if doc is None:
                    doc = docs[part.path] = QPdfDocument()
                    if doc.load(str(part.path)) != QPdfDocument.Error.None_:
                        raise OSError(
                            QCoreApplication.translate(
                                "PrintOutput", "The document could not be read: {path}"
                            ).format(path=part.path)
                        )
                _draw_page(painter, printer, doc, number)
                printed += 1
                if progress is not None:
                    progress(printed, total)
    finally:
        painter.end()
        for doc in docs.values():
            doc.close()
    return printed


def _draw_page(painter: QPainter, printer: QPrinter, doc: QPdfDocument, number: int) -> None:
    dpi = printer.resolution()
    paper = printer.pageLayout().fullRectPixels(dpi)
    points = doc.pagePointSize(number)
    # The page keeps its proportions, centred on the paper (A4 on Letter loses no edge).
    size = QSizeF(points.width() * dpi / 72, points.height() * dpi / 72)
    size.scale(QSizeF(paper.size()), Qt.AspectRatioMode.KeepAspectRatio)
    full = QSize(round(size.width()), round(size.height()))
    left = (paper.width() - full.width()) // 2
    top = (paper.height() - full.height()) // 2
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    for y in range(0, full.height(), BAND_ROWS):
        rows = min(BAND_ROWS, full.height() - y)
        options.setScaledClipRect(QRect(0, y, full.width(), rows))
        band = doc.render(number, QSize(full.width(), rows), options)
        # Pages render on a transparent background; paper wants white, not an alpha mask.
        flat = QImage(band.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        white = QPainter(flat)
        white.drawImage(QPoint(0, 0), band)
        white.end()
        painter.drawImage(QPoint(left, top + y), flat)


def save_copy(rendered: Rendered, target: Path) -> Path:
    """The one-file document saved as `target`."""
    shutil.copyfile(rendered.parts[0].path, target)
    return target


def save_parts(rendered: Rendered, folder: Path) -> list[Path]:
    """Each part of a batch saved into `folder` under its own name, never over an existing file."""
    saved = []
    for part in rendered.parts:
        stem = safe_file_name(part.label)
        target = folder / f"{stem}.pdf"
        n = 2
        while target.exists():
            target = folder / f"{stem} ({n}).pdf"
            n += 1
        shutil.copyfile(part.path, target)
        saved.append(target)
    return saved
