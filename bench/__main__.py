"""`python -m bench [--only NAME] [--quick] [--json] [--reuse]`: every benchmark against its target.

Exit status 0 when every figure meets its target, 1 when one is missed or a benchmark failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bench.context import DEFAULT_DATA_DIR, Context, load_average, size_tag
from bench.registry import Outcome, discover, run, selected


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run the benchmarks whose name contains NAME (may be repeated)",
    )
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke test of the harness")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument(
        "--reuse",
        action="store_true",
        help="report the recorded demo-generation time instead of making a fresh file",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="where the demo databases are kept (default: bench/.data)",
    )
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    p.add_argument("-v", "--verbose", action="store_true", help="print tracebacks of failures")
    return p.parse_args(argv)


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.1f} {unit}" if unit == "ms" else f"{value:.2f} {unit}"


def _row(o: Outcome) -> str:
    target = "-" if o.target is None else f"<= {_figure(o.target, o.unit)}"
    return f"{o.name:<40} {_figure(o.value, o.unit):>11} {target:>13}  {o.status:<6} {o.note}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    benchmarks = selected(discover(), args.only)
    if args.list:
        for b in benchmarks:
            print(b.name)
        return 0
    if not benchmarks:
        print(f"bench: no benchmark matches {args.only}", file=sys.stderr)
        return 2
    ctx = Context(quick=args.quick, reuse=args.reuse, verbose=args.verbose, data_dir=args.data_dir)
    header = (
        f"StationDesk benchmarks: {size_tag(ctx.size)}, code {ctx.version}, "
        f"{os.cpu_count()} CPUs, load {load_average():.1f}"
    )
    if not args.json:
        print(header)
        print(f"{'benchmark':<40} {'measured':>11} {'target':>13}  status")
    outcomes = run(
        benchmarks, ctx, report=None if args.json else lambda o: print(_row(o), flush=True)
    )
    if args.json:
        json.dump(
            {
                "sizes": size_tag(ctx.size),
                "code_version": ctx.version,
                "database": str(ctx.database_path()),
                "cpus": os.cpu_count(),
                "load_average": load_average(),
                "results": [o.as_dict() for o in outcomes],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    return 0 if all(o.status in ("OK", "INFO") for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
