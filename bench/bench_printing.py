"""Printing speed and memory: 1,000 certificates, a 10,000-row roster, 10,000 pages.

Targets (issue "Printing"): 1,000 certificates with QR in one PDF <= 4 s, with the ratio to a
bare ReportLab canvas drawing the same strings and QR paths in the same run; a 10,000-row
roster <= 3 s; memory bounded for 10,000 pages (peak RSS reported, measured in a child process
so that one measurement does not inherit another's peak).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.registry import Measured, benchmark


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳诸葛"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰桂英建国志强晓燕"
TITLES = ("重阳节敬老院慰问演出", "亲子共读绘本分享会", "早高峰文明交通劝导", "垃圾分类入户宣传",
          "社区义诊与健康咨询", "反诈宣传进楼栋")


def _name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 13) % len(GIVEN)][: i % 2]


def sample_certificates(n: int):
    from desktop.printing.certificate import ActivityLine, CertificateData

    start = date(2025, 1, 1)
    out = []
    for i in range(n):
        acts = [ActivityLine(start + timedelta(days=7 * k + i % 7), TITLES[(i + k) % len(TITLES)], 2 + k * 0.5)
                for k in range(1 + i % 6)]
        out.append(CertificateData(
            number=f"001-2025-{i + 1:05d}", name=_name(i), gender="女" if i % 2 else "男", id_type="居民身份证",
            id_number=f"330102********{i % 10000:04d}", volunteer_no=f"{i + 1:06d}", registered_on=date(2023, 3, 1),
            period_from=start, period_to=date(2025, 6, 30), hours=sum(a.hours for a in acts), events=len(acts),
            issued_on=date(2025, 7, 1), activities=acts, remarks="",
        ))
    return out


def _branding():
    from desktop.printing.common import Branding

    return Branding("幸福里社区新时代文明实践站", "张建华", "李晓梅", "0571-8888 6666")


def _record_strings(certs) -> list[list[tuple[str, str, float, float, float]]]:
    """What the certificates draw, string by string (text, font, size, x, y), from one untimed
    pass with draw_text wrapped; the bare canvas draws exactly these."""
    from desktop.printing import certificate

    pages: list[list[tuple[str, str, float, float, float]]] = []
    original = certificate.draw_text

    def spy(c, x, y, text, font=certificate.SANS, size=10.5, **kw):
        pages[-1].append((text, font, size, x, y))
        return original(c, x, y, text, font, size, **kw)

    certificate.draw_text = spy
    try:
        from reportlab.lib.pagesizes import A4

        from desktop.printing.certificate import draw_certificate
        from desktop.printing.common import open_canvas

        with open_canvas(io.BytesIO(), A4, "spy", _branding()) as c:
            for cert in certs:
                pages.append([])
                draw_certificate(c, cert, _branding())
                c.showPage()
    finally:
        certificate.draw_text = original
    return pages


def _bare(certs, strings) -> float:
    """A bare ReportLab canvas: the same strings with drawString, the same QR matrices as paths."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop.printing import fonts, qr

    fonts.register()
    t0 = time.perf_counter()
    c = Canvas(io.BytesIO(), pagesize=A4, pageCompression=1, initialFontName=fonts.SANS)
    for cert, page in zip(certs, strings):
        for text, font, size, x, y in page:
            c.setFont(font, size)
            c.drawString(x, y, text)
        qr.draw_modules(c, qr.matrix(cert.number, choose_mask=False), 60, 80, 70)
        c.showPage()
    c.save()
    return time.perf_counter() - t0


@dataclass(frozen=True)
class CertificateFigures:
    count: int
    seconds: float
    bare_seconds: float
    bytes: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.bare_seconds


def measure_certificates(n: int = 1000) -> CertificateFigures:
    from desktop.printing import fonts
    from desktop.printing.certificate import render_certificates

    fonts.register()
    certs = sample_certificates(n)
    strings = _record_strings(certs)
    render_certificates(io.BytesIO(), certs[:5], _branding())  # warm caches (font coverage)
    out = io.BytesIO()
    t0 = time.perf_counter()
    render_certificates(out, certs, _branding())
    seconds = time.perf_counter() - t0
    return CertificateFigures(n, seconds, _bare(certs, strings), len(out.getvalue()))


def measure_roster(rows: int = 10_000) -> tuple[float, int]:
    from desktop.printing import fonts
    from desktop.printing.roster import RosterData, RosterRow, render_roster

    fonts.register()
    members = [
        RosterRow(_name(i), "女" if i % 2 else "男", f"139****{i % 10000:04d}", date(2024, 1, 1) + timedelta(days=i % 600),
                  (i % 400) / 4, i % 6, "在册", is_leader=i == 0)
        for i in range(rows)
    ]
    data = RosterData(1, "夕阳红助老志愿服务队", "助老助残", "幸福里社区新时代文明实践站", _name(0),
                      "每周二、周四上午开展活动。", members)
    out = io.BytesIO()
    t0 = time.perf_counter()
    pages = render_roster(out, data, _branding())
    return time.perf_counter() - t0, pages


def _peak_rss_child(pages: int) -> dict:
    """Render `pages` certificates to a file in a fresh process; its peak RSS in MB."""
    code = (
        "import json, resource, sys, tempfile, time, os\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "from bench.bench_printing import sample_certificates, _branding\n"
        "from desktop.printing.certificate import render_certificates\n"
        "from desktop.printing import fonts\n"
        "fonts.register()\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        f"certs = sample_certificates({pages})\n"
        "data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "path = os.path.join(tempfile.mkdtemp(), 'c.pdf')\n"
        "t0 = time.perf_counter()\n"
        "render_certificates(path, certs, _branding())\n"
        "t = time.perf_counter() - t0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'base_mb': base / 1024, 'data_mb': data / 1024, 'peak_mb': peak / 1024,"
        " 'seconds': t, 'file_mb': os.path.getsize(path) / 2**20}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _scale(ctx, n: int) -> int:
    """--quick runs a tenth of the size, so the harness's own test stays short."""
    return n // 10 if ctx.quick else n


@benchmark("printing: 1,000 certificates with QR", 4.0, "s")
def certificates_1000(ctx) -> Measured:
    n = _scale(ctx, 1000)
    f = measure_certificates(n)
    ctx.cache["printing_ratio"] = f.ratio
    scaled = f.seconds * 1000 / n
    return Measured(scaled, f"bare ReportLab canvas {f.bare_seconds * 1000 / n:.2f} s, ratio {f.ratio:.2f}x")


@benchmark("printing: 10,000-row roster", 3.0, "s")
def roster_10000(ctx) -> Measured:
    rows = _scale(ctx, 10_000)
    seconds, pages = measure_roster(rows)
    return Measured(seconds * 10_000 / rows, f"{pages} pages for {rows:,} rows")


@benchmark("printing: peak RSS for 10,000 certificate pages", 1024.0, "MB")
def pages_10000_peak_rss(ctx) -> float:
    return _peak_rss_child(_scale(ctx, 10_000))["peak_mb"]
