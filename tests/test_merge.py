"""Duplicates: found by rule, merged with everything moving to the kept record."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from desktop.models import (
    AuditEntry,
    Card,
    Enrolment,
    Scan,
    ServiceRecord,
    TeamMembership,
    Volunteer,
)
from desktop.services import enrolment, events, merge, teams, volunteers
from desktop.services.errors import PermissionDenied, ValidationError

from .helpers import add_volunteer, id_number


def test_find_duplicates_by_name_and_phone_or_birth(db, admin):
    with db.uow() as s:
        a = add_volunteer(s, "张三", phone="13800000001")
        b = add_volunteer(s, "李四")
        # The same person registered twice: phone typed differently -> found by name + birth date.
        number = id_number()
        c = volunteers.add_volunteer(s, volunteers.VolunteerInput(name="李四", id_number=number, id_type="passport", registered_on=datetime.now().date())).id
        s.get(Volunteer, c).birth_date = s.get(Volunteer, b).birth_date
        d = volunteers.add_volunteer(s, volunteers.VolunteerInput(name="张三", id_number="X1", id_type="other", phone="13800000001", registered_on=datetime.now().date())).id
    with db.reader() as s:
        pairs = {(p.first_id, p.second_id, p.why) for p in merge.find_duplicates(s)}
    assert (a, d, "same_name_phone") in pairs
    assert (b, c, "same_name_birth") in pairs


def test_merge_moves_everything_and_is_audited(db, admin):
    now = datetime.now(timezone.utc)
    with db.uow() as s:
        keep, drop = add_volunteer(s, "王五"), add_volunteer(s, "王五")
        t1 = teams.create_team(s, admin, teams.TeamInput("书香阅读志愿队", "reading", leader_id=drop))
        t2 = teams.create_team(s, admin, teams.TeamInput("敬老助残志愿队", "elderly_disability"))
        teams.add_members(s, admin, t2, [keep, drop])
        e1 = events.create_event(s, admin, events.EventInput("活动一", now, now + timedelta(hours=1)), status="published")
        e2 = events.create_event(s, admin, events.EventInput("活动二", now, now + timedelta(hours=1)), status="published")
        enrolment.enrol(s, admin, e1, [keep, drop])
        enrolment.enrol(s, admin, e2, [drop])
        s.add(Scan(event_id=e2, volunteer_id=drop, direction="in", accepted=True, raw="x"))
        s.add(ServiceRecord(event_id=e2, volunteer_id=drop, minutes=120, review_state="approved"))
        old_code = s.get(Volunteer, drop).card_code
    with db.uow() as s:
        merge.merge_volunteers(s, admin, keep, drop)
    with db.reader() as s:
        assert s.get(Volunteer, drop) is None
        assert set(s.scalars(select(TeamMembership.team_id).where(TeamMembership.volunteer_id == keep))) == {t1, t2}
        assert sorted(s.scalars(select(Enrolment.event_id).where(Enrolment.volunteer_id == keep))) == [e1, e2]
        assert s.scalar(select(Scan.volunteer_id)) == keep
        assert volunteers.approved_minutes(s, [keep]) == {keep: 120}
        card = s.scalars(select(Card).where(Card.code == old_code)).one()
        assert card.volunteer_id == keep and card.revoked_at is not None
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "merge")).one()
        assert entry.entity_id == keep and str(drop) in entry.before


def test_merge_refuses_bad_pairs_and_operators(db, admin, operator):
    with db.uow() as s:
        a = add_volunteer(s, "甲")
    with pytest.raises(ValidationError):
        with db.uow() as s:
            merge.merge_volunteers(s, admin, a, a)
    with pytest.raises(PermissionDenied):
        with db.uow() as s:
            merge.merge_volunteers(s, operator, a, a + 1)
