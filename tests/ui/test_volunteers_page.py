"""The Volunteers page through pytest-qt: search, filters, the record pane, the form, export, duplicates."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from desktop.db import open_database
from desktop.idcard import IdNumberError, parse_resident_id
from desktop.models import AuditEntry
from desktop.services import demo, settings, stars, teams, volunteers
from desktop.services.permissions import SYSTEM, Actor
from desktop.services.volunteers import VolunteerInput, VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.pages.volunteers import VolunteersPage
from tests.helpers import add_volunteer, id_number

LOW_THRESHOLDS = (2.0, 5.0, 10.0, 15.0, 25.0)  # demo hours are small: low thresholds spread the stars
COORDINATOR = Actor(None, "coordinator", "coordinator")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A few hundred demo volunteers with teams, skills and hours; shared by read-only tests."""
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    demo.generate(database, demo.DemoSize(volunteers=300, teams=8, events=60, scans=4000), seed=5)
    with database.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=LOW_THRESHOLDS)
    yield database
    database.dispose()


def make_page(qtbot, tmp_path, database, actor: Actor = SYSTEM) -> VolunteersPage:
    ctx = AppContext(database, actor, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    page = VolunteersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def shown_ids(page: VolunteersPage) -> list[int]:
    return [page.model.id_at(r) for r in range(page.model.rowCount())]


def service_ids(database, query: VolunteerQuery) -> list[int]:
    with database.reader() as s:
        return [r.id for r in volunteers.list_volunteers(s, query, 0, 100_000)]


def answer(monkeypatch, button=QMessageBox.StandardButton.Yes) -> list[str]:
    """Questions and warnings answered without a modal box; returns what was asked or told."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or button)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: asked.append(text))
    return asked


# --- search and filters ------------------------------------------------------------------------


def test_search_as_you_type_drives_the_view(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db)
    everyone = page.model.total()
    assert everyone == 300 and page.header.subtitle.text() == "300 volunteers"
    with demo_db.reader() as s:
        somebody = volunteers.list_volunteers(s, VolunteerQuery(), 120, 1)[0]
        initials, _full = volunteers.name_keys(somebody.name)
    qtbot.keyClicks(page.search, initials)
    qtbot.waitUntil(lambda: page.model.total() < everyone)
    assert shown_ids(page) == service_ids(demo_db, VolunteerQuery(search=initials))
    assert somebody.id in shown_ids(page)
    assert page.header.subtitle.text() == f"{page.model.total()} volunteers found"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == everyone)


def test_choosing_a_row_shows_the_record_beside_the_list(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db)
    page.table.selectRow(4)
    vid = page.model.id_at(4)
    with demo_db.reader() as s:
        detail = volunteers.get_volunteer(s, SYSTEM, vid)
    pane = page.pane
    assert pane.volunteer_id == vid and pane.name.text() == detail.data.name
    assert pane.values["id_number"].text() == detail.data.id_number and "*" in detail.data.id_number
    assert pane.values["phone"].text() == detail.data.phone and "****" in detail.data.phone
    assert pane.values["hours"].text() == f"{detail.hours:.1f}"
    assert pane.values["events_attended"].text() == str(detail.events_attended)
    assert pane.values["teams"].text() == (", ".join(n for _i, n in detail.teams) or "—")
    assert pane.values["card"].text().startswith(detail.card_code[:2])


@pytest.mark.parametrize("what", ["status", "team", "skill", "stars", "registered"])
def test_each_filter_narrows_the_rows_as_the_service_does(qtbot, tmp_path, demo_db, what):
    page = make_page(qtbot, tmp_path, demo_db)
    f = page.filters
    with demo_db.reader() as s:
        team = teams.list_teams(s)[0]
        skill = next(r.skills for r in volunteers.list_volunteers(s, VolunteerQuery(), 0, 300) if r.skills)
        skill = skill.split(",")[0].split()[0]
    if what == "status":
        f.status.setCurrentIndex(f.status.findData("inactive"))
        query = VolunteerQuery(status="inactive")
    elif what == "team":
        f.team.setCurrentIndex(f.team.findData(team.id))
        query = VolunteerQuery(team_id=team.id)
    elif what == "skill":
        f.more.setChecked(True)
        f.skill.setText(skill)
        f.skill.returnPressed.emit()
        query = VolunteerQuery(skill=skill)
        assert f.more.text() == "More filters (1)"
    elif what == "stars":
        f.stars.setCurrentIndex(f.stars.findData(1))
        query = VolunteerQuery(star_level=1)
    else:
        f.registered.set_custom(date(2023, 1, 1), date(2024, 6, 30))
        query = VolunteerQuery(registered_from=date(2023, 1, 1), registered_to=date(2024, 6, 30))
    expected = service_ids(demo_db, query)
    assert 0 < len(expected) < 300
    assert shown_ids(page) == expected
    if what == "stars":
        assert all(page.model.row_at(r).stars == 1 for r in range(page.model.rowCount()))
    f.reset()
    assert page.model.total() == 300


def test_new_star_level_in_a_period(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db)
    start, end = date.today() - timedelta(days=120), date.today()
    with demo_db.reader() as s:
        reached = stars.reached_in_period(s, start, end, LOW_THRESHOLDS)
    assert reached, "the demo should give someone a new star in four months"
    page.filters.new_star.set_custom(start, end)
    assert sorted(shown_ids(page)) == sorted(vid for vid, _b, _a in reached)
    # Combined with the search box: both apply.
    first = page.model.row_at(0)
    page.search.setText(str(first.id))
    page.search.returnPressed.emit()
    assert shown_ids(page) == [first.id]


def test_a_period_nobody_reached_a_star_in_shows_nobody(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db)
    page.filters.new_star.set_custom(date(2000, 1, 1), date(2000, 12, 31))
    assert page.model.total() == 0
    assert page.no_rows.isVisible() and "No volunteer matches" in page.no_rows.text()


def test_columns_sort_in_sql(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db)
    header = page.table.horizontalHeader()
    header.setSortIndicator(page.model.column_number("registered_on"), Qt.SortOrder.DescendingOrder)
    assert page.model.query().sort == "registered_on" and page.model.query().descending
    shown = [page.model.row_at(r).registered_on for r in range(page.model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    assert shown_ids(page) == service_ids(demo_db, VolunteerQuery(sort="registered_on", descending=True))


# --- the form ----------------------------------------------------------------------------------


def open_form(page: VolunteersPage):
    page.new_volunteer()
    return page._dialog


def test_form_shows_a_bad_id_check_character_next_to_the_field(qtbot, tmp_path, db):
    page = make_page(qtbot, tmp_path, db)
    form = open_form(page)
    good = id_number()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(IdNumberError) as expected:
        parse_resident_id(bad)
    form.name.setText("赵六")
    qtbot.keyClicks(form.id_number, bad)
    error = form.form.error_label("id_number")
    assert error.isVisible() and error.text() == str(expected.value)  # while typing
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert error.isVisible() and error.text() == str(expected.value)  # and on save
    assert form.isVisible()


def test_form_derives_birth_date_and_gender_and_shows_a_conflict(qtbot, tmp_path, db):
    page = make_page(qtbot, tmp_path, db)
    form = open_form(page)
    number = id_number(born=date(1990, 5, 31), male=False)
    form.name.setText("赵六")
    form.id_number.setText(number)
    assert form.derived.isVisible() and "1990-05-31" in form.derived.text() and "Female" in form.derived.text()
    assert form.birth_date.placeholderText() == "1990-05-31"
    form.gender.setCurrentIndex(form.gender.findData("M"))
    gender_error = form.form.error_label("gender")
    assert gender_error.isVisible() and "Female" in gender_error.text()
    form.save()  # the service says the same
    assert gender_error.isVisible() and "Female" in gender_error.text()
    with db.reader() as s:
        assert volunteers.count_volunteers(s, VolunteerQuery()) == 0
    form.gender.setCurrentIndex(form.gender.findData("F"))
    assert not gender_error.isVisible()
    with qtbot.waitSignal(form.accepted):
        form.save()
    with db.reader() as s:
        saved = volunteers.get_volunteer(s, SYSTEM, form.created_id)
    assert saved.data.birth_date == date(1990, 5, 31) and saved.data.gender == "F"


def test_form_checks_the_mobile_number(qtbot, tmp_path, db):
    page = make_page(qtbot, tmp_path, db)
    form = open_form(page)
    form.name.setText("赵六")
    form.id_number.setText(id_number())
    form.phone.setText("1381234567")  # ten digits
    form.phone.editingFinished.emit()
    error = form.form.error_label("phone")
    assert error.isVisible() and "11 digits" in error.text()
    form.save()
    assert error.isVisible() and "11 digits" in error.text()
    form.phone.setText("+86 138-1234-5678")
    form.phone.editingFinished.emit()
    assert not error.isVisible()
    with qtbot.waitSignal(form.accepted):
        form.save()
    with db.reader() as s:
        assert volunteers.get_volunteer(s, SYSTEM, form.created_id, reveal=True).data.phone == "13812345678"


def test_form_requires_a_name_and_an_id_number(qtbot, tmp_path, db):
    page = make_page(qtbot, tmp_path, db)
    form = open_form(page)
    form.save()
    assert form.form.error_label("name").text() == "The name is required."
    assert form.form.error_label("id_number").text() == "The ID number is required."


def test_a_duplicate_id_or_phone_points_at_the_existing_volunteer(qtbot, tmp_path, db):
    number, phone = id_number(), "13900001111"
    with db.uow() as s:
        existing = add_volunteer(s, "张三", id_number=number, phone=phone)
    page = make_page(qtbot, tmp_path, db)
    form = open_form(page)
    form.name.setText("张三丰")
    form.id_number.setText(number.lower())  # a lower-case x or not: the same number
    form.phone.setText(phone)
    form.save()
    id_error = form.form.error_label("id_number")
    assert id_error.isVisible() and f"张三 (No. {existing})" in id_error.text()
    assert form.form.error_label("phone").isVisible()
    assert form.open_id_clash.isVisible() and form.open_id_clash.text() == f"Open 张三 (No. {existing})"
    assert form.open_phone_clash.isVisible()
    form.open_id_clash.click()
    shown = form._dialog
    assert shown.isVisible() and shown.windowTitle() == f"Volunteer No. {existing}"
    assert form.isVisible()  # nothing typed is lost
    form.id_number.setText(id_number())
    assert not form.open_id_clash.isVisible()


def test_edit_keeps_the_masked_numbers_when_left_empty(qtbot, tmp_path, db):
    number = id_number()
    with db.uow() as s:
        vid = add_volunteer(s, "张三", id_number=number, phone="13900002222", skills="急救")
    page = make_page(qtbot, tmp_path, db, COORDINATOR)
    page.show_volunteer(vid)
    page.pane.edit()
    form = page.pane._dialog
    assert form.windowTitle() == "Edit volunteer"
    assert form.id_number.text() == "" and "*" in form.id_number.placeholderText()
    assert form.phone.placeholderText() == "139****2222"
    assert form.skills.text() == "急救"
    form.skills.setText("急救, 摄影")
    with qtbot.waitSignal(form.accepted):
        form.save()
    with db.reader() as s:
        saved = volunteers.get_volunteer(s, SYSTEM, vid, reveal=True).data
    assert (saved.id_number, saved.phone, saved.skills) == (number, "13900002222", "急救, 摄影")
    assert page.pane.values["skills"].text() == "急救, 摄影"


# --- deactivate, reveal, export ------------------------------------------------------------------


def test_deactivate_and_reactivate_ask_first(qtbot, tmp_path, db, monkeypatch):
    with db.uow() as s:
        vid = add_volunteer(s, "张三")
    page = make_page(qtbot, tmp_path, db)
    page.table.selectRow(0)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    page.pane.toggle_status()
    assert len(asked) == 1 and "张三" in asked[0]
    with db.reader() as s:
        assert volunteers.get_volunteer(s, SYSTEM, vid).data.status == "active"
    answer(monkeypatch)
    with qtbot.waitSignal(page.data_changed):
        page.pane.status_button.click()
    with db.reader() as s:
        assert volunteers.get_volunteer(s, SYSTEM, vid).data.status == "inactive"
    assert page.model.row_at(0).status == "inactive"
    assert page.pane.status_button.text() == "Reactivate…"
    page.pane.status_button.click()
    with db.reader() as s:
        assert volunteers.get_volunteer(s, SYSTEM, vid).data.status == "active"


def reveals(db) -> int:
    with db.reader() as s:
        return len(s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all())


def test_reveal_needs_the_permission(qtbot, tmp_path, db, monkeypatch):
    number = id_number()
    with db.uow() as s:
        add_volunteer(s, "张三", id_number=number, phone="13900003333")
    page = make_page(qtbot, tmp_path, db, COORDINATOR)
    page.table.selectRow(0)
    assert not page.pane.reveal_button.isVisible()
    told = answer(monkeypatch)
    page.pane.reveal()
    assert told and "may not" in told[0]
    assert page.pane.values["id_number"].text() != number and reveals(db) == 0


def test_reveal_shows_the_full_numbers_and_is_audited(qtbot, tmp_path, db):
    number = id_number()
    with db.uow() as s:
        add_volunteer(s, "张三", id_number=number, phone="13900003333")
    page = make_page(qtbot, tmp_path, db, SYSTEM)
    page.table.selectRow(0)
    assert page.pane.values["id_number"].text() != number
    assert page.pane.reveal_button.isVisible()
    page.pane.reveal_button.click()
    assert page.pane.values["id_number"].text() == number
    assert page.pane.values["phone"].text() == "13900003333"
    assert reveals(db) == 1 and not page.pane.reveal_button.isEnabled()


def export(qtbot, page: VolunteersPage, path, full: bool = False):
    page.export()
    dialog = page._dialog
    if full:
        dialog.full.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.export_to(path)
    return dialog, done.args


def test_export_writes_the_filtered_list_masked(qtbot, tmp_path, demo_db):
    page = make_page(qtbot, tmp_path, demo_db, COORDINATOR)
    page.filters.status.setCurrentIndex(page.filters.status.findData("active"))
    dialog, (path, rows) = export(qtbot, page, tmp_path / "active.xlsx")
    assert not dialog.full.isVisibleTo(dialog)  # a coordinator may not export full numbers
    expected = service_ids(demo_db, VolunteerQuery(status="active"))
    assert rows == len(expected) and 0 < rows < 300
    sheet = openpyxl.load_workbook(path, read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(values) if row[0] == "No.")
    data = values[header + 1:]
    assert [row[0] for row in data] == expected
    id_col, phone_col = values[header].index("ID number"), values[header].index("Phone")
    assert all("********" in row[id_col] for row in data)
    phones = [row[phone_col] for row in data if row[phone_col]]  # a few demo volunteers gave none
    assert len(phones) > rows // 2 and all(p[3:7] == "****" for p in phones)


def test_export_full_numbers_for_a_permitted_role(qtbot, tmp_path, db):
    number = id_number()
    with db.uow() as s:
        add_volunteer(s, "张三", id_number=number, phone="13900004444")
    page = make_page(qtbot, tmp_path, db, SYSTEM)
    _dialog, (path, rows) = export(qtbot, page, tmp_path / "all.csv", full=True)
    assert rows == 1
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert [number, "13900004444"] == [table[-1][3], table[-1][4]]
    with db.reader() as s:
        after = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "export")).one()
    assert '"full": true' in after


# --- duplicates --------------------------------------------------------------------------------


def test_duplicates_dialog_merges_into_the_record_kept(qtbot, tmp_path, db, monkeypatch):
    born = date(1980, 3, 3)
    with db.uow() as s:
        first = add_volunteer(s, "李四", id_number=id_number(born=born), phone="13900005555")
        team = teams.create_team(s, SYSTEM, teams.TeamInput("红马甲"))
        teams.add_members(s, SYSTEM, team, [first])
        # A second record of the same person (same name and birth date), as an old import made it.
        data = volunteers.validate(s, VolunteerInput(name="李四", id_number=id_number(born=born)), check_clashes=False)
        second = volunteers.add_volunteer(s, data).id
        add_volunteer(s, "王五")
    page = make_page(qtbot, tmp_path, db)
    page.find_duplicates()
    dialog = page._dialog
    assert dialog.model.rowCount() == 1
    assert dialog.first.values["name"].text() == f"李四 (No. {first})"
    assert dialog.first.values["teams"].text() == "红马甲" and dialog.second.values["teams"].text() == "—"
    dialog.choose_keep(keep_first=False)
    asked = answer(monkeypatch)
    with qtbot.waitSignal(dialog.merged) as merged:
        dialog.merge_button.click()
    assert merged.args == [second, first] and f"No. {first}" in asked[0]
    with db.reader() as s:
        assert volunteers.count_volunteers(s, VolunteerQuery()) == 2
        assert teams.member_ids(s, team) == [second]
    assert dialog.model.rowCount() == 0 and dialog.intro.text() == "No likely duplicates found."
    assert page.model.total() == 2
