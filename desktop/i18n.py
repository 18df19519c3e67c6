"""Qt-free translation catalog: the core and the window read the same `.ts` files.

The `.ts` file under `resources/translations/` is the single source of every translation.
The core (services, command line, PDFs) looks strings up here with `translate(context, text)`,
which `pyside6-lupdate` extracts like Qt's own `tr()`; the window installs a QTranslator that
asks this same catalog, so nothing has to be compiled to `.qm` and nothing can go stale.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from desktop.config import resources_dir

SUPPORTED = ("en", "zh_CN")

_language = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalise_language(name: str | None) -> str:
    """Map `zh`, `zh-CN`, `zh_CN.UTF-8`, `en_US` ... to one of SUPPORTED."""
    if not name:
        return "en"
    name = name.replace("-", "_").split(".")[0].lower()
    if name.startswith("zh"):
        return "zh_CN"
    return "en"


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalise_language(value.split(":")[0])
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return normalise_language(loc)


@lru_cache(maxsize=4)
def catalog(language: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for a language; empty for English."""
    if language == "en":
        return {}
    path = translations_dir() / f"stationdesk_{language}.ts"
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            node = msg.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                table[(cname, source)] = node.text
    return table


def set_language(language: str | None) -> str:
    """Choose the language for this process (None: the system's). Returns the one chosen."""
    global _language
    _language = normalise_language(language) if language else system_language()
    return _language


def current_language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """Translate `text` in `context` into the process language (English source as fallback)."""
    return catalog(_language).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker name
    """Mark a string for extraction where it is defined; it is translated where it is shown."""
    return text
