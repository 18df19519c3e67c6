"""The Printing page through pytest-qt: documents into the preview, cancel, save, print, the register.

Every document is made by the real services and renderers on the task helper's worker; the tests
wait for the task's `finished` signal and check what the preview, the files and the register hold.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from desktop.services import certificates, enrolment, events, settings, teams
from desktop.services.permissions import SYSTEM
from desktop.ui.printing import open_print_preview
from desktop.ui.printing.output import page_numbers
from tests.test_printing import text_of
from tests.test_printing_samples import brand_images, build_station
from tests.ui.conftest import make_roster

WAIT_MS = 30_000


@pytest.fixture
def station(db):
    return build_station(db, SYSTEM)


@pytest.fixture
def print_temp(tmp_path, monkeypatch) -> Path:
    """The jobs' temporary folders go here, so a test can see what is left behind."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def page(window, print_temp):
    p = window.show_page("printing")
    yield p
    p.preview.clear()


def finish(qtbot, task):
    """Wait for a task the page started (its signals reach the GUI thread only from here on)."""
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass


def preview_pdf(page) -> Path:
    rendered = page.preview.rendered
    assert rendered is not None
    return rendered.parts[page.preview._part].path


def qr_codes(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pil = Image.frombuffer(
        "L",
        (gray.width(), gray.height()),
        bytes(gray.constBits()),
        "raw",
        "L",
        gray.bytesPerLine(),
        1,
    )
    return sorted(
        r.text for r in zxingcpp.read_barcodes(pil) if r.format == zxingcpp.BarcodeFormat.QRCode
    )


# --- documents into the preview -------------------------------------------------------------


def test_a_certificate_chosen_on_the_page_is_issued_and_previewed(page, station, db, qtbot):
    vid = station.volunteer_ids[1]
    form = page.choose("certificate")
    assert page.preview_button.text() == "Issue and preview"
    picker = form.pickers["volunteer"]
    picker.search.setText(station.names[vid])
    picker.search.returnPressed.emit()
    assert picker.model.total() == 1
    picker.table.selectRow(0)
    assert picker.chosen_id == vid and station.names[vid] in picker.chosen.text()

    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    finish(qtbot, page.task)

    assert page.error.isHidden(), page.error.text()
    assert page.preview.document.status() == QPdfDocument.Status.Ready
    assert page.preview.document.pageCount() == 1 and page.preview.page_count() == 1
    with db.reader() as s:
        rows = certificates.list_certificates(s)
    assert [r.volunteer_id for r in rows] == [vid]
    number = rows[0].number
    assert number in page.info.text() and page.preview.rendered.numbers == [number]
    text = text_of(preview_pdf(page))
    assert number in text and station.names[vid] in text and "COPY" not in text
    assert page.preview.print_button.isEnabled() and page.preview.save_button.isEnabled()


def test_cards_for_an_event_fill_two_sheets_and_the_preview_pages_through_them(
    page, window, station, qtbot
):
    task = open_print_preview(window, "cards", event_id=station.upcoming_event_id)
    assert window.current_page_key() == "printing" and page.current_kind() == "cards"
    finish(qtbot, task)
    preview = page.preview
    # 12 enrolled volunteers, ten cards to a sheet.
    assert preview.document.pageCount() == 2
    assert preview.page_total.text() == "of 2" and preview.page_spin.maximum() == 2
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    assert preview.page_spin.value() == 2 and preview.view.pageNavigator().currentPage() == 1
    assert not preview.next_button.isEnabled()
    text = text_of(preview_pdf(page))
    for vid in station.enrolled_ids:
        assert station.names[vid] in text
    preview.step_zoom(1)
    assert preview.zoom.currentData() == "100"
    preview.step_zoom(1)
    assert preview.zoom.currentData() == "125" and preview.view.zoomFactor() == 1.25


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("roster", lambda st: {"team_id": st.team_ids[0]}),
        ("attendance", lambda st: {"event_id": st.past_event_ids[0]}),
        (
            "period_report",
            lambda st: {
                "period_from": date.today() - timedelta(days=60),
                "period_to": date.today(),
            },
        ),
        ("signin_sheet", lambda st: {"event_id": st.upcoming_event_id, "blank_rows": 5}),
        ("honour", lambda st: {"volunteer_id": st.volunteer_ids[1]}),
    ],
)
def test_every_other_document_reaches_the_preview(page, window, station, db, qtbot, kind, options):
    if kind == "honour":
        with db.uow() as s:
            settings.update(s, SYSTEM, star_thresholds=(2, 4, 8, 16, 32))
    finish(qtbot, open_print_preview(window, kind, **options(station)))
    assert page.error.isHidden(), page.error.text()
    assert page.preview.document.pageCount() >= 1
    assert page.preview.document.pageCount() == page.preview.rendered.pages
    if kind == "honour":  # landscape, with its own number in the register
        size = page.preview.document.pagePointSize(0)
        assert size.width() > size.height()
        with db.reader() as s:
            assert certificates.count_certificates(s) == 1


