"""Roster import: normalise each row, reject what cannot be fixed, write the rest in one go.

Each row goes through `volunteers.validate` like the form; the lookups for IDs and phones
already registered are made once per thousand rows, and accepted rows are inserted in bulk, all
in the caller's single unit of work: every accepted row is written, or none. Reading the cells
and checking each row on its own is in importing_rows; this module looks rows up and writes them.
"""

from __future__ import annotations

import dataclasses
import gc
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from desktop import codes
from desktop.bulk import insert_rows
from desktop.i18n import translate
from desktop.models import Card, TeamMembership, Volunteer, utcnow
from desktop.services import audit, stations, teams, volunteers
from desktop.services.errors import ServiceError
from desktop.services.exporting import write_table
from desktop.services.importing_rows import (
    REASON_LABELS,
    Candidate,
    RowCheck,
    parse_date,
    reason_label,
    team_category,
    team_names,
    text_of,
)
from desktop.services.permissions import Actor, require
from desktop.services.roster_reading import RosterLayout, check_mapping, open_roster

__all__ = [
    "CHUNK", "REASON_LABELS", "ExistingRow", "ImportCancelled", "ImportOptions", "ImportReport", "RejectedRow",
    "import_volunteers", "parse_date", "reason_label", "save_rejected", "team_category", "team_names", "text_of",
]

CHUNK = 1000  # rows validated, looked up and inserted together

_UPDATABLE = ("name", "gender", "birth_date", "phone", "skills", "political_status", "registered_on", "notes")
_INPUT_FIELDS = tuple(f.name for f in dataclasses.fields(volunteers.VolunteerInput))
_VOLUNTEER_COLUMNS = (
    *_INPUT_FIELDS, "name_initials", "name_pinyin", "id_tail", "phone_tail", "card_code", "created_at", "updated_at"
)


class ImportCancelled(ServiceError):
    """The user stopped the import; nothing was written."""


@dataclass
class ImportOptions:
    """What the clerk chose: existing IDs updated or skipped, and any change to the columns."""

    update_existing: bool = False
    header_row: int | None = None
    mapping: dict[int, str] | None = None  # column index -> field; None: as detected
    station_id: int | None = None


@dataclass(frozen=True)
class RejectedRow:
    row: int  # sheet row (xlsx) or line (csv)
    field: str
    reason: str  # a code from REASON_LABELS
    message: str  # what is wrong, in the clerk's words
    values: tuple[Any, ...] = ()  # the cells as in the file, for the rejected-rows workbook


@dataclass(frozen=True)
class ExistingRow:
    """A row whose ID number is already registered: skipped or updated, as chosen."""

    row: int
    volunteer_id: int
    name: str


