"""Refresh the Chinese catalog from the code: run pyside6-lupdate over desktop/ and count what is left to translate."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop"
TS_FILE = ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts"


def source_files(source_dir: Path = SOURCE_DIR) -> list[Path]:
    """Every .py file under desktop/, tracked or not, except compiled caches."""
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate_command() -> list[str] | None:
    """pyside6-lupdate from PATH, else the same tool through this Python's PySide6 (a venv not on PATH)."""
    exe = shutil.which("pyside6-lupdate")
    if exe:
        return [exe]
    try:
        from PySide6.scripts import pyside_tool  # noqa: F401 - only asks whether the tool is installed
    except ImportError:
        return None
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lupdate; sys.exit(lupdate())"]


def run_lupdate(ts_file: Path, files: list[Path], *, silent: bool = True) -> None:
    """Merge the strings in `files` into `ts_file`; translations of strings still in the code carry over."""
    tool = lupdate_command()
    if tool is None:
        raise FileNotFoundError("pyside6-lupdate not found (it ships with PySide6-Essentials)")
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    # lupdate reads long file lists from an @list file; it also keeps the command line short on Windows.
    list_file = ts_file.with_suffix(".lst")
    list_file.write_text("\n".join(str(p) for p in files) + "\n", encoding="utf-8")
    try:
        cmd = [*tool, f"@{list_file}", "-ts", str(ts_file), "-no-obsolete", "-locations", "none"]
        if silent:
            cmd.append("-silent")
        subprocess.run(cmd, check=True)
    finally:
        list_file.unlink(missing_ok=True)


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every entry still marked unfinished or without text."""
    missing: list[tuple[str, str]] = []
    for ctx in ET.parse(ts_file).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            node = msg.find("translation")
            if node is None or node.get("type") == "unfinished" or not (node.text or "").strip():
                if node is not None and node.get("type") in ("obsolete", "vanished"):
                    continue
                missing.append((name, msg.findtext("source") or ""))
    return missing


def misread(ts_file: Path) -> list[str]:
    """Entries without a context: lupdate took `tr(ctx, text)` for `tr(text, comment)`.

    That happens when QCoreApplication.translate is called through an alias (`tr = ...translate`);
    the program then looks up a string the catalog never has. Returns the intended texts.
    """
    found: list[str] = []
    for ctx in ET.parse(ts_file).getroot().iter("context"):
        if (ctx.findtext("name") or "").strip():
            continue
        for msg in ctx.iter("message"):
            found.append(f"{msg.findtext('source')}: {msg.findtext('comment') or ''}")
    return found


def count_entries(ts_file: Path) -> int:
    return sum(1 for _ in ET.parse(ts_file).getroot().iter("message"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="catalog to update")
    parser.add_argument("--list", action="store_true", help="print each unfinished entry")
    args = parser.parse_args(argv)
    try:
        run_lupdate(args.ts, source_files())
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        print(f"update_translations: {exc}", file=sys.stderr)
        return 1
    missing = unfinished(args.ts)
    print(f"{args.ts.relative_to(ROOT) if args.ts.is_relative_to(ROOT) else args.ts}: "
          f"{count_entries(args.ts)} entries, {len(missing)} unfinished")
    if args.list:
        for context, source in missing:
            print(f"  [{context}] {source}")
    bad = misread(args.ts)
    if bad:
        print(
            f"{len(bad)} strings have no context: call QCoreApplication.translate(\"Context\", \"text\") "
            "by its full name (lupdate cannot see through an alias such as `tr = QCoreApplication.translate`):",
            file=sys.stderr,
        )
        for item in bad:
            print(f"  {item}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
