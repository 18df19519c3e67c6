"""Printed documents: their text, embedded fonts, QR codes that scan back, pages, cancel."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop import codes, i18n
from desktop.printing import fonts, qr
from desktop.printing.attendance import render_attendance
from desktop.printing.cards import PER_PAGE, render_cards
from desktop.printing.certificate import render_certificates
from desktop.printing.common import Branding, Cancelled, format_hours
from desktop.printing.honour import render_honours
from desktop.printing.pages import GAP, Column, PagedDocument, Table, heading
from desktop.printing.period_report import render_period_report
from desktop.printing.roster import RosterData, RosterRow, render_roster
from desktop.printing.signin_sheet import render_signin_sheet
from desktop.services import certificates, printouts, settings
from tests.test_printing_samples import STATION, build_station

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None, reason="poppler-utils not installed"
)

BRAND = Branding(STATION, "张建华", "李晓梅", "0571-8888 6666")


def text_of(pdf: Path) -> str:
    """The document's text as pdftotext reads it, whitespace removed (CJK has none)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def page_texts(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(str(pdf)).pages]


def assert_fonts_embedded(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, "the document uses no font at all"
    names = []
    for row in rows:
        cols = row.split()
        # name, type (may be two words), encoding, emb, sub, uni, object, generation
        emb = cols[-5]
        assert emb == "yes", f"font not embedded: {row}"
        names.append(cols[0])
    return names


def decoded_qr(pdf: Path, tmp_path: Path, page: int = 1) -> list[str]:
    """Every QR code on a page rendered at 150 dpi, decoded by zxing-cpp."""
    stem = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    image = Image.open(stem.with_suffix(".png")).convert("L")
    return sorted(r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode)


@pytest.fixture
def station(db, admin):
    return build_station(db, admin)


# --- fonts and QR --------------------------------------------------------------------------


def test_fonts_register_once_and_come_from_the_shipped_files():
    fonts.register()
    fonts.register()
    for filename, _index in fonts.FONT_FILES.values():
        assert (fonts.fonts_dir() / filename).is_file()
    assert fonts.fonts_dir().parent.name == "resources"


def test_a_character_one_face_lacks_is_drawn_in_the_other():
    # 㛃 is in AR PL UKai only, 婳 only in WenQuanYi Micro Hei.
    assert fonts.runs("李㛃", fonts.SANS) == (("李", fonts.SANS), ("㛃", fonts.KAI))
    assert fonts.runs("孙婳", fonts.KAI) == (("孙", fonts.KAI), ("婳", fonts.SANS))
    # Latin inside Kai text is set in Hei: the Kai face's Latin is a typewriter face.
    assert fonts.runs("共5小时", fonts.KAI) == (("共", fonts.KAI), ("5", fonts.SANS), ("小时", fonts.KAI))


def test_fit_size_shrinks_a_name_and_never_wraps():
    size, scale = fonts.fit_size("欧阳娜娜", fonts.SANS, 20, 200)
    assert (size, scale) == (20, 1.0)
    size, scale = fonts.fit_size("欧阳娜娜", fonts.SANS, 20, 40)
    assert size == pytest.approx(10) and scale == 1.0  # four em-wide characters in 40 pt
    size, scale = fonts.fit_size("欧阳娜娜", fonts.SANS, 20, 16, min_size=6)
    assert size == 6 and scale == pytest.approx(16 / 24)  # condensed below the smallest size


def test_paragraph_style_wraps_by_cjk_rules():
    style = fonts.paragraph_style(12, fonts.KAI)
    assert style.wordWrap == "CJK" and style.fontName == fonts.KAI


def test_qr_is_one_path_and_decodes(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    code = "ZY7KQ3HX9MC2T"
    buf = io.BytesIO()
    c = Canvas(buf, initialFontName=fonts.SANS)
    fonts.register()
    qr.draw_qr(c, code, 100, 500, 100)
    c.showPage()
    c.save()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(buf.getvalue())
    content = PdfReader(str(pdf)).pages[0].get_contents().get_data().decode("latin1")
    assert content.count(" f Q") == 1  # one filled path for all the modules
    assert decoded_qr(pdf, tmp_path) == [code]


# --- documents -----------------------------------------------------------------------------


def test_service_certificate_has_every_field_the_rules_name(db, admin, station, tmp_path):
    vid = station.volunteer_ids[1]
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, vid, remarks="For the school application.")
        docs = printouts.certificate_documents(s, admin, [cid])
        brand = printouts.branding(s)
    pdf = tmp_path / "cert.pdf"
    assert render_certificates(pdf, docs, brand) == 1
    text = text_of(pdf)
    d = docs[0]
    for expected in (
        "VolunteerServiceCertificate", d.name, "ResidentIDcard", d.id_number,
        d.volunteer_no, "Servicehours", format_hours(d.hours), "Remarks", "Fortheschoolapplication.",
        STATION, "张建华", "李晓梅", "0571-88886666", d.number, "Issuedby(seal)", "Issuedate",
    ):
        assert expected.replace(" ", "") in text, expected
    assert "*" in d.id_number and d.id_number.endswith(d.id_number[-4:])
    for activity in d.activities:
        assert activity.title in text
    assert "COPY" not in text
    assert_fonts_embedded(pdf)
    assert decoded_qr(pdf, tmp_path) == [d.number]


def test_a_reprint_keeps_the_number_and_says_copy(db, admin, station, tmp_path):
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1])
        number = printouts.certificate_documents(s, admin, [cid])[0].number
        kind, docs = printouts.reprint_documents(s, admin, number)
        brand = printouts.branding(s)
    assert kind == "service" and docs[0].number == number and docs[0].copy
    pdf = tmp_path / "copy.pdf"
    render_certificates(pdf, docs, brand)
    text = text_of(pdf)
    assert "COPY" in text and number in text and "reprintedon" in text
    assert decoded_qr(pdf, tmp_path) == [number]


