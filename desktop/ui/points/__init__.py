"""The Points page's parts: the exchange counter, balances and history, the catalogue, the stock report."""
