"""The Simplified Chinese catalog covers every string in the code, keeps its placeholders and shows no English."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts"

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Words a Chinese station worker may meet as they are: product names, file formats, units, the ID check letter, U盘.
ALLOWED_LATIN = {
    "PDF", "QR", "ID", "CSV", "csv", "Excel", "xlsx", "SQLite",
    "WPS", "MB", "USB", "U", "X", "GNU", "Apache",
    "wangfang",  # a user name in pinyin, the example people will copy
    "zs",  # pinyin initials of 张三, the example of searching by initials
}
# Things that are not words to translate: URLs, markup, code in backticks, options, variables, file patterns.
NOT_WORDS = re.compile(
    r"https?://\S+"
    r"|<[^>]+>"
    r"|`[^`]*`"
    r"|(?<![\w-])--?[a-z][\w-]*"
    r"|\$[A-Z_]+"
    r"|\*?\.[a-z]{2,6}\b"
    r"|&[A-Za-z]"  # an accelerator such as (&F)
    r"|\b(?:Ctrl|Shift|Alt)\+\w+|\bF\d{1,2}\b"  # keys on the keyboard: (F2), (Ctrl+Z)
    r"|\bA[3-5]\b"  # paper sizes
)
LATIN_WORD = re.compile(r"[A-Za-z]+")
# A Qt date format such as "MMM d, yyyy": its translation is a format too ("M月d日"), letters and all.
DATE_FORMAT = re.compile(r"^(?=.*[dMy])[dMyHhmsAap\s,./:'-]+$")
DATE_FORMAT_LETTERS = re.compile(r"\b[dMyHhmsAap]+\b|(?<=[\u4e00-\u9fff])[dMyHhmsAap]+|[dMyHhmsAap]+(?=[\u4e00-\u9fff])")


def _load_update_tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation text, translation type) for every entry."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            node = msg.find("translation")
            text = node.text if node is not None else None
            kind = node.get("type") if node is not None else "unfinished"
            out.append((name, msg.findtext("source") or "", text, kind))
    return out


def _finished() -> list[tuple[str, str, str]]:
    return [(c, s, t) for c, s, t, kind in _messages(TS_FILE) if t and kind is None]


@pytest.fixture(scope="module")
def tool():
    return _load_update_tool()


def test_every_string_in_the_code_has_a_translation(tool, tmp_path):
    if tool.lupdate_command() is None:
        pytest.skip("pyside6-lupdate is not installed (it ships with PySide6-Essentials)")
    ts = tmp_path / "stationdesk_zh_CN.ts"
    shutil.copy(TS_FILE, ts)
    tool.run_lupdate(ts, tool.source_files())
    entries = _messages(ts)
    # The tool really extracted the code's strings: labels, tr() and translate() alike.
    assert len(entries) > 300
    sources = {(c, s) for c, s, _t, _k in entries}
    assert ("Volunteers", "Male") in sources
    assert ("MainWindow", "&File") in sources
    bad = tool.misread(ts)
    assert not bad, (
        "lupdate read these strings without a context (QCoreApplication.translate called through an alias, "
        "so the program looks up a string the catalog cannot have):\n" + "\n".join(bad)
    )
    missing = tool.unfinished(ts)
    listing = "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} strings in desktop/ have no Chinese translation; "
        f"run `python tools/update_translations.py` and translate them:\n{listing}"
    )


def test_the_unfinished_check_sees_an_untranslated_entry(tool, tmp_path):
    ts = tmp_path / "one.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>Demo</name>"
        "<message><source>Done</source><translation>完成</translation></message>"
        '<message><source>New</source><translation type="unfinished"></translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    assert tool.unfinished(ts) == [("Demo", "New")]


def test_the_committed_catalog_is_complete_and_valid():
    entries = _messages(TS_FILE)
    assert len(entries) > 300
    not_done = [(c, s) for c, s, t, kind in entries if kind is not None or not (t or "").strip()]
    assert not not_done, f"unfinished or obsolete entries in {TS_FILE.name}: {not_done[:20]}"
    duplicates = [key for key, n in Counter((c, s) for c, s, _t, _k in entries).items() if n > 1]
    assert not duplicates


def test_placeholders_are_kept():
    wrong = [
        f"[{c}] {s!r} -> {t!r}"
        for c, s, t in _finished()
        if Counter(PLACEHOLDER.findall(s)) != Counter(PLACEHOLDER.findall(t))
    ]
    assert not wrong, "placeholders differ from the source:\n" + "\n".join(wrong)
    # Each placeholder must still format: the same names as the code passes.
    for c, s, t in _finished():
        names = {m.strip("{}").split(":")[0].split("!")[0] for m in PLACEHOLDER.findall(s)}
        values = {n: 1 for n in names if n}
        if all(n.isidentifier() for n in values):
            t.format(**values)


def test_accelerators_are_kept():
    wrong = []
    for c, s, t in _finished():
        keys = re.findall(r"&([A-Za-z0-9])", s.replace("&&", ""))
        if keys and re.findall(r"&([A-Za-z0-9])", t.replace("&&", "")) != keys:
            wrong.append(f"[{c}] {s!r} -> {t!r}")
    assert not wrong, "keyboard accelerators lost:\n" + "\n".join(wrong)


def test_translations_have_no_english_words():
    wrong = []
    for c, s, t in _finished():
        words = _english_words(DATE_FORMAT_LETTERS.sub(" ", t) if DATE_FORMAT.match(s) else t)
        if words:
            wrong.append(f"[{c}] {s!r} -> {t!r}: {words}")
    assert not wrong, "translations that show English words:\n" + "\n".join(wrong)


def _english_words(text: str) -> list[str]:
    text = NOT_WORDS.sub(" ", PLACEHOLDER.sub(" ", text))
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


def test_translations_are_chinese():
    # A source with English words in it needs Chinese; only pure punctuation or names may stay as they are.
    not_chinese = [
        f"[{c}] {s!r} -> {t!r}"
        for c, s, t in _finished()
        if _english_words(s) and not re.search(r"[\u4e00-\u9fff]", t)
    ]
    assert not not_chinese, "\n".join(not_chinese)


def test_the_english_word_check_catches_english():
    assert _english_words("请保存 {path} 为 .xlsx，然后 click OK") == ["click", "OK"]
    assert DATE_FORMAT.match("MMM d, yyyy") and not DATE_FORMAT.match("Monday")
    assert _english_words(DATE_FORMAT_LETTERS.sub(" ", "yyyy年M月d日")) == []
    assert _english_words("撤销 (Ctrl+Z)、全屏 (F11)、A4 纸") == []
    assert _english_words("文件(&F)：`stationdesk restore FILE`，--from，$STATIONDESK_DB，<b>PDF</b>") == []


def test_translate_answers_in_the_chosen_language():
    i18n.catalog.cache_clear()
    assert i18n.set_language("zh_CN") == "zh_CN"
    assert i18n.translate("Volunteers", "Male") == "男"
    assert i18n.translate("Events", "Cancelled") == "已取消"
    assert i18n.translate("Stations", "Practice station") == "新时代文明实践站"
    assert i18n.translate("MainWindow", "&File") == "文件(&F)"
    assert (
        i18n.translate("Teams", "No volunteer with number {id}.").format(id=42) == "没有编号为 42 的志愿者。"
    )
    # A string the catalog does not know falls back to the English source.
    assert i18n.translate("Volunteers", "not a string in the code") == "not a string in the code"
    assert i18n.set_language("en") == "en"
    assert i18n.translate("Volunteers", "Male") == "Male"
    assert i18n.translate("Teams", "No volunteer with number {id}.").format(id=42) == "No volunteer with number 42."


def test_a_service_error_reaches_the_user_in_chinese(db, admin):
    from desktop.services import volunteers as vs
    from desktop.services.errors import ValidationError

    i18n.set_language("zh_CN")
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            # 11010519491231002X is a woman's number (even 17th digit); the clerk typed 男.
            vs.create_volunteer(s, admin, vs.VolunteerInput(name="王五", id_number="11010519491231002X", gender="男"))
    assert err.value.fields["gender"] == "身份证号显示性别为女，与填写的性别不一致。"


def test_the_window_reads_the_same_catalog(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QWidget

    from desktop.ui.translator import install_translators

    class TeamsPage(QWidget):  # the context lupdate gives a page's self.tr()
        def search_hint(self) -> str:
            return self.tr("Search teams by name")

    locale_before = QLocale()
    i18n.set_language("zh_CN")
    installed = install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert TeamsPage().search_hint() == "按队伍名称搜索"
        assert QCoreApplication.translate("MainWindow", "not a string in the code") == "not a string in the code"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale_before)
    assert TeamsPage().search_hint() == "Search teams by name"