def test_a_weeks_sign_in_sheets_are_one_document_per_event(
    page, window, station, db, qtbot, tmp_path
):
    tz = events.local_tz()
    day = date.today() + timedelta(days=3)
    with db.uow() as s:
        # A second event in the same week, on the other side of the first if it falls on a Sunday.
        other_day = day + timedelta(days=1 if day.weekday() < 6 else -1)
        start = datetime.combine(other_day, time(9, 0), tzinfo=tz)
        eid = events.create_event(
            s,
            SYSTEM,
            events.EventInput(
                title="社区垃圾分类宣传",
                category="environment",
                start_at=start,
                end_at=start + timedelta(hours=2),
                station_id=station.station_id,
                team_id=station.team_ids[1],
                place="小区广场",
            ),
            status="published",
        )
        enrolment.enrol(s, SYSTEM, eid, station.volunteer_ids[8:14])
    finish(qtbot, open_print_preview(window, "signin_sheet", week_of=day))
    rendered = page.preview.rendered
    assert len(rendered.parts) == 2 and page.preview.page_count() == rendered.pages
    titles = ["幸福里社区敬老院重阳节慰问演出及助老服务活动", "社区垃圾分类宣传"]
    assert sorted(t for t in titles if any(t in p.label for p in rendered.parts)) == sorted(titles)
    # The last page belongs to the second event's sheet: the preview switches documents.
    page.preview.go_to(rendered.pages - 1)
    assert page.preview._part == 1 and page.preview.page_spin.value() == rendered.pages
    assert "2 of 2" in page.preview.part_label.text()
    saved = page.preview.save_to(tmp_path)
    assert len(saved) == 2 and all(p.exists() for p in saved)
    assert sum(len(PdfReader(str(p)).pages) for p in saved) == rendered.pages


# --- cancel ----------------------------------------------------------------------------------


def test_cancelling_a_batch_stops_it_and_leaves_nothing(page, window, db, qtbot, print_temp):
    ids = make_roster(db, 300)
    with db.uow() as s:
        team = teams.create_team(s, SYSTEM, teams.TeamInput("大队", "environment"))
        teams.add_members(s, SYSTEM, team, ids)
    task = open_print_preview(window, "cards", team_id=team)
    assert page.preview.busy.isVisible() and not page.preview_button.isEnabled()
    seen: list[tuple[int, int]] = []

    def first_progress(done: int, total: int) -> None:
        seen.append((done, total))
        page.preview.cancel_button.click()

    task.progressed.connect(first_progress)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        pass
    assert seen and seen[0][0] < seen[0][1] == 30  # 300 cards: 30 sheets, stopped part way
    assert page.preview.rendered is None and page.preview.document.pageCount() == 0
    assert page.info.text() == "Stopped; nothing was printed."
    assert page.preview.busy.isHidden() and page.preview_button.isEnabled()
    assert list(print_temp.iterdir()) == []


# --- save and print --------------------------------------------------------------------------


def test_save_as_pdf_writes_a_valid_file(page, window, station, qtbot, tmp_path):
    finish(qtbot, open_print_preview(window, "cards", team_id=station.team_ids[0]))
    saved = page.preview.save_to(tmp_path / "夕阳红 cards")
    target = tmp_path / "夕阳红 cards.pdf"
    assert saved == [target]
    assert target.read_bytes()[:5] == b"%PDF-"
    assert len(PdfReader(str(target)).pages) == 1
    text = text_of(target)
    assert all(station.names[v] in text for v in station.volunteer_ids[:8])
    assert str(target) in page.info.text()
    assert page.preview.save_to(tmp_path / "missing" / "x.pdf") == []
    assert "could not be saved" in page.info.text()


