"""The shipped CJK fonts (Hei for text and tables, Kai for certificates), fitting and drawing text.

ReportLab embeds only TrueType outlines, so both faces are TrueType collections shipped under
`resources/fonts/` (a machine without any Chinese system font still prints correctly). Each is
registered once per process. A character missing from one face is drawn with the other, so a rare
character in a name (生僻字) never prints as an empty box when either face has it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.config import resources_dir
from desktop.i18n import translate

SANS = "StationHei"  # WenQuanYi Micro Hei: tables, headings, cards
KAI = "StationKai"  # AR PL UKai CN: certificates, which Chinese offices set in Kai

# (file under resources/fonts, face index inside the collection)
FONT_FILES: dict[str, tuple[str, int]] = {
    SANS: ("wqy-microhei.ttc", 0),
    KAI: ("ukai.ttc", 0),
}
# Where to look for a character the chosen face lacks.
FALLBACK: dict[str, tuple[str, ...]] = {SANS: (KAI,), KAI: (SANS,)}
# Code points below this (Latin, digits, symbols) are set in Hei even inside Kai text.
LATIN_END = 0x2E80

# Vertical metrics shared by both faces, as fractions of the font size: where to put a baseline
# so that CJK glyphs look centred in a box (their visual middle sits ~0.36 em above the baseline).
CJK_MIDDLE = 0.36

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register() -> None:
    """Register both faces with ReportLab; cheap after the first call, safe from any thread."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, (filename, index) in FONT_FILES.items():
            path = fonts_dir() / filename
            if not path.is_file():
                raise FileNotFoundError(
                    translate(
                        "Printing", "The font file {path} is missing. Reinstall StationDesk."
                    ).format(path=path)
                )
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        _registered = True


@lru_cache(maxsize=8)
def _coverage(font: str) -> frozenset[int]:
    """Characters the face really draws: some map a rare character to an empty outline."""
    register()
    face = pdfmetrics.getFont(font).face
    pos = face.glyphPos
    return frozenset(
        code for code, glyph in face.charToGlyph.items()
        if (glyph + 1 < len(pos) and pos[glyph + 1] > pos[glyph]) or chr(code).isspace()
    )


@lru_cache(maxsize=8)
def _direct(font: str) -> frozenset[int]:
    """Characters drawn in `font` itself, with no change of face."""
    if font == KAI:
        return frozenset(code for code in _coverage(KAI) if code >= LATIN_END)
    return _coverage(font)


def _face_for(ch: str, font: str) -> str:
    code = ord(ch)
    if font == KAI and code < LATIN_END:
        return SANS
    if code in _coverage(font):
        return font
    return next((f for f in FALLBACK.get(font, ()) if code in _coverage(f)), font)


@lru_cache(maxsize=16384)
def runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    """Split `text` into (segment, font) runs: Latin letters and digits of Kai text in Hei (the
    Kai face's Latin is a typewriter face), and any character a face lacks in the other face."""
    if _direct(font).issuperset(map(ord, text)):
        return ((text, font),)
    out: list[tuple[str, str]] = []
    for ch in text:
        face = _face_for(ch, font)
        if out and out[-1][1] == face:
            out[-1] = (out[-1][0] + ch, face)
        else:
            out.append((ch, face))
    return tuple(out)


def title_spacing(text: str, size: float) -> float:
    """Space between characters of a title: Chinese titles are set wide, Latin ones barely."""
    wide = any(ord(ch) >= LATIN_END for ch in text)
    return size * (0.25 if wide else 0.04)


