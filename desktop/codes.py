"""Volunteer card codes: make, check and normalise (see DESIGN.md, "Volunteer card codes").

A code is PREFIX + 10 random symbols + 1 check symbol, e.g. ``ZY7KQ3HX9MC2T``. The alphabet has
32 symbols that every keyboard layout and scanner types alike (no I, O, 0, 1), so 10 symbols
carry 50 random bits. The check symbol is a Damm check over GF(32) (x*y = 2x + y): it catches
every single wrong symbol and every swap of two neighbours (Luhn mod 32 misses the swap of the
first and last symbols), so a mistyped or foreign code is told apart before any lookup.
"""

from __future__ import annotations

import secrets
import unicodedata

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PREFIX = "ZY"
RANDOM_LENGTH = 10
LENGTH = len(PREFIX) + RANDOM_LENGTH + 1
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


def _times_two(x: int) -> int:
    """Multiply by the generator in GF(2^5) with the primitive polynomial x^5 + x^2 + 1."""
    x <<= 1
    return x ^ 0b100101 if x & 0b100000 else x


def _damm(symbols: str) -> int:
    interim = 0
    for ch in symbols:
        interim = _times_two(interim) ^ _INDEX[ch]
    return interim


def check_symbol(body: str) -> str:
    """The symbol that brings the Damm interim of body + symbol to zero."""
    return ALPHABET[_times_two(_damm(body))]


def make_code(rng: secrets.SystemRandom | None = None) -> str:
    choice = (rng or secrets.SystemRandom()).choice
    body = PREFIX + "".join(choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_symbol(body)


def normalise(raw: str) -> str:
    """Trim, fold full-width forms to ASCII, upper-case, drop spaces and dashes."""
    text = unicodedata.normalize("NFKC", raw or "")
    return "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_")


def is_valid(code: str) -> bool:
    """True for a well-formed code of ours (prefix, length, alphabet, check symbol)."""
    if len(code) != LENGTH or not code.startswith(PREFIX):
        return False
    if any(ch not in _INDEX for ch in code):
        return False
    return _damm(code) == 0


def pretty(code: str) -> str:
    """Grouped for people to read aloud: ZY 7KQ3 HX9M C2T."""
    return " ".join([code[:2], code[2:6], code[6:10], code[10:]]) if len(code) == LENGTH else code
