"""What every document shares: station branding, the output file, progress and cancel, dates."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TypeVar

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from desktop.i18n import current_language, translate
from desktop.printing import fonts

# Page streams are zlib-compressed binary; ReportLab's default also wraps them in ASCII85, which
# costs a pure-Python pass over every page and makes the file a quarter larger for nothing.
rl_config.useA85 = 0

Output = BinaryIO | Path | str
Document = TypeVar("Document")  # what one page shows: a certificate, an honour ...
ProgressFn = Callable[[int, int], None]  # (done, total)
CancelledFn = Callable[[], bool]

# Colours used across documents (RGB 0..1): the red of Chinese official documents, a dark
# ink for text and rules, and a light grey for table headings.
RED = (0.78, 0.08, 0.08)
INK = (0.1, 0.1, 0.1)
RULE = (0.25, 0.25, 0.25)
SHADE = (0.9, 0.9, 0.9)
MUTED = (0.4, 0.4, 0.4)


class Cancelled(Exception):
    """The person stopped a batch; no file is left behind."""


@dataclass(frozen=True)
class Branding:
    """The station as it appears on every document (from the station settings)."""

    station_name: str = ""
    person_in_charge: str = ""
    handler: str = ""
    contact: str = ""
    logo_path: str = ""  # "" = no logo
    seal_path: str = ""  # "" = leave the seal place empty for the rubber stamp


def check_cancel(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled(translate("Printing", "Printing was cancelled."))


def report(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


@contextmanager
def open_canvas(out: Output, pagesize: tuple[float, float], title: str, branding: Branding) -> Iterator[Canvas]:
    """A canvas writing to `out`; a path is written to a temporary file and renamed only when
    the document is complete, so a failed or cancelled batch never leaves half a PDF."""
    fonts.register()
    target = Path(out) if isinstance(out, str | os.PathLike) else None
    tmp = target.with_name(target.name + ".part") if target is not None else None
    # The initial font is ours: ReportLab's default (Helvetica) would appear unembedded.
    c = Canvas(
        str(tmp) if tmp is not None else out,
        pagesize=pagesize,
        pageCompression=1,
        initialFontName=fonts.SANS,
        initialFontSize=10,
        lang=_pdf_lang(),
    )
    c.setTitle(title)
    c.setAuthor(branding.station_name or "StationDesk")
    c.setCreator("StationDesk")
    try:
        yield c
        c.save()
        if target is not None and tmp is not None:
            os.replace(tmp, target)
    finally:
        if tmp is not None and tmp.exists():
            tmp.unlink()


def finish_page(c: Canvas) -> None:
    """End the page and compress its content at once.

    ReportLab keeps every page until `save()` and compresses them only then, so a 10,000-page
    batch would hold all its page streams uncompressed: five times the memory. The filter is
    recorded in the stream's dictionary, which tells ReportLab not to compress it again.
    """
    c.showPage()
    page = c._doc.Pages.pages[-1]
    if page.stream and page.Contents is None:
        stream = PDFStream(content=PDFZCompress.encode(page.stream))
        stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        page.Contents = stream
        page.stream = None
    # The per-document cache of encoded strings is kept small: labels repeat, values do not.
    cache = c.__dict__.get("_stationdesk_text")
    if cache is not None and len(cache) > 4000:
        cache.clear()


def one_page_each(
    out: Output,
    pagesize: tuple[float, float],
    title: str,
    branding: Branding,
    items: Sequence[Document],
    draw: Callable[[Canvas, Document, Branding], None],
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> int:
    """A page per item, in the order given, drawn by `draw`. Returns the number of pages."""
    with open_canvas(out, pagesize, title, branding) as c:
        for i, item in enumerate(items, start=1):
            check_cancel(cancelled)
            draw(c, item, branding)
            finish_page(c)
            report(progress, i, len(items))
    return len(items)


def _pdf_lang() -> str:
    return "zh-CN" if current_language() == "zh_CN" else "en"


def format_date(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.astimezone().date()
    return translate("Printing", "{year}-{month:02d}-{day:02d}").format(year=d.year, month=d.month, day=d.day)


def format_time(dt: datetime | None) -> str:
    """Local wall-clock time, HH:MM."""
    return dt.astimezone().strftime("%H:%M") if dt is not None else ""


def format_datetime(dt: datetime | None) -> str:
    if dt is None:
        return ""
    return f"{format_date(dt)} {format_time(dt)}"


def format_hours(hours: float) -> str:
    """Hours with at most two decimals and no trailing zeros: 3, 2.5, 1.25."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_period(start: date | None, end: date | None) -> str:
    if start and end:
        return translate("Printing", "{start} to {end}").format(start=format_date(start), end=format_date(end))
    if end:
        return translate("Printing", "up to {end}").format(end=format_date(end))
    if start:
        return translate("Printing", "from {start}").format(start=format_date(start))
    return translate("Printing", "all records")


_readable: dict[tuple[str, float], bool] = {}


def image_ok(path: str) -> bool:
    """Whether `path` is an image ReportLab can read (checked once per file version); a lost
    logo file must not stop a sign-in sheet from printing, it is just left out."""
    if not path:
        return False
    try:
        key = (path, os.path.getmtime(path))
    except OSError:
        return False
    if key not in _readable:
        try:
            ImageReader(path).getSize()
            _readable[key] = True
        except Exception:  # noqa: BLE001 - PIL raises many kinds for a bad file
            _readable[key] = False
    return _readable[key]


def draw_image_fit(c: Canvas, path: str, x: float, y: float, w: float, h: float, *, anchor: str = "c") -> bool:
    """Draw an image scaled to fit the box, keeping its proportions. False if there is none.

    Given by file name, ReportLab stores the image once per PDF however many pages show it.
    """
    if not image_ok(path):
        return False
    c.drawImage(path, x, y, w, h, preserveAspectRatio=True, anchor=anchor, mask="auto")
    return True