@dataclass
class ImportReport:
    file: str
    sheet: str
    header_row: int
    headers: list[str]
    dry_run: bool
    update_existing: bool
    rows: int = 0  # volunteer rows read (blank and summary rows not counted)
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    unchanged: int = 0  # already registered, update chosen, but the file says nothing new
    rejected: list[RejectedRow] = field(default_factory=list)
    existing: list[ExistingRow] = field(default_factory=list)
    blank_rows: int = 0
    summary_rows: list[int] = field(default_factory=list)
    teams_matched: list[str] = field(default_factory=list)
    teams_created: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add_rejected(self, row: int, values: tuple[Any, ...], field_name: str, reason: str, message: str) -> None:
        self.rejected.append(RejectedRow(row, field_name, reason, message, tuple(values)))

    def as_dict(self) -> dict[str, Any]:
        """The --json form: counts, and each rejected row with its reason code."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "rejected": [
                {"row": r.row, "reason": r.reason, "field": r.field, "message": r.message}
                for r in self.rejected
            ],
            "rows": self.rows,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "file": self.file,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "blank_rows": self.blank_rows,
            "summary_rows": self.summary_rows,
            "teams_matched": self.teams_matched,
            "teams_created": self.teams_created,
            "seconds": round(self.seconds, 3),
        }


# --- one import --------------------------------------------------------------------------------


class _BulkChoice:
    """`choice` for codes.make_code from one call to the OS's secure random source per chunk.

    The code alphabet has 32 symbols, which divides 256: a random byte modulo 32 is uniform.
    """

    def __init__(self, symbols: int):
        assert 256 % len(codes.ALPHABET) == 0
        self._bytes = iter(secrets.token_bytes(symbols))

    def choice(self, seq: str) -> str:
        return seq[next(self._bytes) % len(seq)]


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Import:
    """The state of one import while its rows stream past."""

    def __init__(self, s: Session, actor: Actor, layout: RosterLayout, options: ImportOptions, dry_run: bool):
        self.s = s
        self.actor = actor
        self.layout = layout
        self.options = options
        self.dry_run = dry_run
        self.columns = sorted(layout.mapping.items())
        self.report = ImportReport(
            file=layout.path.name, sheet=layout.sheet, header_row=layout.header_row,
            headers=list(layout.headers), dry_run=dry_run, update_existing=options.update_existing,
        )
        self.row_check = RowCheck(s, self.columns, options.station_id, self.report)
        self.team_ids: dict[str, int | None] = {}
        self.new_ids: list[int] = []
        self.changes_before: dict[int, dict] = {}
        self.changes_after: dict[int, dict] = {}
        self.memberships: set[tuple[int, int]] = set()
        self.name_keys: dict[str, tuple[str, str]] = {}
        self.read = 0
        self.today = date.today()

    # reading and checking

    def take(self, chunk: list[tuple[int, tuple[Any, ...]]]) -> None:
        """Check a chunk of rows on their own and against earlier rows, then against the database."""
        self.read += len(chunk)
        candidates = self.row_check.candidates(chunk)
        if candidates:
            self._against_database(candidates)

    # against the database, and writing

    def _against_database(self, candidates: list[Candidate]) -> None:
        cols = (Volunteer.id, Volunteer.id_type, Volunteer.id_number, Volunteer.phone, Volunteer.name)
        # Two indexed lookups in one statement; an OR would make the database read every row.
        stmt = select(*cols).where(
            Volunteer.id_type.in_({c.data.id_type for c in candidates}),
            Volunteer.id_number.in_([c.data.id_number for c in candidates]),
        )
        phones = [c.data.phone for c in candidates if c.data.phone]
        if phones:
            stmt = union_all(stmt, select(*cols).where(Volunteer.phone.in_(phones)))
        by_id: dict[tuple[str, str], Any] = {}
        by_phone: dict[str, Any] = {}
        for r in self.s.execute(stmt):
            by_id[(r.id_type, r.id_number)] = r
            if r.phone:
                by_phone[r.phone] = r
        new: list[Candidate] = []
        updates: list[tuple[Candidate, int]] = []
        for c in candidates:
            known = by_id.get((c.data.id_type, c.data.id_number))
            if known is not None and not self.options.update_existing:
                self.report.skipped += 1
                self.report.existing.append(ExistingRow(c.row, known.id, known.name))
                continue
            owner = by_phone.get(c.data.phone) if c.data.phone else None
            if owner is not None and (known is None or owner.id != known.id):
                self.report.add_rejected(
                    c.row, c.values, "phone", "phone_registered",
                    translate("Import", "This phone number is already registered for {name} (No. {id}).").format(
                        name=owner.name, id=owner.id
                    ),
                )
                continue
            if known is not None:
                self.report.existing.append(ExistingRow(c.row, known.id, known.name))
                updates.append((c, known.id))
            else:
                new.append(c)
        self._resolve_teams(new + [c for c, _ in updates])
        self.report.imported += len(new)
        if updates:
            self._load_memberships([vid for _, vid in updates])
        if not self.dry_run:
            self._insert(new)
        self._update(updates)

    def _resolve_teams(self, candidates: list[Candidate]) -> None:
        for c in candidates:
            for name in c.teams:
                if name in self.team_ids:
                    continue
                tid = teams.find_team_by_name(self.s, name)
                if tid is not None:
                    self.report.teams_matched.append(name)
                elif not self.dry_run:
                    tid = teams.create_team(
                        self.s, self.actor,
                        teams.TeamInput(name=name, category=team_category(name), station_id=self.options.station_id),
                    )
                    self.report.teams_created.append(name)
                else:
                    self.report.teams_created.append(name)
                self.team_ids[name] = tid

    def _name_keys(self, name: str) -> tuple[str, str]:
        # Names repeat in a district roster (张伟, 王芳 ...); pypinyin is the slow part of a row.
        keys = self.name_keys.get(name)
        if keys is None:
            keys = self.name_keys[name] = volunteers.name_keys(name)
        return keys

    def _card_codes(self, n: int) -> list[str]:
        """n fresh codes; a clash with any code ever issued is checked once for the whole chunk."""
        fresh: list[str] = []
        while len(fresh) < n:
            rng = _BulkChoice((n - len(fresh)) * codes.RANDOM_LENGTH)
            batch = list({codes.make_code(rng) for _ in range(n - len(fresh))} - set(fresh))
            taken = set(self.s.scalars(select(Card.code).where(Card.code.in_(batch))))
            fresh.extend(code for code in batch if code not in taken)
        return fresh

    def _insert(self, new: list[Candidate]) -> None:
        if not new:
            return
        now = utcnow()
        cards = self._card_codes(len(new))
        rows = []
        for c, code in zip(new, cards):
            d = c.data
            initials, pinyin = self._name_keys(d.name)
            rows.append(
                (*(getattr(d, f) for f in _INPUT_FIELDS),
                 initials, pinyin, (d.id_number or "")[-4:], d.phone[-4:], code, now, now)
            )
        # A plain executemany: RETURNING with row order kept would send one INSERT per row on
        # SQLite. The new ids are then read back by card code (unique) in one query.
        insert_rows(self.s, Volunteer.__table__, _VOLUNTEER_COLUMNS, rows)
        id_of = {
            code: vid
            for code, vid in self.s.execute(
                select(Volunteer.card_code, Volunteer.id).where(Volunteer.card_code.in_(cards))
            )
        }
        ids = [id_of[code] for code in cards]
        self.new_ids.extend(ids)
        insert_rows(
            self.s, Card.__table__, ("volunteer_id", "code", "issued_at"),
            [(vid, code, now) for vid, code in zip(ids, cards)],
        )
        self._join_teams([(vid, c.teams) for vid, c in zip(ids, new)], set())

    def _update(self, updates: list[tuple[Candidate, int]]) -> None:
        """Fill in what the file says about volunteers already registered; empty cells change nothing."""
        if not updates:
            return
        ids = [vid for _, vid in updates]
        by_id = {v.id: v for v in self.s.scalars(select(Volunteer).where(Volunteer.id.in_(ids)))}
        changed_rows: list[tuple[Candidate, int]] = []
        for c, vid in updates:
            v = by_id[vid]
            fields = [f for f in _UPDATABLE if f in c.present or (f == "gender" and "id_number" in c.present)]
            old, changed = audit.changed({f: getattr(v, f) for f in fields}, {f: getattr(c.data, f) for f in fields})
            if not changed and not self._new_teams(vid, c.teams):
                self.report.unchanged += 1
                continue
            changed_rows.append((c, vid))
            if self.dry_run or not changed:
                continue
            for f, value in changed.items():
                setattr(v, f, value)
            if "name" in changed:
                v.name_initials, v.name_pinyin = self._name_keys(v.name)
            if "phone" in changed:
                v.phone_tail = v.phone[-4:]
            v.updated_at = utcnow()
            self.changes_before[vid] = old
            self.changes_after[vid] = changed
        self.report.updated += len(changed_rows)
        if not self.dry_run:
            self._join_teams([(vid, c.teams) for c, vid in changed_rows], self.memberships)
            self.s.flush()

    def _load_memberships(self, ids: list[int]) -> None:
        self.memberships = set(
            self.s.execute(
                select(TeamMembership.volunteer_id, TeamMembership.team_id).where(TeamMembership.volunteer_id.in_(ids))
            )
        )

    def _new_teams(self, vid: int, names: list[str]) -> bool:
        for name in names:
            tid = self.team_ids.get(name)
            if tid is None or (vid, tid) not in self.memberships:
                return True
        return False

    def _join_teams(self, members: list[tuple[int, list[str]]], present: set[tuple[int, int]]) -> None:
        rows = []
        for vid, names in members:
            for name in names:
                tid = self.team_ids.get(name)
                if tid is not None and (vid, tid) not in present:
                    present.add((vid, tid))
                    rows.append((tid, vid, self.today))
        insert_rows(self.s, TeamMembership.__table__, ("team_id", "volunteer_id", "joined_on"), rows)

    def finish(self) -> None:
        r = self.report
        r.rejected.sort(key=lambda x: x.row)  # rows refused by the database lookup came last
        r.teams_matched = sorted(set(r.teams_matched))
        if self.dry_run or not (r.imported or r.updated):
            return
        audit.record(
            self.s, self.actor, "import", "volunteer", None,
            before={"changes": self.changes_before} if self.changes_before else None,
            after={
                "file": r.file, "sheet": r.sheet, "rows": r.rows, "imported": r.imported,
                "updated": r.updated, "skipped": r.skipped, "rejected": len(r.rejected),
                "teams_created": r.teams_created, "volunteer_ids": self.new_ids,
                **({"changes": self.changes_after} if self.changes_after else {}),
            },
        )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cycle collection while rows stream past: a large roster allocates millions of short-lived
    objects that reference counting frees anyway, and the collector's passes over them cost about
    a tenth of the import."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_volunteers(
    s: Session,
    actor: Actor,
    path: Path | str,
    options: ImportOptions | None = None,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import a roster file into the caller's unit of work (`dry_run`: only say what would happen).

    Give a `db.uow()` session to import (all accepted rows or, on any error, none), a
    `db.reader()` session for a dry run. `progress(rows_read, estimated_total)` is called after
    each chunk; `cancelled()` returning True stops with ImportCancelled (the caller's unit of work
    then rolls back).
    """
    require(actor, "volunteers.import")
    options = options or ImportOptions()
    if options.update_existing:
        require(actor, "volunteers.edit")
    if options.station_id is None:
        options = dataclasses.replace(options, station_id=stations.home_station_id(s))
    started = perf_counter()
    with _gc_paused(), open_roster(path, header_row=options.header_row, mapping=options.mapping) as roster:
        check_mapping(roster.layout.mapping)  # a roster without a name or ID column cannot be imported
        job = _Import(s, actor, roster.layout, options, dry_run)
        for chunk in _batches(roster.rows, CHUNK):
            if cancelled is not None and cancelled():
                raise ImportCancelled(translate("Import", "The import was stopped; nothing was written."))
            job.take(chunk)
            if progress is not None:
                progress(job.read, roster.layout.estimated_rows)
        job.finish()
    job.report.seconds = perf_counter() - started
    return job.report


def save_rejected(report: ImportReport, path: Path | str) -> int:
    """The rejected rows as they were in the file, plus row number and reason: fix and re-import.

    The original header comes first, so the fixed file maps to the same columns; the two added
    columns have names no import takes for a field.
    """
    width = max([len(report.headers)] + [len(r.values) for r in report.rejected])
    headers = list(report.headers) + [""] * (width - len(report.headers))
    headers += [translate("Import", "Row in original file"), translate("Import", "Reason")]

    def rows():
        for r in report.rejected:
            values = list(r.values) + [None] * (width - len(r.values))
            yield values + [r.row, translate("Common", ": ").join((reason_label(r.reason), r.message))]

    return write_table(path, headers, rows(), title=translate("Import", "Rejected rows"))
