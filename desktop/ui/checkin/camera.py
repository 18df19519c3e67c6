"""Webcam scanning: QtMultimedia frames, decoded by zxing-cpp on a worker thread, newest frame only.

The camera hands frames to `FrameDecoder.submit` on whatever thread it delivers them; submit only
swaps the frame into a one-place slot, so a frame that arrives while the worker is busy replaces
the one waiting and older frames are dropped: the worker is never behind the camera and the GUI
thread never decodes. Most cameras deliver YUV frames, whose first plane is already the grey image
the decoder wants: it is read in place, without a conversion.

QtMultimedia is imported only when a camera is used: a missing module or system library (libpulse,
FFmpeg) leaves the console with the USB scanner and a message, never an error.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# A card held in front of the camera is seen in every frame: after it is read, the same code is
# ignored until it has been out of sight this long (then it is a new scan: the sign-out).
REPEAT_SECONDS = 3.0


def multimedia_problem() -> str | None:
    """Why cameras cannot be used here, in words; None when QtMultimedia loads."""
    try:
        import PySide6.QtMultimedia
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except ImportError as exc:  # the Addons wheel or a system library is missing
        return QCoreApplication.translate("Camera", "the camera module could not be loaded ({error})").format(
            error=exc
        )
    return None


def watch_cameras(parent: QObject, on_change: Callable[[], None]) -> QObject | None:
    """Call `on_change` on the GUI thread whenever a camera is plugged in or removed; the watcher
    lives as long as `parent`. None when QtMultimedia is missing (then there are no cameras)."""
    if multimedia_problem() is not None:
        return None
    from PySide6.QtMultimedia import QMediaDevices

    try:
        devices = QMediaDevices(parent)
        devices.videoInputsChanged.connect(on_change)
    except Exception:  # a broken backend means "no camera news", not a crash
        log.exception("watching for cameras failed")
        return None
    return devices


def _read(view: Any) -> list[str]:
    import zxingcpp

    # QR codes are found at any angle without try_rotate (it is for 1D barcodes), and our cards are
    # dark on light, printed or photographed: skipping those passes halves the time on a busy frame.
    found = zxingcpp.read_barcodes(
        view, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=False, try_invert=False
    )
    return [b.text for b in found if b.text]


def _grey_view(bits: Any, width: int, height: int, stride: int, offset: int, step: int) -> Any:
    """A zxing view of one 8-bit channel: Y of YUV, or G of RGB (green carries most of the
    brightness, and a QR is black and white): no conversion of the frame at all.

    zxing checks that the buffer holds `height` whole rows after `offset`; a channel that does not
    start at byte 0 leaves the last row a few bytes short, so that row is left out.
    """
    import zxingcpp

    if offset:
        bits, height = bits[offset:], height - 1
    return zxingcpp.ImageView(bits, width, height, zxingcpp.ImageFormat.Lum, stride, step)


def _image_channel(fmt: QImage.Format) -> tuple[int, int] | None:
    """(offset, bytes per pixel) of the grey or green channel of a QImage format, or None."""
    f = QImage.Format
    table = {f.Format_Grayscale8: (0, 1), f.Format_RGB888: (1, 3), f.Format_BGR888: (1, 3),
             f.Format_RGBX8888: (1, 4), f.Format_RGBA8888: (1, 4)}
    if sys.byteorder == "little":  # 0xAARRGGBB words are B, G, R, A bytes in memory
        table |= {f.Format_RGB32: (1, 4), f.Format_ARGB32: (1, 4), f.Format_ARGB32_Premultiplied: (1, 4)}
    return table.get(fmt)


def decode_image(image: QImage) -> list[str]:
    """The texts of the QR codes in an image (converting a 720p frame to grey costs Qt more than
    decoding it: common formats are read in place)."""
    if image.isNull():
        return []
    channel = _image_channel(image.format())
    if channel is None:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        channel = (0, 1)
    return _read(_grey_view(image.constBits(), image.width(), image.height(), image.bytesPerLine(), *channel))


def _frame_channel(pixel_format: Any) -> tuple[int, int] | None:
    """(offset, bytes per pixel) of the luma or green channel in a video frame's first plane."""
    from PySide6.QtMultimedia import QVideoFrameFormat

    f = QVideoFrameFormat.PixelFormat
    if pixel_format in (f.Format_NV12, f.Format_NV21, f.Format_YUV420P, f.Format_YUV422P, f.Format_YV12,
                        f.Format_IMC1, f.Format_IMC2, f.Format_IMC3, f.Format_IMC4, f.Format_Y8):
        return 0, 1  # the first plane is the grey image itself
    return {
        f.Format_YUYV: (0, 2), f.Format_UYVY: (1, 2),
        f.Format_BGRA8888: (1, 4), f.Format_BGRX8888: (1, 4), f.Format_RGBA8888: (1, 4), f.Format_RGBX8888: (1, 4),
        f.Format_ARGB8888: (2, 4), f.Format_XRGB8888: (2, 4), f.Format_ABGR8888: (2, 4), f.Format_XBGR8888: (2, 4),
    }.get(pixel_format)


