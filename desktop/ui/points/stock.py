"""The stock report: per item, opening stock + intake - redeemed - adjustments = closing stock, for
the chosen dates, with a plain answer whether goods and records agree (账物相符)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import stock
from desktop.ui.context import AppContext
from desktop.ui.points.counter import small_table
from desktop.ui.points.ledger import export_on_worker, export_to
from desktop.ui.points.models import StockModel
from desktop.ui.tasks import Task


class StockTab(QWidget):
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.model = StockModel()
        today = date.today()
        self.date_from = QDateEdit(QDate(today.replace(day=1)))
        self.date_to = QDateEdit(QDate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        self.verdict = QLabel()
        self.verdict.setObjectName("sectionTitle")
        self.view = small_table(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        export = QPushButton(self.tr("Export…"))
        export.clicked.connect(self.export)
        export.setEnabled(ctx.actor.can("export"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addSpacing(16)
        row.addWidget(self.verdict, 1)
        row.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        note = QLabel(
            self.tr(
                "Opening stock + intake − redeemed − adjustments = closing stock. "
                "Redeemed is net of goods handed back; adjustments count goods taken out "
                "(a count that found more is negative)."
            )
        )
        note.setObjectName("fieldHint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def refresh(self) -> None:
        start, end = self.period()
        if start > end:
            self.verdict.setText(self.tr("The first day is after the last."))
            self.model.set_rows([])
            return
        with self.ctx.database.reader() as s:
            lines = stock.stock_report(s, start, end)
        self.model.set_rows(lines)
        wrong = [ln.name for ln in lines if not ln.balances]
        if not lines:
            self.verdict.setText(self.tr("The catalogue is empty."))
        elif wrong:
            self.verdict.setText(self.tr("Does not reconcile: {items}").format(items="、".join(wrong)))
        else:
            self.verdict.setText(self.tr("Goods and records agree for all {n} items.").format(n=len(lines)))

    def export(self) -> None:
        path = export_to(self, self.tr("Export stock report"), self.tr("stock report.xlsx"))
        if not path:
            return
        actor = self.ctx.actor
        start, end = self.period()
        self.task = export_on_worker(
            self,
            self.ctx.database,
            lambda s: stock.export_stock_report(s, actor, path, start, end),
            path,
            self.message.emit,
        )