@lru_cache(maxsize=8)
def _advances(font: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth


@lru_cache(maxsize=16384)
def _em_width(text: str, font: str) -> float:
    """Width of one run in thousandths of the font size (what ReportLab's stringWidth sums)."""
    widths, default = _advances(font)
    get = widths.get
    return sum(get(code, default) for code in map(ord, text))


def text_width(text: str, font: str, size: float) -> float:
    return sum(_em_width(seg, face) for seg, face in runs(text, font)) * size / 1000


def _fit(natural: float, size: float, width: float, min_size: float) -> tuple[float, float]:
    if natural <= width or natural == 0:
        return size, 1.0
    fitted = size * width / natural
    if fitted >= min_size:
        return fitted, 1.0
    return min_size, width / (natural * min_size / size)


def fit_size(text: str, font: str, size: float, width: float, min_size: float = 6) -> tuple[float, float]:
    """(font size, horizontal scale) that make one line of `text` fit `width`; it never wraps.

    The size shrinks down to `min_size`; below that the text is condensed horizontally instead,
    because a name printed too small to read is worse than a narrow one.
    """
    return _fit(text_width(text, font, size), size, width, min_size)


def _encoded(c: Canvas, seg: str, face: str) -> list[tuple[str, str]]:
    """(PDF font name, escaped bytes) for one run, cached per document.

    This is the route ReportLab documents for dynamic (TrueType) fonts: splitString and
    getSubsetInternalName. Writing the operators directly skips a text object and ReportLab's
    pure-Python number formatting per string, which is most of the time a table row takes.
    """
    cache = c.__dict__.setdefault("_stationdesk_text", {})
    key = (seg, face)
    found = cache.get(key)
    if found is None:
        font = pdfmetrics.getFont(face)
        doc = c._doc
        found = [
            (font.getSubsetInternalName(subset, doc), c._escape(chunk))
            for subset, chunk in font.splitString(seg, doc)
        ]
        cache[key] = found
    return found


def draw_text(
    c: Canvas,
    x: float,
    y: float,
    text: str,
    font: str = SANS,
    size: float = 10.5,
    *,
    align: str = "left",
    width: float | None = None,
    min_size: float = 6,
    bold: bool = False,
    spacing: float = 0.0,
) -> float:
    """Draw one line at baseline `y`; `x` is the left edge, centre or right edge per `align`.

    With `width` the text shrinks to fit (see fit_size). `bold` thickens the outline (the faces
    have no bold cut); `spacing` adds space between characters, as Chinese titles are set.
    The text takes the current fill colour. Returns the width drawn.
    """
    if not text:
        return 0.0
    parts = runs(text, font)
    natural = sum(_em_width(seg, face) for seg, face in parts) * size / 1000
    extra = spacing * (len(text) - 1)
    scale = 1.0
    if width is not None:
        fitted, scale = _fit(natural, size, width - extra, min_size)
        natural *= fitted / size
        size = fitted
    drawn = natural * scale + extra
    if align == "center":
        x -= drawn / 2
    elif align == "right":
        x -= drawn
    ops = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
    special = scale != 1.0 or spacing or bold
    if scale != 1.0:
        ops.append(f"{scale * 100:.2f} Tz")
    if spacing:
        ops.append(f"{spacing:.2f} Tc")
    if bold:
        # Fill and stroke the outlines with the fill colour: a faux bold.
        ops.append(f"2 Tr {size * 0.035:.3f} w")
    for seg, face in parts:
        for name, chunk in _encoded(c, seg, face):
            ops.append(f"{name} {size:.2f} Tf ({chunk}) Tj")
    ops.append("ET")
    if special:
        # Text state (Tz, Tc, Tr) outlives ET; q/Q puts it back for the next string.
        if bold:
            c.saveState()
            c.setStrokeColor(c._fillColorObj)
            c.addLiteral(" ".join(ops))
            c.restoreState()
        else:
            c.addLiteral("q " + " ".join(ops) + " Q")
    else:
        c.addLiteral(" ".join(ops))
    return drawn


def baseline_in_box(bottom: float, height: float, size: float) -> float:
    """The baseline that centres a line of CJK text of `size` in a box."""
    return bottom + height / 2 - size * CJK_MIDDLE


_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def paragraph_style(
    size: float = 10.5,
    font: str = SANS,
    *,
    leading: float | None = None,
    align: str = "left",
    first_line_indent: float = 0.0,
    name: str = "",
) -> ParagraphStyle:
    """A paragraph style that wraps by CJK rules (a line may break between any two characters,
    but not before closing punctuation), for long Chinese text such as service content."""
    register()
    return ParagraphStyle(
        name or f"{font}-{size}",
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.5,
        alignment=_ALIGN[align],
        firstLineIndent=first_line_indent,
        wordWrap="CJK",
    )


def markup(text: str, font: str) -> str:
    """Paragraph markup for plain `text`: escaped, with fallback runs in their own face,
    line breaks kept."""
    out: list[str] = []
    for seg, face in runs(text, font):
        piece = escape(seg).replace("\n", "<br/>")
        out.append(piece if face == font else f'<font name="{face}">{piece}</font>')
    return "".join(out)


def all_fonts() -> Iterable[str]:
    return tuple(FONT_FILES)
