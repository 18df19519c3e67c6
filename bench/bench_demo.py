"""Demo data at district scale (70,000 volunteers, 5,000 events, 1,000,000 scans): at most 60 s."""

from __future__ import annotations

from bench.context import Built, remove_database, timed_generate
from bench.registry import Measured, benchmark


def _note(built: Built, how: str) -> str:
    r = built.result
    return (
        f"{how}; generate {built.generate_seconds:.1f} s, CPU {built.cpu_seconds:.1f} s, "
        f"load {built.load_average:.1f}; {r['volunteers']} volunteers, {r['events']} events, "
        f"{r['scans']} scans, {r['enrolments']} enrolments, {r['service_records']} records"
    )


@benchmark("demo: generate (fresh file)", target=60.0, unit="s")
def generate_demo(ctx) -> Measured:
    """A fresh file every run, unless the shared database was just made (that was one) or --reuse."""
    ctx.database()
    if ctx.built_now is not None:
        return Measured(ctx.built_now.seconds, _note(ctx.built_now, "made for this run"))
    if ctx.reuse:
        built = ctx.recorded_build()
        return Measured(built.seconds, _note(built, f"recorded {built.built_at} (--reuse)"))
    fresh = ctx.data_dir / "fresh-demo.sqlite"
    try:
        built = timed_generate(fresh, ctx.size)
    finally:
        remove_database(fresh)
    return Measured(built.seconds, _note(built, "fresh file"))