def decode_frame(frame: Any) -> list[str]:
    """The texts of the QR codes in a QVideoFrame or a QImage; runs on the worker thread."""
    if isinstance(frame, QImage):
        return decode_image(frame)
    from PySide6.QtMultimedia import QVideoFrame

    if not frame.isValid():
        return []
    channel = _frame_channel(frame.pixelFormat())
    if channel is None:  # e.g. 10-bit or hardware frames: Qt converts
        return decode_image(frame.toImage())
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return []
    try:
        return _read(_grey_view(frame.bits(0), frame.width(), frame.height(), frame.bytesPerLine(0), *channel))
    finally:
        frame.unmap()


class FrameDecoder(QThread):
    """The worker: decodes the newest submitted frame, emits each new code once (`decoded`)."""

    decoded = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        decode: Callable[[Any], list[str]] = decode_frame,
        repeat_seconds: float = REPEAT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._decode = decode
        self._repeat = repeat_seconds
        self._clock = clock
        self._cond = threading.Condition()
        self._latest: Any = None
        self._stopping = False
        self._last_seen: dict[str, float] = {}
        # Figures for the benchmark and the tests; written by one thread each, read anywhere.
        self.submitted = 0
        self.dropped = 0
        self.decoded_frames = 0
        self.decode_seconds: list[float] = []

    def submit(self, frame: Any) -> None:
        """Offer a frame; thread-safe and cheap. A frame still waiting is replaced (dropped)."""
        with self._cond:
            self.submitted += 1
            if self._latest is not None:
                self.dropped += 1
            self._latest = frame
            self._cond.notify()

    def stop(self, timeout_ms: int = 3000) -> None:
        with self._cond:
            self._stopping = True
            self._latest = None
            self._cond.notify()
        self.wait(timeout_ms)

    def run(self) -> None:
        while True:
            with self._cond:
                while self._latest is None and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                frame, self._latest = self._latest, None
            started = time.perf_counter()
            try:
                texts = self._decode(frame)
            except Exception:  # one bad frame must not end camera scanning
                log.exception("decoding a camera frame failed")
                texts = []
            finally:
                del frame  # give the camera its buffer back before waiting for the next one
            self.decode_seconds.append(time.perf_counter() - started)
            del self.decode_seconds[:-200]
            self.decoded_frames += 1
            for text in texts:
                if self._fresh(text):
                    self.decoded.emit(text)

    def _fresh(self, text: str) -> bool:
        now = self._clock()
        last = self._last_seen.get(text)
        self._last_seen[text] = now  # seen again: the quiet period starts over
        if len(self._last_seen) > 64:
            self._last_seen = {t: at for t, at in self._last_seen.items() if now - at < self._repeat}
        return last is None or now - last >= self._repeat


class CameraScanner(QObject):
    """One camera at a time: its preview widget, its frames to the decoder, its failures in words."""

    code_seen = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoder = FrameDecoder(self)
        self.decoder.decoded.connect(self.code_seen)
        self._session: Any = None
        self._camera: Any = None
        self._frames_connected = False
        self.preview: QWidget | None = None

    @staticmethod
    def cameras() -> list[tuple[str, str]]:
        """(id, description) of each camera; empty when there is none or QtMultimedia is missing."""
        if multimedia_problem() is not None:
            return []
        from PySide6.QtMultimedia import QMediaDevices

        try:
            return [(bytes(d.id().data()).decode("utf-8", "replace"), d.description())
                    for d in QMediaDevices.videoInputs()]
        except Exception:  # a broken backend means "no camera", not a crash
            log.exception("listing cameras failed")
            return []

    def is_running(self) -> bool:
        return self._camera is not None

    def start(self, camera_id: str) -> str | None:
        """Start the camera with this id; returns why it could not, in words, or None."""
        self.stop()
        problem = multimedia_problem()
        if problem is not None:
            return problem
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        try:
            device = next(
                (d for d in QMediaDevices.videoInputs()
                 if bytes(d.id().data()).decode("utf-8", "replace") == camera_id),
                None,
            )
            if device is None:
                return QCoreApplication.translate("Camera", "this camera is no longer connected")
            camera = QCamera(device)
            camera.errorOccurred.connect(self._camera_error)
            session = QMediaCaptureSession(self)
            session.setCamera(camera)
            if self.preview is None:
                self.preview = QVideoWidget()
            session.setVideoOutput(self.preview)
            # Direct: submit() is thread-safe and only swaps a pointer, so the frames need not
            # pass through the GUI thread's event queue.
            self.preview.videoSink().videoFrameChanged.connect(
                self.decoder.submit, Qt.ConnectionType.DirectConnection
            )
            self._frames_connected = True
            if not self.decoder.isRunning():
                self.decoder.start()
            camera.start()
        except Exception as exc:  # the console falls back to the scanner
            log.exception("starting the camera failed")
            return str(exc)
        self._camera, self._session = camera, session
        if camera.error() != QCamera.Error.NoError:
            message = camera.errorString()
            self.stop()
            return message
        return None

    def _camera_error(self, _error: Any, text: str) -> None:
        self.stop()
        self.failed.emit(text or QCoreApplication.translate("Camera", "the camera stopped"))

    def stop(self) -> None:
        if self.preview is not None and self._frames_connected:
            self.preview.videoSink().videoFrameChanged.disconnect(self.decoder.submit)
            self._frames_connected = False
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        if self._session is not None:
            self._session.deleteLater()
        self._camera = self._session = None

    def shutdown(self) -> None:
        """Stop the camera and the worker (the console is closing)."""
        self.stop()
        if self.decoder.isRunning():
            self.decoder.stop()
