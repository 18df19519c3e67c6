"""The console's camera corner: which camera (or none), its preview, and why it is not in use."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.ui.checkin import camera
from desktop.ui.checkin.camera import CameraScanner

CAMERA_SETTING = "checkin/camera"


class CameraPanel(QWidget):
    """Emits `code_seen` for each card the chosen camera reads. Every failure (no QtMultimedia, no
    camera, a camera that will not start, stops or is unplugged) leaves a message and the USB
    scanner. The list follows cameras plugged in or removed while the console is open."""

    code_seen = Signal(str)

    def __init__(self, settings: QSettings, preview_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.scanner: CameraScanner | None = None
        self._watcher: QObject | None = None
        self._closed = False
        self._camera_id = ""  # the camera the operator chose and that was started (or tried)
        self._unplugged = ""  # the camera in use when it was unplugged: taken up again on its return
        title = QLabel(self.tr("Camera"))
        title.setObjectName("sideTitle")
        self.combo = QComboBox()
        self.combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner's Enter must land nowhere
        self.combo.activated.connect(self.choose)
        self.note = QLabel()
        self.note.setObjectName("cameraNote")
        self.note.setWordWrap(True)
        self.preview_box = QVBoxLayout()
        self.preview_box.setContentsMargins(0, 0, 0, 0)
        self.preview_holder = QWidget()
        self.preview_holder.setLayout(self.preview_box)
        self.preview_holder.setFixedHeight(preview_width * 9 // 16)
        self.preview_holder.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        for widget in (title, self.combo, self.preview_holder, self.note):
            column.addWidget(widget)

    def fill(self) -> None:
        """List the cameras, start the one chosen last time if it is still there, and keep
        listening for cameras plugged in or removed."""
        problem = camera.multimedia_problem()
        cameras = [] if problem else CameraScanner.cameras()
        self._list(cameras)
        if problem:
            self.show_message(
                self.tr("Camera scanning is not available: {reason}. The USB scanner works.").format(reason=problem)
            )
            return
        if self._watcher is None and not self._closed:
            self._watcher = camera.watch_cameras(self, self.cameras_changed)
        if not cameras:
            self.show_message(self.tr("No camera found. Scans come from the USB scanner."))
            return
        self.show_message("")
        remembered = str(self.settings.value(CAMERA_SETTING, "") or "")
        index = self.combo.findData(remembered) if remembered else -1
        if index > 0:
            self.combo.setCurrentIndex(index)
            self.choose(index)

    def _list(self, cameras: list[tuple[str, str]]) -> None:
        combo = self.combo
        combo.clear()  # `activated` is the operator's choice only: refilling starts nothing
        combo.addItem(self.tr("No camera: USB scanner only"), "")
        for camera_id, description in cameras:
            combo.addItem(description, camera_id)
        combo.setEnabled(bool(cameras))

    def cameras_changed(self) -> None:
        """A camera was plugged in or removed: list them again. The current choice stays when its
        camera is still there; the camera in use stops if it is gone, and comes back with it."""
        if self._closed:
            return
        chosen = str(self.combo.currentData() or "")
        in_use = self._camera_id
        names = {str(self.combo.itemData(i)): self.combo.itemText(i) for i in range(1, self.combo.count())}
        cameras = CameraScanner.cameras()
        present = {camera_id for camera_id, _ in cameras}
        self._list(cameras)
        if chosen and chosen in present:
            self.combo.setCurrentIndex(self.combo.findData(chosen))
            return  # still there: it runs on, and the note stays
        if in_use and in_use not in present:
            self.stop()
            self._camera_id, self._unplugged = "", in_use
            self.show_message(
                self.tr("The camera “{name}” was unplugged and has stopped. Scans come from the USB scanner; "
                        "plug it back in to use it again.").format(name=names.get(in_use, in_use))
            )
            return
        if self._unplugged in present:
            self.choose(self.combo.findData(self._unplugged))
            return
        if not cameras:
            self.show_message(self.tr("No camera found. Scans come from the USB scanner."))
        elif present - set(names) and not self._unplugged:
            self.show_message(self.tr("A camera was connected: choose it above to scan cards with it."))

    def show_message(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def choose(self, index: int) -> None:
        self.combo.setCurrentIndex(index)  # the list shows the choice however it was made
        camera_id = self.combo.itemData(index) or ""
        self.settings.setValue(CAMERA_SETTING, camera_id)
        self._camera_id, self._unplugged = camera_id, ""
        if not camera_id:
            self.stop()
            self.show_message("")
            return
        if self.scanner is None:
            self.scanner = CameraScanner(self)
            self.scanner.code_seen.connect(self.code_seen)
            self.scanner.failed.connect(self._failed)
        problem = self.scanner.start(camera_id)
        if problem is not None:
            self._failed(problem)
            return
        preview = self.scanner.preview
        if preview is not None and self.preview_box.indexOf(preview) < 0:
            self.preview_box.addWidget(preview)
        self.preview_holder.show()
        self.show_message(self.tr("Camera on: hold the card's QR code in front of it."))

    def _failed(self, reason: str) -> None:
        self.stop()
        self.combo.setCurrentIndex(0)
        self.show_message(self.tr("The camera could not be used: {reason}. The USB scanner works.").format(reason=reason))

    def stop(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()
        self.preview_holder.hide()

    def shutdown(self) -> None:
        """The console is closing: the camera and its worker thread stop, and so does listening."""
        self._closed = True
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        if self.scanner is not None:
            self.scanner.shutdown()
        self.preview_holder.hide()
