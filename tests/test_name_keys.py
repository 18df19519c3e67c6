"""Pinyin search keys: the character-by-character shortcut always agrees with pypinyin on the whole name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from desktop.services.name_keys import name_keys


def whole(name: str) -> tuple[str, str]:
    syllables = [p for p in lazy_pinyin(name, errors="ignore") if p]
    return "".join(p[0] for p in syllables).lower(), "".join(syllables).lower()


def test_common_names():
    assert name_keys("张三") == ("zs", "zhangsan")
    assert name_keys("李秀英") == ("lxy", "lixiuying")
    assert name_keys("") == ("", "")


# Names whose characters are read differently inside a dictionary word than alone, names with
# spaces, Latin letters, a middle dot and characters pypinyin does not know.
AWKWARD = [
    "单雄信", "曾国藩", "尉迟恭", "欧阳修", "长孙无忌", "乐嘉", "仇英", "区志红", "查良镛", "解放",
    "重阳", "朝阳", "行长", "银行", "张 三", "Ann Li", "阿依古丽·买买提", "王𠀾", "李2号", "覃",
]


def test_awkward_names_agree_with_pypinyin():
    for name in AWKWARD:
        assert name_keys(name) == whole(name), name


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=3000, deadline=None)
@given(st.text(HAN, min_size=1, max_size=5))
def test_any_chinese_name_agrees_with_pypinyin(name):
    assert name_keys(name) == whole(name)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("行长重朝解单曾乐银阳 ·A1" + "张王李赵"), min_size=1, max_size=6))
def test_names_built_from_polyphones_agree_with_pypinyin(name):
    assert name_keys(name) == whole(name)
