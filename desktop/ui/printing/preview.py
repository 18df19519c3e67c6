"""The print preview: a rendered document's pages (QtPdf), page navigation, zoom, print and save.

While a document is being made or printed, a strip above the pages shows the progress with a
Cancel button; the work itself runs through desktop.ui.tasks and never touches these widgets.
"""

from __future__ import annotations

import weakref
from pathlib import Path

from PySide6.QtCore import QPointF, QStandardPaths, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.printing.jobs import Rendered, safe_file_name
from desktop.ui.printing.output import orient_for, page_numbers, print_pages, save_copy, save_parts
from desktop.ui.tasks import Task, error_text

# (key, zoom factor): the fitting modes first, then fixed sizes the zoom buttons step through.
ZOOMS = (
    ("page", 0.0),
    ("width", 0.0),
    ("50", 0.5),
    ("75", 0.75),
    ("100", 1.0),
    ("125", 1.25),
    ("150", 1.5),
    ("200", 2.0),
    ("300", 3.0),
)


class PdfPreview(QWidget):
    """Shows one `Rendered` document; `message` says what happened (printed, saved, failed)."""

    message = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered: Rendered | None = None
        self.task: Task | None = None
        self._part = -1
        self._offsets: list[int] = []
        self._cleanup: weakref.finalize | None = None
        self._following = False  # the spin box follows the view without jumping back

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.pageNavigator().currentPageChanged.connect(self._view_moved)

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.part_label = QLabel()
        self.part_label.setObjectName("fieldHint")
        self.previous_button = QPushButton("‹")
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QPushButton("›")
        self.next_button.setToolTip(self.tr("Next page"))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setToolTip(self.tr("Page"))
        self.page_spin.valueChanged.connect(
            lambda value: None if self._following else self.go_to(value - 1)
        )
        self.page_total = QLabel()
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom = QComboBox()
        labels = {"page": self.tr("Whole page"), "width": self.tr("Page width")}
        for key, factor in ZOOMS:
            self.zoom.addItem(labels.get(key) or self.tr("{n}%").format(n=round(factor * 100)), key)
        self.zoom.setCurrentIndex(1)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("primaryButton")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        for button in (
            self.previous_button,
            self.next_button,
            self.zoom_out_button,
            self.zoom_in_button,
        ):
            button.setFixedWidth(34)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)

        self.busy = QFrame()
        self.busy.setObjectName("busyStrip")
        self.busy_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy.hide()

        self.empty = QLabel(
            self.tr(
                "Choose a document and its options, then press Preview.\n"
                "The pages appear here, ready to print or to save as PDF."
            )
        )
        self.empty.setObjectName("previewEmpty")
        self.empty.setStyleSheet(
            "#previewEmpty { color: #8a94a6; background: #ffffff; border: 1px dashed #d5d9e0;"
            " border-radius: 10px; }"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.view)

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.part_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(heading)
        column.addLayout(bar)
        column.addWidget(self.busy)
        column.addWidget(self.pages, 1)
        self._update_controls()

    # --- the document ------------------------------------------------------------------------

    def show_rendered(self, rendered: Rendered) -> None:
        """Show a new document; the one shown before is closed and its files removed."""
        self.clear()
        self.rendered = rendered
        self._cleanup = weakref.finalize(self, rendered.discard)
        self._offsets = []
        total = 0
        for part in rendered.parts:
            self._offsets.append(total)
            total += part.pages
        self.title.setText(rendered.title)
        self.page_spin.setMaximum(max(1, total))
        self.page_total.setText(self.tr("of {n}").format(n=total))
        self.pages.setCurrentWidget(self.view)
        self._load_part(0)
        self.go_to(0)
        self._update_controls()

    def clear(self) -> None:
        self.document.close()
        self._part = -1
        if self._cleanup is not None:
            self._cleanup()
            self._cleanup = None
        self.rendered = None
        self.title.clear()
        self.part_label.clear()
        self.page_total.clear()
        self.pages.setCurrentWidget(self.empty)
        self._update_controls()

    def page_count(self) -> int:
        return self.rendered.pages if self.rendered is not None else 0

    def _load_part(self, index: int) -> None:
        if index == self._part or self.rendered is None:
            return
        part = self.rendered.parts[index]
        self.document.close()
        error = self.document.load(str(part.path))
        self._part = index
        if error != QPdfDocument.Error.None_:
            self.message.emit(self.tr("The preview could not open {path}.").format(path=part.path))
        parts = len(self.rendered.parts)
        self.part_label.setText(
            self.tr("Document {n} of {total}: {label}").format(
                n=index + 1, total=parts, label=part.label
            )
            if parts > 1
            else ""
        )

    # --- pages and zoom ----------------------------------------------------------------------

    def current_page(self) -> int:
        """The page shown, counted across all parts (0-based)."""
        if self._part < 0:
            return 0
        return self._offsets[self._part] + self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if self.rendered is None:
            return
        page = max(0, min(page, self.page_count() - 1))
        part = max(i for i, first in enumerate(self._offsets) if first <= page)
        self._load_part(part)
        self.view.pageNavigator().jump(page - self._offsets[part], QPointF(), 0)
        self._show_page_number(page)

    def _view_moved(self, _page: int) -> None:
        self._show_page_number(self.current_page())

    def _show_page_number(self, page: int) -> None:
        self._following = True
        self.page_spin.setValue(page + 1)
        self._following = False
        self.previous_button.setEnabled(self.rendered is not None and page > 0)
        self.next_button.setEnabled(self.rendered is not None and page < self.page_count() - 1)

    def _zoom_chosen(self) -> None:
        key = self.zoom.currentData()
        if key == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif key == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(dict(ZOOMS)[key])

    def step_zoom(self, direction: int) -> None:
        """One fixed size larger or smaller; from a fitting mode, start at 100%."""
        index = self.zoom.currentIndex()
        first_fixed = next(i for i, (_k, factor) in enumerate(ZOOMS) if factor > 0)
        if index < first_fixed:
            index = next(i for i, (k, _f) in enumerate(ZOOMS) if k == "100")
        else:
            index = max(first_fixed, min(len(ZOOMS) - 1, index + direction))
        self.zoom.setCurrentIndex(index)

    # --- progress of background work ------------------------------------------------------------

    def follow(self, task: Task, text: str) -> None:
        """Show `task`'s progress with a Cancel button until it finishes."""
        self.task = task
        self.busy_label.setText(text)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.busy.show()
        task.progressed.connect(self._progressed)
        task.finished.connect(self._task_finished)
        self._update_controls()
        self.busy_changed.emit(True)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _task_finished(self) -> None:
        self.task = None
        self.busy.hide()
        self._update_controls()
        self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        """From `follow` until the task's end (it may not have started yet)."""
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.busy_label.setText(self.tr("Stopping…"))

    def _update_controls(self) -> None:
        ready = self.rendered is not None and not self.is_busy()
        for widget in (
            self.print_button,
            self.save_button,
            self.zoom,
            self.zoom_in_button,
            self.zoom_out_button,
            self.page_spin,
        ):
            widget.setEnabled(ready)
        self._show_page_number(self.current_page())

    # --- print ---------------------------------------------------------------------------------

    def print_document(self) -> None:
        """The system print dialog, then the chosen pages at the printer's resolution."""
        if self.rendered is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.rendered.title)
        orient_for(printer, self.rendered)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.rendered.title))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            pages = page_numbers(self.page_count(), printer.fromPage(), printer.toPage())
        self.print_to(printer, pages)

    def print_to(self, printer: QPrinter, pages: list[int] | None = None) -> Task | None:
        """Print on a worker with progress and cancel; `printer` is left alone until it is done."""
        if self.rendered is None or self.is_busy():
            return None
        parts = list(self.rendered.parts)
        count = len(pages) if pages is not None else self.page_count()

        def work(progress, cancelled):
            return print_pages(parts, printer, pages, progress=progress, cancelled=cancelled)

        task = Task(work, self)
        task.succeeded.connect(
            lambda n: self.message.emit(self.tr("{n} pages sent to the printer.").format(n=n))
        )
        task.failed.connect(lambda error: self.message.emit(error_text(error)))
        task.cancelled.connect(lambda: self.message.emit(self.tr("Printing was stopped.")))
        self.follow(task, self.tr("Printing {n} pages…").format(n=count))
        task.start()
        return task

    # --- save ----------------------------------------------------------------------------------

    def save_as(self) -> None:
        if self.rendered is None:
            return
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if len(self.rendered.parts) > 1:
            folder = QFileDialog.getExistingDirectory(
                self,
                self.tr("Save {n} documents in a folder").format(n=len(self.rendered.parts)),
                start,
            )
            if folder:
                self.save_to(Path(folder))
            return
        suggested = str(Path(start) / f"{safe_file_name(self.rendered.title)}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, target: Path) -> list[Path]:
        """A one-file document to `target` (".pdf" added if missing); a batch into folder `target`."""
        if self.rendered is None:
            return []
        try:
            if len(self.rendered.parts) > 1:
                saved = save_parts(self.rendered, target)
                self.message.emit(
                    self.tr("{n} PDF files saved in {folder}.").format(n=len(saved), folder=target)
                )
                return saved
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
            save_copy(self.rendered, target)
        except OSError as exc:
            self.message.emit(
                self.tr("The PDF could not be saved: {error}").format(error=exc.strerror or exc)
            )
            return []
        self.message.emit(self.tr("Saved as {path}.").format(path=target))
        return [target]
