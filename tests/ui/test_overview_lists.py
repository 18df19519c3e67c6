"""The lists behind the overview's figures: a click lands on the volunteers, teams or events list with
its own filter widgets showing the figure's filters, the list as the service filters it, a note
with "Show all" that brings the whole list back, and filters that work as usual afterwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.services import events, hours, settings, stations, teams, volunteers
from desktop.services.events import NOT_CANCELLED, EventQuery, local_day_bounds
from desktop.services.permissions import SYSTEM
from desktop.services.teams import TeamInput, TeamQuery
from desktop.services.volunteers import VolunteerQuery
from tests.test_points import CLERK, event, record, volunteer

TODAY = date.today()
YEAR = TODAY.year
LAST_YEAR_END = date(YEAR - 1, 12, 31)

# Figure -> (the page it opens, the overview's period and whether it looks at station "one").
FIGURES = {
    "volunteers": ("volunteers", "last_year", False),
    "new_volunteers": ("volunteers", "this_year", False),
    "teams": ("teams", "this_year", True),
    "events": ("events", "this_year", True),
    "events_held": ("events", "this_year", True),
    "active_volunteers": ("events", "this_year", True),
    "service_instances": ("events", "this_year", True),
    "service_hours": ("events", "this_year", True),
    "people_served": ("events", "this_year", False),
}
QUERIES = {"volunteers": VolunteerQuery, "teams": TeamQuery, "events": EventQuery}


@pytest.fixture
def scene(db):
    """Two stations under a centre. Station one: three volunteers registered this year with 1, 2
    and 3 approved hours (1, 2 and 3 stars), a team, three held events this year, one coming up,
    one cancelled, one held last year. Station two: two volunteers registered last year, a team,
    one held event this year."""
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 3, 4, 5))
        centre = stations.create_station(s, SYSTEM, "南关区新时代文明实践中心", "centre")
        one = stations.create_station(s, SYSTEM, "明珠社区新时代文明实践站", "station", centre)
        two = stations.create_station(s, SYSTEM, "西山社区新时代文明实践站", "station", centre)
        people = [volunteer(s, f"志愿者{i}", registered_on=TODAY, station_id=one) for i in range(3)]
        for i in range(2):
            volunteer(s, f"老队员{i}", registered_on=date(YEAR - 1, 6, 1), station_id=two)
        teams.create_team(s, SYSTEM, TeamInput("银龄读书会", "reading", one))
        teams.create_team(s, SYSTEM, TeamInput("红马甲巡逻队", "civilized_traffic", two))
        start = local_day_bounds(date(YEAR, 1, 5))[0] + timedelta(hours=9)
        held = [event(s, start + timedelta(days=k), station_id=one) for k in range(3)]
        hours.approve(s, CLERK, [record(s, held[k], people[k], 60 * (k + 1)) for k in range(3)])
        soon = datetime.now().astimezone() + timedelta(days=3)
        event(s, soon, status="published", station_id=one, title="便民服务日")
        event(s, start + timedelta(days=20), status="cancelled", station_id=one, title="取消的活动")
        event(s, start - timedelta(days=200), station_id=one, title="去年的活动")
        event(s, start + timedelta(days=30), station_id=two, title="西山读书会")
    return {"centre": centre, "one": one, "two": two}


def count(db, page_key: str, query) -> int:
    with db.reader() as s:
        if page_key == "volunteers":
            return volunteers.count_volunteers(s, query)
        if page_key == "teams":
            return teams.count_teams(s, query)
        return events.count_events(s, query)


def open_overview(window, qtbot, period: str, station: int | None):
    """The overview with a period and a station chosen, its figures read."""
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.shown is not None)
    page.shown = None
    page.refresh()  # the window was made before the scene
    qtbot.waitUntil(lambda: page.shown is not None and page.station.count() == 4)
    page.period.setCurrentIndex(page.period.findData(period))
    page.station.setCurrentIndex(max(0, page.station.findData(station)))
    qtbot.waitUntil(
        lambda: page.shown is not None
        and page.shown.station_id == station
        and page.shown.start == page.dates()[0]
    )
    return page


def clutter(page_key: str, page) -> None:
    """Filters the clerk left set on the list before the figure was clicked: the figure clears them."""
    page.search.setText("王")
    page.search.returnPressed.emit()
    if page_key == "volunteers":
        page.filters.status.setCurrentIndex(page.filters.status.findData("inactive"))
        page.filters.new_star.set_custom(date(2000, 1, 1), date(2000, 12, 31))
    elif page_key == "teams":
        page.category.setCurrentIndex(page.category.findData("reading"))
    else:
        page.period.setCurrentIndex(page.period.findData("today"))
        page.status.setCurrentIndex(page.status.findData("draft"))


def assert_widgets_show(page_key: str, page, filters: dict) -> None:
    """Each filter asked for is in view in its widget; every other widget is at "all"."""
    assert page.search.text() == ""
    if page_key == "volunteers":
        f = page.filters
        assert f.status.currentIndex() == 0 and f.team.currentIndex() == 0 and not f.new_star.is_set()
        assert f.stars.currentData() == filters.get("star_level")
        start, end = filters.get("registered_from"), filters.get("registered_to")
        if start or end:
            assert f.more.isChecked() and f.registered.isVisible() and f.more.text() == "More filters (1)"
            assert f.registered.combo.currentData() == ("custom" if start else "until")
            assert f.registered.end.isVisible() and f.registered.end.date().toPython() == end
            assert f.registered.start.isVisible() == bool(start)
            assert f.registered.bounds() == (start, end)
        else:
            assert not f.registered.is_set()
    elif page_key == "teams":
        assert page.category.currentIndex() == 0
        assert page.station.isVisible() and page.station.currentData() == filters["station_id"]
    else:
        assert page.views.currentWidget() is page.listing
        assert page.status.currentData() == filters.get("status")
        assert page.station.isVisible() and page.station.currentData() == filters["station_id"]
        assert page.period.currentData() == "custom" and page.first_day.isVisible()
        assert page.first_day.date().toPython() == date(YEAR, 1, 1)
        assert page.last_day.date().toPython() == date(YEAR, 12, 31)


@pytest.mark.parametrize("figure", list(FIGURES))
def test_a_figure_opens_its_list_with_the_filters_in_the_widgets(window, db, qtbot, scene, figure):
    page_key, period, at_one = FIGURES[figure]
    station = scene["one"] if at_one else None
    target = window.page(page_key)
    target.refresh()
    clutter(page_key, target)
    overview = open_overview(window, qtbot, period, station)

    with qtbot.waitSignal(overview.list_requested) as signal:
        qtbot.mouseClick(overview.tiles[figure], Qt.MouseButton.LeftButton)
    asked, filters = signal.args
    assert asked == page_key and window.current_page_key() == page_key
    page = window.page(page_key)
    query_type = QUERIES[page_key]
    everything = count(db, page_key, query_type())

    # The list is the service's answer for exactly the figure's filters, and the widgets say so.
    expected = count(db, page_key, query_type(**filters))
    assert 0 < expected < everything
    assert page.model.query() == query_type(**filters)
    assert page.model.total() == page.model.rowCount() == expected
    assert_widgets_show(page_key, page, filters)
    assert page.note.isVisible() and page.note.text.text().endswith("(from the overview)")
    assert page.header.subtitle.text().startswith(f"{expected} ")

    # "Show all": the whole list, every widget back to "all", the note gone.
    qtbot.mouseClick(page.note.button, Qt.MouseButton.LeftButton)
    assert page.model.total() == everything
    assert page.model.query() == query_type()
    assert not page.note.isVisible()
    if page_key == "volunteers":
        assert not page.filters.is_filtered()
    elif page_key == "events":
        assert page.period.currentData() == "all" and page.status.currentIndex() == 0
        assert page.station.currentIndex() == 0 and not page.first_day.isVisible()
    else:
        assert page.station.currentIndex() == 0 and page.category.currentIndex() == 0

    # Then a widget filters as it always does.
    if page_key == "volunteers":
        page.filters.stars.setCurrentIndex(page.filters.stars.findData(2))
        changed = VolunteerQuery(star_level=2)
    elif page_key == "teams":
        page.category.setCurrentIndex(page.category.findData("civilized_traffic"))
        changed = TeamQuery(category="civilized_traffic")
    else:
        page.status.setCurrentIndex(page.status.findData("cancelled"))
        changed = EventQuery(status="cancelled")
    assert page.model.query() == changed
    assert page.model.total() == count(db, page_key, changed) == 1


def test_the_notes_say_what_the_list_holds(window, db, qtbot, scene):
    overview = open_overview(window, qtbot, "this_year", scene["one"])
    overview.tiles["events_held"].clicked.emit()
    note = window.page("events").note.text.text()
    assert note == (
        f"Showing: events held · {YEAR}-01-01 – {YEAR}-12-31 · 明珠社区新时代文明实践站 (from the overview)"
    )
    window.show_page("overview")
    overview.tiles["new_volunteers"].clicked.emit()
    assert window.page("volunteers").note.text.text() == (
        f"Showing: volunteers · 明珠社区新时代文明实践站 · registered {YEAR}-01-01 – {YEAR}-12-31 (from the overview)"
    )
    # The list holds exactly the people the tile counts: that station's, not every station's.
    assert window.page("volunteers").model.total() == int(overview.tiles["new_volunteers"].value.text()) == 3
    window.show_page("overview")
    overview.period.setCurrentIndex(overview.period.findData("last_year"))
    overview.tiles["volunteers"].clicked.emit()
    assert window.page("volunteers").note.text.text() == (
        f"Showing: volunteers · 明珠社区新时代文明实践站 · registered up to {LAST_YEAR_END} (from the overview)"
    )


def test_changing_a_filter_keeps_the_figures_filters_and_drops_the_note(window, db, qtbot, scene):
    overview = open_overview(window, qtbot, "this_year", scene["one"])
    overview.tiles["events"].clicked.emit()
    page = window.page("events")
    # Held and coming up; the cancelled one is left out, as the tile's own figure leaves it out.
    assert page.note.isVisible() and page.model.total() == 4 == int(overview.tiles["events"].value.text())
    page.search.setText("便民")
    page.search.returnPressed.emit()
    assert not page.note.isVisible()
    assert page.model.query().station_id == scene["one"] and page.model.query().search == "便民"
    assert page.model.total() == 1 and page.model.row_at(0).title == "便民服务日"


def test_all_time_opens_every_registered_volunteer(window, db, qtbot, scene):
    overview = open_overview(window, qtbot, "all", None)
    overview.tiles["volunteers"].clicked.emit()
    page = window.page("volunteers")
    assert page.model.total() == 5 and page.model.query() == VolunteerQuery()
    assert not page.filters.is_filtered()
    assert page.note.text.text() == "Showing: all volunteers (from the overview)"
    overview_events = window.show_page("overview")
    overview_events.tiles["events_held"].clicked.emit()
    events_page = window.page("events")
    assert events_page.period.currentData() == "all" and events_page.status.currentData() == "finished"
    assert events_page.model.total() == count(db, "events", EventQuery(status="finished")) == 5


@pytest.mark.parametrize("level", [1, 2, 3])
def test_a_star_level_from_the_menu_shows_in_the_stars_filter(window, db, qtbot, scene, level):
    volunteers_page = window.page("volunteers")
    clutter("volunteers", volunteers_page)
    overview = open_overview(window, qtbot, "this_year", None)
    qtbot.mouseClick(overview.tiles["stars"], Qt.MouseButton.LeftButton)
    menu = overview.window_open
    menu.actions()[level - 1].trigger()
    menu.close()
    assert window.current_page_key() == "volunteers"
    page = window.page("volunteers")
    expected = count(db, "volunteers", VolunteerQuery(star_level=level))
    assert expected == 1 and page.model.total() == expected
    assert page.model.query() == VolunteerQuery(star_level=level)
    assert_widgets_show("volunteers", page, {"star_level": level})
    assert page.note.text.text() == f"Showing: {'★' * level} volunteers (from the overview)"
    qtbot.mouseClick(page.note.button, Qt.MouseButton.LeftButton)
    assert page.model.total() == 5 and page.filters.stars.currentIndex() == 0


def test_a_filter_the_list_has_no_widget_for_is_refused(window, scene):
    with pytest.raises(ValueError):
        window.page("events").show_filtered({"team_id": 1})
    with pytest.raises(ValueError):
        window.page("volunteers").show_filtered({"ids": [1]})
    with pytest.raises(ValueError):
        window.page("teams").show_filtered({"sort": "id"})


def test_a_search_set_from_outside_clears_like_a_typed_one(window, db, qtbot, scene):
    page = window.page("volunteers")
    page.search.setText("王")
    page.search.returnPressed.emit()
    page.search.clear()  # the box now remembers "" as searched
    page.show_filtered({"search": "志愿者0"})
    expected = count(db, "volunteers", VolunteerQuery(search="志愿者0"))
    assert page.search.text() == "志愿者0" and 0 < page.model.total() == expected < 5
    assert page.note.text.text() == "Showing: volunteers · search “志愿者0” (from the overview)"
    page.search.clear()  # as the box's clear button does
    assert page.model.total() == 5 and page.model.query() == VolunteerQuery() and not page.note.isVisible()


def test_the_chosen_days_of_the_events_list_work_by_hand(window, db, qtbot, scene):
    overview = open_overview(window, qtbot, "this_year", None)
    overview.tiles["events"].clicked.emit()
    page = window.page("events")
    page.first_day.setDate(page.first_day.date().addDays(10))  # the clerk moves the first day
    start, end = local_day_bounds(date(YEAR, 1, 11))[0], local_day_bounds(date(YEAR, 12, 31))[1]
    query = EventQuery(start=start, end=end, status=NOT_CANCELLED)
    assert not page.note.isVisible() and page.model.query() == query
    assert page.model.total() == count(db, "events", query) == 2  # the events of 5-7 January left out
    page.period.setCurrentIndex(page.period.findData("all"))
    assert not page.days.isVisible() and page.model.total() == 6  # every event but the cancelled one
