"""Volunteer services: validation with named fields, derivation from the ID, search, masking."""

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Card, Volunteer
from desktop.services import volunteers as vs
from desktop.services.errors import PermissionDenied, ValidationError

from .helpers import add_volunteer, id_number, phone


def test_create_derives_birth_date_and_gender_and_issues_a_card(db, admin):
    with db.uow() as s:
        vid = vs.create_volunteer(s, admin, vs.VolunteerInput(name=" 张 三 ", id_number="11010519491231002x", phone="+86 138-0013-8000"))
    with db.reader() as s:
        v = s.get(Volunteer, vid)
        assert (v.name, v.gender, v.birth_date, v.phone) == ("张三", "F", date(1949, 12, 31), "13800138000")
        assert v.id_number == "11010519491231002X"
        assert (v.name_initials, v.name_pinyin) == ("zs", "zhangsan")
        assert s.scalar(select(Card.code).where(Card.volunteer_id == vid)) == v.card_code
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "volunteer")).one()
        assert entry.action == "create" and entry.entity_id == vid


def test_bad_input_names_every_field_and_writes_nothing(db, admin):
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            vs.create_volunteer(s, admin, vs.VolunteerInput(name="", id_number="110105194912310021", phone="12345"))
    assert set(err.value.fields) == {"name", "id_number", "phone"}
    assert "check digit" in err.value.fields["id_number"]
    with db.reader() as s:
        assert s.scalar(select(func.count(Volunteer.id))) == 0
        assert s.scalar(select(func.count(AuditEntry.id))) == 0


def test_gender_conflicting_with_the_id_is_shown(db, admin):
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            vs.create_volunteer(s, admin, vs.VolunteerInput(name="王五", id_number="11010519491231002X", gender="男"))
    assert "gender" in err.value.fields


def test_duplicate_id_or_phone_points_at_the_existing_volunteer(db, admin):
    number, tel = id_number(), phone()
    with db.uow() as s:
        first = add_volunteer(s, "赵六", id_number=number, phone=tel)
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            add_volunteer(s, "赵六二", id_number=number, phone=tel)
    assert f"No. {first}" in err.value.fields["id_number"]
    assert "赵六" in err.value.fields["phone"]


def test_update_is_audited_with_only_the_changes(db, admin):
    with db.uow() as s:
        vid = add_volunteer(s, "钱七")
    with db.uow() as s:
        data = vs.get_volunteer(s, admin, vid, reveal=True).data
        data.skills = "摄影、书法"
        vs.update_volunteer(s, admin, vid, data)
    with db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert '"skills"' in entry.after and "name" not in entry.after
        assert s.get(Volunteer, vid).skills == "摄影,书法"


def test_deactivate_and_reissue_card(db, admin):
    with db.uow() as s:
        vid = add_volunteer(s)
        old = s.get(Volunteer, vid).card_code
    with db.uow() as s:
        vs.set_status(s, admin, vid, "inactive")
        new = vs.reissue_card(s, admin, vid)
    with db.reader() as s:
        assert s.get(Volunteer, vid).status == "inactive"
        assert new != old
        revoked = s.scalar(select(Card.revoked_at).where(Card.code == old))
        assert revoked is not None
        assert vs.find_by_code(s, old) is None
        assert vs.find_by_code(s, new.lower()) == vid


def test_operator_cannot_edit(db, operator):
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            vs.create_volunteer(s, operator, vs.VolunteerInput(name="孙八", id_number=id_number()))


@pytest.fixture
def registry(db, admin):
    people = {}
    with db.uow() as s:
        for name, tel in [("张三", "13812345678"), ("张珊珊", "13900001111"), ("李四", "13700005678"), ("王小明", "13600002222")]:
            people[name] = add_volunteer(s, name, phone=tel)
    return people


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zs", {"张三", "张珊珊"}),
        ("ZSS", {"张珊珊"}),
        ("zhang", {"张三", "张珊珊"}),
        ("张", {"张三", "张珊珊"}),
        ("小明", {"王小明"}),
        ("5678", {"张三", "李四"}),
        ("1390000", {"张珊珊"}),
        ("", {"张三", "张珊珊", "李四", "王小明"}),
    ],
)
def test_search(db, registry, text, expected):
    with db.reader() as s:
        rows = vs.list_volunteers(s, vs.VolunteerQuery(search=text))
        assert {r.name for r in rows} == expected
        assert vs.count_volunteers(s, vs.VolunteerQuery(search=text)) == len(expected)


def test_search_by_card_code_and_id_tail(db, registry):
    with db.reader() as s:
        v = s.get(Volunteer, registry["李四"])
        code, tail = v.card_code, v.id_number[-4:]
        assert [r.name for r in vs.list_volunteers(s, vs.VolunteerQuery(search=code.lower()))] == ["李四"]
        assert "李四" in {r.name for r in vs.list_volunteers(s, vs.VolunteerQuery(search=tail))}


def test_list_masks_personal_data_and_pages(db, registry):
    with db.reader() as s:
        rows = vs.list_volunteers(s, vs.VolunteerQuery(sort="id"), offset=1, limit=2)
        assert len(rows) == 2
        assert all("*" in r.phone and "********" in r.id_number for r in rows)
        names = [r.name for r in vs.list_volunteers(s, vs.VolunteerQuery(sort="name"))]
        assert names == ["李四", "王小明", "张三", "张珊珊"]  # by pinyin


def test_reveal_needs_permission_and_is_audited(db, registry, admin, operator):
    vid = registry["张三"]
    with db.uow() as s:
        assert "*" not in vs.get_volunteer(s, admin, vid, reveal=True).data.phone
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            vs.get_volunteer(s, operator, vid, reveal=True)
    with db.reader() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "reveal")) == 1


def test_operator_registers_a_walk_in_only_through_the_console_permission(db, operator):
    data = vs.VolunteerInput(name="临时志愿者", id_number=id_number())
    with db.uow() as s:
        vid = vs.create_volunteer(s, operator, data, permission="checkin.register")
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            vs.update_volunteer(s, operator, vid, data)
