"""The console's four sounds (resources/sounds/*.wav), so the operator hears the outcome too.

QSoundEffect plays only from a file or resource URL (not from a QBuffer), decodes the file once and
starts with little delay; that is why the tones are shipped as files (made by
resources/sounds/make_sounds.py) rather than made at run time. Sound is optional: a PC without an
audio device, or without QtMultimedia, stays silent and says so once in the log.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from desktop.config import resources_dir

log = logging.getLogger(__name__)

SOUND_FILES = {
    "signed_in": "signed_in.wav",
    "signed_out": "signed_out.wav",
    "duplicate": "duplicate.wav",
    "refused": "refused.wav",
}
VOLUME = 0.8


class SoundBoard(QObject):
    """Loaded on the first `play()` (opening the audio device takes a moment and is not needed
    before the first scan); `available` is then False when there is nothing to play on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.available: bool | None = None  # None: not tried yet
        self.played: list[str] = []  # the sounds asked for (tests; also when silent)
        self._effects: dict[str, Any] = {}

    def _load(self) -> None:
        self.available = False
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            log.info("no sounds: %s", exc)
            return
        if not QMediaDevices.audioOutputs():
            log.info("no sounds: no audio output device")
            return
        folder = resources_dir() / "sounds"
        for kind, file in SOUND_FILES.items():
            path = folder / file
            if not path.exists():
                log.warning("sound file missing: %s", path)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            self._effects[kind] = effect
        self.available = bool(self._effects)

    def play(self, kind: str) -> None:
        if not self.enabled or kind not in SOUND_FILES:
            return
        self.played.append(kind)
        del self.played[:-50]
        if self.available is None:
            self._load()
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()