def test_honour_certificate_is_landscape_with_the_level(db, admin, station, tmp_path):
    with db.uow() as s:
        settings.update(s, admin, star_thresholds=(1, 2, 4, 8, 16))
        cid = certificates.issue_honour(s, admin, station.volunteer_ids[1])
        docs = printouts.honour_documents(s, admin, [cid])
        brand = printouts.branding(s)
    assert docs[0].level == 3  # 5.25 approved hours against thresholds 1, 2, 4
    pdf = tmp_path / "honour.pdf"
    render_honours(pdf, docs, brand)
    page = PdfReader(str(pdf)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = text_of(pdf)
    assert "CertificateofHonour" in text and "Three-StarVolunteer" in text and docs[0].name in text
    assert_fonts_embedded(pdf)
    assert decoded_qr(pdf, tmp_path) == [docs[0].number]


def test_cards_sheet_has_ten_cards_whose_qr_codes_scan(db, admin, station, tmp_path):
    team = station.team_ids[0]
    with db.reader() as s:
        ids = printouts.team_member_ids(s, team) + station.volunteer_ids[20:24]
        cards = printouts.card_documents(s, admin, ids, team_id=team)
        brand = printouts.branding(s)
    assert len(cards) == 12
    pdf = tmp_path / "cards.pdf"
    assert render_cards(pdf, cards, brand) == 2
    texts = page_texts(pdf)
    assert len(texts) == 2
    for card in cards[:PER_PAGE]:
        assert card.name in texts[0]
        assert codes.pretty(card.code).replace(" ", "") in texts[0]
    assert "夕阳红助老志愿服务队" in texts[0]
    assert decoded_qr(pdf, tmp_path, 1) == sorted(card.code for card in cards[:PER_PAGE])
    assert decoded_qr(pdf, tmp_path, 2) == sorted(card.code for card in cards[PER_PAGE:])
    assert_fonts_embedded(pdf)


def test_signin_sheet_lists_the_enrolled_and_blank_rows(db, admin, station, tmp_path):
    with db.reader() as s:
        data = printouts.signin_sheet(s, admin, station.upcoming_event_id, blank_rows=10)
        brand = printouts.branding(s)
    assert {r.name for r in data.volunteers} == {station.names[v] for v in station.enrolled_ids}
    assert all(re.fullmatch(r"139\*{4}\d{4}", r.phone) for r in data.volunteers)
    pdf = tmp_path / "signin.pdf"
    pages = render_signin_sheet(pdf, data, brand)
    text = text_of(pdf)
    assert "VolunteerServiceSign-inSheet" in text and "幸福里社区敬老院二楼活动室" in text
    assert "Sign-intime" in text and "Sign-outtime" in text and "Signature" in text
    for row in data.volunteers:
        assert row.name in text
    # 12 enrolled and 10 blank rows, numbered on.
    assert "22" in text and f"Page{pages}of{pages}" in text
    assert_fonts_embedded(pdf)


def test_roster_lists_members_with_hours_and_the_leader_first(db, admin, station, tmp_path):
    with db.reader() as s:
        data = printouts.roster(s, admin, station.team_ids[0])
        brand = printouts.branding(s)
    assert len(data.members) == 8 and data.members[0].is_leader
    assert data.members[0].name == data.leader
    assert sum(m.hours for m in data.members) > 0
    pdf = tmp_path / "roster.pdf"
    render_roster(pdf, data, brand)
    text = text_of(pdf)
    assert "VolunteerTeamRoster" in text and f"{data.leader}(leader)" in text
    for m in data.members:
        assert m.name in text and m.phone in text


def test_attendance_report_shows_in_out_hours_and_flags(db, admin, station, tmp_path):
    with db.reader() as s:
        data = printouts.attendance(s, admin, station.past_event_ids[0])
        brand = printouts.branding(s)
    # 8 enrolled, one absent, one walk-in; one record has no sign-out, one is pending.
    assert (data.enrolled, data.attended, data.walk_ins, data.no_shows) == (8, 8, 1, 1)
    assert sum(1 for r in data.rows if r.hours is None) == 1
    pdf = tmp_path / "attendance.pdf"
    render_attendance(pdf, data, brand)
    text = text_of(pdf)
    assert "EventAttendanceReport" in text and "(walk-in)" in text and "Pending" in text
    assert "Nosign-out" in text  # the flag's label, from the hours module
    signed_in = [r for r in data.rows if r.sign_in is not None]
    assert signed_in[0].sign_in.astimezone().strftime("%H:%M") in text


def test_period_report_figures_by_category_and_team(db, admin, station, tmp_path):
    today = date.today()
    with db.reader() as s:
        data = printouts.period_report(s, admin, today - timedelta(days=90), today)
        brand = printouts.branding(s)
    assert data.events_held == 4 and data.people_served == 60 + 35 + 500 + 200
    assert sum(c.events for c in data.by_category) == 4
    assert sum(t.events for t in data.by_team) == 4
    assert round(sum(c.hours for c in data.by_category), 2) == data.service_hours
    pdf = tmp_path / "report.pdf"
    render_period_report(pdf, data, brand)
    text = text_of(pdf)
    assert "VolunteerServiceStatisticsReport" in text and "Byservicecategory" in text
    for t in data.by_team:
        assert t.team in text
    assert "795" in text


def test_documents_print_in_chinese_for_a_chinese_station(db, admin, station, tmp_path):
    i18n.set_language("zh_CN")
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1])
        docs = printouts.certificate_documents(s, admin, [cid])
        sheet = printouts.signin_sheet(s, admin, station.upcoming_event_id)
        brand = printouts.branding(s)
    pdf = tmp_path / "cert.pdf"
    render_certificates(pdf, docs, brand)
    text = text_of(pdf)
    assert "志愿服务证明" in text and "证件号码" in text and "居民身份证" in text
    assert "年" in text and "Certificate" not in text
    pdf = tmp_path / "sheet.pdf"
    render_signin_sheet(pdf, sheet, brand)
    text = text_of(pdf)
    assert "签到表" in text and "李㛃" in text  # a rare character, drawn in the fallback face
    assert {n.split("+")[1] for n in assert_fonts_embedded(pdf)} == {"WenQuanYiMicroHei-0", "UKaiCN-0"}


