"""The certificate register (numbers, duplicates, reprints, batches, audit) and `stationdesk print`."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop import cli
from desktop.models import AuditEntry, Certificate, Event, ServiceRecord
from desktop.services import certificates, printouts, settings
from desktop.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from tests.test_printing_samples import build_station

NUMBER = re.compile(r"^\d{3}-\d{4}-\d{5}$")


@pytest.fixture
def station(db, admin):
    return build_station(db, admin)


def test_numbers_are_station_year_serial_in_order_and_unique(db, admin, station):
    today = date.today()
    with db.uow() as s:
        first = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1])
        batch = certificates.issue_for_team(s, admin, station.team_ids[1])
    with db.reader() as s:
        rows = {c.id: c for c in s.scalars(select(Certificate))}
        numbers = [rows[i].number for i in [first, *batch.issued]]
        assert all(NUMBER.match(n) for n in numbers)
        assert numbers[0] == f"001-{today.year}-00001"
        assert [rows[i].serial for i in [first, *batch.issued]] == list(range(1, len(numbers) + 1))
        assert len(set(numbers)) == len(numbers)
        # What was certified is stored: hours, period, issuer, time.
        cert = rows[first]
        assert cert.minutes > 0 and cert.period_to == today and cert.period_from is None
        assert cert.issuer_name == "system" and cert.issued_at is not None and cert.kind == "service"


def test_serials_restart_each_year(db, admin, station):
    with db.uow() as s:
        a = s.get(Certificate, certificates.issue_service_certificate(s, admin, station.volunteer_ids[1]))
        a.year -= 1  # as if issued last year
        a.number = certificates.format_number(a.station_code, a.year, a.serial)
        certificates.issue_service_certificate(s, admin, station.volunteer_ids[2])
        c = s.get(Certificate, certificates.issue_service_certificate(s, admin, station.volunteer_ids[3]))
        assert c.serial == 2 and c.number.endswith(f"-{date.today().year}-00002")


def test_the_same_certificate_twice_is_refused_with_its_number(db, admin, station):
    vid = station.volunteer_ids[1]
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, vid)
        number = s.get(Certificate, cid).number
    with pytest.raises(Conflict, match=number), db.uow() as s:
        certificates.issue_service_certificate(s, admin, vid)
    # Another period is another certificate.
    with db.uow() as s:
        certificates.issue_service_certificate(s, admin, vid, date.today() - timedelta(days=20))


def test_nothing_to_certify_and_bad_periods_are_refused(db, admin, station):
    today = date.today()
    with pytest.raises(ValidationError) as err, db.uow() as s:
        certificates.issue_service_certificate(s, admin, station.volunteer_ids[1], today - timedelta(days=2))
    assert "no approved service hours" in err.value.message
    with pytest.raises(ValidationError), db.uow() as s:
        certificates.issue_service_certificate(s, admin, station.volunteer_ids[1], today, today - timedelta(days=1))
    with pytest.raises(ValidationError), db.uow() as s:
        certificates.issue_service_certificate(s, admin, station.volunteer_ids[1], None, today + timedelta(days=1))
    with pytest.raises(NotFound), db.uow() as s:
        certificates.issue_service_certificate(s, admin, 9999)
    with db.reader() as s:
        assert s.scalar(select(Certificate.id)) is None


def test_hours_and_activities_of_the_period_only(db, admin, station):
    vid = station.volunteer_ids[1]  # served at past events 0 and 3
    today = date.today()
    with db.uow() as s:
        all_time = certificates.issue_service_certificate(s, admin, vid)
        # Event 3 is 13 days ago, event 0 is 40 days ago.
        recent = certificates.issue_service_certificate(s, admin, vid, today - timedelta(days=20))
        docs = printouts.certificate_documents(s, admin, [all_time, recent])
    assert docs[0].events == 2 and docs[1].events == 1
    assert docs[1].hours < docs[0].hours
    assert [a.title for a in docs[1].activities] == ["垃圾分类入户宣传"]


def test_a_reprint_keeps_the_number_counts_and_is_audited(db, admin, station):
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1])
        number = s.get(Certificate, cid).number
    for expected in (1, 2):
        with db.uow() as s:
            _kind, docs = printouts.reprint_documents(s, admin, " " + number.lower() + " ")
            assert docs[0].number == number and docs[0].copy and docs[0].reprinted_on == date.today()
            assert s.get(Certificate, cid).reprints == expected
    with db.reader() as s:
        actions = [a.action for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "certificate", AuditEntry.entity_id == cid)
        )]
        assert s.scalar(select(Certificate.id).where(Certificate.number == number)) == cid
    assert actions == ["issue", "reprint", "reprint"]
    with pytest.raises(NotFound), db.uow() as s:
        printouts.reprint_documents(s, admin, "001-1999-00001")


def test_a_reprint_shows_what_was_issued_even_after_a_correction(db, admin, station):
    vid = station.volunteer_ids[1]
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, vid)
        before = printouts.certificate_documents(s, admin, [cid])[0]
        for rec in s.scalars(select(ServiceRecord).where(ServiceRecord.volunteer_id == vid)):
            rec.minutes += 60
        after = printouts.certificate_documents(s, admin, [cid], copy=True)[0]
    assert after.hours == before.hours and after.activities == before.activities


def test_team_batch_skips_members_without_hours_and_says_why(db, admin, station):
    today = date.today()
    with db.uow() as s:
        # Team 2 served once, 31 days ago, one member absent.
        result = certificates.issue_for_team(s, admin, station.team_ids[1], today - timedelta(days=35), today)
    assert len(result.issued) == 7
    assert [k.reason for k in result.skipped] == ["no_hours"]
    assert "has no approved service hours" in result.skipped[0].message
    with pytest.raises(NotFound), db.uow() as s:
        certificates.issue_for_team(s, admin, 999)


def test_star_reached_batch_issues_honours_for_the_level_reached(db, admin, station):
    today = date.today()
    with db.uow() as s:
        settings.update(s, admin, star_thresholds=(2, 4, 8, 16, 32))
        result = certificates.issue_for_star_reached(s, admin, today - timedelta(days=30), today)
        docs = printouts.honour_documents(s, admin, result.issued)
        again = certificates.issue_for_star_reached(s, admin, today - timedelta(days=30), today)
    # Worked out here from the records: hours before the period and up to its end.
    start = today - timedelta(days=30)
    before: dict[int, float] = {}
    upto: dict[int, float] = {}
    with db.reader() as s:
        for vid, minutes, at in s.execute(
            select(ServiceRecord.volunteer_id, ServiceRecord.minutes, Event.start_at)
            .join(Event, Event.id == ServiceRecord.event_id)
            .where(ServiceRecord.review_state == "approved")
        ):
            day = at.astimezone().date()
            upto[vid] = upto.get(vid, 0) + minutes / 60
            if day < start:
                before[vid] = before.get(vid, 0) + minutes / 60
    thresholds = (2, 4, 8, 16, 32)

    def level(hours: float) -> int:
        return sum(hours >= t for t in thresholds)

    expected = {station.names[v]: level(h) for v, h in upto.items() if level(h) > level(before.get(v, 0))}
    assert {d.name: d.level for d in docs} == expected
    assert {1, 2} <= set(expected.values()) and all(d.as_of == today for d in docs)
    assert not again.issued and {k.reason for k in again.skipped} == {"duplicate"}


def test_honour_above_the_hours_is_refused(db, admin, station):
    with pytest.raises(ValidationError, match="has not reached"), db.uow() as s:
        certificates.issue_honour(s, admin, station.volunteer_ids[1], level=5)


def test_an_operator_may_not_issue_and_full_id_needs_reveal(db, admin, operator, coordinator, station):
    with pytest.raises(PermissionDenied), db.uow() as s:
        certificates.issue_service_certificate(s, operator, station.volunteer_ids[1])
    with pytest.raises(PermissionDenied), db.uow() as s:
        certificates.issue_service_certificate(s, coordinator, station.volunteer_ids[1], full_id=True)
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1], full_id=True)
        doc = printouts.certificate_documents(s, admin, [cid])[0]
    assert "*" not in doc.id_number and len(doc.id_number) == 18
    with pytest.raises(PermissionDenied), db.uow() as s:
        certificates.reprint(s, coordinator, cid)


def test_the_register_lists_and_searches_in_sql(db, admin, station):
    with db.uow() as s:
        batch = certificates.issue_for_team(s, admin, station.team_ids[0])
    with db.reader() as s:
        assert certificates.count_certificates(s) == len(batch.issued) == 8
        page = certificates.list_certificates(s, offset=0, limit=3)
        assert [r.id for r in page] == sorted(batch.issued, reverse=True)[:3]
        name = station.names[station.volunteer_ids[0]]
        found = certificates.list_certificates(s, certificates.CertificateQuery(search=name))
        assert [r.volunteer_name for r in found] == [name]
        number = page[0].number
        assert certificates.list_certificates(s, certificates.CertificateQuery(search=number))[0].id == page[0].id
        assert certificates.count_certificates(s, certificates.CertificateQuery(kind="honour")) == 0


# --- the command line ----------------------------------------------------------------------


def run(capsys, *args):
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_prints_every_document(db, db_path, admin, station, tmp_path, capsys):
    db.dispose()
    code_of = station.codes[station.volunteer_ids[1]]
    today = date.today().isoformat()
    start = (date.today() - timedelta(days=90)).isoformat()
    cases = [
        ("certificate", "--volunteer", code_of),
        ("cards", "--team", str(station.team_ids[0])),
        ("cards", "--event", str(station.upcoming_event_id)),
        ("cards", "--volunteer", code_of.lower()),
        ("roster", "--team", str(station.team_ids[0])),
        ("signin-sheet", "--event", str(station.upcoming_event_id)),
        ("attendance", "--event", str(station.past_event_ids[0])),
        ("report", "--from", start, "--to", today),
    ]
    for i, (what, *args) in enumerate(cases):
        out_pdf = tmp_path / f"{i}-{what}.pdf"
        code, out, err = run(capsys, "--db", str(db_path), "print", what, *args, "--out", str(out_pdf), "--json")
        assert code == 0, err
        result = json.loads(out)
        assert result["pages"] == len(PdfReader(str(out_pdf)).pages) >= 1
    assert len(PdfReader(str(tmp_path / "1-cards.pdf")).pages) == 1  # eight members


def test_cli_certificates_batches_and_reprint(db, db_path, admin, station, tmp_path, capsys):
    db.dispose()
    out_pdf = tmp_path / "team.pdf"
    code, out, err = run(capsys, "--db", str(db_path), "print", "certificate", "--team", str(station.team_ids[1]),
                         "--out", str(out_pdf))
    assert code == 0, err
    assert "7 pages written" in out and "Skipped:" in out
    numbers = re.findall(r"\d{3}-\d{4}-\d{5}", out)
    assert len(numbers) == 7
    code, out, err = run(capsys, "--db", str(db_path), "print", "certificate", "--reprint", numbers[0],
                         "--out", str(tmp_path / "copy.pdf"), "--json")
    assert code == 0 and json.loads(out)["certificates"] == [numbers[0]]
    assert "COPY" in PdfReader(str(tmp_path / "copy.pdf")).pages[0].extract_text()
    today = date.today()
    code, out, err = run(
        capsys, "--db", str(db_path), "print", "honor", "--star-reached-from",
        (today - timedelta(days=60)).isoformat(), "--star-reached-to", today.isoformat(),
        "--out", str(tmp_path / "h.pdf"), "--json",
    )
    # Default thresholds (100 hours for one star): nobody in the sample reached a level.
    assert code == 2 and "Nothing to print" in err


def test_cli_refuses_bad_input_with_one_line(db, db_path, station, tmp_path, capsys):
    db.dispose()
    for args in (
        ("certificate", "--out", str(tmp_path / "x.pdf")),
        ("certificate", "--volunteer", "ZZZ", "--out", str(tmp_path / "x.pdf")),
        ("roster", "--out", str(tmp_path / "x.pdf")),
        ("roster", "--team", "1", "--out", str(tmp_path / "x.txt")),
        ("signin-sheet", "--event", "999", "--out", str(tmp_path / "x.pdf")),
        ("report", "--from", "2025-02-01", "--to", "2025-01-01", "--out", str(tmp_path / "x.pdf")),
    ):
        code, _out, err = run(capsys, "--db", str(db_path), "print", *args)
        assert code == 2 and err.startswith("stationdesk: ") and err.count("\n") == 1, (args, err)
    assert not list(tmp_path.glob("*.pdf"))
