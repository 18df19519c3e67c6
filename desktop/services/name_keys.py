"""Search keys for a volunteer's name: pinyin initials (张三 → zs) and full pinyin (zhangsan).

pypinyin reads a name as words from its phrase dictionary, so a polyphonic character can be
read differently inside a word than alone. Most names hold no such word; their keys are the
characters' own readings joined, which are remembered. A name that does hold a dictionary
word (or a character outside the dictionary) goes through pypinyin whole, so the keys are
always exactly what pypinyin gives for the whole name, whichever path made them.
"""

from __future__ import annotations

from functools import lru_cache


def name_keys(name: str) -> tuple[str, str]:
    """Pinyin initials and full pinyin (lower-case, no spaces) used for search."""
    syllables = _by_character(name)
    if syllables is None:
        syllables = _whole(name)
    initials = "".join(p[0] for p in syllables)
    return initials.lower(), "".join(syllables).lower()


def _by_character(name: str) -> list[str] | None:
    """The readings character by character, or None when the name must be read whole."""
    single, phrases = _dictionaries()
    if any(ord(ch) not in single for ch in name):
        return None  # spaces, Latin letters, a middle dot: pypinyin's own handling
    n = len(name)
    for start in range(n - 1):
        for end in range(start + 2, n + 1):
            if name[start:end] in phrases:
                return None
    return [syllable for syllable in map(_character, name) if syllable]


@lru_cache(maxsize=None)  # bounded by the dictionary's characters (about 42,000)
def _character(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(ch, errors="ignore"))


def _whole(name: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return [p for p in lazy_pinyin(name, errors="ignore") if p]


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict, dict]:
    # 0.3 s of dictionaries: loaded on first use, not at start-up.
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return PINYIN_DICT, PHRASES_DICT
