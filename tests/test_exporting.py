"""Exports: the xlsx/CSV table writer, the volunteer list (masked unless revealed), the CLI."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from desktop import cli
from desktop.models import AuditEntry
from desktop.services import exporting, importing, teams, volunteers
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.volunteers import VolunteerQuery
from tests.helpers import add_volunteer, id_number


def test_write_table_xlsx_keeps_text_dates_and_numbers(tmp_path):
    path = tmp_path / "t.xlsx"
    rows = [
        ["220102198509124010", date(2023, 5, 1), 12.5, "=HYPERLINK(\"http://x\")", None],
        ["22010319680923450X", datetime(2024, 1, 2, 3, 4, tzinfo=UTC), 0, "普通文本", "b"],
    ]
    assert exporting.write_table(path, ["身份证号", "日期", "时数", "备注", "空"], rows, title="名单") == 2
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.title == "名单" and ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["身份证号", "日期", "时数", "备注", "空"]
    assert ws["A2"].value == "220102198509124010" and ws["A2"].data_type == "s"
    assert ws["B2"].value == datetime(2023, 5, 1) and ws["C2"].value == 12.5
    # a cell that would be a formula stays text: nothing runs when the file is opened
    assert ws["D2"].data_type == "s" and ws["D2"].value.startswith("=HYPERLINK")
    assert ws["B3"].value.tzinfo is None  # local time, Excel has no time zones
    assert not list(tmp_path.glob("*.part"))


def test_write_table_csv_is_utf8_with_bom_and_defuses_formulas(tmp_path):
    path = tmp_path / "t.csv"
    exporting.write_table(path, ["姓名", "日期", "备注"], [["张三", date(2023, 5, 1), "=1+2"], ["李四", None, "-x"]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["姓名", "日期", "备注"], ["张三", "2023-05-01", "'=1+2"], ["李四", "", "'-x"]]


def test_write_table_refuses_other_suffixes_and_leaves_no_partial_file(tmp_path):
    with pytest.raises(ValidationError) as e:
        exporting.write_table(tmp_path / "t.pdf", ["a"], [])
    assert "out" in e.value.fields

    def broken_rows():
        yield ["ok"]
        raise OSError("disk full")

    with pytest.raises(OSError):
        exporting.write_table(tmp_path / "t.xlsx", ["a"], broken_rows())
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def registry(db, admin):
    with db.uow() as s:
        a = add_volunteer(s, "张三", id_number=id_number(), phone="13900001111", skills="书法")
        b = add_volunteer(s, "李四", phone="13900002222")
        c = add_volunteer(s, "王五", phone="13900003333")
        volunteers.set_status(s, admin, c, "inactive")
        t = teams.create_team(s, admin, teams.TeamInput("书香阅读志愿队", "reading"))
        teams.add_members(s, admin, t, [a, b])
    return a, b, c


def _read(path):
    ws = openpyxl.load_workbook(path).active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_export_volunteers_masks_personal_data(db, coordinator, registry, tmp_path):
    path = tmp_path / "v.xlsx"
    with db.uow() as s:
        assert exporting.export_volunteers(s, coordinator, VolunteerQuery(), path) == 3
    rows = _read(path)
    assert rows[0] == exporting.volunteer_headers()
    by_name = {r[1]: r for r in rows[1:]}
    assert set(by_name) == {"张三", "李四", "王五"}
    assert by_name["张三"][4] == "139****1111" and "*" in by_name["张三"][3]
    assert by_name["张三"][9] == "书香阅读志愿队" and by_name["张三"][8] == "书法"
    assert by_name["王五"][6] == "Inactive" and by_name["张三"][2] == "Male"
    with db.reader() as s:
        entry = s.execute(select(AuditEntry.action, AuditEntry.after).where(AuditEntry.action == "export")).one()
    assert json.loads(entry.after)["rows"] == 3 and json.loads(entry.after)["full"] is False


def test_export_follows_the_filter_and_pages(db, coordinator, registry, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "EXPORT_PAGE", 1)  # several pages even for three volunteers
    path = tmp_path / "v.csv"
    with db.uow() as s:
        assert exporting.export_volunteers(s, coordinator, VolunteerQuery(status="active"), path) == 2
        assert exporting.export_volunteers(s, coordinator, VolunteerQuery(search="王"), tmp_path / "w.csv") == 1
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(r[1] for r in rows[1:]) == ["张三", "李四"]


def test_full_export_needs_the_reveal_permission(db, coordinator, admin, registry, tmp_path):
    with pytest.raises(PermissionDenied), db.uow() as s:
        exporting.export_volunteers(s, coordinator, VolunteerQuery(), tmp_path / "f.xlsx", full=True)
    assert not (tmp_path / "f.xlsx").exists()
    with db.uow() as s:
        exporting.export_volunteers(s, admin, VolunteerQuery(), tmp_path / "f.xlsx", full=True)
    rows = {r[1]: r for r in _read(tmp_path / "f.xlsx")[1:]}
    assert rows["张三"][4] == "13900001111" and len(rows["张三"][3]) == 18


def test_full_export_imports_back_into_an_empty_file(db, admin, registry, tmp_path):
    from desktop.db import open_database

    path = tmp_path / "all.xlsx"
    with db.uow() as s:
        exporting.export_volunteers(s, admin, VolunteerQuery(), path, full=True)
    other = open_database(tmp_path / "other.sqlite")
    try:
        with other.uow() as s:
            report = importing.import_volunteers(s, admin, path)
        assert (report.imported, report.rejected) == (3, [])
        with other.reader() as s:
            rows = volunteers.list_volunteers(s, VolunteerQuery(sort="phone"), reveal=True)
            assert [(r.name, r.phone, r.gender) for r in rows] == [
                ("张三", "13900001111", "M"), ("李四", "13900002222", "M"), ("王五", "13900003333", "M")]
            assert teams.find_team_by_name(s, "书香阅读志愿队") is not None
    finally:
        other.dispose()


def test_cli_export(db_path, capsys, tmp_path):
    from desktop.db import open_database

    db = open_database(db_path)
    with db.uow() as s:
        add_volunteer(s, "张三", phone="13900001111")
        add_volunteer(s, "李四", phone="13900002222")
    db.dispose()
    out = tmp_path / "v.csv"
    code = cli.main(["--db", str(db_path), "export", "volunteers", "--out", str(out), "--search", "张"])
    assert code == 0 and "1" in capsys.readouterr().out
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 2 and rows[1][1] == "张三" and rows[1][4] == "139****1111"
    code = cli.main(["--db", str(db_path), "export", "volunteers", "--out", str(tmp_path / "f.xlsx"), "--full"])
    assert code == 0
    assert {r[4] for r in _read(tmp_path / "f.xlsx")[1:]} == {"13900001111", "13900002222"}
    code = cli.main(["--db", str(db_path), "export", "volunteers", "--out", str(tmp_path / "v.txt")])
    err = capsys.readouterr().err
    assert code == 2 and ".xlsx" in err and len(err.strip().splitlines()) == 1
