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
from desktop.i18n import QT_TRANSLATE_NOOP, translate

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
        print("\t".join(_plain(v) for v in _in_words(args.what, row).values()))
    return 0


def _in_words(what: str, row: dict) -> dict:
    """Plain text names gender, status and category in words; JSON keeps the codes for scripts."""
    from desktop.services import events, teams, volunteers

    out = dict(row)
    if what == "volunteers":
        out["gender"] = volunteers.label(volunteers.GENDER_LABELS, row["gender"] or "")
        out["status"] = volunteers.label(volunteers.STATUS_LABELS, row["status"])
    elif what == "events":
        out["status"] = events.status_label(row["status"])
    if row.get("category"):
        out["category"] = teams.category_label(row["category"])
    return out


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


STAT_LABELS = {
    "volunteers": QT_TRANSLATE_NOOP("Stats", "Registered volunteers"),
    "active_volunteers": QT_TRANSLATE_NOOP("Stats", "Active volunteers"),
    "teams": QT_TRANSLATE_NOOP("Stats", "Teams"),
    "events": QT_TRANSLATE_NOOP("Stats", "Events"),
    "events_held": QT_TRANSLATE_NOOP("Stats", "Events held"),
    "service_hours": QT_TRANSLATE_NOOP("Stats", "Service hours"),
    "people_served": QT_TRANSLATE_NOOP("Stats", "People served"),
    "scans": QT_TRANSLATE_NOOP("Stats", "Scans"),
    "points_earned": QT_TRANSLATE_NOOP("Stats", "Points earned"),
    "points_redeemed": QT_TRANSLATE_NOOP("Stats", "Points redeemed"),
    "points_balance": QT_TRANSLATE_NOOP("Stats", "Points outstanding"),
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
        if key == "stars":  # volunteers per star level, one line each
            for level, count in value.items():
                print(translate("Stats", "{level}-star volunteers: {count}").format(level=level, count=count))
            continue
        print(translate("Common", ": ").join((translate("Stats", STAT_LABELS.get(key, key)), str(value))))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services import backup
    from desktop.services.permissions import SYSTEM

    db = open_db(args)
    try:
        target = backup.backup_now(db, SYSTEM, Path(args.out) if args.out else None)
    finally:
        db.dispose()
    print(translate("Cli", "Backup written to {path}").format(path=target))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import backup
    from desktop.services.permissions import SYSTEM

    # The current file is not opened first: restoring is how a damaged database is repaired.
    result = backup.restore(resolve_db_path(args.db), Path(args.file), SYSTEM)
    print(
        translate(
            "Cli",
            "Restored {volunteers} volunteers and {events} events from {path}. "
            "The replaced database was kept as {kept}.",
        ).format(
            volunteers=result.restored.volunteers,
            events=result.restored.events,
            path=result.restored.path,
            kept=result.kept or "-",
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.services import importing
    from desktop.services.permissions import SYSTEM

    options = importing.ImportOptions(update_existing=args.update_existing)
    db = open_db(args)
    try:
        with db.reader() if args.dry_run else db.uow() as s:
            report = importing.import_volunteers(s, SYSTEM, args.file, options, dry_run=args.dry_run)
        if args.rejected_out and report.rejected:
            importing.save_rejected(report, args.rejected_out)
    finally:
        db.dispose()
    if args.json:
        emit_json(report.as_dict())
        return 0
    summary = translate(
        "Cli",
        "{file}: {rows} rows; {imported} imported, {updated} updated, {skipped} skipped "
        "(already registered), {rejected} rejected.",
    ).format(
        file=report.file, rows=report.rows, imported=report.imported, updated=report.updated,
        skipped=report.skipped + report.unchanged, rejected=len(report.rejected),
    )
    if args.dry_run:
        summary = translate("Cli", "Dry run, nothing written. {summary}").format(summary=summary)
    print(summary)
    if report.teams_created:
        names = translate("Common", ", ").join(report.teams_created)
        print(translate("Cli", "New teams: {names}").format(names=names))
    for r in report.rejected:
        print(
            translate("Cli", "row {row}: {reason}: {message}").format(
                row=r.row, reason=importing.reason_label(r.reason), message=r.message
            )
        )
    return 0


def _export_volunteers(s, args) -> int:
    from desktop.services import exporting, volunteers
    from desktop.services.permissions import SYSTEM

    query = volunteers.VolunteerQuery(search=args.search or "", status=args.status)
    return exporting.export_volunteers(s, SYSTEM, query, Path(args.out), full=args.full)


def _export_hours(s, args) -> int:
    from desktop.services import hours_export
    from desktop.services.permissions import SYSTEM

    filters = hours_export.HoursFilter(date_from=args.date_from, date_to=args.date_to)
    return hours_export.export_hours(s, SYSTEM, Path(args.out), filters)


def _export_attendance(s, args) -> int:
    from desktop.services import hours_export
    from desktop.services.permissions import SYSTEM

    if args.json:
        emit_json(hours_export.attendance(s, args.event).as_json())
    return hours_export.export_attendance(s, SYSTEM, args.event, Path(args.out)) if args.out else 0


EXPORTERS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "volunteers": _export_volunteers,
    "hours": _export_hours,
    "attendance": _export_attendance,
}


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services.exporting import export_format

    if args.what == "attendance" and args.event is None:
        raise CliError(translate("Cli", "Say which event: --event ID."))
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(translate("Cli", "--from is after --to."))
    # Only the attendance JSON goes to the screen; every other export needs a file.
    if not args.out and not (args.what == "attendance" and args.json):
        raise CliError(translate("Cli", "Say where to write the export: --out FILE (.xlsx or .csv)."))
    if args.out:
        export_format(args.out)  # a wrong suffix is refused before the database is opened
    db = open_db(args)
    try:
        with db.uow() as s:  # the export is audited
            count = EXPORTERS[args.what](s, args)
    finally:
        db.dispose()
    if args.json:
        if args.what != "attendance":  # the attendance JSON itself was printed
            emit_json({"rows": count, "path": str(args.out)})
        return 0
    print(translate("Cli", "{count} rows written to {path}").format(count=count, path=args.out))
    return 0


def _print_certificates(s, args, actor) -> tuple[Any, list, list]:
    """Issue (or find, for a reprint) the certificates; returns (render function, data, skipped)."""
    from desktop.printing.certificate import render_certificates
    from desktop.printing.honour import render_honours
    from desktop.services import certificates, printouts

    honour = args.what == "honor"
    if args.reprint:
        kind, docs = printouts.reprint_documents(s, actor, args.reprint)
        return (render_honours if kind == "honour" else render_certificates), docs, []
    chosen = [args.volunteer is not None, args.team is not None, args.star_from is not None]
    if sum(chosen) != 1 or (args.star_from is None) != (args.star_to is None):
        raise CliError(translate(
            "Cli", "Say whom to print for: --volunteer CODE, --team ID or "
            "--star-reached-from DATE --star-reached-to DATE.",
        ))
    if honour and args.team is not None:
        raise CliError(translate("Cli", "Honour certificates are printed for --volunteer CODE or by star level reached."))
    if args.star_from is not None:
        result = certificates.issue_for_star_reached(
            s, actor, args.star_from, args.star_to, kind="honour" if honour else "service"
        )
    elif honour:
        vid = printouts.volunteer_by_code(s, args.volunteer)
        result = certificates.BatchResult(
            [certificates.issue_honour(s, actor, vid, args.level, args.date_to)], []
        )
    elif args.team is not None:
        result = certificates.issue_for_team(s, actor, args.team, args.date_from, args.date_to,
                                             remarks=args.remarks or "")
    else:
        vid = printouts.volunteer_by_code(s, args.volunteer)
        cid = certificates.issue_service_certificate(
            s, actor, vid, args.date_from, args.date_to, remarks=args.remarks or "", full_id=args.full_id
        )
        result = certificates.BatchResult([cid], [])
    if honour:
        return render_honours, printouts.honour_documents(s, actor, result.issued), result.skipped
    return render_certificates, printouts.certificate_documents(s, actor, result.issued), result.skipped


def _print_data(s, args, actor) -> tuple[Any, Any, list]:
    """Step one of printing: the document's data, read (and for certificates, registered)."""
    from desktop.printing.attendance import render_attendance
    from desktop.printing.cards import render_cards
    from desktop.printing.period_report import render_period_report
    from desktop.printing.roster import render_roster
    from desktop.printing.signin_sheet import render_signin_sheet
    from desktop.services import printouts

    if args.what in ("certificate", "honor"):
        return _print_certificates(s, args, actor)
    if args.what == "cards":
        if sum(x is not None for x in (args.volunteer, args.team, args.event)) != 1:
            raise CliError(translate("Cli", "Say whose cards to print: --volunteer CODE, --team ID or --event ID."))
        if args.volunteer is not None:
            ids = [printouts.volunteer_by_code(s, args.volunteer)]
        elif args.team is not None:
            ids = printouts.team_member_ids(s, args.team)
        else:
            ids = printouts.enrolled_ids(s, args.event)
        return render_cards, printouts.card_documents(s, actor, ids, team_id=args.team), []
    if args.what == "roster":
        if args.team is None:
            raise CliError(translate("Cli", "Say which team: --team ID."))
        return render_roster, printouts.roster(s, actor, args.team, reveal=args.reveal), []
    if args.what in ("signin-sheet", "attendance"):
        if args.event is None:
            raise CliError(translate("Cli", "Say which event: --event ID."))
        if args.what == "attendance":
            return render_attendance, printouts.attendance(s, actor, args.event), []
        data = printouts.signin_sheet(s, actor, args.event, blank_rows=args.blank_rows, reveal=args.reveal)
        return render_signin_sheet, data, []
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(translate("Cli", "--from is after --to."))
    return render_period_report, printouts.period_report(s, actor, args.date_from, args.date_to), []


def cmd_print(args: argparse.Namespace) -> int:
    from desktop.services import printouts
    from desktop.services.permissions import SYSTEM

    if Path(args.out).suffix.lower() != ".pdf":
        raise CliError(translate("Cli", "The output file must end in .pdf: {path}").format(path=args.out))
    db = open_db(args)
    try:
        # Certificates are registered (and audited) in the same unit of work that reads them;
        # the PDF is written afterwards, outside the transaction.
        with db.uow() as s:
            render, data, skipped = _print_data(s, args, SYSTEM)
            brand = printouts.branding(s)
    finally:
        db.dispose()
    if isinstance(data, list) and not data:
        reasons = translate("Common", "; ").join(skip.message for skip in skipped[:3])
        raise CliError(translate("Cli", "Nothing to print. {reasons}").format(reasons=reasons).strip())
    pages = render(Path(args.out), data, brand)
    numbers = [d.number for d in data] if args.what in ("certificate", "honor") else []
    if args.json:
        emit_json({
            "path": str(args.out), "pages": pages, "certificates": numbers,
            "skipped": [{"volunteer_id": k.volunteer_id, "reason": k.reason, "message": k.message} for k in skipped],
        })
        return 0
    print(translate("Cli", "{pages} pages written to {path}").format(pages=pages, path=args.out))
    if numbers:
        listed = translate("Common", ", ").join(numbers)
        print(translate("Cli", "Certificate numbers: {numbers}").format(numbers=listed))
    for skip in skipped:
        print(translate("Cli", "Skipped: {message}").format(message=skip.message))
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
    d.add_argument("--events", type=int, default=800)
    d.add_argument("--scans", type=int, default=40000)
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

    im = sub.add_parser("import", help=translate("Cli", "import a volunteer roster (xlsx or csv)"))
    im.add_argument("what", choices=["volunteers"])
    im.add_argument("file")
    im.add_argument("--dry-run", action="store_true", help=translate("Cli", "check the file, write nothing"))
    im.add_argument(
        "--update-existing", action="store_true",
        help=translate("Cli", "update volunteers whose ID number is already registered (default: skip them)"),
    )
    im.add_argument("--rejected-out", help=translate("Cli", "save the rejected rows to this .xlsx file"))
    im.add_argument("--json", action="store_true")
    im.set_defaults(func=cmd_import)

    ex = sub.add_parser("export", help=translate("Cli", "export a list to .xlsx or .csv"))
    ex.add_argument("what", choices=sorted(EXPORTERS))
    ex.add_argument("--out", help=translate("Cli", "the file to write (.xlsx or .csv)"))
    ex.add_argument("--from", dest="date_from", type=_date, help=translate("Cli", "hours: first event date"))
    ex.add_argument("--to", dest="date_to", type=_date, help=translate("Cli", "hours: last event date"))
    ex.add_argument("--event", type=int, help=translate("Cli", "attendance: the event's number"))
    ex.add_argument("--json", action="store_true")
    ex.add_argument("--search", help=translate("Cli", "search text"))
    ex.add_argument("--status", choices=["active", "inactive"])
    ex.add_argument(
        "--full", action="store_true", help=translate("Cli", "unmasked ID and phone numbers")
    )
    ex.set_defaults(func=cmd_export)

    pr = sub.add_parser("print", help=translate("Cli", "print certificates, cards, sheets and reports to PDF"))
    pr.add_argument(
        "what", choices=["certificate", "honor", "roster", "signin-sheet", "cards", "attendance", "report"]
    )
    pr.add_argument("--out", required=True, help=translate("Cli", "the PDF file to write"))
    pr.add_argument("--volunteer", metavar="CODE", help=translate("Cli", "a volunteer's card code"))
    pr.add_argument("--team", type=int, help=translate("Cli", "a team's number"))
    pr.add_argument("--event", type=int, help=translate("Cli", "an event's number"))
    pr.add_argument("--from", dest="date_from", type=_date, help=translate("Cli", "first day of the period"))
    pr.add_argument("--to", dest="date_to", type=_date, help=translate("Cli", "last day of the period"))
    pr.add_argument("--star-reached-from", dest="star_from", type=_date,
                    help=translate("Cli", "certificates for everyone who reached a star level from this day"))
    pr.add_argument("--star-reached-to", dest="star_to", type=_date,
                    help=translate("Cli", "... up to this day"))
    pr.add_argument("--level", type=int, choices=range(1, 6), help=translate("Cli", "honour: the star level"))
    pr.add_argument("--reprint", metavar="NUMBER", help=translate("Cli", "reprint a certificate as a copy"))
    pr.add_argument("--remarks", help=translate("Cli", "certificate: remarks printed on it"))
    pr.add_argument("--full-id", action="store_true", help=translate("Cli", "certificate: the full ID number"))
    pr.add_argument("--reveal", action="store_true", help=translate("Cli", "unmasked phone numbers"))
    pr.add_argument("--blank-rows", type=int, default=10, help=translate("Cli", "sign-in sheet: rows for walk-ins"))
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_print)

    ck = sub.add_parser("checkin", help=translate("Cli", "open the check-in console for one event"))
    ck.add_argument("--event", type=int, required=True)
    ck.add_argument("--fullscreen", action="store_true")
    ck.set_defaults(func=cmd_checkin)

    b = sub.add_parser("backup", help=translate("Cli", "write a consistent copy of the database"))
    b.add_argument("--out")
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser(
        "restore",
        help=translate("Cli", "replace the database with a backup (checked first; the old one is kept)"),
    )
    r.add_argument("file")
    r.set_defaults(func=cmd_restore)
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
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from desktop.db import DatabaseError
    from desktop.services import datafile
    from desktop.services.errors import ServiceError

    try:
        return args.func(args)
    except (CliError, DatabaseError, ServiceError, OSError) as exc:
        message = datafile.explain(exc) if isinstance(exc, OSError) else None
        print(f"stationdesk: {message or exc}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, sqlite3.Error) as exc:
        # A full disk, a read-only or damaged file reaches here from any command.
        message = datafile.explain(exc)
        if message is None:
            raise
        print(f"stationdesk: {message}", file=sys.stderr)
        return 2
