"""Camera scanning without a camera: the decoder on rendered QR frames, the worker's newest-frame
rule and repeat suppression, and a console that falls back to the USB scanner with a message."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from desktop import codes
from desktop.services import cards
from desktop.ui.checkin import camera
from desktop.ui.checkin.camera import (
    REPEAT_SECONDS,
    CameraScanner,
    FrameDecoder,
    decode_frame,
    decode_image,
)


def camera_frame(code: str, angle: float = 8.0) -> QImage:
    """A grey 1280x720 frame with the card's QR (as printed: cards.qr_png) held slightly askew."""
    size = QSize(1280, 720)
    frame = QImage(size, QImage.Format.Format_RGB32)
    frame.fill(QColor("#7d8277"))
    qr = QImage.fromData(cards.qr_png(code, box_size=6))
    p = QPainter(frame)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.translate(size.width() / 2, size.height() / 2)
    p.setTransform(QTransform().rotate(angle), combine=True)
    p.drawImage(QRect(-qr.width() // 2, -qr.height() // 2, qr.width(), qr.height()), qr)
    p.end()
    return frame


def nv12_frame(image: QImage):
    """The frame as a camera delivers it: NV12, the grey image in plane 0, neutral chroma."""
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    frame = QVideoFrame(QVideoFrameFormat(grey.size(), QVideoFrameFormat.PixelFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    try:
        luma, stride, src = frame.bits(0), frame.bytesPerLine(0), grey.constBits()
        w = grey.width()
        for y in range(grey.height()):
            luma[y * stride:y * stride + w] = src[y * grey.bytesPerLine():y * grey.bytesPerLine() + w]
        chroma = frame.bits(1)
        chroma[:] = b"\x80" * len(chroma)
    finally:
        frame.unmap()
    return frame


def yuyv_frame(image: QImage):
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    frame = QVideoFrame(QVideoFrameFormat(grey.size(), QVideoFrameFormat.PixelFormat.Format_YUYV))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    try:
        bits, stride, src, w = frame.bits(0), frame.bytesPerLine(0), grey.constBits(), grey.width()
        for y in range(grey.height()):
            row = bytearray(b"\x80" * (2 * w))
            row[0::2] = src[y * grey.bytesPerLine():y * grey.bytesPerLine() + w]
            bits[y * stride:y * stride + 2 * w] = bytes(row)
    finally:
        frame.unmap()
    return frame


@pytest.fixture
def code() -> str:
    return codes.make_code()


def test_a_rendered_card_in_a_720p_frame_is_decoded(code):
    assert decode_image(camera_frame(code)) == [code]


def test_yuv_frames_are_read_from_their_luma_plane(code):
    image = camera_frame(code, angle=-5)
    assert decode_frame(nv12_frame(image)) == [code]
    assert decode_frame(yuyv_frame(image)) == [code]
    assert decode_frame(image) == [code]  # a QImage takes the same road as anything not YUV


def test_a_frame_without_a_code_gives_nothing():
    blank = QImage(1280, 720, QImage.Format.Format_RGB32)
    blank.fill(QColor("#808080"))
    assert decode_image(blank) == []
    assert decode_image(QImage()) == []


def test_the_worker_emits_the_code_of_a_submitted_frame(qtbot, code):
    decoder = FrameDecoder()
    decoder.start()
    try:
        with qtbot.waitSignal(decoder.decoded, timeout=5000) as signal:
            decoder.submit(nv12_frame(camera_frame(code)))
        assert signal.args == [code]
    finally:
        decoder.stop()
    assert not decoder.isRunning()


def test_frames_arriving_while_busy_are_dropped_and_only_the_newest_is_decoded(qtbot):
    started, release = threading.Event(), threading.Event()
    seen: list[str] = []

    def slow_decode(frame: str) -> list[str]:
        seen.append(frame)
        started.set()
        release.wait(5)
        return [frame]

    decoder = FrameDecoder(decode=slow_decode, repeat_seconds=0)
    decoded: list[str] = []
    decoder.decoded.connect(decoded.append)
    decoder.start()
    try:
        decoder.submit("first")
        assert started.wait(5)  # the worker is busy with "first"
        for name in ("second", "third", "fourth"):
            decoder.submit(name)
        release.set()
        qtbot.waitUntil(lambda: decoded == ["first", "fourth"], timeout=5000)
    finally:
        decoder.stop()
    assert seen == ["first", "fourth"]
    assert (decoder.submitted, decoder.dropped, decoder.decoded_frames) == (4, 2, 2)


def test_the_same_code_is_ignored_until_it_was_out_of_sight_for_a_few_seconds():
    now = [100.0]
    decoder = FrameDecoder(clock=lambda: now[0])
    assert decoder._fresh("ZYA")
    now[0] += 1.0
    assert not decoder._fresh("ZYA")  # still in front of the camera
    assert decoder._fresh("ZYB")  # another card at once is new
    now[0] += REPEAT_SECONDS - 0.5
    assert not decoder._fresh("ZYA")  # seen again: the quiet period starts over
    now[0] += REPEAT_SECONDS
    assert decoder._fresh("ZYA")  # shown again after a pause: the sign-out


def test_a_broken_frame_does_not_end_the_worker(qtbot):
    calls = []

    def flaky(frame):
        calls.append(frame)
        if frame == "bad":
            raise ValueError("corrupt frame")
        return [frame]

    decoder = FrameDecoder(decode=flaky)
    decoder.start()
    try:
        decoder.submit("bad")
        qtbot.waitUntil(lambda: calls == ["bad"], timeout=5000)
        with qtbot.waitSignal(decoder.decoded, timeout=5000) as signal:
            decoder.submit("good")
    finally:
        decoder.stop()
    assert signal.args == ["good"]


def test_starting_a_camera_that_is_not_there_says_so_without_raising(qtbot):
    scanner = CameraScanner()
    try:
        message = scanner.start("no-such-camera")
        assert message == "this camera is no longer connected"
        assert not scanner.is_running()
    finally:
        scanner.shutdown()


def test_without_qtmultimedia_there_are_no_cameras_and_a_reason(monkeypatch):
    monkeypatch.setattr(camera, "multimedia_problem", lambda: "the camera module could not be loaded (test)")
    assert CameraScanner.cameras() == []
    assert CameraScanner().start("any") == "the camera module could not be loaded (test)"
