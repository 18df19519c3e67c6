"""The Printing page: a document, its options and preview, print and save; the certificate register."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.printing.forms import FORMS, DocumentForm
from desktop.ui.printing.jobs import KINDS, REPRINT, PrintJob, Rendered, kind_label, reasons_text
from desktop.ui.printing.preview import PdfPreview
from desktop.ui.printing.register import RegisterPanel
from desktop.ui.tasks import Task, error_text

OPTIONS_WIDTH = 372


class PrintingPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Printing"), parent=parent)
        self.header.set_subtitle(
            self.tr("Certificates, volunteer cards, sign-in sheets, rosters and reports")
        )
        self.can_print = ctx.actor.can("printing")
        self.forms: dict[str, DocumentForm] = {}
        self.job: PrintJob | None = None
        self.task: Task | None = None

        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(12)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_form())
        # Forms are shown one at a time in a plain column: a stack would be as tall as its
        # tallest form (its height-for-width counts hidden pages): the options would scroll.
        self.form_box = QWidget()
        self.form_column = QVBoxLayout(self.form_box)
        self.form_column.setContentsMargins(0, 0, 0, 0)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("primaryButton")
        self.preview_button.clicked.connect(self.preview_document)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = QLabel()
        self.info.setObjectName("noticeText")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.error, self.info):
            label.hide()

        options = QWidget()
        options.setObjectName("printOptions")
        column = QVBoxLayout(options)
        column.setContentsMargins(0, 0, 14, 0)
        column.setSpacing(8)
        caption = QLabel(self.tr("Document"))
        caption.setObjectName("sectionTitle")
        column.addWidget(caption)
        column.addWidget(self.kind)
        column.addWidget(self.form_box)
        if not self.can_print:
            note = QLabel(self.tr("Your account may not print documents. Ask a coordinator."))
            note.setObjectName("fieldHint")
            note.setWordWrap(True)
            column.addWidget(note)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("printOptionsScroll")
        scroll.setWidget(options)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The options sit on the page's own background, not a grey box.
        scroll.setStyleSheet("#printOptionsScroll, #printOptions { background: transparent; }")
        scroll.viewport().setAutoFillBackground(False)
        side = QWidget()
        side.setMinimumWidth(OPTIONS_WIDTH)
        side.setMaximumWidth(OPTIONS_WIDTH + 80)
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 10, 0)
        side_column.setSpacing(8)
        side_column.addWidget(scroll, 1)
        side_column.addWidget(self.error)
        side_column.addWidget(self.info)
        side_column.addWidget(self.preview_button)

        self.preview = PdfPreview()
        self.preview.message.connect(self.status_message)
        self.preview.message.connect(self._show_info)
        self.preview.busy_changed.connect(lambda _busy: self._update_buttons())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(side)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)

        self.register = RegisterPanel(ctx.database, self.can_print)
        self.register.reprint_requested.connect(self.reprint)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        documents = QWidget()
        documents_column = QVBoxLayout(documents)
        documents_column.setContentsMargins(0, 10, 0, 0)
        documents_column.addWidget(split)
        self.tabs.addTab(documents, self.tr("Documents"))
        self.tabs.addTab(self.register, self.tr("Certificate register"))
        self.body.addWidget(self.tabs, 1)

        QShortcut(QKeySequence.StandardKey.Print, self, self.preview.print_document)
        self._show_form()

    # --- the document and its options ---------------------------------------------------------

    def form(self, kind: str) -> DocumentForm:
        """The options form of a document, made on its first use."""
        form = self.forms.get(kind)
        if form is None:
            form = FORMS[kind](self.ctx.database, self.ctx.actor)
            self.forms[kind] = form
            form.hide()
            self.form_column.addWidget(form)
        return form

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _show_form(self) -> None:
        form = self.form(self.current_kind())
        for other in self.forms.values():
            other.setVisible(other is form)
        self.preview_button.setText(form.action_text())
        self._clear_messages()
        self._update_buttons()

    def choose(self, kind: str, options: dict[str, Any] | None = None) -> DocumentForm:
        self.tabs.setCurrentIndex(0)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        form = self.form(kind)
        if options:
            form.set_options(options)
        return form

    def request(self, kind: str, **options: Any) -> Task | None:
        """Another page asks for a document: choose it, fill its options, make the preview."""
        self.choose(kind, options)
        return self.preview_document()

    # --- making the preview ------------------------------------------------------------------

    def preview_document(self) -> Task | None:
        kind = self.current_kind()
        return self._start(
            PrintJob(self.ctx.database, self.ctx.actor, kind, self.form(kind).options())
        )

    def reprint(self, number: str) -> Task | None:
        self.tabs.setCurrentIndex(0)
        return self._start(PrintJob(self.ctx.database, self.ctx.actor, REPRINT, {"number": number}))

    def _start(self, job: PrintJob) -> Task | None:
        if not self.can_print:
            return None
        if self.preview.is_busy():
            self.status_message.emit(self.tr("Wait until the document being made or printed is done."))
            return None
        self._clear_messages()
        self.job = job
        task = Task(job.run, self, discard=lambda rendered: rendered.discard())
        task.succeeded.connect(lambda rendered: self._rendered(job, rendered))
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._cancelled(job))
        task.finished.connect(self._finished)
        self.task = task
        label = kind_label(job.kind)
        self.preview.follow(task, self.tr("Making {document}…").format(document=label))
        task.start()
        return task

    def _rendered(self, job: PrintJob, rendered: Rendered) -> None:
        self.preview.show_rendered(rendered)
        lines = []
        numbers = rendered.numbers
        if job.kind == REPRINT:
            lines.append(
                self.tr("Copy of certificate No. {number}; the reprint is recorded.").format(
                    number=numbers[0]
                )
            )
        elif len(numbers) == 1:
            lines.append(
                self.tr("Certificate No. {number} is registered.").format(number=numbers[0])
            )
        elif numbers:
            lines.append(
                self.tr("{n} certificates are registered, Nos. {first} to {last}.").format(
                    n=len(numbers), first=numbers[0], last=numbers[-1]
                )
            )
        if rendered.skipped:
            lines.append(
                self.tr("Left out:\n{reasons}").format(reasons=reasons_text(rendered.skipped))
            )
        self._show_info("\n".join(lines))
        ready = (
            self.tr("{title} is ready to print (1 page).")
            if rendered.pages == 1
            else self.tr("{title} is ready to print ({n} pages).")
        )
        self.status_message.emit(ready.format(title=rendered.title, n=rendered.pages))
        if job.writes():
            self.register.refresh()
            self.data_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def _cancelled(self, job: PrintJob) -> None:
        numbers = job.registered
        text = self.tr("Stopped; nothing was printed.")
        if len(numbers) == 1:
            text = self.tr(
                "Stopped. Certificate No. {number} was already registered; "
                "find it in the certificate register."
            ).format(number=numbers[0])
        elif numbers:
            text = self.tr(
                "Stopped. {n} certificates were already registered (Nos. {first} to {last}); "
                "find them in the certificate register."
            ).format(n=len(numbers), first=numbers[0], last=numbers[-1])
        if numbers:
            self.register.refresh()
            self.data_changed.emit()
        self._show_info(text)

    def _finished(self) -> None:
        self.task = None
        self._update_buttons()

    # --- messages and buttons ------------------------------------------------------------------

    def _clear_messages(self) -> None:
        for label in (self.error, self.info):
            label.clear()
            label.hide()

    def _show_info(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.preview_button.setEnabled(self.can_print and not self.preview.is_busy())

    def refresh(self) -> None:
        for form in self.forms.values():
            form.refresh()
        self.register.refresh()
