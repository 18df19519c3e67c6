"""QR codes drawn as one vector path from the `qrcode` matrix (ReportLab's QR widget is ~10x slower).

Each row's dark modules are merged into runs and every run becomes one rectangle of a single
filled path, so a code costs one PDF path however many modules it has, and stays sharp at any
printer resolution. The fill colour is the canvas's current one (black unless changed).
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

# Choosing the best of the eight mask patterns costs ~2.5 ms of pure Python per code, over half
# the budget of a 1,000-certificate batch; any mask is valid QR, the choice only tunes contrast.
# Certificates (printed on paper, scanned rarely) use this fixed mask; cards, scanned at every
# event, some from phone screens, let the library choose.
FIXED_MASK = 2


def matrix(data: str, *, choose_mask: bool = True) -> list[list[bool]]:
    """The module matrix (True = dark) without a quiet zone, error correction level M."""
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M,
        border=0,
        mask_pattern=None if choose_mask else FIXED_MASK,
    )
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def runs(modules: list[list[bool]]) -> list[tuple[int, int, int]]:
    """(row, first column, length) of every horizontal run of dark modules."""
    out = []
    for r, row in enumerate(modules):
        start = -1
        for col, dark in enumerate(row):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                out.append((r, start, col - start))
                start = -1
        if start >= 0:
            out.append((r, start, len(row) - start))
    return out


def draw_modules(c: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """Fill the matrix into the square with lower-left corner (x, y) and side `size`.

    The path is written in module units under one scaling transform, so every coordinate is a
    small integer: no per-number formatting, and the code costs a few hundred bytes.
    """
    n = len(modules)
    cell = size / n
    ops = [f"q {cell:.5f} 0 0 {cell:.5f} {x:.3f} {y:.3f} cm"]
    ops.extend(f"{col} {n - 1 - row} {length} 1 re" for row, col, length in runs(modules))
    ops.append("f Q")
    c.addLiteral(" ".join(ops))


def draw_qr(
    c: Canvas,
    data: str,
    x: float,
    y: float,
    size: float,
    *,
    quiet_modules: int = 2,
    choose_mask: bool = True,
) -> None:
    """Draw a QR code for `data` in a `size` square at (x, y), white quiet zone included.

    The quiet zone is painted white so the code scans even over a tinted background.
    """
    modules = matrix(data, choose_mask=choose_mask)
    n = len(modules) + 2 * quiet_modules
    cell = size / n
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    inner = cell * len(modules)
    draw_modules(c, modules, x + quiet_modules * cell, y + quiet_modules * cell, inner)
    c.restoreState()
