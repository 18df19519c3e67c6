"""The paged table models, without any widget: counts, cells, SQL sorting and filtering, paging."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.services import events, teams, volunteers
from desktop.services.events import EventInput, EventQuery
from desktop.services.permissions import SYSTEM
from desktop.services.teams import TeamInput, TeamQuery
from desktop.services.volunteers import VolunteerRow
from desktop.ui.models.event_model import EventModel
from desktop.ui.models.team_model import TeamModel
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.pages.events import period_bounds
from tests.ui.conftest import INACTIVE_EVERY, ROSTER_SIZE, roster_name

DISPLAY = Qt.ItemDataRole.DisplayRole


def column(model, key: str) -> int:
    return model.column_number(key)


def cell(model, row: int, key: str, role=DISPLAY):
    return model.data(model.index(row, column(model, key)), role)


def test_volunteer_model_counts_and_reads_only_the_first_page(roster):
    database, ids = roster
    model = VolunteerModel(database, page_size=200)
    assert model.rowCount() == ROSTER_SIZE
    assert model.rowCount(model.index(0, 0)) == 0  # a table has no children
    assert model.columnCount() == 10
    assert model.fetches == 1 and model.cached_pages() == [0]
    assert cell(model, 0, "id") == str(ids[0])
    assert cell(model, 0, "name") == roster_name(0)
    assert model.fetches == 1  # row 0 came from the page read with the count


def test_volunteer_cells_are_masked_and_labelled(roster):
    database, ids = roster
    model = VolunteerModel(database)
    row = 3
    with database.reader() as s:
        detail = volunteers.get_volunteer(s, SYSTEM, ids[row], reveal=False)
    assert cell(model, row, "id_number") == detail.data.id_number
    assert "*" in cell(model, row, "id_number")
    assert cell(model, row, "phone") == detail.data.phone and "*" in cell(model, row, "phone")
    assert cell(model, row, "gender") in ("Male", "Female")
    assert cell(model, 0, "status") == "Inactive" and cell(model, 1, "status") == "Active"
    assert cell(model, row, "card_code") == detail.card_code
    assert cell(model, row, "registered_on") == (date(2024, 1, 1) + timedelta(days=row)).isoformat()
    assert cell(model, row, "hours") == "0.0"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "No."
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(QModelIndex()) is None


def test_stars_are_glyphs(db):
    model = VolunteerModel(db)
    row = VolunteerRow(1, "张三", "M", "", "", "ZY", "active", date(2024, 1, 1), "", hours=650.0, stars=3)
    stars = VolunteerModel.COLUMNS[column(VolunteerModel, "stars")]
    hours = VolunteerModel.COLUMNS[column(VolunteerModel, "hours")]
    assert model.display(row, stars) == "★★★"
    assert model.display(row, hours) == "650.0"
    assert model.cell_role(row, stars, Qt.ItemDataRole.ToolTipRole) == "3 stars"


def test_paging_across_a_page_boundary_reads_only_the_pages_asked_for(roster):
    database, ids = roster
    model = VolunteerModel(database, page_size=200, max_pages=2)
    assert [model.id_at(r) for r in (198, 199, 200, 201)] == ids[198:202]
    assert model.cached_pages() == [0, 1]
    assert cell(model, 450, "id") == str(ids[450])
    assert model.cached_pages() == [1, 2]  # the least recently used page was let go
    assert model.fetches == 3
    assert model.row_at(ROSTER_SIZE) is None and model.row_at(-1) is None
    assert cell(model, 10, "name") == roster_name(10)  # page 0 is read again on demand
    assert model.fetches == 4


def test_sorting_is_done_by_sql_across_pages(roster):
    database, ids = roster
    model = VolunteerModel(database, page_size=100)
    model.sort(column(model, "id"), Qt.SortOrder.DescendingOrder)
    assert model.query().sort == "id" and model.query().descending
    assert [model.id_at(r) for r in (0, 99, 100)] == [ids[-1], ids[-100], ids[-101]]

    model.sort(column(model, "name"), Qt.SortOrder.AscendingOrder)
    keys = [volunteers.name_keys(model.row_at(r).name)[1] for r in range(90, 110)]
    assert keys == sorted(keys)
    first = volunteers.name_keys(model.row_at(0).name)[1]
    assert first == min(volunteers.name_keys(roster_name(i))[1] for i in range(ROSTER_SIZE))


def test_columns_the_database_cannot_sort_are_ignored(roster):
    database, _ids = roster
    model = VolunteerModel(database)
    before = model.fetches
    model.sort(column(model, "hours"), Qt.SortOrder.DescendingOrder)
    assert model.query().sort == "id" and model.fetches == before
    assert model.sort_column() == (0, Qt.SortOrder.AscendingOrder)


def test_filters_run_in_sql(roster):
    database, _ids = roster
    model = VolunteerModel(database)
    inactive = len(range(0, ROSTER_SIZE, INACTIVE_EVERY))
    model.update_query(status="inactive")
    assert model.rowCount() == inactive
    assert {cell(model, r, "status") for r in range(model.rowCount())} == {"Inactive"}
    model.update_query(status=None, search="张")
    expected = sum(1 for i in range(ROSTER_SIZE) if "张" in roster_name(i))
    assert expected > 0 and model.rowCount() == expected
    assert all("张" in cell(model, r, "name") for r in range(model.rowCount()))
    model.update_query(search="13900000042")
    assert model.rowCount() == 1 and cell(model, 0, "name") == roster_name(42)
    model.update_query(search="")
    assert model.rowCount() == ROSTER_SIZE


def test_refresh_sees_new_rows_and_finds_them(db, admin):
    model = VolunteerModel(db)
    assert model.rowCount() == 0 and model.row_at(0) is None
    from tests.helpers import add_volunteer

    with db.uow() as s:
        new_id = add_volunteer(s, "李四")
    assert model.rowCount() == 0  # nothing is read behind the view's back
    model.refresh()
    assert model.rowCount() == 1 and model.row_of_id(new_id) == 0
    assert model.row_of_id(new_id + 1) is None


@pytest.fixture
def some_teams(db, admin):
    categories = ["reading", "environment", "reading", "other"]
    with db.uow() as s:
        for n, category in enumerate(categories):
            teams.create_team(s, admin, TeamInput(name=f"Team {n}", category=category))
    return categories


def test_team_model_filters_sorts_and_labels(db, some_teams):
    model = TeamModel(db, page_size=2)
    assert model.rowCount() == 4
    assert [cell(model, r, "name") for r in range(4)] == ["Team 0", "Team 1", "Team 2", "Team 3"]
    assert model.cached_pages() == [0, 1]
    assert cell(model, 0, "category") == teams.category_label("reading")
    model.update_query(category="reading")
    assert model.rowCount() == 2
    model.update_query(category=None, search="3")
    assert [cell(model, r, "name") for r in range(model.rowCount())] == ["Team 3"]
    model.set_query(TeamQuery())
    model.sort(column(model, "name"), Qt.SortOrder.DescendingOrder)
    assert cell(model, 0, "name") == "Team 3"


def test_event_model_shows_local_times_and_filters_by_period(db, admin):
    today = date.today()
    start = datetime.combine(today, datetime.min.time()).astimezone().replace(hour=9)
    with db.uow() as s:
        for days, title in ((0, "Reading today"), (40, "Later walk"), (-40, "Earlier walk")):
            events.create_event(
                s, admin,
                EventInput(title=title, start_at=start + timedelta(days=days),
                           end_at=start + timedelta(days=days, hours=2), capacity=20),
            )
    model = EventModel(db)
    assert model.rowCount() == 3
    assert cell(model, 0, "title") == "Earlier walk"  # by start time
    row = next(r for r in range(3) if cell(model, r, "title") == "Reading today")
    assert cell(model, row, "start_at") == f"{today.isoformat()} 09:00"
    assert cell(model, row, "end_at") == "11:00"
    assert cell(model, row, "enrolled") == "0 / 20"
    assert cell(model, row, "status") == "Draft"
    model.set_query(events.today_query())
    assert [cell(model, r, "title") for r in range(model.rowCount())] == ["Reading today"]
    lo, hi = period_bounds("month", today)
    model.set_query(EventQuery(start=lo, end=hi, search="Reading"))
    assert model.rowCount() == 1


def test_period_bounds_cover_whole_local_days():
    wednesday = date(2026, 11, 18)
    lo, hi = period_bounds("week", wednesday)
    assert lo.astimezone().date() == date(2026, 11, 16) and lo.astimezone().hour == 0
    assert hi.astimezone().date() == date(2026, 11, 23)
    lo, hi = period_bounds("month", date(2026, 12, 31))
    assert lo.astimezone().date() == date(2026, 12, 1) and hi.astimezone().date() == date(2027, 1, 1)
    assert period_bounds("all", wednesday) == (None, None)
