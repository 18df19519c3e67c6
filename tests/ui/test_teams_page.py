"""The Teams page through pytest-qt: the list by station and category, a roster, bulk add, remove, move, edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.services import stations, teams, volunteers
from desktop.services.permissions import SYSTEM, Actor
from desktop.services.teams import TeamInput, TeamQuery
from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.pages.teams import TeamsPage
from tests.helpers import add_volunteer

NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"]


@pytest.fixture
def station(db):
    """Two stations, a team at each, volunteers 1-4 in the first team, 5-8 unattached."""
    with db.uow() as s:
        east = stations.create_station(s, SYSTEM, "东风社区新时代文明实践站")
        west = stations.create_station(s, SYSTEM, "西山社区新时代文明实践站")
        people = [add_volunteer(s, name) for name in NAMES]
        first = teams.create_team(s, SYSTEM, TeamInput("红马甲巡逻队", "civilized_traffic", east))
        second = teams.create_team(s, SYSTEM, TeamInput("银龄读书会", "reading", west))
        teams.add_members(s, SYSTEM, first, people[:4])
    return {"people": people, "first": first, "second": second, "east": east, "west": west}


def make_page(qtbot, tmp_path, db, actor=SYSTEM) -> TeamsPage:
    ctx = AppContext(db, actor, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    page = TeamsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def roster_ids(page: TeamsPage) -> list[int]:
    model = page.roster.model
    return sorted(model.id_at(r) for r in range(model.rowCount()))


def members(db, team_id: int) -> list[int]:
    with db.reader() as s:
        return sorted(teams.member_ids(s, team_id))


def select_rows(table, rows: list[int]) -> None:
    model, selection = table.model(), QItemSelection()
    for row in rows:
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_teams_by_station_and_category_with_member_counts(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db)
    model = page.model
    assert model.total() == 2 and page.station.isVisible()
    rows = {model.row_at(r).name: model.row_at(r) for r in range(2)}
    assert rows["红马甲巡逻队"].members == 4 and rows["银龄读书会"].members == 0
    assert rows["红马甲巡逻队"].station == "东风社区新时代文明实践站"
    page.station.setCurrentIndex(page.station.findData(station["west"]))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [station["second"]]
    page.station.setCurrentIndex(0)
    page.category.setCurrentIndex(page.category.findData("civilized_traffic"))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [station["first"]]


def test_choosing_a_team_shows_its_roster(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db)
    assert page.roster.model.total() == 0 and not page.roster.add_button.isEnabled()
    page.choose_team(station["first"])
    assert roster_ids(page) == members(db, station["first"]) == sorted(station["people"][:4])
    assert page.roster.title.text() == "Members of 红马甲巡逻队"
    page.roster.search.setText("ls")
    page.roster.search.returnPressed.emit()
    assert roster_ids(page) == [station["people"][1]]  # 李四, found inside the team only


def test_bulk_add_from_the_register(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db)
    page.choose_team(station["second"])
    page.roster.add_members()
    dialog = page.roster._dialog
    register = dialog.register
    assert register.model.total() == len(NAMES)
    select_rows(register.table, [0, 2, 5])
    dialog.choose(register.selected_ids())
    register.search.setText("ws")  # 吴十, by pinyin initials
    register.search.returnPressed.emit()
    assert register.model.total() == 1
    dialog.choose([register.model.id_at(0)])
    dialog.choose([station["people"][0]])  # chosen twice: listed once
    people = station["people"]
    wanted = sorted([people[0], people[2], people[5], people[7]])
    assert sorted(dialog.chosen_ids()) == wanted and dialog.chosen_label.text() == "To add: 4"
    with qtbot.waitSignal(page.data_changed):
        dialog.add_button.click()
    assert dialog.added == 4
    assert members(db, station["second"]) == wanted == roster_ids(page)
    team_row = page.model.row_at(page.model.row_of_id(station["second"]))
    assert team_row.members == 4
    assert page.roster.team.members == 4


def test_remove_selected_members(qtbot, tmp_path, db, station, monkeypatch):
    page = make_page(qtbot, tmp_path, db)
    page.choose_team(station["first"])
    select_rows(page.roster.table, [0, 1])
    gone = page.roster.selected_ids()
    assert len(gone) == 2 and page.roster.remove_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.data_changed):
        page.roster.remove_button.click()
    left = sorted(set(station["people"][:4]) - set(gone))
    assert members(db, station["first"]) == left == roster_ids(page)
    with db.reader() as s:
        assert volunteers.count_volunteers(s, VolunteerQuery()) == len(NAMES)  # records stay


def test_move_selected_members_to_another_team(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db)
    page.choose_team(station["first"])
    select_rows(page.roster.table, [1, 3])
    moving = page.roster.selected_ids()
    page.roster.move_selected()
    dialog = page.roster._dialog
    assert dialog.team.count() == 1  # every team but this one
    dialog.choose_team(station["second"])
    with qtbot.waitSignal(page.data_changed):
        dialog.move_button.click()
    assert members(db, station["second"]) == sorted(moving)
    assert members(db, station["first"]) == sorted(set(station["people"][:4]) - set(moving)) == roster_ids(page)


def test_edit_team_picks_the_leader_from_its_members(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db)
    page.choose_team(station["first"])
    page.roster.edit_team()
    dialog = page.roster._dialog
    leaders = dialog.leader_list.model
    assert sorted(leaders.id_at(r) for r in range(leaders.rowCount())) == members(db, station["first"])
    dialog.leader_list.table.selectRow(2)
    chosen = leaders.id_at(2)
    dialog.name.setText("红马甲志愿巡逻队")
    with qtbot.waitSignal(page.data_changed):
        dialog.save()
    with db.reader() as s:
        saved = teams.get_team(s, station["first"])
        leader_name = volunteers.list_volunteers(s, VolunteerQuery(ids=[chosen]), 0, 1)[0].name
    assert (saved.name, saved.leader_id) == ("红马甲志愿巡逻队", chosen)
    assert page.roster.leader.text() == f"Leader: {leader_name}"
    assert page.roster.title.text() == "Members of 红马甲志愿巡逻队"


def test_an_operator_sees_rosters_but_cannot_change_them(qtbot, tmp_path, db, station):
    page = make_page(qtbot, tmp_path, db, Actor(None, "operator", "operator"))
    page.choose_team(station["first"])
    assert roster_ids(page) == sorted(station["people"][:4])
    assert not page.new_button.isEnabled()
    assert not any(button.isVisible() for button in page.roster.actions)
    with db.reader() as s:
        assert teams.count_teams(s, TeamQuery()) == 2


def test_a_teams_roster_prints_from_its_print_menu(window, db, qtbot):
    from desktop.services import teams
    from desktop.services.permissions import SYSTEM as ADMIN
    from tests.helpers import add_volunteer

    with db.uow() as s:
        leader = add_volunteer(s, "周红")
        tid = teams.create_team(s, ADMIN, teams.TeamInput("文明交通劝导队", "civilized_traffic", leader_id=leader))
    page = window.show_page("teams")
    roster = page.roster
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: roster.team is not None and roster.team.id == tid)
    assert roster.print_button.isEnabled()
    roster.print_button.menu().actions()[0].trigger()
    assert window.current_page_key() == "printing"
