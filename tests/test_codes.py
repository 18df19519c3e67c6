"""Card codes: random, scanner-safe, checkable, normalised."""

import random

from hypothesis import given
from hypothesis import strategies as st

from desktop import codes

symbols = st.sampled_from(codes.ALPHABET)
bodies = st.lists(symbols, min_size=codes.RANDOM_LENGTH, max_size=codes.RANDOM_LENGTH).map(
    lambda cs: codes.PREFIX + "".join(cs)
)


def test_made_codes_are_valid_and_scanner_safe():
    seen = set()
    for _ in range(2000):
        code = codes.make_code()
        assert codes.is_valid(code)
        assert len(code) == codes.LENGTH
        assert not set(code) & set("IO01")
        seen.add(code)
    assert len(seen) == 2000


def test_code_carries_at_least_50_random_bits():
    import math

    assert codes.RANDOM_LENGTH * math.log2(len(codes.ALPHABET)) >= 50


@given(bodies)
def test_any_single_symbol_change_is_detected(body):
    code = body + codes.check_symbol(body)
    assert codes.is_valid(code)
    for i in range(len(codes.PREFIX), len(code)):
        for other in codes.ALPHABET:
            if other != code[i]:
                assert not codes.is_valid(code[:i] + other + code[i + 1 :])


@given(bodies)
def test_swapping_neighbours_is_detected(body):
    code = body + codes.check_symbol(body)
    for i in range(len(codes.PREFIX), len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert not codes.is_valid(swapped)


@given(bodies)
def test_normalise_undoes_case_spaces_and_full_width(body):
    code = body + codes.check_symbol(body)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code.lower())
    assert codes.normalise(f"  {full_width}\t") == code
    assert codes.normalise(codes.pretty(code)) == code
    assert codes.normalise(code.lower()) == code


@given(st.text())
def test_garbage_is_never_valid_unless_it_is_a_code(text):
    norm = codes.normalise(text)
    if codes.is_valid(norm):
        assert norm.startswith(codes.PREFIX) and len(norm) == codes.LENGTH


def test_seeded_generation_is_repeatable():
    a = codes.make_code(random.Random(5))
    b = codes.make_code(random.Random(5))
    assert a == b and codes.is_valid(a)
