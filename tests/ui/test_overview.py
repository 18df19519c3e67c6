"""The overview dashboard through pytest-qt: figures and charts as the service computes them, the
period and station choosers, figures that open their lists, exports to Excel and PDF."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCharts import QBarSeries
from PySide6.QtWidgets import QMenu

from desktop.models import Event
from desktop.services import dashboard, hours, settings, stations
from desktop.services.events import local_day_bounds
from desktop.services.permissions import SYSTEM
from desktop.ui.points.documents import PreviewDialog
from tests.test_points import CLERK, event, record, volunteer


def loaded(qtbot, page) -> None:
    """Read again (the window was made before the test's data) and wait for the figures."""
    page.shown = None
    page.refresh()
    qtbot.waitUntil(lambda: page.shown is not None)


@pytest.fixture
def busy_year(db):
    """This year: two stations, three held events with approved hours, one planned next month."""
    today = date.today()
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 3, 4, 5))
        centre = stations.create_station(s, SYSTEM, "南关区新时代文明实践中心", "centre")
        one = stations.create_station(s, SYSTEM, "明珠社区新时代文明实践站", "station", centre)
        people = [volunteer(s, f"志愿者{i}", registered_on=today, station_id=one) for i in range(3)]
        start = local_day_bounds(today.replace(month=1, day=5))[0] + timedelta(hours=9)
        held = [
            event(s, start + timedelta(days=k), station_id=one, category=c)
            for k, c in enumerate(("reading", "reading", "science"))
        ]
        recs = [record(s, held[k], people[k], 60 * (k + 1)) for k in range(3)]
        hours.approve(s, CLERK, recs)
        soon = datetime.now().astimezone() + timedelta(days=3)
        event(s, soon, status="published", station_id=one, title="便民服务日")
    return {"centre": centre, "one": one}


def test_the_dashboard_shows_the_services_figures(window, db, qtbot, busy_year):
    page = window.page("overview")
    loaded(qtbot, page)
    with db.reader() as s:
        year = date.today().year
        expected = dashboard.dashboard(s, date(year, 1, 1), date(year, 12, 31)).figures
    tiles = page.tiles
    assert tiles["volunteers"].value.text() == "3" == f"{expected.volunteers}"
    assert tiles["events_held"].value.text() == "3"
    assert tiles["service_hours"].value.text() == "6.0"
    assert tiles["points_earned"].value.text() == "6.0"
    assert tiles["stars"].value.text() == "3" and "★★★ 1" in tiles["stars"].detail.text()
    chart = page.hours_card.view.chart()
    (series,) = chart.series()
    assert isinstance(series, QBarSeries)
    assert sum(series.barSets()[0].at(i) for i in range(series.barSets()[0].count())) == 6.0
    assert page.categories_card.view.isVisibleTo(page) and page.upcoming.rowCount() == 1
    assert page.upcoming.row_at(0).title == "便民服务日"
    assert "南关区" in page.header.subtitle.text() or "明珠" in page.header.subtitle.text()


def test_choosing_a_period_and_a_station_reloads(window, db, qtbot, busy_year):
    page = window.page("overview")
    loaded(qtbot, page)
    assert page.station.isVisibleTo(page) and page.station.count() == 3
    page.shown = None
    page.period.setCurrentIndex(page.period.findData("last_year"))
    qtbot.waitUntil(lambda: page.shown is not None)
    assert page.tiles["events_held"].value.text() == "0"
    assert page.shown.start == date(date.today().year - 1, 1, 1)
    assert not page.hours_card.view.isVisibleTo(page) and page.hours_card.empty.isVisibleTo(page)
    page.period.setCurrentIndex(page.period.findData("this_year"))
    page.station.setCurrentIndex(page.station.findData(busy_year["one"]))
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.station_id == busy_year["one"])
    assert page.tiles["events_held"].value.text() == "3"
    assert page.header.subtitle.text().startswith("明珠社区新时代文明实践站")


def test_a_figure_opens_the_list_behind_it(window, db, qtbot, busy_year):
    page = window.page("overview")
    loaded(qtbot, page)
    with qtbot.waitSignal(page.list_requested) as signal:
        page.tiles["events_held"].clicked.emit()
    assert signal.args[0] == "events" and signal.args[1]["status"] == "finished"
    events_page = window.page("events")
    assert window.current_page_key() == "events"
    assert events_page.model.rowCount() == 3 and events_page.model.query().status == "finished"
    window.show_page("overview")
    page.tiles["new_volunteers"].clicked.emit()
    volunteers_page = window.page("volunteers")
    assert window.current_page_key() == "volunteers" and volunteers_page.model.rowCount() == 3
    assert volunteers_page.model.query().registered_from == date(date.today().year, 1, 1)


def test_the_star_figure_asks_which_level(window, db, qtbot, busy_year):
    page = window.page("overview")
    loaded(qtbot, page)
    page.tiles["stars"].clicked.emit()
    menu = page.window_open
    assert isinstance(menu, QMenu) and len(menu.actions()) == 5
    assert menu.actions()[2].text().startswith("★★★ 1")
    menu.actions()[2].trigger()
    volunteers_page = window.page("volunteers")
    assert volunteers_page.model.query().star_level == 3 and volunteers_page.model.rowCount() == 1
    menu.close()


def test_export_to_excel_and_pdf(window, db, qtbot, busy_year, tmp_path):
    from openpyxl import load_workbook

    page = window.page("overview")
    loaded(qtbot, page)
    target = tmp_path / "overview.xlsx"
    task = page.export_to(str(target))
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert ("Figures", "Events held", 3) in rows
    page.export_pdf()
    qtbot.waitUntil(lambda: isinstance(page.window_open, PreviewDialog), timeout=15000)
    preview = page.window_open.preview
    assert preview.page_count() >= 1 and preview.rendered.parts[0].path.exists()
    page.window_open.close()


def test_a_cancelled_event_is_not_an_event(window, db, qtbot, busy_year):
    with db.uow() as s:
        for ev in s.query(Event).filter(Event.title == "便民服务日"):
            ev.status = "cancelled"
    page = window.page("overview")
    loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.tiles["events"].value.text() == "3")
    assert page.upcoming.rowCount() == 0


def test_lists_are_filtered_by_a_station_only_when_none_sits_below_it(window, qtbot, busy_year):
    page = window.page("overview")
    loaded(qtbot, page)
    page.station.setCurrentIndex(page.station.findData(busy_year["centre"]))
    assert page.leaf_station() is None  # the centre's figures cover its stations
    page.station.setCurrentIndex(page.station.findData(busy_year["one"]))
    assert page.leaf_station() == busy_year["one"]
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.station_id == busy_year["one"])
    with qtbot.waitSignal(page.list_requested) as signal:
        page.tiles["teams"].clicked.emit()
    assert signal.args == ["teams", {"station_id": busy_year["one"]}]
