"""The command-line contract: list and stats print JSON, bad input exits non-zero with one line."""

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from desktop import cli
from desktop.db import open_database
from desktop.services import enrolment, events, teams

from .helpers import add_volunteer


def _fill(db_path, admin):
    db = open_database(db_path)
    with db.uow() as s:
        a = add_volunteer(s, "张三")
        add_volunteer(s, "李四")
        teams.create_team(s, admin, teams.TeamInput("书香阅读志愿队", "reading", leader_id=a))
        now = datetime.now(timezone.utc)
        eid = events.create_event(s, admin, events.EventInput("亲子阅读时光", now, now + timedelta(hours=2)), status="published")
        enrolment.enrol(s, admin, eid, [a])
    db.dispose()


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_json(db_path, admin, capsys):
    _fill(db_path, admin)
    code, out, _ = run(capsys, "--db", str(db_path), "list", "volunteers", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["name"] for r in rows} == {"张三", "李四"}
    assert all(r["code"].startswith("ZY") and "id" in r for r in rows)
    code, out, _ = run(capsys, "--db", str(db_path), "list", "volunteers", "--today", "--json")
    assert [r["name"] for r in json.loads(out)] == ["张三"]
    code, out, _ = run(capsys, "--db", str(db_path), "list", "events", "--today", "--json")
    ev = json.loads(out)
    assert ev[0]["title"] == "亲子阅读时光" and {"id", "start", "end", "status"} <= set(ev[0])
    code, out, _ = run(capsys, "--db", str(db_path), "list", "teams", "--search", "书香", "--json")
    assert json.loads(out)[0]["members"] == 1


def test_stats_json(db_path, admin, capsys):
    _fill(db_path, admin)
    code, out, _ = run(capsys, "--db", str(db_path), "stats", "--json")
    figures = json.loads(out)
    assert code == 0
    assert {"volunteers", "active_volunteers", "teams", "events", "events_held", "service_hours", "people_served", "scans"} <= set(figures)
    assert figures["volunteers"] == 2 and figures["events"] == 1


def test_stats_plain_text_in_chinese(db_path, admin, capsys):
    _fill(db_path, admin)
    code, out, _ = run(capsys, "--db", str(db_path), "--lang", "zh_CN", "stats")
    assert code == 0 and "志愿者" in out


def test_bad_input_is_one_line_and_non_zero(tmp_path, capsys):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    code, _, err = run(capsys, "--db", str(bogus), "stats")
    assert code == 2 and err.count("\n") == 1 and "not a StationDesk database" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "stats", "--from", "2025-02-01", "--to", "2025-01-01")
    assert code == 2 and "--from" in err


def test_environment_variable_chooses_the_database(db_path, admin, monkeypatch):
    _fill(db_path, admin)
    env = {"STATIONDESK_DB": str(db_path), "PATH": "/usr/bin:/bin"}
    import os

    env = {**os.environ, **env}
    out = subprocess.run([sys.executable, "-m", "desktop", "stats", "--json"], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout)["volunteers"] == 2
