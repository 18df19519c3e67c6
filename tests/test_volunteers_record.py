"""Service pieces the volunteer form and pane need: who holds a number, editing with masked numbers, card status."""

from __future__ import annotations

import pytest

from desktop.services import volunteers
from desktop.services.errors import ValidationError
from desktop.services.volunteers import Clash, VolunteerInput
from tests.helpers import add_volunteer, id_number


def test_registered_clashes_names_the_holder_of_an_id_or_phone(db, admin):
    number = id_number()
    with db.uow() as s:
        holder = add_volunteer(s, "张三", id_number=number, phone="13900001234")
    with db.reader() as s:
        found = volunteers.registered_clashes(s, "resident_id", f" {number.lower()} ", "139 0000 1234")
        assert found == {"id_number": Clash(holder, "张三"), "phone": Clash(holder, "张三")}
        assert volunteers.registered_clashes(s, "resident_id", number, "13900001234", holder) == {}
        assert volunteers.registered_clashes(s, "passport", number, "") == {}  # another kind of ID
        assert volunteers.registered_clashes(s, "resident_id", "not a number", "") == {}


def test_validate_still_reports_both_clashes_in_words(db, admin):
    number = id_number()
    with db.uow() as s:
        holder = add_volunteer(s, "张三", id_number=number, phone="13900001234")
    with db.reader() as s, pytest.raises(ValidationError) as err:
        volunteers.validate(s, VolunteerInput(name="李四", id_number=number, phone="13900001234"))
    assert err.value.fields == {
        "id_number": f"This ID number is already registered for 张三 (No. {holder}).",
        "phone": f"This phone number is already registered for 张三 (No. {holder}).",
    }


def test_update_keeps_the_stored_numbers_when_left_empty(db, coordinator, admin):
    number = id_number()
    with db.uow() as s:
        vid = add_volunteer(s, "张三", id_number=number, phone="13900001234")
    with db.uow() as s:
        volunteers.update_volunteer(
            s, coordinator, vid, VolunteerInput(name="张三", id_number="", phone="", skills="急救"), keep_personal=True
        )
    with db.reader() as s:
        data = volunteers.get_volunteer(s, admin, vid, reveal=True).data
    assert (data.id_number, data.phone, data.skills) == (number, "13900001234", "急救")
    # Without keep_personal an empty ID number is an error, as before.
    with db.uow() as s, pytest.raises(ValidationError) as err:
        volunteers.update_volunteer(s, coordinator, vid, VolunteerInput(name="张三", id_number=""))
    assert "id_number" in err.value.fields


def test_update_with_a_new_phone_and_the_id_kept(db, coordinator, admin):
    number = id_number()
    with db.uow() as s:
        vid = add_volunteer(s, "张三", id_number=number, phone="13900001234")
        other = add_volunteer(s, "李四", phone="13900005678")
    with db.uow() as s, pytest.raises(ValidationError) as err:
        volunteers.update_volunteer(
            s, coordinator, vid, VolunteerInput(name="张三", phone="13900005678"), keep_personal=True
        )
    assert f"(No. {other})" in err.value.fields["phone"]
    with db.uow() as s:
        volunteers.update_volunteer(s, coordinator, vid, VolunteerInput(name="张三", phone="13700001111"), keep_personal=True)
    with db.reader() as s:
        data = volunteers.get_volunteer(s, admin, vid, reveal=True).data
    assert (data.id_number, data.phone) == (number, "13700001111")


def test_the_detail_tells_when_the_card_was_issued_and_how_many_were_revoked(db, admin):
    with db.uow() as s:
        vid = add_volunteer(s, "张三")
    with db.reader() as s:
        first = volunteers.get_volunteer(s, admin, vid)
    assert first.card_issued_at is not None and first.revoked_cards == 0
    with db.uow() as s:
        volunteers.reissue_card(s, admin, vid)
        volunteers.reissue_card(s, admin, vid)
    with db.reader() as s:
        later = volunteers.get_volunteer(s, admin, vid)
    assert later.revoked_cards == 2 and later.card_code != first.card_code
    assert later.card_issued_at >= first.card_issued_at



@pytest.mark.parametrize("search", ["张", "张三", "zs", "1390000", "card", "0007"])
def test_a_few_matches_read_through_the_index_give_the_same_page(db, admin, search):
    with db.uow() as s:
        for i, name in enumerate(["张三", "李四", "张小红", "王五", "张三丰"] * 4):
            vid = add_volunteer(s, name, phone=f"1390000{i:04d}")
        if search == "card":
            search = volunteers.get_volunteer(s, admin, vid).card_code[:4]
    query = volunteers.VolunteerQuery(search=search, sort="name", descending=True)
    with db.reader() as s:
        total = volunteers.count_volunteers(s, query)
        assert total > 0
        plain = volunteers.list_volunteers(s, query, 1, 7)
        hinted = volunteers.list_volunteers(s, query, 1, 7, total=total)
    assert hinted == plain
