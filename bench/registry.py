"""The benchmark registry: `@benchmark(name, target, unit)` marks a function, `run` measures them all.

A benchmark module is any `bench/bench_*.py`; its marked functions run in the order they are
written, modules in name order. A function takes the run's `Context` (or nothing, for a
benchmark that needs neither the demo database nor the options) and returns a number in its unit
or `Measured` with a note; a target of None makes the figure informative only. Functions that
share one measurement keep it in `ctx.cache`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.context import Context


@dataclass(frozen=True)
class Measured:
    value: float
    note: str = ""


@dataclass(frozen=True)
class Benchmark:
    name: str
    target: float | None
    unit: str
    func: Callable[[Context], float | Measured]


@dataclass(frozen=True)
class Outcome:
    name: str
    value: float | None
    unit: str
    target: float | None
    status: str  # OK, MISSED, INFO or ERROR
    note: str
    seconds: float  # how long measuring took

    def as_dict(self) -> dict:
        return asdict(self)


def benchmark(name: str, target: float | None, unit: str = "s"):
    """Mark a function as a benchmark; lower is better, `target` is the most allowed."""

    def mark(func: Callable[[Context], float | Measured]):
        func.__benchmark__ = Benchmark(name, target, unit, func)  # type: ignore[attr-defined]
        return func

    return mark


def benchmarks_in(module: ModuleType) -> list[Benchmark]:
    return [f.__benchmark__ for f in vars(module).values() if hasattr(f, "__benchmark__")]


def discover() -> list[Benchmark]:
    """Every benchmark of every bench/bench_*.py module (a new module needs no registration)."""
    import bench

    found: list[Benchmark] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            found += benchmarks_in(importlib.import_module(f"bench.{info.name}"))
    return found


def selected(benchmarks: Iterable[Benchmark], only: list[str] | None) -> list[Benchmark]:
    """All, or those whose name contains one of the `--only` words."""
    if not only:
        return list(benchmarks)
    return [b for b in benchmarks if any(word.lower() in b.name.lower() for word in only)]


def measure(b: Benchmark, ctx: Context) -> Outcome:
    started = time.perf_counter()
    try:
        result = b.func(ctx) if inspect.signature(b.func).parameters else b.func()  # type: ignore[call-arg]
    except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
        note = f"{type(exc).__name__}: {exc}".splitlines()[0]
        if ctx.verbose:
            traceback.print_exc()
        return Outcome(b.name, None, b.unit, b.target, "ERROR", note, time.perf_counter() - started)
    measured = result if isinstance(result, Measured) else Measured(float(result))
    if b.target is None:
        status = "INFO"
    else:
        status = "OK" if measured.value <= b.target else "MISSED"
    return Outcome(
        b.name,
        measured.value,
        b.unit,
        b.target,
        status,
        measured.note,
        time.perf_counter() - started,
    )


def run(
    benchmarks: list[Benchmark], ctx: Context, report: Callable[[Outcome], None] | None = None
) -> list[Outcome]:
    outcomes = []
    for b in benchmarks:
        outcome = measure(b, ctx)
        outcomes.append(outcome)
        if report is not None:
            report(outcome)
    return outcomes