# --- pages, progress, cancel ---------------------------------------------------------------


def _members(n: int) -> list[RosterRow]:
    return [RosterRow(f"志愿者{i:05d}", "男", "139****0000", date(2024, 1, 1), 1.5, 1, "在册") for i in range(n)]


def test_a_long_roster_splits_into_pages_with_the_header_on_each(tmp_path):
    data = RosterData(1, "测试队", "其他", STATION, "", "", _members(250))
    pdf = tmp_path / "long.pdf"
    seen: list[tuple[int, int]] = []
    pages = render_roster(pdf, data, BRAND, progress=lambda done, total: seen.append((done, total)))
    texts = page_texts(pdf)
    assert len(texts) == pages > 5
    assert seen == [(i, pages) for i in range(1, pages + 1)]
    for i, text in enumerate(texts, start=1):
        assert "Name" in text and f"Page{i}of{pages}" in text
    assert "Memberlist(continued)" in texts[1]
    everything = "".join(texts)
    assert all(f"志愿者{i:05d}" in everything for i in range(250))


def test_pagination_keeps_a_title_with_its_first_rows():
    doc = PagedDocument("t", BRAND)
    big = Table([Column("A", 1)], [("x",)] * 10, title="T")
    # A heading that leaves room for the title but not for three rows pushes the table on.
    filler = heading("t", BRAND)
    room = doc._content_top(1) - (doc.bottom + 8 * mm)  # down to the footer line
    filler.height = room - GAP - big.title_height - big.header_height - 2.5 * big.row_height
    pages = doc.paginate([filler, big])
    assert len(pages) == 2 and pages[1][0].start == 0


