"""The roster import window: detection, the preview on a worker thread, adjusting columns, importing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from desktop.models import Volunteer
from desktop.services.importing import RejectedRow
from desktop.services.permissions import SYSTEM
from desktop.ui.import_dialog import ImportDialog, RejectedRowsModel
from tests.helpers import id_number

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "roster_sample"
TIMEOUT = 30_000


def expected() -> dict:
    path = SAMPLES / "expected.json"
    if not path.exists():
        pytest.skip(f"the shared sample rosters are not beside the checkout ({SAMPLES})")
    return json.loads(path.read_text(encoding="utf-8"))


def count(db) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count(Volunteer.id)))


@pytest.fixture
def dialog(qtbot, db):
    d = ImportDialog(db, SYSTEM)
    qtbot.addWidget(d)
    d.show()
    return d


def previewed(qtbot, d: ImportDialog) -> None:
    qtbot.waitUntil(lambda: d.report is not None and d.report.dry_run and not d._busy(), timeout=TIMEOUT)


def imported(qtbot, d: ImportDialog) -> None:
    qtbot.waitUntil(lambda: d.imported and not d._busy(), timeout=TIMEOUT)


def rejected_rows(d: ImportDialog) -> dict[int, str]:
    m = d.rejected_model
    return {int(m.index(r, 0).data()): m.rejected_at(r).reason for r in range(m.rowCount())}


@pytest.mark.parametrize("sample, key, offset", [
    ("volunteers.xlsx", "rejected_sheet_rows", 0),
    ("volunteers_gbk.csv", "rejected", 1),
])
def test_sample_rosters_preview_then_import(qtbot, db, dialog, sample, key, offset):
    exp = expected()
    dialog.open_file(SAMPLES / sample)
    previewed(qtbot, dialog)
    assert count(db) == 0  # the preview writes nothing
    assert dialog.report.imported == 283 and dialog.report.rows == 300
    assert rejected_rows(dialog) == {int(k) + offset: v for k, v in exp[key].items()}
    assert "283 would be imported" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and dialog.save_button.isEnabled()
    # the detected header and columns are shown, one combo per column
    assert dialog.header_spin.value() == (3 if sample.endswith("xlsx") else 1)
    assert [c.currentData() for c in dialog.combos][:6] == ["", "name", "gender", "id_number", "phone", "team"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    imported(qtbot, dialog)
    assert count(db) == 283
    assert not dialog.report.dry_run and dialog.report.imported == 283
    assert "Done." in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()


def test_changing_a_column_needs_a_new_check(qtbot, db, dialog, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "备用号码", "备注"])
    wb.active.append(["韩梅梅", id_number(), "13900000009", "会手语"])
    wb.save(path)
    dialog.open_file(path)
    previewed(qtbot, dialog)
    assert dialog.mapping() == {0: "name", 1: "id_number", 3: "notes"}
    phone_combo = dialog.combos[2]
    phone_combo.setCurrentIndex(phone_combo.findData("phone"))
    assert dialog.report is None and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    previewed(qtbot, dialog)
    assert dialog.options().mapping == {0: "name", 1: "id_number", 2: "phone", 3: "notes"}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    imported(qtbot, dialog)
    with db.reader() as s:
        assert s.execute(select(Volunteer.name, Volunteer.phone, Volunteer.notes)).one() == (
            "韩梅梅", "13900000009", "会手语")


def test_a_mapping_without_names_is_explained(qtbot, db, dialog, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号"])
    wb.active.append(["韩梅梅", id_number()])
    wb.save(path)
    dialog.open_file(path)
    previewed(qtbot, dialog)
    dialog.combos[0].setCurrentIndex(0)  # not imported
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy() and "Name" in dialog.summary.text(), timeout=TIMEOUT)
    assert dialog.report is None and not dialog.import_button.isEnabled() and count(db) == 0


def test_existing_ids_skip_by_default_or_update(qtbot, db, tmp_path):
    idn = id_number()
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "手机"])
    wb.active.append(["李雷", idn, "13900000001"])
    wb.save(path)
    first = ImportDialog(db, SYSTEM)
    qtbot.addWidget(first)
    first.open_file(path)
    previewed(qtbot, first)
    first.run_import()
    imported(qtbot, first)

    wb.active["C2"] = "13900000002"
    wb.save(path)
    d = ImportDialog(db, SYSTEM)
    qtbot.addWidget(d)
    d.open_file(path)
    previewed(qtbot, d)
    assert d.skip_radio.isChecked() and (d.report.skipped, d.report.updated) == (1, 0)
    assert not d.import_button.isEnabled()  # nothing to write
    d.update_radio.setChecked(True)
    assert d.report is None
    d.check()
    previewed(qtbot, d)
    assert d.report.updated == 1
    d.run_import()
    imported(qtbot, d)
    with db.reader() as s:
        assert s.scalar(select(Volunteer.phone)) == "13900000002"


def test_save_rejected_rows(qtbot, dialog, tmp_path, monkeypatch):
    expected()
    target = tmp_path / "fix me"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.open_file(SAMPLES / "volunteers.xlsx")
    previewed(qtbot, dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_name("fix me.xlsx")
    rows = list(openpyxl.load_workbook(saved).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 17
    assert [r[-2] for r in rows[1:]] == sorted(int(k) for k in expected()["rejected_sheet_rows"])
    assert str(saved) in dialog.summary.text()


def test_choose_file_uses_the_file_dialog(qtbot, dialog, monkeypatch, tmp_path):
    expected()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SAMPLES / "volunteers_gbk.csv"), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    previewed(qtbot, dialog)
    assert "GB18030" in dialog.file_info.text() and dialog.report.imported == 283


def test_header_row_can_be_set_by_hand(qtbot, dialog, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号"])  # an example header in the instructions
    ws.append(["说明：请勿修改"])
    ws.append(["志愿者", "证件", "联络"])
    ws.append(["李雷", id_number(), "13900000001"])
    wb.save(path)
    dialog.open_file(path)
    previewed(qtbot, dialog)
    assert dialog.header_spin.value() == 1
    dialog.header_spin.setValue(3)
    qtbot.waitUntil(lambda: not dialog._busy() and dialog.layout_found.header_row == 3, timeout=TIMEOUT)
    # 志愿者, 证件 and 联络 are not names the import knows: the clerk picks the fields
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("name"))
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("id_number"))
    dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("phone"))
    dialog.check()
    previewed(qtbot, dialog)
    assert dialog.report.header_row == 3 and dialog.report.imported == 1 and dialog.report.rejected == []


def test_close_while_importing_stops_and_writes_nothing(qtbot, db, dialog, monkeypatch):
    expected()
    from desktop.services import importing

    monkeypatch.setattr(importing, "CHUNK", 10)
    dialog.open_file(SAMPLES / "volunteers.xlsx")
    previewed(qtbot, dialog)
    dialog.run_import()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog._busy() and not dialog.isVisible(), timeout=TIMEOUT)
    assert count(db) == 0 and not dialog.imported


def test_rejected_rows_model_without_widgets(qtbot):
    model = RejectedRowsModel()
    model.set_rows([RejectedRow(6, "name", "missing_name", "The name is required."),
                    RejectedRow(22, "id_number", "id_checksum", "wrong check digit")])
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert [model.index(0, c).data() for c in range(4)] == ["6", "Name", "Name missing", "The name is required."]
    assert model.index(1, 2).data() == "ID check digit wrong"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Row"
