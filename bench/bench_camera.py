"""Camera scanning: one 1280x720 frame decoded on the worker, and the GUI thread while frames arrive.

Runs in a fresh offscreen process (`python bench/bench_camera.py --json`), without a camera: a
"camera" thread hands NV12 frames (what webcams deliver) to the console's FrameDecoder at 30 per
second, as QtMultimedia's frame signal does, for a few seconds. Each frame shows a volunteer card's
QR, askew, on a noisy background. Meanwhile a 2 ms timer on the GUI thread records the longest gap
between its ticks (the longest the GUI could not react); the same timer without frames gives the
machine's own jitter. Decoding uses the function the console uses (camera.decode_frame).
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.registry import Measured, benchmark

FPS = 30
SECONDS = 6.0
QUICK_SECONDS = 2.0
PROBE_MS = 2
# Uniform noise blended at 6%: a standard deviation of about 4 grey levels, an indoor webcam's.
NOISE = 0.06
TIMEOUT = 180


def camera_like_frame(code: str):
    """An NV12 1280x720 frame: the card's QR (6 px per module) rotated 7 degrees, with sensor noise
    (and the same picture as an RGB QImage)."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QColor, QImage, QPainter, QTransform
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    from desktop.services import cards

    size = QSize(1280, 720)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#83877c"))
    qr = QImage.fromData(cards.qr_png(code, box_size=6))
    noise = QImage(os.urandom(size.width() * size.height()), size.width(), size.height(), size.width(),
                   QImage.Format.Format_Grayscale8)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.save()
    p.translate(560, 330)
    p.setTransform(QTransform().rotate(7), combine=True)
    p.drawImage(QRect(-qr.width() // 2, -qr.height() // 2, qr.width(), qr.height()), qr)
    p.restore()
    p.setOpacity(NOISE)
    p.drawImage(0, 0, noise)
    p.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    frame = QVideoFrame(QVideoFrameFormat(size, QVideoFrameFormat.PixelFormat.Format_NV12))
    frame.map(QVideoFrame.MapMode.WriteOnly)
    luma, stride, src = frame.bits(0), frame.bytesPerLine(0), grey.constBits()
    for y in range(size.height()):
        luma[y * stride:y * stride + size.width()] = src[y * grey.bytesPerLine():y * grey.bytesPerLine() + size.width()]
    chroma = frame.bits(1)
    chroma[:] = b"\x80" * len(chroma)
    frame.unmap()
    return frame, image


def _longest_gap_ms(app, seconds: float, busy=None) -> tuple[float, int]:
    """Run the event loop for `seconds` with a PROBE_MS timer; the longest gap between ticks."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    ticks: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    probe.start()
    if busy is not None:
        busy.start()
    loop.exec()
    probe.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return (max(gaps) if gaps else float("inf")), len(ticks)


def measure(seconds: float = SECONDS) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    from PySide6.QtWidgets import QApplication

    from desktop import codes
    from desktop.ui.checkin.camera import FrameDecoder, decode_frame

    app = QApplication.instance() or QApplication([])
    code = codes.make_code()
    frame, rgb = camera_like_frame(code)
    if decode_frame(frame) != [code] or decode_frame(rgb) != [code]:
        raise RuntimeError("the test frame's QR was not decoded")
    rgb_times = []
    for _ in range(20):
        started = time.perf_counter()
        decode_frame(rgb)
        rgb_times.append((time.perf_counter() - started) * 1000)

    baseline_ms, _ = _longest_gap_ms(app, seconds / 2)

    decoder = FrameDecoder(repeat_seconds=0.0)  # every decoded frame is counted
    found: list[str] = []
    decoder.decoded.connect(found.append)
    decoder.start()
    count = int(seconds * FPS)

    def camera() -> None:
        for _ in range(count):
            decoder.submit(frame)
            time.sleep(1 / FPS)

    stall_ms, ticks = _longest_gap_ms(app, seconds + 0.5, threading.Thread(target=camera, daemon=True))
    decoder.stop()
    worker_ms = sorted(s * 1000 for s in decoder.decode_seconds)
    return {
        "decode_median_ms": statistics.median(worker_ms),
        "decode_p95_ms": worker_ms[int(0.95 * (len(worker_ms) - 1))],
        "rgb_decode_median_ms": statistics.median(rgb_times),
        "frames": decoder.submitted,
        "decoded": decoder.decoded_frames,
        "dropped": decoder.dropped,
        "codes_found": sum(1 for t in found if t == code),
        "gui_longest_gap_ms": stall_ms,
        "gui_baseline_gap_ms": baseline_ms,
        "probe_ticks": ticks,
    }


def _figures(ctx) -> dict:
    if "camera" not in ctx.cache:
        argv = [ctx.python, str(Path(__file__).resolve()), "--json"]
        if ctx.quick:
            argv.append("--quick")
        done = subprocess.run(argv, env=ctx.subprocess_env(), capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"bench_camera exited with {done.returncode}: {last}")
        ctx.cache["camera"] = json.loads(done.stdout.strip().splitlines()[-1])
    return ctx.cache["camera"]


@benchmark("camera: decode one 1280x720 frame, median", target=5.0, unit="ms")
def decode_median(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(
        f["decode_median_ms"],
        f"NV12 on the worker, p95 {f['decode_p95_ms']:.1f} ms; {f['decoded']} of {f['frames']} frames "
        f"decoded, {f['dropped']} dropped while busy; RGB frame {f['rgb_decode_median_ms']:.1f} ms",
    )


@benchmark("camera: GUI thread's longest stall, 30 fps", target=16.0, unit="ms")
def gui_stall(ctx) -> Measured:
    f = _figures(ctx)
    return Measured(
        f["gui_longest_gap_ms"],
        f"{PROBE_MS} ms timer, {f['probe_ticks']} ticks; without frames {f['gui_baseline_gap_ms']:.1f} ms",
    )


if __name__ == "__main__":
    figures = measure(QUICK_SECONDS if "--quick" in sys.argv else SECONDS)
    if "--json" in sys.argv:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:<24} {value:.2f}" if isinstance(value, float) else f"{name:<24} {value}")
    sys.stdout.flush()
