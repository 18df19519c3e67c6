"""The audit page in the main window: entries in words (labels, local times, masked numbers), never raw keys."""

from __future__ import annotations

import csv
import re

from desktop.services import accounts, auditlog, volunteers
from desktop.services.permissions import SYSTEM
from tests.helpers import add_volunteer, id_number


def _entries(db) -> dict:
    """A volunteer registered by the program, edited by a staff member; a role changed."""
    number, phone = id_number(), "13912345678"
    with db.uow() as s:
        vid = add_volunteer(s, "张三", id_number=number, phone=phone)
        wang = accounts.create_first_admin(s, "wangfang", "王芳", "long enough")
    with db.uow() as s:
        data = volunteers.get_volunteer(s, wang, vid, reveal=True).data
        data.skills, data.phone = "书法", "13987654321"
        volunteers.update_volunteer(s, wang, vid, data)
        volunteers.set_status(s, wang, vid, "inactive")
        li = accounts.create_account(s, wang, "lina", "李娜", "coordinator", "long enough")
        accounts.set_role(s, wang, li, "operator")
    return {"id": vid, "number": number, "phone": phone}


def _open(window, qtbot):
    window.show_page("audit")
    page = window.page("audit")
    assert window.stack.currentWidget() is page and page.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def _select(page, qtbot, action: str, entity: str) -> str:
    rows = [n for n in range(page.model.rowCount())
            if (page.model.row_at(n).action, page.model.row_at(n).entity) == (action, entity)]
    assert rows, (action, entity)
    page.table.selectRow(rows[0])
    qtbot.waitUntil(lambda: page.detail.toPlainText() != "")
    return page.detail.toPlainText()


def test_the_detail_shows_each_change_in_words(window, db, qtbot):
    made = _entries(db)
    page = _open(window, qtbot)

    text = _select(page, qtbot, "update", "volunteer")
    lines = text.splitlines()
    assert lines[0].endswith("— 王芳: Changed (Volunteer No. {id})".format(id=made["id"]))
    assert "Phone: 139****5678 → 139****4321" in lines
    assert "Skills: — → 书法" in lines
    assert not re.search(r"\b(skills|phone)\b|[{}\"]", text)  # no raw keys, no JSON

    text = _select(page, qtbot, "status", "volunteer")
    assert text.splitlines()[2:] == ["Status: Active → Inactive"]

    text = _select(page, qtbot, "role", "account")
    assert text.splitlines()[2:] == ["Role: Coordinator → Check-in operator"]

    text = _select(page, qtbot, "create", "volunteer")
    assert text.splitlines()[0].split("— ")[1].startswith("System: Created (Volunteer No.")
    assert "Name: 张三" in text and "ID type: Resident ID card" in text and "Status: Active" in text
    assert made["number"] not in text and made["phone"] not in text  # masked as the lists show them
    assert "ID number: " + made["number"][:6] + "********" + made["number"][-4:] in text
    assert not re.search(r"\b(id_type|resident_id|active|card_code|registered_on)\b", text)


def test_the_list_shows_summaries_and_the_system_in_words(window, db, qtbot):
    _entries(db)
    page = _open(window, qtbot)
    model = page.model
    columns = [c.key for c in model.COLUMNS]
    actor, summary = columns.index("actor_name"), columns.index("summary")
    shown = {
        (model.row_at(n).action, model.row_at(n).entity): (model.index(n, actor).data(), model.index(n, summary).data())
        for n in range(model.rowCount())
    }
    assert shown[("update", "volunteer")] == ("王芳", "Phone: 139****5678 → 139****4321; Skills: — → 书法")
    assert shown[("create", "volunteer")][0] == "System"
    assert shown[("role", "account")][1] == "Role: Coordinator → Check-in operator"
    # Typing the label finds the program's own entries.
    page.actor_name.setText("System")
    page.actor_name.returnPressed.emit()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, actor).data() == "System" and model.row_at(0).actor_name == SYSTEM.name


def test_the_export_has_the_changes_in_words_and_as_stored(window, db, qtbot, tmp_path):
    made = _entries(db)
    page = _open(window, qtbot)
    page.action.setCurrentIndex(page.action.findData("update"))
    out = tmp_path / "audit.csv"
    task = page.export_to(out)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][6:] == ["What changed", "Before (as stored)", "After (as stored)"]
    assert len(rows) == 2
    assert rows[1][2] == "王芳" and rows[1][6] == "Phone: 139****5678 → 139****4321\nSkills: — → 书法"
    assert made["phone"] in rows[1][7]  # the stored values, for an auditor
    assert auditlog.export_header()[6] == "What changed"
