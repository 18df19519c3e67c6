"""What each printed document needs and how it is made, off the GUI thread.

A `PrintJob` is the task helper's work function for one document: step one reads the data (and
for certificates registers them) in one unit of work, step two renders the PDF into a temporary
folder with progress and cancel. It never touches a widget; the preview shows what it returns.
A batch of sign-in sheets is one file per event (each sheet numbers its own pages).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.db import Database
from desktop.printing.attendance import render_attendance
from desktop.printing.cards import render_cards
from desktop.printing.certificate import render_certificates
from desktop.printing.common import Cancelled
from desktop.printing.honour import render_honours
from desktop.printing.period_report import render_period_report
from desktop.printing.roster import render_roster
from desktop.printing.signin_sheet import render_signin_sheet
from desktop.services import certificates, events, printouts, teams, volunteers
from desktop.services.certificates import BatchResult
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.permissions import Actor
from desktop.ui.tasks import CancelledFn, ProgressFn, TaskCancelled

KIND_LABELS = {
    "certificate": QT_TRANSLATE_NOOP("PrintJobs", "Service certificate"),
    "honour": QT_TRANSLATE_NOOP("PrintJobs", "Honour certificate"),
    "cards": QT_TRANSLATE_NOOP("PrintJobs", "Volunteer cards"),
    "signin_sheet": QT_TRANSLATE_NOOP("PrintJobs", "Sign-in sheet"),
    "roster": QT_TRANSLATE_NOOP("PrintJobs", "Team roster"),
    "attendance": QT_TRANSLATE_NOOP("PrintJobs", "Event attendance report"),
    "period_report": QT_TRANSLATE_NOOP("PrintJobs", "Period report"),
}
KINDS = tuple(KIND_LABELS)
REPRINT = "reprint"  # a certificate from the register, printed again as a copy
MAX_WEEK_EVENTS = 500  # a week's events; far more than any station holds


def kind_label(kind: str) -> str:
    return (
        QCoreApplication.translate("PrintJobs", KIND_LABELS[kind])
        if kind in KIND_LABELS
        else QCoreApplication.translate("PrintJobs", "Certificate copy")
    )


class NothingToPrint(ServiceError):
    """The choice is valid but leaves nothing to print (an empty team, nobody with hours)."""


@dataclass(frozen=True)
class Part:
    """One PDF file of a document; a batch of sign-in sheets has one per event."""

    path: Path
    pages: int
    label: str


@dataclass
class Rendered:
    """A document ready to preview, print and save: its files live in `folder` until discarded."""

    kind: str
    title: str
    folder: Path
    parts: list[Part]
    numbers: list[str] = field(default_factory=list)  # certificate numbers on it
    skipped: list[str] = field(default_factory=list)  # who was left out, and why

    @property
    def pages(self) -> int:
        return sum(part.pages for part in self.parts)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class _Prepared:
    render: Callable[..., int]
    parts: list[tuple[str, Any]]  # (label, the renderer's data)
    title: str
    numbers: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def safe_file_name(text: str, limit: int = 80) -> str:
    """A file name every system accepts, made from a document's label."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    name = " ".join(name.split()).strip(" .")
    return name[:limit] or "document"


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week containing `day` (weeks start on Monday in China)."""
    first = day - timedelta(days=day.weekday())
    return first, first + timedelta(days=6)


class PrintJob:
    """One document to make. `run` is the work function for desktop.ui.tasks.Task.

    `options` are plain values chosen on the Printing page (or by another page):
    ids (`volunteer_id`, `team_id`, `event_id`), `scope`, `period_from`/`period_to`, `week_of`,
    `level`, `remarks`, `full_id`, `reveal`, `blank_rows`, `number` (a reprint).
    """

    def __init__(
        self, database: Database, actor: Actor, kind: str, options: dict[str, Any]
    ) -> None:
        self.database = database
        self.actor = actor
        self.kind = kind
        self.options = dict(options)
        # Certificates registered before a cancel stay registered; the page says which.
        self.registered: list[str] = []

    def writes(self) -> bool:
        """Issuing, reprinting and revealing personal data are recorded; the rest only reads."""
        return self.kind in ("certificate", "honour", REPRINT) or bool(self.options.get("reveal"))

    def run(self, progress: ProgressFn, cancelled: CancelledFn) -> Rendered:
        unit = self.database.uow if self.writes() else self.database.reader
        with unit() as s:
            prepared = self._prepare(s)
            brand = printouts.branding(s)
            if cancelled():
                raise TaskCancelled()  # before the commit: nothing is registered
        if self.kind != REPRINT:
            self.registered = list(prepared.numbers)
        folder = Path(tempfile.mkdtemp(prefix="stationdesk-print-"))
        try:
            parts = self._render(prepared, brand, folder, progress, cancelled)
        except Cancelled as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise TaskCancelled() from exc
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return Rendered(
            self.kind, prepared.title, folder, parts, prepared.numbers, prepared.skipped
        )

    def _render(
        self, prepared: _Prepared, brand, folder: Path, progress: ProgressFn, cancelled: CancelledFn
    ) -> list[Part]:
        parts = []
        total = len(prepared.parts)
        for number, (label, data) in enumerate(prepared.parts, start=1):
            path = folder / (
                f"{number:03d} {safe_file_name(label)}.pdf" if total > 1 else "document.pdf"
            )
            # One part reports its own pages; a batch of parts reports parts done.
            pages = prepared.render(
                path, data, brand, progress=progress if total == 1 else None, cancelled=cancelled
            )
            parts.append(Part(path, pages, label))
            if total > 1:
                progress(number, total)
        return parts

    # --- step one: the data ------------------------------------------------------------------

    def _prepare(self, s) -> _Prepared:
        o = self.options
        builders = {
            "certificate": self._certificates,
            "honour": self._honours,
            REPRINT: self._reprint,
            "cards": self._cards,
            "signin_sheet": self._signin_sheets,
        }
        if self.kind in builders:
            return builders[self.kind](s)
        title = kind_label(self.kind)
        if self.kind == "roster":
            data = printouts.roster(
                s, self.actor, _needed(o, "team_id"), reveal=bool(o.get("reveal"))
            )
            return _Prepared(
                render_roster, [(data.team_name, data)], _titled(self.kind, data.team_name)
            )
        if self.kind == "attendance":
            data = printouts.attendance(s, self.actor, _needed(o, "event_id"))
            return _Prepared(
                render_attendance, [(data.event.title, data)], _titled(self.kind, data.event.title)
            )
        if self.kind == "period_report":
            start, end = o.get("period_from"), o.get("period_to")
            if start and end and start > end:
                raise ValidationError(
                    "period",
                    QCoreApplication.translate("PrintJobs", "The period starts after it ends."),
                )
            data = printouts.period_report(s, self.actor, start, end)
            return _Prepared(render_period_report, [(title, data)], title)
        raise ValidationError(
            "kind",
            QCoreApplication.translate("PrintJobs", "Unknown document: {kind}").format(
                kind=self.kind
            ),
        )

    def _certificates(self, s) -> _Prepared:
        o = self.options
        scope = o.get("scope", "volunteer")
        start, end = o.get("period_from"), o.get("period_to")
        if scope == "volunteer":
            cid = certificates.issue_service_certificate(
                s,
                self.actor,
                _needed(o, "volunteer_id"),
                start,
                end,
                remarks=o.get("remarks", ""),
                full_id=bool(o.get("full_id")),
            )
            result = BatchResult([cid], [])
            batch = ""
        elif scope == "team":
            team_id = _needed(o, "team_id")
            result = certificates.issue_for_team(
                s, self.actor, team_id, start, end, remarks=o.get("remarks", "")
            )
            if not result.issued and not result.skipped:
                raise NothingToPrint(_empty_team(s, team_id))
            batch = teams.get_team(s, team_id).name
        else:
            start, end = _needed_period(o)
            result = certificates.issue_for_star_reached(s, self.actor, start, end, kind="service")
            batch = _period(start, end)
        _refuse_empty(result, start, end)
        docs = printouts.certificate_documents(s, self.actor, result.issued)
        numbers = [d.number for d in docs]
        title = _titled("certificate", numbers[0] if len(numbers) == 1 else batch)
        return _Prepared(
            render_certificates,
            [(title, docs)],
            title,
            numbers,
            [k.message for k in result.skipped],
        )

    def _honours(self, s) -> _Prepared:
        o = self.options
        if o.get("scope", "volunteer") == "volunteer":
            cid = certificates.issue_honour(
                s, self.actor, _needed(o, "volunteer_id"), o.get("level") or None
            )
            result = BatchResult([cid], [])
            start = end = None
        else:
            start, end = _needed_period(o)
            result = certificates.issue_for_star_reached(s, self.actor, start, end, kind="honour")
        _refuse_empty(result, start, end)
        docs = printouts.honour_documents(s, self.actor, result.issued)
        numbers = [d.number for d in docs]
        batch = _period(start, end) if start and end else ""
        title = _titled("honour", numbers[0] if len(numbers) == 1 else batch)
        return _Prepared(
            render_honours, [(title, docs)], title, numbers, [k.message for k in result.skipped]
        )

    def _reprint(self, s) -> _Prepared:
        number = str(_needed(self.options, "number"))
        kind, docs = printouts.reprint_documents(s, self.actor, number)
        render = render_honours if kind == "honour" else render_certificates
        title = QCoreApplication.translate("PrintJobs", "Copy of certificate {number}").format(
            number=docs[0].number
        )
        return _Prepared(render, [(title, docs)], title, [d.number for d in docs])

    def _cards(self, s) -> _Prepared:
        o = self.options
        scope = o.get("scope", "volunteer")
        team_id = None
        if scope == "volunteer":
            ids = [_needed(o, "volunteer_id")]
            name = _volunteer_name(s, ids[0])
            empty = QCoreApplication.translate(
                "PrintJobs",
                "{name} has no card code yet. Reissue the card on the volunteer's record.",
            ).format(name=name)
        elif scope == "team":
            team_id = _needed(o, "team_id")
            ids = printouts.team_member_ids(s, team_id)
            if not ids:
                raise NothingToPrint(_empty_team(s, team_id))
            name = teams.get_team(s, team_id).name
            empty = QCoreApplication.translate(
                "PrintJobs", "No member of team {name} has a card code."
            ).format(name=name)
        else:
            event_id = _needed(o, "event_id")
            ids = printouts.enrolled_ids(s, event_id)
            name = events.get_event(s, event_id)[0].title
            if not ids:
                raise NothingToPrint(
                    QCoreApplication.translate(
                        "PrintJobs", "Nobody is enrolled in the event {title}."
                    ).format(title=name)
                )
            empty = QCoreApplication.translate(
                "PrintJobs", "Nobody enrolled in the event {title} has a card code."
            ).format(title=name)
        docs = printouts.card_documents(s, self.actor, ids, team_id=team_id)
        if not docs:
            raise NothingToPrint(empty)
        title = _titled("cards", name)
        left_out = len(ids) - len(docs)
        skipped = (
            [
                QCoreApplication.translate(
                    "PrintJobs", "{n} without a card code were left out."
                ).format(n=left_out)
            ]
            if left_out
            else []
        )
        return _Prepared(render_cards, [(title, docs)], title, skipped=skipped)

    def _signin_sheets(self, s) -> _Prepared:
        o = self.options
        blank, reveal = int(o.get("blank_rows", 10)), bool(o.get("reveal"))
        if o.get("scope", "event") == "event":
            ids = [_needed(o, "event_id")]
        else:
            first, last = week_of(_needed(o, "week_of"))
            start, end = events.local_day_bounds(first)[0], events.local_day_bounds(last)[1]
            rows = events.list_events(
                s, events.EventQuery(start=start, end=end), 0, MAX_WEEK_EVENTS
            )
            ids = [r.id for r in rows if r.status != "cancelled"]
            if not ids:
                raise NothingToPrint(
                    QCoreApplication.translate(
                        "PrintJobs", "There are no events from {first} to {last}."
                    ).format(first=first.isoformat(), last=last.isoformat())
                )
        parts = []
        for event_id in ids:
            sheet = printouts.signin_sheet(s, self.actor, event_id, blank_rows=blank, reveal=reveal)
            day = sheet.event.start_at.astimezone().date().isoformat()
            parts.append((f"{day} {sheet.event.title}", sheet))
        if len(parts) == 1:
            title = _titled("signin_sheet", parts[0][0])
        else:
            first, last = week_of(o["week_of"])
            title = _titled("signin_sheet", _period(first, last))
        return _Prepared(render_signin_sheet, parts, title)


def _period(first: date, last: date) -> str:
    return QCoreApplication.translate("PrintJobs", "{first} to {last}").format(
        first=first.isoformat(), last=last.isoformat()
    )


def _titled(kind: str, what: str) -> str:
    """A document's title for the preview and its file name: "Team roster 绿色家园"."""
    if not what:
        return kind_label(kind)
    return QCoreApplication.translate("PrintJobs", "{document} {what}").format(
        document=kind_label(kind), what=what
    )