def test_cancel_stops_the_batch_and_leaves_no_file(tmp_path):
    data = RosterData(1, "测试队", "其他", STATION, "", "", _members(300))
    pdf = tmp_path / "cancelled.pdf"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        render_roster(pdf, data, BRAND, cancelled=cancelled)
    assert not pdf.exists() and not list(tmp_path.glob("*.part"))


def test_render_writes_to_a_stream_as_well(db, admin, station):
    with db.reader() as s:
        data = printouts.roster(s, admin, station.team_ids[1])
    buf = io.BytesIO()
    assert render_roster(buf, data, BRAND) == 1
    assert buf.getvalue().startswith(b"%PDF")


def test_dates_and_hours_read_naturally():
    assert format_hours(2.0) == "2" and format_hours(2.25) == "2.25" and format_hours(0) == "0"
    i18n.set_language("zh_CN")
    from desktop.printing.common import format_date

    assert format_date(date(2025, 7, 1)).startswith("2025年")
    assert format_date(datetime(2025, 7, 1, 3, tzinfo=UTC)).startswith("2025年")


def test_logo_and_seal_from_settings_are_printed_and_a_missing_file_is_left_out(db, admin, station, tmp_path):
    from tests.test_printing_samples import brand_images

    logo, seal = brand_images(tmp_path)
    with db.uow() as s:
        settings.update(s, admin, logo_path=str(logo), seal_path=str(seal))
        cid = certificates.issue_service_certificate(s, admin, station.volunteer_ids[1])
        docs = printouts.certificate_documents(s, admin, [cid])
        brand = printouts.branding(s)
        sheet = printouts.signin_sheet(s, admin, station.upcoming_event_id)
    assert brand.logo_path == str(logo) and brand.seal_path == str(seal)
    pdf = tmp_path / "sealed.pdf"
    render_certificates(pdf, docs * 3, brand)
    reader = PdfReader(str(pdf))
    assert all(len(page.images) == 2 for page in reader.pages)  # logo and seal on each page
    # Stored once in the file however many pages show them.
    xobjects = {
        page["/Resources"]["/XObject"].raw_get(name).idnum
        for page in reader.pages
        for name in page["/Resources"]["/XObject"]
    }
    assert len(xobjects) == 2
    pdf = tmp_path / "sheet.pdf"
    render_signin_sheet(pdf, sheet, brand)
    assert len(PdfReader(str(pdf)).pages[0].images) == 1  # the logo in the heading
    logo.unlink()
    render_signin_sheet(pdf, sheet, brand)
    assert len(PdfReader(str(pdf)).pages[0].images) == 0
