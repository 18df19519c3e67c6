"""The command line: opens the window by default; admin subcommands print text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop import i18n
from desktop.config import resolve_db_path
from desktop.i18n import translate

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """Bad input on the command line: printed as one line, exit status 2."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value):
        return asdict(value)
    return str(value)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def open_db(args: argparse.Namespace):
    from desktop.db import open_database

    return open_database(resolve_db_path(args.db))


# --- subcommands -------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(db_path=resolve_db_path(args.db), language=args.lang)


def cmd_checkin(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(
        db_path=resolve_db_path(args.db),
        language=args.lang,
        checkin_event=args.event,
        fullscreen=args.fullscreen,
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo

    db = open_db(args)
    try:
        result = demo.generate(
            db,
            demo.DemoSize(
                volunteers=args.volunteers, teams=args.teams, events=args.events, scans=args.scans
            ),
            seed=args.seed,
        )
    finally:
        db.dispose()
    if args.json:
        emit_json(result.as_dict())
    else:
        print(
            translate(
                "Cli",
                "Demo data: {volunteers} volunteers, {teams} teams, {events} events, {scans} scans "
                "in {seconds:.1f} s. Open for check-in now: event {open_event}.",
            ).format(**result.as_dict())
        )
    return 0


def _list_volunteers(s, args) -> list[dict]:
    from desktop.services import enrolment, events, volunteers

    q = volunteers.VolunteerQuery(search=args.search or "")
    if args.today:
        day = events.today_query()
        q.ids = enrolment.volunteers_enrolled_between(s, day.start, day.end) or [-1]
    rows = volunteers.list_volunteers(s, q, 0, args.limit)
    return [
        {
            "id": r.id,
            "name": r.name,
            "code": r.card_code,
            "gender": r.gender,
            "phone": r.phone,
            "id_number": r.id_number,
            "status": r.status,
            "registered_on": r.registered_on,
            "hours": round(r.hours, 2),
            "stars": r.stars,
        }
        for r in rows
    ]


def _list_teams(s, args) -> list[dict]:
    from desktop.services import teams

    rows = teams.list_teams(s, teams.TeamQuery(search=args.search or ""), 0, args.limit)
    return [
        {"id": r.id, "name": r.name, "category": r.category, "station": r.station,
         "leader": r.leader, "members": r.members}
        for r in rows
    ]


def _list_events(s, args) -> list[dict]:
    from desktop.services import events

    q = events.today_query() if args.today else events.EventQuery()
    q.search = args.search or ""
    rows = events.list_events(s, q, 0, args.limit)
    return [
        {"id": r.id, "title": r.title, "category": r.category, "start": r.start_at.astimezone(),
         "end": r.end_at.astimezone(), "place": r.place, "team": r.team, "status": r.status,
         "enrolled": r.enrolled, "capacity": r.capacity}
        for r in rows
    ]


LISTERS = {"volunteers": _list_volunteers, "teams": _list_teams, "events": _list_events}


def cmd_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.reader() as s:
            rows = LISTERS[args.what](s, args)
    finally:
        db.dispose()
    if args.json:
        emit_json(rows)
        return 0
    for row in rows:
        print("\t".join(_plain(v) for v in row.values()))
    return 0


def _plain(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


STAT_LABELS = {
    "volunteers": "Registered volunteers",
    "active_volunteers": "Active volunteers",
    "teams": "Teams",
    "events": "Events",
    "events_held": "Events held",
    "service_hours": "Service hours",
    "people_served": "People served",
    "scans": "Scans",
}


def cmd_stats(args: argparse.Namespace) -> int:
    from desktop.services import stats

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(translate("Cli", "--from is after --to."))
    db = open_db(args)
    try:
        with db.reader() as s:
            figures = stats.figures(s, args.date_from, args.date_to).as_dict()
    finally:
        db.dispose()
    if args.json:
        emit_json(figures)
        return 0
    for key, value in figures.items():
        print(f"{translate('Stats', STAT_LABELS.get(key, key))}: {value}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.db import backup_name

    db = open_db(args)
    try:
        target = Path(args.out) if args.out else backup_name(db.path, "manual")
        db.backup_to(target)
    finally:
        db.dispose()
    print(translate("Cli", "Backup written to {path}").format(path=target))
    return 0


# --- the parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="stationdesk",
        description=translate("Cli", "StationDesk: volunteers, events, check-in and certificates."),
    )
    p.add_argument("--db", help=translate("Cli", "the database file (default: $STATIONDESK_DB or the user data folder)"))
    p.add_argument("--lang", choices=i18n.SUPPORTED, help=translate("Cli", "language of the program"))
    p.set_defaults(func=cmd_gui)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help=translate("Cli", "fill the database with realistic demo data"))
    d.add_argument("--volunteers", type=int, default=2000)
    d.add_argument("--teams", type=int, default=24)
    d.add_argument("--events", type=int, default=300)
    d.add_argument("--scans", type=int, default=20000)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_demo)

    ls = sub.add_parser("list", help=translate("Cli", "list volunteers, teams or events"))
    ls.add_argument("what", choices=sorted(LISTERS))
    ls.add_argument("--today", action="store_true", help=translate("Cli", "only what happens today"))
    ls.add_argument("--search", help=translate("Cli", "search text"))
    ls.add_argument("--limit", type=int, default=1000)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    st = sub.add_parser("stats", help=translate("Cli", "the station's figures for a period"))
    st.add_argument("--from", dest="date_from", type=_date)
    st.add_argument("--to", dest="date_to", type=_date)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_stats)

    ck = sub.add_parser("checkin", help=translate("Cli", "open the check-in console for one event"))
    ck.add_argument("--event", type=int, required=True)
    ck.add_argument("--fullscreen", action="store_true")
    ck.set_defaults(func=cmd_checkin)

    b = sub.add_parser("backup", help=translate("Cli", "write a consistent copy of the database"))
    b.add_argument("--out")
    b.set_defaults(func=cmd_backup)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language must be known before the parser's own help texts are translated.
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    i18n.set_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    from desktop.db import DatabaseError
    from desktop.services.errors import ServiceError

    try:
        return args.func(args)
    except (CliError, DatabaseError, ServiceError, OSError) as exc:
        print(f"stationdesk: {exc}", file=sys.stderr)
        return 2