def _needed(options: dict[str, Any], key: str) -> Any:
    """A choice the form must have made; missing, it is the person's to make, not a bug."""
    value = options.get(key)
    if value is None or value == "":
        messages = {
            "volunteer_id": QCoreApplication.translate("PrintJobs", "Choose a volunteer."),
            "team_id": QCoreApplication.translate("PrintJobs", "Choose a team."),
            "event_id": QCoreApplication.translate("PrintJobs", "Choose an event."),
            "week_of": QCoreApplication.translate("PrintJobs", "Choose a week."),
            "number": QCoreApplication.translate(
                "PrintJobs", "Choose a certificate in the register."
            ),
        }
        raise ValidationError(
            key, messages.get(key, QCoreApplication.translate("PrintJobs", "This is required."))
        )
    return value


def _needed_period(options: dict[str, Any]) -> tuple[date, date]:
    start, end = options.get("period_from"), options.get("period_to")
    if start is None or end is None:
        raise ValidationError(
            "period",
            QCoreApplication.translate("PrintJobs", "Choose the first and last day of the period."),
        )
    return start, end


def _volunteer_name(s, volunteer_id: int) -> str:
    rows = volunteers.list_volunteers(s, volunteers.VolunteerQuery(ids=[volunteer_id]), 0, 1)
    if not rows:
        raise ValidationError(
            "volunteer_id",
            QCoreApplication.translate("PrintJobs", "No volunteer with number {id}.").format(
                id=volunteer_id
            ),
        )
    return rows[0].name


def _empty_team(s, team_id: int) -> str:
    return QCoreApplication.translate("PrintJobs", "Team {name} has no volunteers.").format(
        name=teams.get_team(s, team_id).name
    )


def _refuse_empty(result: BatchResult, start: date | None, end: date | None) -> None:
    if result.issued:
        return
    if result.skipped:
        raise NothingToPrint(reasons_text([k.message for k in result.skipped]))
    raise NothingToPrint(
        QCoreApplication.translate(
            "PrintJobs", "Nobody reached a new star level from {start} to {end}."
        ).format(start=start.isoformat() if start else "", end=end.isoformat() if end else "")
    )


def reasons_text(messages: Sequence[str], shown: int = 4) -> str:
    """The first few reasons, one a line, and how many more there are."""
    lines = list(messages[:shown])
    if len(messages) > shown:
        lines.append(
            QCoreApplication.translate("PrintJobs", "…and {n} more.").format(
                n=len(messages) - shown
            )
        )
    return "\n".join(lines)
