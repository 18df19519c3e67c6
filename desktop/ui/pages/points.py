"""The Points page: the exchange counter, balances and the ledger, the shop's catalogue, the stock report."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.points.catalogue import CatalogueTab
from desktop.ui.points.counter import ExchangeCounter
from desktop.ui.points.ledger import LedgerTab
from desktop.ui.points.stock import StockTab


class PointsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Points"),
            self.tr("Points earned by approved service hours, spent at the station's exchange shop."),
            parent,
        )
        self.counter = ExchangeCounter(ctx)
        self.ledger = LedgerTab(ctx)
        self.catalogue = CatalogueTab(ctx)
        self.stock = StockTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.counter, self.tr("Exchange"))
        self.tabs.addTab(self.ledger, self.tr("Balances and entries"))
        self.tabs.addTab(self.catalogue, self.tr("Catalogue and redemptions"))
        self.tabs.addTab(self.stock, self.tr("Stock report"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.body.addWidget(self.tabs, 1)
        for part in (self.counter, self.ledger, self.catalogue, self.stock):
            part.message.connect(self.status_message)
        self.counter.redeemed.connect(lambda _id: self._changed(self.counter))
        self.ledger.changed.connect(lambda: self._changed(self.ledger))
        self.catalogue.changed.connect(lambda: self._changed(self.catalogue))
        self._stale: set[QWidget] = set()

    def _changed(self, source: QWidget) -> None:
        """One tab wrote something: the others reload when they are next shown."""
        self._stale.update(
            tab for tab in (self.counter, self.ledger, self.catalogue, self.stock) if tab is not source
        )
        self.data_changed.emit()

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab in self._stale:
            self._stale.discard(tab)
            tab.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        self._stale.update(
            tab for tab in (self.counter, self.ledger, self.catalogue, self.stock) if tab is not current
        )
        current.refresh()

    def show_filtered(self, filters: dict) -> None:
        """Show the ledger as another page asks: entries of some kinds in a period."""
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.show_entries(
            tuple(filters.get("kinds", ())), filters.get("date_from"), filters.get("date_to")
        )

    def show_counter_for(self, text: str) -> None:
        """Open the counter with a volunteer found by a card code or a name."""
        self.tabs.setCurrentWidget(self.counter)
        self.counter.finder.setText(text)
        self.counter.find()