def test_printing_draws_every_page_at_the_printers_resolution(
    page, window, station, db, qtbot, tmp_path
):
    finish(qtbot, open_print_preview(window, "certificate", team_id=station.team_ids[0]))
    numbers = page.preview.rendered.numbers
    assert len(numbers) == 8 == page.preview.page_count()
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    task = page.preview.print_to(printer, page_numbers(8, 2, 3))
    finish(qtbot, task)
    assert page.info.text() == "2 pages sent to the printer."
    assert len(PdfReader(str(out)).pages) == 2
    # What reached the paper is the certificate itself: its QR still scans to its number.
    printed = QPdfDocument()
    assert printed.load(str(out)) == QPdfDocument.Error.None_
    size = printed.pagePointSize(0)
    image = printed.render(
        0, QSize(round(size.width() * 150 / 72), round(size.height() * 150 / 72))
    )
    white = QImage(image.size(), QImage.Format.Format_RGB32)
    white.fill(Qt.GlobalColor.white)
    p = QPainter(white)
    p.drawImage(0, 0, image)
    p.end()
    assert qr_codes(white) == [numbers[1]]
    printed.close()


def test_the_print_dialog_prints_the_chosen_pages_the_right_way_round(
    page, window, station, db, qtbot, tmp_path, monkeypatch
):
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(2, 4, 8, 16, 32))
    finish(
        qtbot,
        open_print_preview(
            window, "honour", period_from=date.today() - timedelta(days=60), period_to=date.today()
        ),
    )
    total = page.preview.page_count()
    assert total > 2
    out = tmp_path / "printed.pdf"
    asked: list[tuple[int, int]] = []

    def choose_pages(dialog) -> int:
        """The person picks page 2 only and a PDF printer (no real printer in a test)."""
        printer = dialog.printer()
        asked.append((dialog.minPage(), dialog.maxPage()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pages)
    page.preview.print_document()
    finish(qtbot, page.preview.task)
    assert asked == [(1, total)]
    pages = PdfReader(str(out)).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert float(box.width) > float(box.height)  # the honour certificate is landscape


# --- the register ----------------------------------------------------------------------------


def test_the_register_lists_an_issued_certificate_and_a_reprint_is_a_copy(page, station, db, qtbot):
    vid = station.volunteer_ids[1]
    with db.uow() as s:
        cid = certificates.issue_service_certificate(s, SYSTEM, vid)
        number = certificates.list_certificates(s)[0].number
    assert cid
    page.tabs.setCurrentIndex(1)
    register = page.register
    register.refresh()
    model = register.model
    assert model.total() == 1 and register.count.text() == "Certificates: 1"
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert (
        cells[0] == number and cells[1] == "Service certificate" and cells[2] == station.names[vid]
    )
    assert cells[5] == "system" and cells[7] == ""
    assert not register.reprint_button.isEnabled()
    register.search.setText("001-")
    register.search.returnPressed.emit()
    assert model.total() == 1
    register.search.setText("999")
    register.search.returnPressed.emit()
    assert model.total() == 0
    register.search.clear()
    register.table.selectRow(0)
    assert register.reprint_button.isEnabled()

    register.reprint_button.click()
    assert page.tabs.currentIndex() == 0
    finish(qtbot, page.task)
    assert page.error.isHidden(), page.error.text()
    text = text_of(preview_pdf(page))
    assert "COPY" in text and number in text
    assert number in page.info.text() and "copy" in page.info.text().lower()
    assert model.data(model.index(0, 7)) == "1"  # the register counts the reprint
    with db.reader() as s:
        assert certificates.count_certificates(s) == 1  # the copy keeps the number, no new entry


# --- errors are messages ---------------------------------------------------------------------


def test_errors_name_the_thing_and_show_no_preview(page, window, station, db, qtbot):
    with db.uow() as s:
        empty = teams.create_team(s, SYSTEM, teams.TeamInput("空空志愿服务队", "environment"))
    finish(qtbot, open_print_preview(window, "certificate", team_id=empty))
    assert page.error.text() == "Team 空空志愿服务队 has no volunteers."
    finish(qtbot, open_print_preview(window, "cards", team_id=empty))
    assert page.error.text() == "Team 空空志愿服务队 has no volunteers."

    idle = station.volunteer_ids[23]  # 司马相如 never served
    finish(qtbot, open_print_preview(window, "certificate", volunteer_id=idle))
    assert page.error.text() == "司马相如 has no approved service hours in this period."

    vid = station.volunteer_ids[1]
    finish(qtbot, open_print_preview(window, "certificate", volunteer_id=vid))
    assert page.error.isHidden()
    number = page.preview.rendered.numbers[0]
    page.preview.clear()
    finish(qtbot, open_print_preview(window, "certificate", volunteer_id=vid))
    assert number in page.error.text() and "already issued" in page.error.text()
    assert "Traceback" not in page.error.text() and page.preview.rendered is None

    form = page.choose("attendance")
    form.pickers["event"].choose(None)
    finish(qtbot, page.preview_document())
    assert page.error.text() == "Choose an event."


# --- settings: the station's branding --------------------------------------------------------


def test_settings_branding_fields_save_with_image_previews(window, db, qtbot, tmp_path):
    logo, seal = brand_images(tmp_path)
    settings_page = window.show_page("settings")
    values = {
        "station_name": "幸福里社区新时代文明实践站",
        "person_in_charge": "张建华",
        "handler": "李晓梅",
        "contact": "0571-8888 6666",
    }
    for key, value in values.items():
        settings_page.fields[key].setText(value)
    settings_page.fields["logo_path"].setText(str(logo))
    settings_page.fields["seal_path"].setText(str(seal))
    assert not settings_page.previews["logo_path"].pixmap().isNull()
    assert not settings_page.previews["seal_path"].pixmap().isNull()
    settings_page.save_button.click()
    with db.reader() as s:
        saved = settings.load(s)
    assert {k: getattr(saved, k) for k in values} == values
    assert (saved.logo_path, saved.seal_path) == (str(logo), str(seal))
    assert window.station_label.text() == values["station_name"]

    broken = tmp_path / "not-an-image.png"
    broken.write_text("hello")
    settings_page.fields["seal_path"].setText(str(broken))
    assert settings_page.previews["seal_path"].text() == "Cannot read this image"
    settings_page.save_button.click()
    assert "cannot be read" in settings_page.form.error_label("seal_path").text()
    with db.reader() as s:
        assert settings.load(s).seal_path == str(seal)


@pytest.mark.parametrize(
    ("kind", "register_kind"), [("honour", "honour"), ("certificate", "service")]
)
def test_certificates_for_everyone_who_reached_a_star_level_in_a_period(
    page, station, db, qtbot, kind, register_kind
):
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(2, 4, 8, 16, 32))
    form = page.choose(kind)
    form.set_scope("star_reached")
    assert not form.reached_row.isHidden()
    form.reached.set_bounds(date.today() - timedelta(days=60), date.today())
    options = form.options()
    assert options["scope"] == "star_reached" and options["period_to"] == date.today()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    finish(qtbot, page.task)
    assert page.error.isHidden(), page.error.text()
    with db.reader() as s:
        query = certificates.CertificateQuery(kind=register_kind)
        rows = certificates.list_certificates(s, query, 0, 100)
    numbers = page.preview.rendered.numbers
    assert len(numbers) > 1 and sorted(numbers) == sorted(r.number for r in rows)
    assert page.preview.document.pageCount() == len(numbers)
    assert f"{len(numbers)} certificates are registered" in page.info.text()


def test_an_operator_may_not_print(db, qtbot, ui_settings):
    from desktop.services.permissions import Actor
    from desktop.ui.main_window import MainWindow

    w = MainWindow(db, Actor(None, "operator", "operator"), ui_settings)
    qtbot.addWidget(w)
    printing = w.show_page("printing")
    assert not printing.preview_button.isEnabled()
    assert printing.request("period_report") is None
    assert not printing.register.reprint_button.isEnabled()
