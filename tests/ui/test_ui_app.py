"""Starting the window: the data file, the language, the shipped font, the benchmark quit switch."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox

from desktop import i18n
from desktop.ui import app as appmod
from desktop.ui import preferences
from desktop.ui.fonts import UI_FONT_FAMILY, register_shipped_font, use_cjk_fallback

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path, **extra) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT), **extra)
    env.pop("STATIONDESK_DB", None)
    return env


def test_window_starts_paints_and_quits_for_the_benchmark(tmp_path):
    db_file = tmp_path / "new.sqlite"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db_file), "--lang", "en"],
        env=_env(tmp_path, STATIONDESK_BENCH_QUIT="1"), capture_output=True, check=False, text=True, timeout=60, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert db_file.stat().st_size > 0  # created and migrated
    assert time.perf_counter() - started < 30


def test_a_file_that_is_not_a_database_is_explained_not_a_traceback(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("shopping list", encoding="utf-8")
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda parent, title, text: print('BOX', title, '|', text))\n"
        "from desktop.ui.app import run\n"
        f"sys.exit(run({str(bad)!r}, language='en'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path), capture_output=True, check=False,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "BOX StationDesk cannot open the database |" in done.stdout
    assert "is not a StationDesk database file" in done.stdout


def test_open_or_explain_returns_the_database(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    database = appmod.open_or_explain(tmp_path / "fine.sqlite")
    try:
        assert database is not None and shown == []
    finally:
        database.dispose()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert appmod.open_or_explain(folder) is None
    assert len(shown) == 1 and "folder" in shown[0][2]


def test_language_comes_from_the_command_line_then_settings(ui_settings):
    assert appmod.choose_language("zh_CN", ui_settings) == "zh_CN"
    preferences.set_language(ui_settings, "zh_CN")
    assert appmod.choose_language(None, ui_settings) == "zh_CN"
    assert appmod.choose_language("en", ui_settings) == "en"
    assert i18n.current_language() == "en"


def test_the_shipped_chinese_font_becomes_the_fallback(qapp):
    before = qapp.font()
    try:
        family = register_shipped_font()
        assert family == UI_FONT_FAMILY
        assert family in QFontDatabase.families()
        assert QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese) == 1
        font = use_cjk_fallback(qapp, family)
        assert font.families()[0] == (before.families() or [before.family()])[0]  # the system font stays first
        assert family in qapp.font().families()
    finally:
        qapp.setFont(before)


def test_font_licence_is_shipped():
    text = (ROOT / "resources" / "fonts" / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in text and "WenQuanYi" in text
