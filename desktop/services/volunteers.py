"""Volunteers: register, edit, deactivate, find (name, pinyin initials, phone, ID tail, card code)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop import codes
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.idcard import (
    IdNumberError,
    is_mobile,
    mask_id,
    mask_phone,
    normalise_phone,
    parse_resident_id,
)
from desktop.models import (
    ID_TYPES,
    VOLUNTEER_STATUSES,
    Card,
    ServiceRecord,
    Team,
    TeamMembership,
    Volunteer,
    utcnow,
)
from desktop.services import audit, settings, stars
from desktop.services.errors import NotFound, ValidationError
from desktop.services.name_keys import name_keys
from desktop.services.permissions import Actor, require

ID_TYPE_LABELS = {
    "resident_id": QT_TRANSLATE_NOOP("Volunteers", "Resident ID card"),
    "passport": QT_TRANSLATE_NOOP("Volunteers", "Passport"),
    "hk_macau_pass": QT_TRANSLATE_NOOP("Volunteers", "Mainland travel permit (HK/Macao)"),
    "taiwan_pass": QT_TRANSLATE_NOOP("Volunteers", "Mainland travel permit (Taiwan)"),
    "other": QT_TRANSLATE_NOOP("Volunteers", "Other ID"),
}
GENDER_LABELS = {"M": QT_TRANSLATE_NOOP("Volunteers", "Male"), "F": QT_TRANSLATE_NOOP("Volunteers", "Female")}
STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("Volunteers", "Active"),
    "inactive": QT_TRANSLATE_NOOP("Volunteers", "Inactive"),
}


def label(table: dict[str, str], key: str) -> str:
    return translate("Volunteers", table[key]) if key in table else key


@dataclass
class VolunteerInput:
    """What a form or an import row gives; `validate` normalises it and derives from the ID."""

    name: str
    id_number: str | None = None
    id_type: str = "resident_id"
    gender: str = ""
    birth_date: date | None = None
    phone: str = ""
    skills: str = ""
    political_status: str = ""
    registered_on: date | None = None
    status: str = "active"
    consent_extra: bool = False
    notes: str = ""
    station_id: int | None = None


@dataclass(frozen=True)
class VolunteerRow:
    """One line of the volunteer list, personal data already masked unless revealed."""

    id: int
    name: str
    gender: str
    id_number: str
    phone: str
    card_code: str
    status: str
    registered_on: date
    skills: str
    hours: float = 0.0
    stars: int = 0


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    data: VolunteerInput
    card_code: str
    teams: list[tuple[int, str]]
    hours: float
    stars: int
    events_attended: int
    created_at: datetime
    card_issued_at: datetime | None = None  # of the current card
    revoked_cards: int = 0  # earlier cards, refused at check-in


@dataclass(frozen=True)
class Clash:
    """The volunteer already registered with an ID number or phone being typed in."""

    id: int
    name: str


def registered_clashes(
    s: Session, id_type: str, id_number: str | None, phone: str, existing_id: int | None = None
) -> dict[str, Clash]:
    """`{"id_number": ..., "phone": ...}` for each of the two already registered to someone else,
    so a form can offer to open that volunteer. Values are normalised here as `validate` does."""
    found: dict[str, Clash] = {}
    number = (id_number or "").strip().upper()
    if id_type == "resident_id" and number:
        try:
            number = parse_resident_id(number).number
        except IdNumberError:
            number = ""
    if number:
        row = s.execute(
            select(Volunteer.id, Volunteer.name).where(
                Volunteer.id_type == id_type, Volunteer.id_number == number, Volunteer.id != (existing_id or 0)
            )
        ).first()
        if row:
            found["id_number"] = Clash(row.id, row.name)
    mobile = normalise_phone(phone)
    if mobile:
        row = s.execute(
            select(Volunteer.id, Volunteer.name).where(Volunteer.phone == mobile, Volunteer.id != (existing_id or 0))
        ).first()
        if row:
            found["phone"] = Clash(row.id, row.name)
    return found


def _gender_from_text(text: str) -> str:
    text = (text or "").strip().upper()
    if text in ("M", "MALE", "男"):
        return "M"
    if text in ("F", "FEMALE", "女"):
        return "F"
    return text


def validate(
    s: Session, data: VolunteerInput, existing_id: int | None = None, *, check_clashes: bool = True
) -> VolunteerInput:
    """Return a normalised copy of `data`, or raise ValidationError naming every bad field.

    `check_clashes=False` leaves out the two lookups for an ID or phone already registered:
    the roster import makes them for a thousand rows in one query.
    """
    errors: dict[str, str] = {}
    out = dataclasses.replace(data)
    out.name = re.sub(r"\s+", "", data.name or "") if re.search(r"[\u4e00-\u9fff]", data.name or "") else " ".join((data.name or "").split())
    if not out.name:
        errors["name"] = translate("Volunteers", "The name is required.")
    elif len(out.name) > 60:
        errors["name"] = translate("Volunteers", "The name is too long.")
    out.gender = _gender_from_text(data.gender)
    if out.gender not in ("", "M", "F"):
        errors["gender"] = translate("Volunteers", "Gender must be male or female.")
    if out.id_type not in ID_TYPES:
        errors["id_type"] = translate("Volunteers", "Unknown ID type.")
    if out.id_type == "resident_id" and data.id_number not in (None, ""):
        try:
            rid = parse_resident_id(data.id_number)
        except IdNumberError as exc:
            errors["id_number"] = str(exc)
        else:
            out.id_number = rid.number
            if out.gender and out.gender != rid.gender:
                errors["gender"] = translate(
                    "Volunteers", "The ID number says {gender}; the gender typed differs."
                ).format(gender=label(GENDER_LABELS, rid.gender))
            out.gender = out.gender or rid.gender
            if out.birth_date and out.birth_date != rid.birth_date:
                errors["birth_date"] = translate(
                    "Volunteers", "The ID number says the birth date is {date}."
                ).format(date=rid.birth_date.isoformat())
            out.birth_date = rid.birth_date
    else:
        out.id_number = (data.id_number or "").strip().upper() or None
    if not out.id_number:
        errors.setdefault("id_number", translate("Volunteers", "The ID number is required."))
    out.phone = normalise_phone(data.phone)
    if out.phone and not is_mobile(out.phone):
        errors["phone"] = translate(
            "Volunteers", "A mobile number has 11 digits and starts with 13-19: {phone}"
        ).format(phone=data.phone)
    if out.status not in VOLUNTEER_STATUSES:
        errors["status"] = translate("Volunteers", "Unknown status.")
    out.registered_on = data.registered_on or date.today()
    if out.registered_on > date.today():
        errors["registered_on"] = translate("Volunteers", "The registration date is in the future.")
    out.skills = " ".join((data.skills or "").replace("，", ",").replace("、", ",").split())
    if check_clashes:
        clashes = registered_clashes(
            s, out.id_type, None if "id_number" in errors else out.id_number,
            "" if "phone" in errors else out.phone, existing_id,
        )
        if "id_number" in clashes:
            errors["id_number"] = translate(
                "Volunteers", "This ID number is already registered for {name} (No. {id})."
            ).format(name=clashes["id_number"].name, id=clashes["id_number"].id)
        if "phone" in clashes:
            errors["phone"] = translate(
                "Volunteers", "This phone number is already registered for {name} (No. {id})."
            ).format(name=clashes["phone"].name, id=clashes["phone"].id)
    if errors:
        raise ValidationError(errors)
    return out


def _snapshot(v: Volunteer) -> dict:
    return {
        f.name: getattr(v, f.name)
        for f in dataclasses.fields(VolunteerInput)
    }


def _apply(v: Volunteer, data: VolunteerInput) -> None:
    for f in dataclasses.fields(VolunteerInput):
        setattr(v, f.name, getattr(data, f.name))
    v.name_initials, v.name_pinyin = name_keys(data.name)
    v.id_tail = (data.id_number or "")[-4:]
    v.phone_tail = (data.phone or "")[-4:]


def new_card_code(s: Session) -> str:
    """A fresh code; a clash with any code ever issued (50 random bits) is retried, never reused."""
    while True:
        code = codes.make_code()
        if s.scalar(select(Card.id).where(Card.code == code)) is None:
            return code


def add_volunteer(s: Session, data: VolunteerInput, *, card_code: str | None = None) -> Volunteer:
    """Insert an already validated volunteer with a new card (shared by the form and imports)."""
    v = Volunteer()
    _apply(v, data)
    v.card_code = card_code or new_card_code(s)
    s.add(v)
    s.flush()
    s.add(Card(volunteer_id=v.id, code=v.card_code))
    return v


def create_volunteer(s: Session, actor: Actor, data: VolunteerInput, *, permission: str = "volunteers.edit") -> int:
    """Register a volunteer. `permission` is narrower for a walk-in registered at the check-in
    console ("checkin.register"), which an operator has without being able to edit the registry."""
    require(actor, permission)
    clean = validate(s, data)
    v = add_volunteer(s, clean)
    audit.record(s, actor, "create", "volunteer", v.id, after=_snapshot(v) | {"card_code": v.card_code})
    return v.id


def _get(s: Session, volunteer_id: int) -> Volunteer:
    v = s.get(Volunteer, volunteer_id)
    if v is None:
        raise NotFound(translate("Volunteers", "No volunteer with number {id}.").format(id=volunteer_id))
    return v


def update_volunteer(
    s: Session, actor: Actor, volunteer_id: int, data: VolunteerInput, *, keep_personal: bool = False
) -> None:
    """Save an edited record. With `keep_personal`, an empty ID number or phone keeps the stored
    one: the form shows them masked, and a clerk who may not see them can still edit the rest."""
    require(actor, "volunteers.edit")
    v = _get(s, volunteer_id)
    if keep_personal:
        data = dataclasses.replace(
            data, id_number=(data.id_number or "").strip() or v.id_number, phone=(data.phone or "").strip() or v.phone
        )
    clean = validate(s, data, existing_id=volunteer_id)
    before = _snapshot(v)
    _apply(v, clean)
    old, new = audit.changed(before, _snapshot(v))
    if new:
        audit.record(s, actor, "update", "volunteer", v.id, old, new)


def set_status(s: Session, actor: Actor, volunteer_id: int, status: str) -> None:
    """Deactivate (or reactivate): records stay, the volunteer drops out of active lists."""
    require(actor, "volunteers.edit")
    if status not in VOLUNTEER_STATUSES:
        raise ValidationError("status", translate("Volunteers", "Unknown status."))
    v = _get(s, volunteer_id)
    if v.status != status:
        audit.record(s, actor, "status", "volunteer", v.id, {"status": v.status}, {"status": status})
        v.status = status


def reissue_card(s: Session, actor: Actor, volunteer_id: int) -> str:
    """A new code for a lost card; the old one is revoked and refused at check-in."""
    require(actor, "volunteers.edit")
    v = _get(s, volunteer_id)
    old = v.card_code
    if old:
        card = s.scalar(select(Card).where(Card.code == old))
        if card is not None:
            card.revoked_at = utcnow()
    v.card_code = new_card_code(s)
    s.flush()
    s.add(Card(volunteer_id=v.id, code=v.card_code))
    audit.record(s, actor, "reissue_card", "volunteer", v.id, {"card_code": old}, {"card_code": v.card_code})
    return v.card_code


def approved_minutes(s: Session, volunteer_ids: list[int]) -> dict[int, int]:
    if not volunteer_ids:
        return {}
    rows = s.execute(
        select(ServiceRecord.volunteer_id, func.sum(ServiceRecord.minutes))
        .where(ServiceRecord.volunteer_id.in_(volunteer_ids), ServiceRecord.review_state == "approved")
        .group_by(ServiceRecord.volunteer_id)
    )
    return {vid: int(total or 0) for vid, total in rows}


def get_volunteer(s: Session, actor: Actor, volunteer_id: int, *, reveal: bool = False) -> VolunteerDetail:
    require(actor, "volunteers.view")
    v = _get(s, volunteer_id)
    data = VolunteerInput(**_snapshot(v))
    if reveal:
        require(actor, "reveal_personal")
        audit.record(s, actor, "reveal", "volunteer", v.id)
    else:
        data.id_number = mask_id(data.id_number)
        data.phone = mask_phone(data.phone)
    teams = [
        (tid, name)
        for tid, name in s.execute(
            select(Team.id, Team.name)
            .join(TeamMembership, TeamMembership.team_id == Team.id)
            .where(TeamMembership.volunteer_id == v.id)
            .order_by(Team.name)
        )
    ]
    minutes = approved_minutes(s, [v.id]).get(v.id, 0)
    attended = s.scalar(
        select(func.count(func.distinct(ServiceRecord.event_id))).where(
            ServiceRecord.volunteer_id == v.id, ServiceRecord.review_state.in_(("pending", "approved"))
        )
    )
    thresholds = _thresholds(s)
    return VolunteerDetail(
        id=v.id,
        data=data,
        card_code=v.card_code or "",
        teams=teams,
        hours=minutes / 60,
        stars=stars.level_for_hours(minutes / 60, thresholds),
        events_attended=attended or 0,
        created_at=v.created_at,
        card_issued_at=s.scalar(select(Card.issued_at).where(Card.code == v.card_code)) if v.card_code else None,
        revoked_cards=s.scalar(
            select(func.count(Card.id)).where(Card.volunteer_id == v.id, Card.revoked_at.is_not(None))
        ) or 0,
    )


def _thresholds(s: Session) -> tuple[float, ...]:
    return settings.load(s).star_thresholds


SORT_COLUMNS = {
    "id": Volunteer.id,
    "name": Volunteer.name_pinyin,
    "gender": Volunteer.gender,
    "phone": Volunteer.phone,
    "registered_on": Volunteer.registered_on,
    "status": Volunteer.status,
    "card_code": Volunteer.card_code,
}


@dataclass
class VolunteerQuery:
    """Filters and order for the volunteer list; every one runs in SQL."""

    search: str = ""
    status: str | None = None
    team_id: int | None = None
    station_id: int | None = None
    skill: str = ""
    registered_from: date | None = None
    registered_to: date | None = None
    star_level: int | None = None
    sort: str = "id"
    descending: bool = False
    ids: list[int] = field(default_factory=list)


def _prefix(col, text: str):
    """`col` starts with `text`, written as a range so that any database can use the index
    (SQLite will not use an index for LIKE 'x' || '%')."""
    return and_(col >= text, col < text + "\U0010ffff")


def search_condition(text: str):
    """What a search box means: digits are a phone or ID tail, letters are pinyin or a card code."""
    raw = (text or "").strip()
    text = codes.normalise(raw) if re.fullmatch(r"[\sA-Za-z0-9Ａ-Ｚａ-ｚ０-９-]+", raw) else raw
    if not text:
        return None
    if text.isdigit():
        conds = [_prefix(Volunteer.phone, text)]
        if len(text) == 4:
            conds += [Volunteer.phone_tail == text, Volunteer.id_tail == text]
        if len(text) >= 6:
            conds.append(_prefix(Volunteer.id_number, text))
        if len(text) <= 9:
            conds.append(Volunteer.id == int(text))
        return or_(*conds)
    if re.fullmatch(r"[A-Z0-9]+", text):
        lower = text.lower()
        conds = [_prefix(Volunteer.name_initials, lower), _prefix(Volunteer.name_pinyin, lower)]
        if text.startswith(codes.PREFIX) and len(text) > 2:
            conds.append(_prefix(Volunteer.card_code, text))
        if len(text) == 4 and text[-1] == "X":
            conds.append(Volunteer.id_tail == text)
        if len(text) >= 6 and text[:6].isdigit():
            conds.append(_prefix(Volunteer.id_number, text))
        return or_(*conds)
    # Chinese (or mixed) text: a name. Prefix first for the index; "contains" finds given names.
    return or_(_prefix(Volunteer.name, text), Volunteer.name.contains(text, autoescape=True))


def _filtered(q: VolunteerQuery, stmt: Select, thresholds: tuple[float, ...]) -> Select:
    cond = search_condition(q.search)
    if cond is not None:
        stmt = stmt.where(cond)
    if q.status:
        stmt = stmt.where(Volunteer.status == q.status)
    if q.team_id:
        stmt = stmt.where(
            Volunteer.id.in_(select(TeamMembership.volunteer_id).where(TeamMembership.team_id == q.team_id))
        )
    if q.station_id is not None:
        stmt = stmt.where(Volunteer.station_id == q.station_id)
    if q.skill:
        stmt = stmt.where(Volunteer.skills.contains(q.skill.strip()))
    if q.registered_from:
        stmt = stmt.where(Volunteer.registered_on >= q.registered_from)
    if q.registered_to:
        stmt = stmt.where(Volunteer.registered_on <= q.registered_to)
    if q.star_level is not None:
        stmt = stmt.where(stars.star_level_condition(Volunteer.id, q.star_level, thresholds))
    if q.ids:
        stmt = stmt.where(Volunteer.id.in_(q.ids))
    return stmt


# Up to this many matches, a search reads them by index before ordering them (see list_volunteers).
FEW_MATCHES = 500


def count_volunteers(s: Session, q: VolunteerQuery) -> int:
    return s.scalar(_filtered(q, select(func.count(Volunteer.id)), _thresholds(s))) or 0


def list_volunteers(
    s: Session, q: VolunteerQuery, offset: int = 0, limit: int = 100, *, reveal: bool = False,
    total: int | None = None,
) -> list[VolunteerRow]:
    """A page of the list; hours and stars are added for that page only.

    `total`, the count a caller already has (the list model does), picks the faster plan: a
    few matches are found through the indexes first, many by walking the register in order.
    """
    thresholds = _thresholds(s)
    order = SORT_COLUMNS.get(q.sort, Volunteer.id)
    columns = select(
        Volunteer.id,
        Volunteer.name,
        Volunteer.gender,
        Volunteer.id_number,
        Volunteer.phone,
        Volunteer.card_code,
        Volunteer.status,
        Volunteer.registered_on,
        Volunteer.skills,
    )
    if total is not None and total <= FEW_MATCHES and search_condition(q.search) is not None:
        stmt = columns.where(Volunteer.id.in_(_filtered(q, select(Volunteer.id), thresholds)))
    else:
        stmt = _filtered(q, columns, thresholds)
    stmt = stmt.order_by(order.desc() if q.descending else order.asc(), Volunteer.id).offset(offset).limit(limit)
    rows = s.execute(stmt).all()
    minutes = approved_minutes(s, [r.id for r in rows])
    out = []
    for r in rows:
        hours = minutes.get(r.id, 0) / 60
        out.append(
            VolunteerRow(
                id=r.id,
                name=r.name,
                gender=r.gender,
                id_number=r.id_number if reveal else mask_id(r.id_number),
                phone=r.phone if reveal else mask_phone(r.phone),
                card_code=r.card_code or "",
                status=r.status,
                registered_on=r.registered_on,
                skills=r.skills,
                hours=hours,
                stars=stars.level_for_hours(hours, thresholds),
            )
        )
    return out


def find_by_code(s: Session, code: str) -> int | None:
    return s.scalar(select(Volunteer.id).where(Volunteer.card_code == codes.normalise(code)))

