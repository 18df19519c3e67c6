"""Camera scanning without a camera: the decoder on rendered QR frames, the worker's newest-frame
rule and repeat suppression, a console that falls back to the USB scanner with a message, and a
camera list that follows cameras plugged in or removed (the device list faked, as QtMultimedia
reports it)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
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
from desktop.ui.checkin.camera_panel import CAMERA_SETTING, CameraPanel


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


# --- cameras plugged in and removed while the console is open ------------------------------

NO_CAMERA = "No camera: USB scanner only"
CAMERA_ON = "Camera on: hold the card's QR code in front of it."


class Devices:
    """The cameras QtMultimedia reports (patched into CameraScanner.cameras), and every camera the
    panel started. A started camera is a real QCamera on no device, so the scanner's own stop()
    (stop the camera, drop the session) is what runs when a camera goes away."""

    def __init__(self, monkeypatch, *cameras: tuple[str, str]) -> None:
        self.cameras = list(cameras)
        self.started: list[str] = []
        monkeypatch.setattr(CameraScanner, "cameras", staticmethod(lambda: list(self.cameras)))
        monkeypatch.setattr(CameraScanner, "start", lambda scanner, camera_id: self.start(scanner, camera_id))

    def start(self, scanner: CameraScanner, camera_id: str) -> str | None:
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession

        scanner.stop()
        scanner._camera, scanner._session = QCamera(scanner), QMediaCaptureSession(scanner)
        self.started.append(camera_id)
        return None

    def plug(self, camera_id: str, description: str) -> None:
        self.cameras.append((camera_id, description))

    def unplug(self, camera_id: str) -> None:
        self.cameras = [c for c in self.cameras if c[0] != camera_id]


@pytest.fixture
def panel(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    widget = CameraPanel(settings, 320)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def listed(panel: CameraPanel) -> list[str]:
    return [panel.combo.itemText(i) for i in range(panel.combo.count())]


def test_the_panel_listens_for_camera_changes_from_qtmultimedia(panel, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    devices = Devices(monkeypatch)
    panel.fill()
    assert isinstance(panel._watcher, QMediaDevices)
    assert listed(panel) == [NO_CAMERA] and not panel.combo.isEnabled()
    assert panel.note.text() == "No camera found. Scans come from the USB scanner."
    devices.plug("usb0", "USB camera")
    panel._watcher.videoInputsChanged.emit()  # what Qt sends when a camera is plugged in
    assert listed(panel) == [NO_CAMERA, "USB camera"] and panel.combo.isEnabled()
    assert panel.note.text() == "A camera was connected: choose it above to scan cards with it."
    assert panel.combo.currentIndex() == 0 and devices.started == []  # plugging in starts nothing


def test_a_camera_plugged_in_or_removed_keeps_the_current_choice(panel, monkeypatch):
    devices = Devices(monkeypatch, ("cam0", "Laptop camera"))
    panel.fill()
    panel.choose(1)
    assert devices.started == ["cam0"] and panel.scanner.is_running()
    devices.plug("usb1", "USB camera")
    panel.cameras_changed()
    assert listed(panel) == [NO_CAMERA, "Laptop camera", "USB camera"]
    assert panel.combo.currentData() == "cam0" and panel.combo.currentText() == "Laptop camera"
    assert devices.started == ["cam0"] and panel.scanner.is_running()  # not restarted
    assert panel.note.text() == CAMERA_ON and panel.preview_holder.isVisible()
    devices.unplug("usb1")  # another camera goes: the one in use runs on
    panel.cameras_changed()
    assert listed(panel) == [NO_CAMERA, "Laptop camera"] and panel.combo.currentData() == "cam0"
    assert panel.scanner.is_running() and panel.note.text() == CAMERA_ON


def test_unplugging_the_camera_in_use_stops_it_and_says_so(panel, monkeypatch):
    devices = Devices(monkeypatch, ("cam0", "Laptop camera"), ("usb1", "USB camera"))
    panel.fill()
    panel.choose(2)
    assert panel.scanner.is_running() and panel.preview_holder.isVisible()
    devices.unplug("usb1")
    panel.cameras_changed()
    assert not panel.scanner.is_running() and not panel.preview_holder.isVisible()
    assert listed(panel) == [NO_CAMERA, "Laptop camera"] and panel.combo.currentIndex() == 0
    assert panel.note.isVisibleTo(panel) and panel.note.text() == (
        "The camera “USB camera” was unplugged and has stopped. Scans come from the USB scanner; "
        "plug it back in to use it again."
    )
    assert panel.settings.value(CAMERA_SETTING) == "usb1"  # still the operator's choice
    # Another change that does not bring it back leaves the message; its return starts it again.
    devices.plug("usb2", "Document camera")
    panel.cameras_changed()
    assert "was unplugged" in panel.note.text() and devices.started == ["usb1"]
    devices.plug("usb1", "USB camera")
    panel.cameras_changed()
    assert devices.started == ["usb1", "usb1"] and panel.scanner.is_running()
    assert panel.combo.currentData() == "usb1" and panel.note.text() == CAMERA_ON


def test_a_camera_that_failed_and_then_went_away_is_reported_as_unplugged(panel, monkeypatch):
    devices = Devices(monkeypatch, ("usb1", "USB camera"))
    panel.fill()
    panel.choose(1)
    panel.scanner.failed.emit("the device was lost")  # QCamera reports the error first
    assert panel.combo.currentIndex() == 0 and "the device was lost" in panel.note.text()
    devices.unplug("usb1")
    panel.cameras_changed()
    assert listed(panel) == [NO_CAMERA] and not panel.combo.isEnabled()
    assert panel.note.text().startswith("The camera “USB camera” was unplugged")


def test_after_shutdown_camera_changes_are_ignored(panel, monkeypatch):
    devices = Devices(monkeypatch, ("usb1", "USB camera"))
    panel.fill()
    panel.choose(1)
    panel.shutdown()
    assert not panel.scanner.is_running() and panel._watcher is None
    devices.unplug("usb1")
    devices.plug("usb1", "USB camera")
    panel.cameras_changed()
    assert devices.started == ["usb1"] and not panel.scanner.is_running()
