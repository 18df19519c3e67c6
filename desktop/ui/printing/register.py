"""The certificate register: issued certificates, searched by number or name, reprinted as copies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services import certificates
from desktop.services.certificates import CertificateQuery, CertificateRow
from desktop.ui.models.paged import CENTRE, RIGHT, Column, SqlPagedModel
from desktop.ui.models.volunteer_model import STAR
from desktop.ui.widgets import SearchBox, make_table


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


class CertificateModel(SqlPagedModel[CertificateQuery, CertificateRow]):
    CONTEXT = "CertificateModel"
    COLUMNS = (
        Column("number", QT_TRANSLATE_NOOP("CertificateModel", "Number"), "number", width=132),
        Column("kind", QT_TRANSLATE_NOOP("CertificateModel", "Certificate"), None, width=150),
        Column(
            "volunteer_name", QT_TRANSLATE_NOOP("CertificateModel", "Volunteer"), None, width=96
        ),
        Column("period", QT_TRANSLATE_NOOP("CertificateModel", "Period"), None, width=184),
        Column("hours", QT_TRANSLATE_NOOP("CertificateModel", "Hours"), None, RIGHT, 64),
        Column("issuer_name", QT_TRANSLATE_NOOP("CertificateModel", "Issued by"), None, width=90),
        Column("issued_at", QT_TRANSLATE_NOOP("CertificateModel", "Issued"), None, width=128),
        Column("reprints", QT_TRANSLATE_NOOP("CertificateModel", "Reprints"), None, CENTRE, 72),
    )

    def __init__(
        self, database: Database, query: CertificateQuery | None = None, **kwargs: Any
    ) -> None:
        super().__init__(database, query or CertificateQuery(), **kwargs)

    def count_rows(self, s, query: CertificateQuery) -> int:
        return certificates.count_certificates(s, query)

    def fetch_rows(
        self, s, query: CertificateQuery, offset: int, limit: int
    ) -> list[CertificateRow]:
        return certificates.list_certificates(s, query, offset, limit)

    def display(self, row: CertificateRow, column: Column) -> str:
        key = column.key
        if key == "kind":
            label = certificates.kind_label(row.kind)
            return f"{label} {STAR * row.star_level}" if row.star_level else label
        if key == "period":
            if row.kind == "honour":
                day = row.period_to.isoformat() if row.period_to else ""
                return (
                    QCoreApplication.translate("CertificateModel", "hours up to {day}").format(
                        day=day
                    )
                    if day
                    else ""
                )
            if row.period_from and row.period_to:
                return QCoreApplication.translate("CertificateModel", "{first} to {last}").format(
                    first=row.period_from.isoformat(), last=row.period_to.isoformat()
                )
            if row.period_to:
                return QCoreApplication.translate("CertificateModel", "all up to {day}").format(
                    day=row.period_to.isoformat()
                )
            return QCoreApplication.translate("CertificateModel", "all records")
        if key == "hours":
            return _hours(row.hours)
        if key == "issued_at":
            return row.issued_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if key == "reprints":
            return str(row.reprints) if row.reprints else ""
        return super().display(row, column)

    # Only the number orders the register (newest first by default): it is the order of issue.
    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        order = (
            Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        )
        return 0, order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column == 0 and descending != self._query.descending:
            self.update_query(descending=descending)


class RegisterPanel(QWidget):
    """The register as a searchable list; asks for a reprint of the chosen certificate."""

    reprint_requested = Signal(str)  # the certificate number

    def __init__(self, database: Database, can_print: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CertificateModel(database)
        self.search = SearchBox(self.tr("Search by certificate number or the start of a name"))
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All certificates"), None)
        for key in certificates.KIND_LABELS:
            self.kind.addItem(certificates.kind_label(key), key)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.model.update_query(kind=self.kind.currentData())
        )
        self.count = QLabel()
        self.count.setObjectName("pageSubtitle")
        self.reprint_button = QPushButton(self.tr("Reprint as a copy…"))
        self.reprint_button.setObjectName("primaryButton")
        self.reprint_button.setToolTip(self.tr("The copy keeps the number and says it is a copy."))
        self.reprint_button.clicked.connect(self._reprint)
        self.can_print = can_print
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(lambda _index: self._reprint())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_button())
        self.model.modelReset.connect(self._show_count)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.reprint_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(10)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("Certificates: {n}").format(n=f"{self.model.total():,}"))
        self._update_button()

    def selected_number(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_at(rows[0].row())
        return row.number if row is not None else None

    def _update_button(self) -> None:
        self.reprint_button.setEnabled(self.can_print and self.selected_number() is not None)

    def _reprint(self) -> None:
        number = self.selected_number()
        if number and self.can_print:
            self.reprint_requested.emit(number)

    def refresh(self) -> None:
        self.model.refresh()
