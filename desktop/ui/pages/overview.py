"""The Overview page: the station's dashboard for a chosen period and station.

Figures as tiles (a click opens the list behind one), charts of hours, events, teams and new
volunteers (QtCharts), the events coming up and the records waiting for review; export to Excel
and a printable PDF. Everything is read on a worker by services.dashboard, in one read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services import dashboard, events
from desktop.services.dashboard import (
    Bucket,
    Dashboard,
    Share,
    StationChoice,
    UpcomingEvent,
    WaitingEvent,
)
from desktop.services.events import local_day_bounds
from desktop.ui.context import AppContext
from desktop.ui.models.paged import RIGHT, Column
from desktop.ui.pages.base import Page
from desktop.ui.points.counter import small_table
from desktop.ui.points.models import FixedModel
from desktop.ui.tasks import Task, error_text

BRAND = QColor("#b8372f")
BRAND_LIGHT = QColor("#e8a29b")
SLATE = QColor("#4b6a88")
GRID = QColor("#e3e6eb")
STAR = "★"


class Tile(QFrame):
    """One figure: a big number above its caption; `clicked` when it leads to a list."""

    clicked = Signal()

    def __init__(self, caption: str, clickable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("fieldHint")
        self.detail.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Show the list behind this figure"))

    def set_detail(self, text: str) -> None:
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _chart() -> QChart:
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


class ChartCard(QFrame):
    """A titled card holding one chart."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.empty = QLabel(self.tr("Nothing in this period."))
        self.empty.setObjectName("emptyNote")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = QChartView(_chart())
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(230)
        self.view.setStyleSheet("background: transparent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.empty.hide()

    def replace(self, chart: QChart | None) -> None:
        """Show a new chart (the view owns it from now on), or the 'nothing' note."""
        self.view.setVisible(chart is not None)
        self.empty.setVisible(chart is None)
        if chart is not None:
            old = self.view.chart()
            self.view.setChart(chart)
            if old is not None and old is not chart:
                old.deleteLater()


def _axis_font(size: float = 8.5) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    return font


def column_chart(bars: list[Bucket], labels: list[str], colour: QColor) -> QChart:
    chart = _chart()
    series = QBarSeries()
    values = QBarSet("")
    values.setColor(colour)
    values.setBorderColor(colour)
    for bar in bars:
        values.append(bar.value)
    series.append(values)
    series.setBarWidth(0.62)
    chart.addSeries(series)
    x = _category_axis(labels, _axis_font())
    y = _value_axis(max([b.value for b in bars] + [1]) * 1.1)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def bar_chart(shares: list[Share], colour: QColor) -> QChart:
    """Horizontal bars, the biggest on top."""
    chart = _chart()
    series = QHorizontalBarSeries()
    values = QBarSet("")
    values.setColor(colour)
    values.setBorderColor(colour)
    ordered = list(reversed(shares))  # Qt draws the first category at the bottom
    for share in ordered:
        values.append(round(share.value))  # whole hours and counts read best on a bar
    series.append(values)
    series.setBarWidth(0.66)
    series.setLabelsVisible(True)
    series.setLabelsPrecision(9)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
    values.setLabelColor(QColor("white"))
    chart.addSeries(series)
    y = _category_axis([_short(share.label) for share in ordered], _axis_font(9))
    x = _value_axis(max([s.value for s in shares] + [1]) * 1.05)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def _category_axis(labels: list[str], font) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setTruncateLabels(False)  # a month's or a team's name is the point of the chart
    axis.setLabelsFont(font)
    axis.setGridLineVisible(False)
    return axis


def _value_axis(top: float) -> QValueAxis:
    """Whole numbers from 0 to a round number above `top`, with light grid lines."""
    axis = QValueAxis()
    axis.setLabelFormat("%.0f")
    axis.setRange(0, top)
    axis.applyNiceNumbers()
    axis.setLabelsFont(_axis_font())
    axis.setGridLineColor(GRID)
    return axis


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class UpcomingModel(FixedModel):
    CONTEXT = "OverviewPage"
    COLUMNS = (
        Column("start_at", QT_TRANSLATE_NOOP("OverviewPage", "When"), width=120),
        Column("title", QT_TRANSLATE_NOOP("OverviewPage", "Event"), width=180),
        Column("enrolled", QT_TRANSLATE_NOOP("OverviewPage", "Enrolled"), align=RIGHT, width=70),
    )

    def display(self, row: UpcomingEvent, column: Column) -> str:
        if column.key == "start_at":
            return row.start_at.astimezone().strftime("%m-%d %H:%M")
        if column.key == "enrolled" and row.capacity:
            return f"{row.enrolled}/{row.capacity}"
        return super().display(row, column)


class WaitingModel(FixedModel):
    CONTEXT = "OverviewPage"
    COLUMNS = (
        Column("start_at", QT_TRANSLATE_NOOP("OverviewPage", "Date"), width=90, sample="2026-12-31"),
        Column("title", QT_TRANSLATE_NOOP("OverviewPage", "Event"), width=180),
        Column("records", QT_TRANSLATE_NOOP("OverviewPage", "Records"), align=RIGHT, width=70),
        Column("flagged", QT_TRANSLATE_NOOP("OverviewPage", "Flagged"), align=RIGHT, width=70),
    )

    def display(self, row: WaitingEvent, column: Column) -> str:
        if column.key == "start_at":
            return row.start_at.astimezone().strftime("%Y-%m-%d")
        return super().display(row, column)


class OverviewPage(Page):
    """`list_requested(page key, query changes)` asks the main window for the list behind a figure."""

    list_requested = Signal(str, dict)
    COLUMNS = 4

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Overview"), parent=parent)
        self.shown: Dashboard | None = None
        self.task: Task | None = None
        self.window_open: QWidget | None = None
        self._generation = 0
        self._depths: dict[int, int] = {}
        self.loading: Task | None = None

        self.period = QComboBox()
        for key in dashboard.PERIODS:
            self.period.addItem(dashboard.period_label(key), key)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.station = QComboBox()
        self.station.addItem(self.tr("All stations"), None)
        self.station.setMinimumWidth(200)
        self.station.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton(self.tr("Export"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Excel workbook…"), self.export_xlsx).setEnabled(ctx.actor.can("export"))
        menu.addAction(self.tr("Printable PDF…"), self.export_pdf).setEnabled(ctx.actor.can("printing"))
        self.export_button.setMenu(menu)
        self.header.actions.addWidget(self.period)
        self.header.actions.addWidget(self.station)
        self.header.actions.addWidget(self.export_button)

        captions = {
            "volunteers": self.tr("Registered volunteers"),
            "new_volunteers": self.tr("New volunteers"),
            "active_volunteers": self.tr("Volunteers who served"),
            "teams": self.tr("Volunteer teams"),
            "events": self.tr("Events"),
            "events_held": self.tr("Events held"),
            "service_instances": self.tr("Volunteer-service instances"),
            "service_hours": self.tr("Service hours (approved)"),
            "people_served": self.tr("People served"),
            "points_earned": self.tr("Points earned"),
            "points_redeemed": self.tr("Points redeemed"),
            "stars": self.tr("Star volunteers"),
        }
        self.tiles = {key: Tile(text) for key, text in captions.items()}
        for key, tile in self.tiles.items():
            tile.clicked.connect(lambda key=key: self.open_list(key))

        self.hours_card = ChartCard(self.tr("Service hours per month"))
        self.categories_card = ChartCard(self.tr("Events by service category"))
        self.teams_card = ChartCard(self.tr("Teams with the most service hours"))
        self.new_card = ChartCard(self.tr("New volunteers per month"))
        self.upcoming = UpcomingModel()
        self.waiting = WaitingModel()
        self.upcoming_view = small_table(self.upcoming)
        self.waiting_view = small_table(self.waiting)
        for view in (self.upcoming_view, self.waiting_view):
            # The event's title takes the room; dates and counts keep their width.
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.waiting_title = QLabel(self.tr("Waiting for review"))
        self.waiting_title.setObjectName("sectionTitle")

        content = QWidget()
        content.setObjectName("overviewContent")
        grid = QGridLayout()
        grid.setSpacing(12)
        for number, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, number // self.COLUMNS, number % self.COLUMNS)
        charts = QGridLayout()
        charts.setSpacing(12)
        charts.addWidget(self.hours_card, 0, 0)
        charts.addWidget(self.categories_card, 0, 1)
        charts.addWidget(self.teams_card, 1, 0)
        charts.addWidget(self.new_card, 1, 1)
        lists = QHBoxLayout()
        lists.setSpacing(12)
        for title, view in (
            (QLabel(self.tr("Coming up")), self.upcoming_view),
            (self.waiting_title, self.waiting_view),
        ):
            card = QFrame()
            card.setObjectName("tile")
            box = QVBoxLayout(card)
            box.setContentsMargins(16, 12, 16, 12)
            title.setObjectName("sectionTitle")
            box.addWidget(title)
            view.setMinimumHeight(250)
            box.addWidget(view)
            lists.addWidget(card, 1)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(12)
        column.addLayout(grid)
        column.addLayout(charts)
        column.addLayout(lists)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setStyleSheet("QScrollArea, #overviewContent { background: transparent; }")
        self.body.addWidget(scroll, 1)
        self.refresh()

    # --- choices -------------------------------------------------------------------------

    def period_key(self) -> str:
        return self.period.currentData() or "this_year"

    def dates(self) -> tuple[date | None, date | None]:
        return dashboard.period_dates(self.period_key(), date.today())

    def station_id(self) -> int | None:
        return self.station.currentData()

    def leaf_station(self) -> int | None:
        """The chosen station if no station sits below it, else None (the lists are not filtered)."""
        index = self.station.currentIndex()
        if index <= 0 or self.station.currentData() is None:
            return None
        depth = self._depths.get(self.station.currentData(), 0)
        following = self.station.itemData(index + 1) if index + 1 < self.station.count() else None
        return None if following is not None and self._depths.get(following, 0) > depth else self.station_id()

    def _fill_stations(self, choices: list[StationChoice]) -> None:
        self._depths = {choice.id: choice.depth for choice in choices}
        current = self.station_id()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("All stations"), None)
        for choice in choices:
            self.station.addItem("    " * choice.depth + choice.name, choice.id)
        self.station.setCurrentIndex(max(0, self.station.findData(current)))
        self.station.setVisible(len(choices) > 1)
        self.station.blockSignals(False)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the dashboard on a worker: the window paints first and the numbers follow."""
        database = self.ctx.database
        start, end = self.dates()
        station = self.station_id()

        def work(_progress, _cancelled) -> tuple[Dashboard, list[StationChoice]]:
            with database.reader() as s:
                return dashboard.dashboard(s, start, end, station), dashboard.station_choices(s)

        self._generation += 1
        generation = self._generation
        self.loading = Task(work, self)
        self.loading.succeeded.connect(
            lambda result: self._show(*result) if generation == self._generation else None
        )
        self.loading.failed.connect(lambda error: self.status_message.emit(error_text(error)))
        self.loading.start()

    def _show(self, d: Dashboard, choices: list[StationChoice]) -> None:
        self.shown = d
        self._fill_stations(choices)
        f = d.figures
        values = {key: getattr(f, key) for key in self.tiles if key != "stars"}
        values["stars"] = f.star_volunteers
        for key, tile in self.tiles.items():
            value = values[key]
            tile.value.setText(f"{value:,.1f}" if isinstance(value, float) else f"{value:,}")
        self.tiles["stars"].set_detail(
            "  ".join(f"{STAR * level} {f.stars.get(level, 0):,}" for level in dashboard.STAR_LEVELS)
        )
        self.tiles["points_redeemed"].set_detail(
            self.tr("{points} outstanding").format(points=f"{f.points_balance:,.1f}")
        )
        where = d.station_name or self._home_name()
        period = dashboard.period_text(d.start, d.end)
        self.header.set_subtitle(
            self.tr("{station} · {period}").format(station=where, period=period) if where else period
        )
        unit = self.tr("year") if d.by_year else self.tr("month")
        self.hours_card.title.setText(self.tr("Service hours per {unit}").format(unit=unit))
        self.new_card.title.setText(self.tr("New volunteers per {unit}").format(unit=unit))
        labels = self._labels(d.hours, d.by_year)
        has_hours = any(b.value for b in d.hours)
        self.hours_card.replace(column_chart(d.hours, labels, BRAND) if has_hours else None)
        has_new = any(b.value for b in d.new_volunteers)
        self.new_card.replace(column_chart(d.new_volunteers, labels, SLATE) if has_new else None)
        self.categories_card.replace(bar_chart(d.events_by_category, SLATE) if d.events_by_category else None)
        self.teams_card.replace(bar_chart(d.top_teams, BRAND) if d.top_teams else None)
        self.upcoming.set_rows(d.upcoming)
        self.waiting.set_rows(d.waiting)
        self.waiting_title.setText(
            self.tr("Waiting for review: {n} records").format(n=f"{f.waiting_review:,}")
            if f.waiting_review
            else self.tr("Waiting for review")
        )

    def _home_name(self) -> str:
        for index in range(1, self.station.count()):
            return self.station.itemText(index).strip()
        return ""

    def _labels(self, bars: list[Bucket], by_year: bool) -> list[str]:
        if by_year:
            return [str(b.first.year) for b in bars]
        # Month numbers; the first bar and each January also say the year ("25/12", "1"..., "26/1").
        return [
            f"{b.first.year % 100:02d}/{b.first.month}"
            if i == 0 or b.first.month == 1
            else str(b.first.month)
            for i, b in enumerate(bars)
        ]

    # --- the list behind a figure ----------------------------------------------------------------

    def _bounds(self) -> tuple[datetime | None, datetime | None]:
        start, end = self.dates()
        return (local_day_bounds(start)[0] if start else None, local_day_bounds(end)[1] if end else None)

    def open_list(self, key: str) -> None:
        start, end = self.dates()
        lo, hi = self._bounds()
        # The other lists filter by one station: exact for a station without stations below it
        # (and for the whole file); a centre's or institute's figures cover more than that.
        station = self.leaf_station()
        if key == "stars":
            self._star_menu()
            return
        requests: dict[str, tuple[str, dict[str, Any]]] = {
            "volunteers": ("volunteers", {"registered_to": end, "station_id": station}),
            "new_volunteers": ("volunteers", {"registered_from": start, "registered_to": end, "station_id": station}),
            "teams": ("teams", {"station_id": station}),
            "events": ("events", {"start": lo, "end": hi, "station_id": station, "status": events.NOT_CANCELLED}),
            "points_earned": ("points", {"kinds": ("earned", "award"), "date_from": start, "date_to": end}),
            "points_redeemed": ("points", {"kinds": ("redemption",), "date_from": start, "date_to": end}),
        }
        held = ("events", {"start": lo, "end": hi, "station_id": station, "status": "finished"})
        for figure in (
            "events_held",
            "active_volunteers",
            "service_instances",
            "service_hours",
            "people_served",
        ):
            requests[figure] = held
        page, filters = requests[key]
        self.list_requested.emit(page, filters)

    def _star_menu(self) -> None:
        menu = QMenu(self)
        stars = self.shown.figures.stars if self.shown else {}
        station = self.leaf_station()
        for level in dashboard.STAR_LEVELS:
            action = menu.addAction(
                self.tr("{stars} {n} volunteers").format(stars=STAR * level, n=f"{stars.get(level, 0):,}")
            )
            action.triggered.connect(
                lambda _checked=False, level=level: self.list_requested.emit(
                    "volunteers", {"star_level": level, "station_id": station}
                )
            )
        self.window_open = menu
        menu.popup(self.tiles["stars"].mapToGlobal(self.tiles["stars"].rect().bottomLeft()))

    # --- exports -------------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        name = self.tr("overview {period}.xlsx").format(period=dashboard.period_label(self.period_key()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the overview"), name, self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Task:
        database, actor = self.ctx.database, self.ctx.actor
        start, end = self.dates()
        station = self.station_id()

        def work(_progress, _cancelled) -> int:
            with database.uow() as s:  # an export is audited
                return dashboard.export_xlsx(s, actor, path, start, end, station)

        self.task = Task(
            work,
            self,
            on_success=lambda n: self.status_message.emit(
                self.tr("{count} rows written to {path}").format(count=n, path=path)
            ),
            on_failure=lambda error: QMessageBox.warning(self, self.tr("Export"), error_text(error)),
        ).start()
        return self.task

    def export_pdf(self) -> Task:
        from desktop.printing.dashboard_report import render_dashboard_report
        from desktop.ui.points.documents import make_pdf

        actor = self.ctx.actor
        start, end = self.dates()
        station = self.station_id()
        self.task = make_pdf(
            self,
            self.ctx.database,
            self.tr("Overview"),
            "overview.pdf",
            lambda s: dashboard.printable(s, actor, start, end, station),
            render_dashboard_report,
            on_shown=lambda window: setattr(self, "window_open", window),
        )
        return self.task
