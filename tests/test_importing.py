"""Roster import: the sample rosters, each normalisation and rejection, the transaction, the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event, func, select

from desktop import cli, codes
from desktop.idcard import check_character
from desktop.models import AuditEntry, Card, Team, TeamMembership, Volunteer
from desktop.services import importing, roster_reading, teams
from desktop.services.errors import PermissionDenied, ValidationError
from desktop.services.importing import ImportOptions, import_volunteers, parse_date
from tests.helpers import add_volunteer, id_number

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "roster_sample"
HEADER = ["序号", "姓名", "性别", "身份证号", "联系电话", "所属队伍", "技能特长", "注册时间", "备注"]
TITLE_ROWS = [["宽城区新时代文明实践站志愿者花名册"], ["填报单位：长山花园社区", None, None, None, "填报日期：2026年11月"]]
FIRST_DATA_ROW = len(TITLE_ROWS) + 2  # sheet row of the first volunteer


def expected() -> dict:
    path = SAMPLES / "expected.json"
    if not path.exists():
        pytest.skip(f"the shared sample rosters are not beside the checkout ({SAMPLES})")
    return json.loads(path.read_text(encoding="utf-8"))


def make_id(i: int, male: bool = True) -> str:
    """The i-th of many distinct, valid ID numbers (tests.helpers.id_number repeats after 50)."""
    born = date(1950, 1, 1) + timedelta(days=i // 50)
    first17 = f"220102{born:%Y%m%d}{i % 50:02d}{(2 * (i % 5) + (1 if male else 0)) % 10}"
    return first17 + check_character(first17)


def write_xlsx(path: Path, rows: list[list], header: list = HEADER, title_rows: list = TITLE_ROWS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    for r in [*title_rows, header, *rows]:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str, header: list = HEADER, delimiter: str = ",") -> Path:
    lines = [delimiter.join("" if v is None else str(v) for v in r) for r in [header, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def person(name="张三", idn=None, phone="13900001111", team="书香阅读志愿队", registered="2023-05-01", gender=None,
           skills="", notes=None) -> list:
    return [1, name, gender, idn or id_number(), phone, team, skills, registered, notes]


def run_import(db, actor, path, **kw):
    dry = kw.pop("dry_run", False)
    with (db.reader() if dry else db.uow()) as s:
        return import_volunteers(s, actor, path, ImportOptions(**kw), dry_run=dry)


def rejected(report) -> dict[int, str]:
    return {r.row: r.reason for r in report.rejected}


def volunteer_count(db) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count(Volunteer.id)))


# --- the shared sample rosters -------------------------------------------------------------------


def test_sample_xlsx_imports_exactly_the_expected_rows(db, coordinator):
    exp = expected()
    report = run_import(db, coordinator, SAMPLES / "volunteers.xlsx")
    assert report.header_row == exp["header_row"] == 3
    assert report.rows == exp["rows"] == 300
    assert report.imported == exp["imported"] == 283
    assert rejected(report) == {int(k): v for k, v in exp["rejected_sheet_rows"].items()}
    assert report.blank_rows == 3 and report.summary_rows == [307]  # the 合计 row is not a volunteer
    with db.reader() as s:
        assert s.scalar(select(func.count(Volunteer.id))) == 283
        # every new volunteer has a valid card code and its row in `cards`
        card_codes = s.scalars(select(Volunteer.card_code)).all()
        assert all(codes.is_valid(c) for c in card_codes) and len(set(card_codes)) == 283
        assert set(s.scalars(select(Card.code))) == set(card_codes)
        # the teams named in the file were created, each volunteer joined the team of their row
        assert s.scalar(select(func.count(Team.id))) == 8
        assert s.scalar(select(func.count()).select_from(TeamMembership)) == 283
        # 卢勇 (sheet row 10): lower-case x upper-cased, gender from the file, date from 2020年2月20日
        v = s.scalar(select(Volunteer).where(Volunteer.id_number == "22010319680923450X"))
        assert (v.name, v.gender, v.registered_on) == ("卢勇", "F", date(2020, 2, 20))
        # 罗杰秀 (row 4): no gender in the file, taken from the ID number
        v = s.scalar(select(Volunteer).where(Volunteer.name == "罗杰秀"))
        assert v.gender == "M" and v.birth_date == date(1998, 1, 28)
        # 董世 (row 20): phone typed with spaces
        assert s.scalar(select(Volunteer.phone).where(Volunteer.name == "董世")) == "17314170586"
        # one audit entry for the import (and one per new team), not one per volunteer
        entries = s.execute(select(AuditEntry.action, AuditEntry.entity)).all()
        assert entries.count(("import", "volunteer")) == 1
        assert entries.count(("create", "team")) == 8 and len(entries) == 9
        summary = json.loads(s.scalar(select(AuditEntry.after).where(AuditEntry.action == "import")))
        assert summary["imported"] == 283 and summary["rejected"] == 17 and len(summary["volunteer_ids"]) == 283


def test_sample_gb18030_csv_imports_exactly_the_expected_rows(db, coordinator):
    exp = expected()
    report = run_import(db, coordinator, SAMPLES / "volunteers_gbk.csv")
    assert report.rows == 300 and report.imported == 283
    # rows are file lines: the header is line 1, so 序号 n is line n + 1
    assert rejected(report) == {int(k) + 1: v for k, v in exp["rejected"].items()}
    assert volunteer_count(db) == 283


def test_dry_run_writes_nothing_and_predicts_the_import(db, coordinator):
    preview = run_import(db, coordinator, SAMPLES / "volunteers.xlsx", dry_run=True)
    assert volunteer_count(db) == 0
    with db.reader() as s:
        assert s.scalar(select(func.count(Team.id))) == 0
        assert s.scalar(select(func.count(AuditEntry.id))) == 0
    assert len(preview.teams_created) == 8
    report = run_import(db, coordinator, SAMPLES / "volunteers.xlsx")
    assert (preview.imported, rejected(preview)) == (report.imported, rejected(report))


def test_reimport_skips_by_default_and_updates_when_asked(db, coordinator, tmp_path):
    ids = [id_number(born=date(1980, 1, i + 1)) for i in range(3)]
    rows = [person(f"志愿者{i}", ids[i], f"1390000000{i}") for i in range(3)]
    run_import(db, coordinator, write_xlsx(tmp_path / "a.xlsx", rows))
    again = run_import(db, coordinator, tmp_path / "a.xlsx")
    assert (again.imported, again.skipped, again.updated) == (0, 3, 0)
    assert [e.row for e in again.existing] == [4, 5, 6]
    rows[1][4] = "13911112222"  # a new phone
    rows[2][5] = "敬老助残志愿队"  # and a new team
    path = write_xlsx(tmp_path / "b.xlsx", rows)
    preview = run_import(db, coordinator, path, update_existing=True, dry_run=True)
    assert (preview.updated, preview.unchanged) == (2, 1)
    report = run_import(db, coordinator, path, update_existing=True)
    assert (report.imported, report.updated, report.unchanged, report.skipped) == (0, 2, 1, 0)
    with db.reader() as s:
        assert s.scalar(select(Volunteer.phone).where(Volunteer.id_number == ids[1])) == "13911112222"
        assert s.scalar(select(Volunteer.phone_tail).where(Volunteer.id_number == ids[1])) == "2222"
        vid = s.scalar(select(Volunteer.id).where(Volunteer.id_number == ids[2]))
        assert sorted(s.scalars(
            select(Team.name).join(TeamMembership).where(TeamMembership.volunteer_id == vid)
        )) == ["书香阅读志愿队", "敬老助残志愿队"]
        audit = s.execute(select(AuditEntry.before, AuditEntry.after).where(AuditEntry.action == "import")
                          .order_by(AuditEntry.id.desc())).first()
        vid1 = s.scalar(select(Volunteer.id).where(Volunteer.id_number == ids[1]))
        after = json.loads(audit.after)
        assert json.loads(audit.before)["changes"][str(vid1)] == {"phone": "13900000001"}
        assert after["changes"][str(vid1)] == {"phone": "13911112222"}
        # The count of updated rows is kept beside the changes, not replaced by them.
        assert after["updated"] == report.updated > 0


def test_update_does_not_blank_fields_the_file_leaves_empty(db, coordinator, tmp_path):
    idn = id_number()
    run_import(db, coordinator, write_xlsx(tmp_path / "a.xlsx", [person("王芳", idn, skills="书法")]))
    run_import(db, coordinator, write_xlsx(tmp_path / "b.xlsx", [person("王芳", idn, skills=None, team=None)]),
               update_existing=True)
    with db.reader() as s:
        assert s.scalar(select(Volunteer.skills).where(Volunteer.id_number == idn)) == "书法"


# --- normalisation: cells that are fixed, not rejected ---------------------------------------------


def test_cells_are_normalised(db, coordinator, tmp_path):
    full_width_id = id_number(born=date(1990, 3, 4), male=False)
    x_id = next(i for i in (id_number(born=date(1971, 2, 3)) for _ in range(200)) if i.endswith("X"))
    rows = [
        person(" 张 三 ", " " + id_number(born=date(1960, 1, 2)) + " ", 13900001111, registered=datetime(2023, 5, 1)),
        person("李四", full_width_id.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
               "１３９００００２２２２", registered="2023年5月1日"),
        person("王五", x_id.lower(), "+86-139-0000-3333", registered="2023/5/1"),
        person("赵六", id_number(born=date(1970, 1, 1)), "139 0000 4444", registered="20230501"),
        person("钱七", id_number(born=date(1970, 1, 2)), 13900005555.0, registered="2023.05.01"),
        person("孙八", id_number(born=date(1970, 1, 3)), "8613900006666", registered=20230501),
        person("周九", id_number(born=date(1970, 1, 4)), None, registered=45047),  # Excel serial: 2023-05-01
        person("吴十", id_number(born=date(1970, 1, 5), male=True), "13900007777", gender="男性",
               registered="2023年5月"),
    ]
    report = run_import(db, coordinator, write_xlsx(tmp_path / "r.xlsx", rows))
    assert report.rejected == [] and report.imported == 8
    with db.reader() as s:
        got = {v.name: v for v in s.execute(select(Volunteer.name, Volunteer.id_number, Volunteer.phone,
               Volunteer.gender, Volunteer.registered_on, Volunteer.name_pinyin, Volunteer.name_initials,
               Volunteer.card_code))}
    assert set(got) == {"张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"}
    assert got["李四"].id_number == full_width_id and got["李四"].phone == "13900002222"
    assert got["李四"].gender == "F"  # missing gender taken from the ID
    assert got["王五"].id_number == x_id and got["王五"].phone == "13900003333"
    assert [got[n].phone for n in ("张三", "赵六", "钱七", "孙八", "周九")] == [
        "13900001111", "13900004444", "13900005555", "13900006666", ""]
    assert {v.registered_on for v in got.values()} == {date(2023, 5, 1)}
    assert got["吴十"].gender == "M"
    assert all(v.name_pinyin and v.card_code for v in got.values())
    assert got["张三"].name_initials == "zs"


@pytest.mark.parametrize(
    "value, expected_date",
    [
        (datetime(2023, 5, 1, 8, 30), date(2023, 5, 1)),
        (date(2023, 5, 1), date(2023, 5, 1)),
        ("2023年5月1日", date(2023, 5, 1)),
        ("2023 年 05 月 01 日", date(2023, 5, 1)),
        ("2023/5/1", date(2023, 5, 1)),
        ("2023-5-1", date(2023, 5, 1)),
        ("2023.05.01", date(2023, 5, 1)),
        ("20230501", date(2023, 5, 1)),
        ("２０２３年５月１日", date(2023, 5, 1)),
        ("2023-05-01 00:00:00", date(2023, 5, 1)),
        ("2023年5月", date(2023, 5, 1)),
        (20230501, date(2023, 5, 1)),
        (45047, date(2023, 5, 1)),
        ("45047", date(2023, 5, 1)),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_date(value, expected_date):
    assert parse_date(value) == expected_date


@pytest.mark.parametrize("value", ["去年", "2023-13-01", "2023/2/30", "5/1/2023", "20231345", -3])
def test_parse_date_refuses_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    "headers",
    [
        ["姓名", "身份证号码", "手机", "所属队伍", "注册日期"],
        ["姓 名", "证件号码", "手机号", "队伍", "注册时间"],
        ["姓名*", "公民身份号码（必填）", "联系方式", "所属团队", "登记日期"],
        ["Name", "ID number", "Mobile", "Team", "Registered on"],
        ["name", "ID No.", "Phone", "teams", "registration date"],
    ],
)
def test_header_variants_are_mapped(headers, tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", [], header=headers)
    found = roster_reading.detect_layout(path)
    assert found.header_row == FIRST_DATA_ROW - 1
    assert found.mapping == {0: "name", 1: "id_number", 2: "phone", 3: "team", 4: "registered_on"}


def test_header_is_found_below_any_number_of_title_rows(tmp_path):
    titles = [["花名册"]] + [[f"说明第{i}行"] for i in range(10)]
    path = write_xlsx(tmp_path / "t.xlsx", [person()], title_rows=titles)
    assert roster_reading.detect_layout(path).header_row == 12


# --- rejections: each with its row and a reason a clerk understands --------------------------------


def test_rows_are_rejected_with_row_number_reason_and_message(db, coordinator, tmp_path):
    good = id_number(born=date(1980, 5, 5))
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    rows = [
        person("甲", good, "13900000001"),                               # 4 ok
        person("乙", bad_check, "13900000002"),                          # 5 wrong check character
        person("丙", 2.20103198005051e17, "13900000003"),                # 6 Excel made the ID a number
        person("丁", "2.20103E+17", "13900000004"),                      # 7 ... and then text
        person(None, id_number(), "13900000005"),                        # 8 no name
        person("戊", id_number(), "1390000"),                            # 9 phone too short
        person("己", good, "13900000007"),                               # 10 same ID as row 4
        person("庚", id_number(), "13900000001"),                        # 11 same phone as row 4
        person("辛", id_number(born=date(1980, 1, 1), male=True), "13900000009", gender="女"),  # 12
        person("壬", id_number(), "13900000010", registered="去年春天"),   # 13 not a date
        [1, "癸", None, None, "13900000011", None, None, None, None],   # 14 no ID
        person("子", "22010219800101123", "13900000012"),                # 15 17 characters
        person("丑", id_number(), "13900000013", registered="2099-01-01"),  # 16 in the future
        [None] * 9,                                                      # 17 blank: not counted
        ["合计", "13人"],                                                 # 18 summary: not counted
    ]
    report = run_import(db, coordinator, write_xlsx(tmp_path / "bad.xlsx", rows))
    assert rejected(report) == {
        5: "id_checksum", 6: "id_excel_number", 7: "id_excel_number", 8: "missing_name", 9: "phone",
        10: "duplicate_in_file", 11: "duplicate_in_file", 12: "gender", 13: "date", 14: "id_missing",
        15: "id_format", 16: "date",
    }
    assert report.rows == 13 and report.imported == 1
    assert report.blank_rows == 1 and report.summary_rows == [18]
    by_row = {r.row: r for r in report.rejected}
    assert by_row[6].field == "id_number" and "lost digits" in by_row[6].message
    assert by_row[10].field == "id_number" and "row 4" in by_row[10].message
    assert by_row[11].field == "phone" and "row 4" in by_row[11].message
    assert by_row[9].field == "phone" and "1390000" in by_row[9].message
    assert by_row[13].field == "registered_on" and "去年春天" in by_row[13].message
    assert by_row[8].values[1] is None and by_row[8].values[4] == "13900000005"  # cells kept as they were
    assert importing.reason_label("id_checksum") != "id_checksum"


def test_phone_registered_to_someone_else_is_rejected(db, coordinator, tmp_path):
    with db.uow() as s:
        add_volunteer(s, "老会员", phone="13912345678")
    report = run_import(db, coordinator, write_xlsx(tmp_path / "p.xlsx", [person("新人", phone="13912345678")]))
    assert rejected(report) == {4: "phone_registered"}
    assert "老会员" in report.rejected[0].message


def test_id_already_registered_is_skipped_and_reported(db, coordinator, tmp_path):
    idn = id_number()
    with db.uow() as s:
        vid = add_volunteer(s, "老会员", id_number=idn)
    report = run_import(db, coordinator, write_xlsx(tmp_path / "e.xlsx", [person("老会员", idn.lower())]))
    assert (report.imported, report.skipped, report.rejected) == (0, 1, [])
    assert report.existing[0].volunteer_id == vid and report.existing[0].row == 4


# --- files: encodings, delimiters, formats -------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_csv_encodings_are_detected(db, coordinator, tmp_path, encoding):
    rows = [person("欧阳娜娜", id_number(), "13900000001", team="书香阅读志愿队", registered="2023年5月1日")]
    path = write_csv(tmp_path / "r.csv", rows, encoding)
    report = run_import(db, coordinator, path)
    assert report.imported == 1 and report.header_row == 1
    with db.reader() as s:
        assert s.scalar(select(Volunteer.name)) == "欧阳娜娜"
        assert s.scalar(select(Team.name)) == "书香阅读志愿队"


def test_gbk_csv_that_starts_like_utf8_is_still_read(db, coordinator, tmp_path):
    ascii_rows = [person(f"Li{i}", make_id(i), f"139000{i:05d}", team="") for i in range(3000)]
    rows = [*ascii_rows, person("张三", make_id(9999), "13911110000", team="")]
    path = write_csv(tmp_path / "late.csv", rows, "gbk")
    assert roster_reading.detect_encoding(path)[0] == "gb18030"
    assert run_import(db, coordinator, path).imported == 3001


def test_tab_separated_text_with_title_lines(db, coordinator, tmp_path):
    path = tmp_path / "r.txt"
    lines = ["志愿者名单", "\t".join(HEADER), "\t".join(str(v or "") for v in person("李雷", phone="13900000001"))]
    path.write_text("\n".join(lines), encoding="utf-8")
    report = run_import(db, coordinator, path)
    assert report.imported == 1 and report.header_row == 2


def test_unusable_files_are_refused_in_plain_words(db, coordinator, tmp_path):
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, tmp_path / "missing.xlsx")
    assert "file" in e.value.fields
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, tmp_path / "old.xls")
    assert ".xlsx" in e.value.fields["file"]
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, tmp_path / "broken.xlsx")
    assert "broken.xlsx" in e.value.fields["file"]
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, write_xlsx(tmp_path / "nohead.xlsx", [["a", "b"]], header=["甲", "乙"]))
    assert "姓名" in e.value.fields["file"]


def test_mapping_can_be_adjusted_and_is_checked(db, coordinator, tmp_path):
    # Column 3 is headed 备用号码 (not recognised): the clerk says it holds the phone.
    header = ["姓名", "身份证号", "备用号码"]
    path = write_xlsx(tmp_path / "m.xlsx", [["韩梅梅", id_number(), "13900000009"]], header=header)
    found = roster_reading.detect_layout(path)
    assert found.mapping == {0: "name", 1: "id_number"}
    run_import(db, coordinator, path, mapping={0: "name", 1: "id_number", 2: "phone"})
    with db.reader() as s:
        assert s.scalar(select(Volunteer.phone)) == "13900000009"
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, path, mapping={1: "id_number", 2: "phone"})
    assert "mapping" in e.value.fields
    with pytest.raises(ValidationError):
        run_import(db, coordinator, path, mapping={0: "name", 1: "id_number", 2: "id_number"})
    # a roster whose ID column has a name the import does not know is refused, not imported empty
    other = write_xlsx(tmp_path / "n.xlsx", [["韩梅梅", "13900000009", id_number()]], header=["姓名", "手机", "编码"])
    with pytest.raises(ValidationError) as e:
        run_import(db, coordinator, other)
    assert "ID number" in e.value.fields["mapping"]


# --- the transaction, cancellation, permissions, batching ------------------------------------------


def test_a_failure_part_way_leaves_nothing_written(db, coordinator, tmp_path, monkeypatch):
    rows = [person(f"志愿者{i}", make_id(i), f"139{i:08d}") for i in range(50)]
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    monkeypatch.setattr(importing, "CHUNK", 20)
    real_insert = importing._Import._insert
    calls = []

    def failing_insert(self, new):
        calls.append(len(new))
        if len(calls) == 2:
            raise OSError("disk full")
        real_insert(self, new)

    monkeypatch.setattr(importing._Import, "_insert", failing_insert)
    with pytest.raises(OSError):
        run_import(db, coordinator, path)
    assert calls == [20, 20] and volunteer_count(db) == 0
    with db.reader() as s:
        assert s.scalar(select(func.count(Team.id))) == 0 and s.scalar(select(func.count(Card.id))) == 0


def test_cancel_stops_and_writes_nothing(db, coordinator, tmp_path, monkeypatch):
    rows = [person(f"志愿者{i}", make_id(i), f"139{i:08d}") for i in range(30)]
    path = write_xlsx(tmp_path / "c.xlsx", rows)
    monkeypatch.setattr(importing, "CHUNK", 10)
    seen = []
    with pytest.raises(importing.ImportCancelled), db.uow() as s:
        import_volunteers(s, coordinator, path, progress=lambda done, total: seen.append(done),
                          cancelled=lambda: len(seen) >= 1)
    assert seen == [10] and volunteer_count(db) == 0


def test_progress_reports_rows_read(db, coordinator, tmp_path, monkeypatch):
    rows = [person(f"志愿者{i}", make_id(i), f"139{i:08d}") for i in range(25)]
    monkeypatch.setattr(importing, "CHUNK", 10)
    seen = []
    with db.uow() as s:
        import_volunteers(s, coordinator, write_xlsx(tmp_path / "p.xlsx", rows),
                          progress=lambda done, total: seen.append((done, total)))
    assert [d for d, _ in seen] == [10, 20, 25]


def test_import_needs_permission(db, operator, coordinator, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [person()])
    with pytest.raises(PermissionDenied):
        run_import(db, operator, path)
    with pytest.raises(PermissionDenied):
        run_import(db, operator, path, dry_run=True)
    assert volunteer_count(db) == 0


def test_database_lookups_are_batched_per_chunk(db, coordinator, tmp_path, monkeypatch):
    rows = [person(f"志愿者{i}", make_id(i), f"139{i:08d}") for i in range(250)]
    path = write_xlsx(tmp_path / "b.xlsx", rows)
    monkeypatch.setattr(importing, "CHUNK", 100)
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        report = run_import(db, coordinator, path)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert report.imported == 250
    volunteer_selects = [q for q in statements if q.lstrip().upper().startswith("SELECT") and "FROM volunteers" in q]
    volunteer_inserts = [q for q in statements if q.startswith("INSERT INTO volunteers")]
    # per chunk of 100: one lookup of IDs and phones already registered, one read-back of new ids
    assert len(volunteer_selects) == 2 * 3
    assert len(volunteer_inserts) == 3


def test_teams_are_matched_or_created(db, coordinator, tmp_path):
    with db.uow() as s:
        existing = teams.create_team(s, coordinator, teams.TeamInput("书香阅读志愿队", "reading"))
    rows = [
        person("甲", team="书香阅读志愿队"),
        person("乙", team=" 书香阅读志愿队 "),
        person("丙", team="科普志愿服务队、文明交通劝导队"),
        person("丁", team=None),
    ]
    for i, r in enumerate(rows):
        r[4] = f"1390000000{i}"
    report = run_import(db, coordinator, write_xlsx(tmp_path / "t.xlsx", rows))
    assert report.teams_matched == ["书香阅读志愿队"]
    assert report.teams_created == ["科普志愿服务队", "文明交通劝导队"]
    with db.reader() as s:
        assert len(teams.member_ids(s, existing)) == 2
        science = teams.find_team_by_name(s, "科普志愿服务队")
        assert s.get(Team, science).category == "science"
        assert len(teams.member_ids(s, science)) == 1


# --- rejected rows saved for fixing --------------------------------------------------------------


def test_rejected_rows_are_saved_and_can_be_fixed_and_reimported(db, coordinator, tmp_path):
    good_id = id_number(born=date(1975, 6, 6))
    rows = [
        person("甲", id_number(), "13900000001"),
        person(None, good_id, "13900000002"),
        person("丙", id_number(), "1390000"),
    ]
    report = run_import(db, coordinator, write_xlsx(tmp_path / "r.xlsx", rows))
    assert rejected(report) == {5: "missing_name", 6: "phone"}
    out = tmp_path / "rejected.xlsx"
    assert importing.save_rejected(report, out) == 2
    ws = openpyxl.load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0][: len(HEADER)]) == HEADER and values[0][-2:] == ("Row in original file", "Reason")
    assert values[1][3] == good_id and values[1][-2] == 5 and "name" in values[1][-1].lower()
    assert ws.cell(2, 4).data_type == "s"  # the ID stays text for Excel
    # the clerk fills in the name and the phone, and imports the same file again
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    ws.cell(2, 2).value = "乙"
    ws.cell(3, 5).value = "13900000003"
    wb.save(out)
    again = run_import(db, coordinator, out)
    assert (again.imported, again.rejected) == (2, [])
    assert volunteer_count(db) == 3


# --- the command line ------------------------------------------------------------------------------


def _cli(capsys, *args):
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_import_json_for_the_samples(db_path, capsys, tmp_path):
    exp = expected()
    code, out, _ = _cli(capsys, "--db", str(db_path), "import", "volunteers",
                        str(SAMPLES / "volunteers.xlsx"), "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["dry_run"] is True and data["imported"] == 283
    assert {str(r["row"]): r["reason"] for r in data["rejected"]} == exp["rejected_sheet_rows"]
    assert all(set(r) >= {"row", "reason", "field"} for r in data["rejected"])

    code, out, _ = _cli(capsys, "--db", str(db_path), "import", "volunteers", str(SAMPLES / "volunteers_gbk.csv"), "--json")
    data = json.loads(out)
    assert code == 0 and (data["imported"], data["updated"], data["skipped"]) == (283, 0, 0)
    assert {str(r["row"] - 1): r["reason"] for r in data["rejected"]} == exp["rejected"]

    # the same people again, from the workbook: all already registered
    rejected_out = tmp_path / "rejected.xlsx"
    code, out, _ = _cli(capsys, "--db", str(db_path), "import", "volunteers", str(SAMPLES / "volunteers.xlsx"),
                        "--rejected-out", str(rejected_out))
    assert code == 0 and "283 skipped" in out and "row 22:" in out
    assert openpyxl.load_workbook(rejected_out).active.max_row == 18

    code, out, _ = _cli(capsys, "--db", str(db_path), "import", "volunteers", str(SAMPLES / "volunteers.xlsx"),
                        "--update-existing", "--json")
    data = json.loads(out)
    assert (data["imported"], data["updated"], data["unchanged"]) == (0, 0, 283)
    code, out, _ = _cli(capsys, "--db", str(db_path), "list", "volunteers", "--json")
    assert len(json.loads(out)) == 283


def test_cli_import_bad_file_exits_non_zero_with_one_line(db_path, capsys, tmp_path):
    (tmp_path / "notes.docx").write_text("x")
    code, out, err = _cli(capsys, "--db", str(db_path), "import", "volunteers", str(tmp_path / "notes.docx"))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "notes.docx" in err
