"""Duplicate volunteers: find likely pairs, and merge one record into another (audited)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session, aliased

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import (
    Card,
    Enrolment,
    PointsEntry,
    Redemption,
    Scan,
    ServiceRecord,
    Team,
    TeamMembership,
    Volunteer,
    utcnow,
)
from desktop.services import audit
from desktop.services.errors import NotFound, ValidationError
from desktop.services.permissions import Actor, require

WHY_LABELS = {
    "same_id": QT_TRANSLATE_NOOP("Merge", "Same ID number"),
    "same_name_phone": QT_TRANSLATE_NOOP("Merge", "Same name and phone"),
    "same_name_birth": QT_TRANSLATE_NOOP("Merge", "Same name and birth date"),
}

# Tables whose rows simply follow the volunteer to the kept record. Tables added by later
# features (points, certificates...) register here so that a merge moves them too.
FOLLOWING_TABLES: list[tuple[type, str]] = [
    (Scan, "volunteer_id"),
    (ServiceRecord, "volunteer_id"),
    (PointsEntry, "volunteer_id"),  # the points ledger: balances add up on the kept record
    (Redemption, "volunteer_id"),
]


@dataclass(frozen=True)
class DuplicatePair:
    first_id: int
    first_name: str
    second_id: int
    second_name: str
    why: str

    @property
    def why_label(self) -> str:
        return translate("Merge", WHY_LABELS[self.why])


def find_duplicates(s: Session, limit: int = 500) -> list[DuplicatePair]:
    """Pairs that are probably one person: one indexed self-join per rule, set-based."""
    a, b = aliased(Volunteer), aliased(Volunteer)
    rules = {
        "same_id": and_(a.id_number == b.id_number, a.id_number.is_not(None)),
        "same_name_phone": and_(a.name == b.name, a.phone == b.phone, a.phone != ""),
        "same_name_birth": and_(a.name == b.name, a.birth_date == b.birth_date, a.birth_date.is_not(None)),
    }
    seen: set[tuple[int, int]] = set()
    out: list[DuplicatePair] = []
    for why, cond in rules.items():
        rows = s.execute(
            select(a.id, a.name, b.id, b.name).join(b, and_(cond, a.id < b.id)).order_by(a.id).limit(limit)
        )
        for aid, aname, bid, bname in rows:
            if (aid, bid) not in seen:
                seen.add((aid, bid))
                out.append(DuplicatePair(aid, aname, bid, bname, why))
    return out[:limit]


def merge_volunteers(s: Session, actor: Actor, keep_id: int, drop_id: int) -> None:
    """Move everything of `drop_id` to `keep_id`, then remove `drop_id`. One transaction.

    Scans, service records and enrolments move; team memberships are united; the dropped
    record's cards are revoked and moved, so a scan of an old card still says "revoked".
    """
    require(actor, "volunteers.edit")
    if keep_id == drop_id:
        raise ValidationError("drop_id", translate("Merge", "Choose two different volunteers to merge."))
    keep, drop = s.get(Volunteer, keep_id), s.get(Volunteer, drop_id)
    if keep is None or drop is None:
        missing = keep_id if keep is None else drop_id
        raise NotFound(translate("Volunteers", "No volunteer with number {id}.").format(id=missing))
    snapshot = {
        "name": drop.name, "id_number": drop.id_number, "phone": drop.phone,
        "card_code": drop.card_code, "registered_on": drop.registered_on,
    }
    moved: dict[str, int] = {}
    for model, column in FOLLOWING_TABLES:
        result = s.execute(
            update(model).where(getattr(model, column) == drop_id).values({column: keep_id})
        )
        moved[model.__tablename__] = result.rowcount or 0
    # Enrolments: where both were enrolled in the same event, the kept record's entry wins.
    both = select(Enrolment.event_id).where(Enrolment.volunteer_id == keep_id)
    s.execute(delete(Enrolment).where(Enrolment.volunteer_id == drop_id, Enrolment.event_id.in_(both)))
    moved["enrolments"] = s.execute(
        update(Enrolment).where(Enrolment.volunteer_id == drop_id).values(volunteer_id=keep_id)
    ).rowcount or 0
    teams_of_keep = select(TeamMembership.team_id).where(TeamMembership.volunteer_id == keep_id)
    s.execute(
        delete(TeamMembership).where(
            TeamMembership.volunteer_id == drop_id, TeamMembership.team_id.in_(teams_of_keep)
        )
    )
    moved["team_memberships"] = s.execute(
        update(TeamMembership).where(TeamMembership.volunteer_id == drop_id).values(volunteer_id=keep_id)
    ).rowcount or 0
    s.execute(update(Team).where(Team.leader_id == drop_id).values(leader_id=keep_id))
    s.execute(
        update(Card)
        .where(Card.volunteer_id == drop_id, Card.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    s.execute(update(Card).where(Card.volunteer_id == drop_id).values(volunteer_id=keep_id))
    s.expire_all()
    s.delete(s.get(Volunteer, drop_id))
    s.flush()
    audit.record(
        s, actor, "merge", "volunteer", keep_id,
        before={"merged_volunteer_id": drop_id, **snapshot}, after={"moved": moved},
    )

