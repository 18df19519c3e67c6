"""Resident ID numbers and mobile numbers: checks, derivations, normalisation, masking."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import idcard


def make_id(region="220102", born=date(1985, 9, 12), seq="40", gender_digit=1):
    first17 = f"{region}{born:%Y%m%d}{seq}{gender_digit}"
    return first17 + idcard.check_character(first17)


def test_known_good_number():
    rid = idcard.parse_resident_id("11010519491231002X")
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.gender == "F"


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    st.integers(0, 99),
    st.integers(0, 9),
)
def test_generated_numbers_parse_back(born, seq, gender_digit):
    number = make_id(born=born, seq=f"{seq:02d}", gender_digit=gender_digit)
    rid = idcard.parse_resident_id(number)
    assert rid.birth_date == born
    assert rid.gender == ("M" if gender_digit % 2 else "F")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)), st.integers(0, 16))
def test_any_wrong_digit_is_caught(born, pos):
    number = make_id(born=born)
    wrong = str((int(number[pos]) + 1) % 10)
    bad = number[:pos] + wrong + number[pos + 1 :]
    with pytest.raises(idcard.IdNumberError):
        idcard.parse_resident_id(bad)


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "id_missing"),
        ("22010219851312401X", "id_birth_date"),
        ("220102850912401", "id_old_format"),
        ("2201021985091240", "id_format"),
        (2.20103e17, "id_excel_number"),
        ("2.20103E+17", "id_excel_number"),
    ],
)
def test_rejections_name_the_rule(raw, code):
    with pytest.raises(idcard.IdNumberError) as err:
        idcard.parse_resident_id(raw)
    assert err.value.code == code
    assert str(err.value)


def test_check_character_mismatch():
    good = make_id()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(idcard.IdNumberError) as err:
        idcard.parse_resident_id(bad)
    assert err.value.code == "id_checksum"


def test_normalisation_of_spaces_full_width_and_lower_x():
    assert idcard.normalise_id(" １１０１０５１９４９１２３１００２x ") == "11010519491231002X"
    assert idcard.parse_resident_id("11010519491231002x").number == "11010519491231002X"


@pytest.mark.parametrize(
    "raw, digits",
    [
        ("+86-138 0013 8000", "13800138000"),
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("８６１３８００１３８０００", "13800138000"),
        ("0086 13800138000", "13800138000"),
    ],
)
def test_phone_normalisation(raw, digits):
    assert idcard.normalise_phone(raw) == digits
    assert idcard.is_mobile(digits)


@pytest.mark.parametrize("bad", ["1380013800", "23800138000", "138001380001", "1280013800a"])
def test_bad_mobiles(bad):
    assert not idcard.is_mobile(idcard.normalise_phone(bad))


def test_masks():
    assert idcard.mask_id("220103199001011234") == "220103********1234"
    assert idcard.mask_phone("13812345678") == "138****5678"
    assert idcard.mask_id(None) == ""
