"""Makes the check-in console's four tones (run once; the .wav files beside it are shipped).

`python resources/sounds/make_sounds.py` rewrites signed_in.wav, signed_out.wav, duplicate.wav and
refused.wav. They are told apart by their shape, not only their pitch, so an operator with the
laptop behind them knows the outcome without looking: rising two notes (in), falling two notes
(out), two identical short beeps (a repeat scan), one low buzz (refused). Mono 16-bit PCM at
16 kHz: QSoundEffect plays it everywhere, and each file stays a few KB.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 16_000
VOLUME = 0.45  # of full scale: loud enough at a busy entrance without clipping the harmonics
FADE_S = 0.008  # short fades: no click at the start or end of a note


def _note(freq: float, seconds: float, harmonics: tuple[float, ...] = (1.0,)) -> list[float]:
    n = int(RATE * seconds)
    fade = int(RATE * FADE_S)
    total = sum(harmonics)
    out = []
    for i in range(n):
        t = i / RATE
        v = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics)) / total
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(v * envelope)
    return out


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


TONES: dict[str, list[float]] = {
    # C6 then G6: a bright "done".
    "signed_in": _note(1046.5, 0.09) + _silence(0.02) + _note(1568.0, 0.16),
    # G5 then C5: the same chime going down, "goodbye".
    "signed_out": _note(784.0, 0.09) + _silence(0.02) + _note(523.3, 0.16),
    # Two short identical beeps: "you already did that".
    "duplicate": _note(880.0, 0.07) + _silence(0.07) + _note(880.0, 0.07),
    # A low buzz rich in odd harmonics (square-ish): "no".
    "refused": _note(196.0, 0.38, (1.0, 0.0, 0.45, 0.0, 0.25)),
}


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * VOLUME * 32767)) for s in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, samples in TONES.items():
        write(here / f"{name}.wav", samples)


if __name__ == "__main__":
    main()
