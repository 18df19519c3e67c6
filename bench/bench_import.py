"""Roster import at district size: a 70,000-row xlsx against a bare openpyxl read-only pass.

The roster looks like the stations' own (title rows, Chinese headers, IDs as text, phones as
numbers or with spaces, dates as Excel dates or Chinese text) and is written once with openpyxl's
write-only mode into the benchmark data folder. Each round reads the file bare (load_workbook
read_only=True, iter_rows(values_only=True), nothing else) and then imports it into an empty
database (one transaction, cards, teams, the audit entry); bare and import alternate so both see
the machine in the same state, and the best round of each counts. The memory the import adds is
measured in a fresh process: it must not grow with the roster (rows are streamed, a thousand at a time).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

if __name__ == "__main__":  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

try:
    from bench.registry import Measured, benchmark
except ImportError:  # the shared runner is not there: this file still runs on its own

    @dataclass(frozen=True)
    class Measured:  # type: ignore[no-redef]
        value: float
        note: str = ""

    def benchmark(name: str, target: float | None, unit: str = "s"):  # type: ignore[no-redef]
        def wrap(fn):
            return fn

        return wrap


ROWS = 70_000
QUICK_ROWS = 1_000  # --quick: a smoke test of the harness, seconds not minutes
ROUNDS = 2
TEAMS = ("书香阅读志愿队", "文明交通劝导队", "政策宣讲志愿队", "红色志愿者服务队", "科普志愿服务队",
         "敬老助残志愿队", "环境保护志愿队", "文化文艺志愿队")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕鹏辉建国志"


def make_roster(path: Path, rows: int, seed: int = 1) -> Path:
    """A roster like the stations keep, with distinct valid IDs and phones."""
    from openpyxl import Workbook

    from desktop.idcard import check_character

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["宽城区新时代文明实践站志愿者花名册"])
    ws.append(["填报单位：长山花园社区", None, None, None, None, None, None, None, "填报日期：2026年11月"])
    ws.append(["序号", "姓名", "性别", "身份证号", "联系电话", "所属队伍", "服务类别", "技能特长", "注册时间", "备注"])
    for i in range(1, rows + 1):
        born = date(1950, 1, 1) + timedelta(days=i // 20)
        first17 = f"2201{rng.randrange(2, 14):02d}{born:%Y%m%d}{i % 20:02d}{rng.randrange(10)}"
        idn = first17 + check_character(first17)
        phone = f"1{rng.choice('3456789')}{i:09d}"
        style = rng.random()
        phone_cell: object = int(phone) if style < 0.1 else (f"{phone[:3]} {phone[3:7]} {phone[7:]}" if style < 0.2 else phone)
        registered = date(2019, 1, 1) + timedelta(days=rng.randrange(2500))
        d = rng.random()
        reg_cell: object = (
            datetime.combine(registered, clock()) if d < 0.5
            else f"{registered.year}年{registered.month}月{registered.day}日" if d < 0.7
            else registered.strftime("%Y%m%d")
        )
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        gender = rng.choice(["", "男" if int(idn[16]) % 2 else "女"])
        ws.append([i, name, gender, idn, phone_cell, rng.choice(TEAMS), "扶老助残",
                   rng.choice(["", "声乐", "摄影", "书法"]), reg_cell, None])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def bare_pass(path: Path) -> float:
    from openpyxl import load_workbook

    started = time.perf_counter()
    wb = load_workbook(path, read_only=True)
    for _row in wb.worksheets[0].iter_rows(values_only=True):
        pass
    wb.close()
    return time.perf_counter() - started


def import_once(path: Path, folder: Path) -> tuple[float, int]:
    from desktop.db import open_database
    from desktop.services import importing
    from desktop.services.permissions import SYSTEM

    db = open_database(folder / f"import-{time.monotonic_ns()}.sqlite")
    try:
        started = time.perf_counter()
        with db.uow() as s:
            report = importing.import_volunteers(s, SYSTEM, path)
        return time.perf_counter() - started, report.imported
    finally:
        db.dispose()


@dataclass(frozen=True)
class ImportFigures:
    rows: int
    imported: int
    bare_s: float
    import_s: float

    @property
    def ratio(self) -> float:
        return self.import_s / self.bare_s


def measure(path: Path, rounds: int = ROUNDS) -> ImportFigures:
    bare: list[float] = []
    imports: list[float] = []
    imported = 0
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-import-") as tmp:
        for _ in range(rounds):
            bare.append(bare_pass(path))
            seconds, imported = import_once(path, Path(tmp))
            imports.append(seconds)
    rows = int(path.stem.rsplit("-", 1)[-1])
    if imported != rows:
        raise RuntimeError(f"imported {imported} of {rows} rows")
    return ImportFigures(rows, imported, min(bare), min(imports))


def _figures(ctx) -> ImportFigures:
    if "import" not in ctx.cache:
        rows = QUICK_ROWS if ctx.quick else ROWS
        path = ctx.data_dir / f"roster-{rows}.xlsx"
        if not path.exists():
            make_roster(path, rows)
        ctx.cache["import"] = measure(path, 1 if ctx.quick else ROUNDS)
    return ctx.cache["import"]


@benchmark("import: roster xlsx / bare openpyxl read-only pass", target=2.0, unit="x")
def import_ratio(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(f.ratio, f"{f.rows:,} rows: import {f.import_s:.1f} s, bare read {f.bare_s:.1f} s")


@benchmark("import: roster xlsx, rows per second", target=None, unit="rows/s")
def import_rate(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(f.rows / f.import_s, "one transaction: volunteers, cards, team members, one audit entry")


def import_peak_rss(path: Path) -> dict:
    """Import `path` into a new database in a fresh process; what the import added to its peak RSS, in MB."""
    # Loading pypinyin's dictionaries peaks higher than the import itself, so the peak is reset
    # (Linux: clear_refs 5) once everything is loaded, and the import's own peak read from VmHWM.
    code = (
        "import json, sys, tempfile, pathlib\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "from bench.bench_import import import_once, make_roster\n"
        "from desktop.services.name_keys import name_keys\n"
        "def status(key):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith(key): return int(line.split()[1]) / 1024\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    import_once(make_roster(pathlib.Path(tmp) / 'warm-10.xlsx', 10), pathlib.Path(tmp))\n"
        "    name_keys('张三')\n"
        "    base = status('VmRSS')\n"
        "    open('/proc/self/clear_refs', 'w').write('5')\n"
        f"    seconds, imported = import_once(pathlib.Path({str(path)!r}), pathlib.Path(tmp))\n"
        "    peak = status('VmHWM')\n"
        "print(json.dumps({'base_mb': base, 'peak_mb': peak, 'imported': imported}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@benchmark("import: memory added by a 70,000-row roster (streamed)", target=256.0, unit="MB")
def import_memory(ctx) -> Measured:
    rows = QUICK_ROWS if ctx.quick else ROWS
    path = ctx.data_dir / f"roster-{rows}.xlsx"
    if not path.exists():
        make_roster(path, rows)
    f = import_peak_rss(path)
    return Measured(
        f["peak_mb"] - f["base_mb"],
        f"{f['imported']:,} rows; process peak {f['peak_mb']:.0f} MB; SQLite's page cache (capped at 64 MB) "
        "is most of it, Python holds one chunk of rows at a time",
    )


def main() -> None:
    """`python bench/bench_import.py [ROWS]`: this benchmark alone, on a roster made in a temp folder."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory(prefix="stationdesk-roster-") as tmp:
        path = make_roster(Path(tmp) / f"roster-{rows}.xlsx", rows)
        f = measure(path)
    print(
        f"{f.rows:,} rows: import {f.import_s:.2f} s, bare openpyxl read-only pass {f.bare_s:.2f} s, "
        f"ratio {f.ratio:.2f}x (target <= 2)"
    )


if __name__ == "__main__":
    main()
