"""Small builders for tests: valid ID numbers, phones, and volunteers made through the services."""

from __future__ import annotations

import itertools
from datetime import date

from desktop.idcard import check_character
from desktop.services import volunteers
from desktop.services.permissions import SYSTEM

_seq = itertools.count(1)


def id_number(born: date = date(1985, 9, 12), male: bool = True, region: str = "220102") -> str:
    n = next(_seq) % 50
    first17 = f"{region}{born:%Y%m%d}{n:02d}{(2 * n + (1 if male else 0)) % 10}"
    return first17 + check_character(first17)


def phone() -> str:
    return f"139{next(_seq):08d}"


def add_volunteer(s, name: str = "张三", **kw) -> int:
    data = volunteers.VolunteerInput(name=name, id_number=kw.pop("id_number", None) or id_number(), phone=kw.pop("phone", None) or phone(), **kw)
    return volunteers.create_volunteer(s, SYSTEM, data)
