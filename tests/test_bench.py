"""The benchmark harness runs end to end (`python -m bench --quick`), so it cannot rot unnoticed."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from bench.registry import Benchmark, Measured, benchmark, benchmarks_in, discover, selected

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 60.0  # seconds for the whole quick run


def bench(*args: str, timeout: float = 170) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done, time.perf_counter() - started


@pytest.mark.slow
def test_quick_run_measures_every_benchmark(tmp_path):
    listed, _ = bench("--list")
    names = listed.stdout.splitlines()
    assert {
        "demo: generate (fresh file)",
        "startup: window minus bare",
        "stats: service, all time",
        "volunteers: filter, worst input",
    } <= set(names)

    done, elapsed = bench("--quick", "--json", "--data-dir", str(tmp_path))
    assert done.returncode in (0, 1), done.stderr[-2000:]
    report = json.loads(done.stdout)
    results = {r["name"]: r for r in report["results"]}
    assert list(results) == names
    broken = {n: r["note"] for n, r in results.items() if r["status"] == "ERROR"}
    assert not broken
    for r in results.values():
        assert r["status"] in ("OK", "MISSED", "INFO") and r["value"] > 0
        assert r["status"] == "INFO" or (r["status"] == "OK") == (r["value"] <= r["target"])
    # At the quick size our own figures have a wide margin: a miss here is a real regression.
    for name in (
        "demo: generate (fresh file)",
        "stats: service, all time",
        "volunteers: filter, worst input",
    ):
        assert results[name]["status"] == "OK", results[name]
    assert "2000 volunteers" in results["demo: generate (fresh file)"]["note"]
    made = list(tmp_path.glob("demo-2000v-24t-300e-20000s-*.sqlite"))
    assert len(made) == 1 and made[0].with_suffix(".json").exists()
    # A benchmark that takes no context cannot know the run is quick: its time is its own affair,
    # named in a warning; the rest of the run must fit the budget.
    blind = {b.name for b in discover() if not inspect.signature(b.func).parameters}
    blind_seconds = sum(r["seconds"] for n, r in results.items() if n in blind)
    if blind_seconds > 5:
        warnings.warn(
            f"{blind_seconds:.0f} s in benchmarks that ignore --quick: {sorted(blind)}",
            stacklevel=1,
        )
    slowest = sorted(results.values(), key=lambda r: -r["seconds"])[:3]
    assert elapsed - blind_seconds < BUDGET, "slowest: " + ", ".join(
        f"{r['name']} {r['seconds']:.0f} s" for r in slowest
    )

    # A second run reuses the database (same sizes, same code) and --only picks by name.
    again, _ = bench("--quick", "--json", "--reuse", "--only", "demo", "--data-dir", str(tmp_path))
    assert again.returncode == 0, again.stderr[-2000:]
    second = json.loads(again.stdout)
    rows = second["results"]
    assert [r["name"] for r in rows] == ["demo: generate (fresh file)"]
    if second["code_version"] == report["code_version"]:  # nobody edited the models meanwhile
        assert "making the demo database" not in again.stderr
        assert "--reuse" in rows[0]["note"]


def test_registry_marks_measures_and_selects():
    from bench import registry
    from bench.context import Context

    @benchmark("demo: fake", target=2.0, unit="s")
    def fast(ctx) -> Measured:
        return Measured(1.5, "note")

    @benchmark("stats: fake", target=2.0, unit="s")
    def slow() -> float:
        return 3.0

    @benchmark("stats: broken", target=None)
    def broken(ctx) -> float:
        raise RuntimeError("boom")

    marked: list[Benchmark] = benchmarks_in(_module(fast, slow, broken))
    assert [b.name for b in marked] == ["demo: fake", "stats: fake", "stats: broken"]
    assert [b.name for b in selected(marked, ["stats"])] == ["stats: fake", "stats: broken"]
    outcomes = registry.run(marked, Context())
    assert [(o.status, o.value) for o in outcomes] == [
        ("OK", 1.5),
        ("MISSED", 3.0),
        ("ERROR", None),
    ]
    assert outcomes[2].note == "RuntimeError: boom"


def _module(*funcs):
    module = type(sys)("fake_bench")
    for f in funcs:
        setattr(module, f.__name__, f)
    return module
