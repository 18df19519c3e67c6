"""Brand-project templates: a project's usual event (title, place, team, times...), reused in two clicks."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import translate
from desktop.models import EventTemplate, Team
from desktop.services import audit, events
from desktop.services.errors import NotFound, ValidationError
from desktop.services.events import EventInput
from desktop.services.permissions import Actor, require

# Stored in the template's JSON: every event field except the two instants.
_FIELDS = tuple(f.name for f in dataclasses.fields(EventInput) if f.name not in ("start_at", "end_at"))


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    title: str
    category: str
    place: str
    start_time: time
    duration_minutes: int


def _clean_name(s: Session, name: str, station_id: int | None, existing_id: int | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", translate("Templates", "The template needs a name."))
    if len(name) > 100:
        raise ValidationError("name", translate("Templates", "The template name is too long."))
    clash = s.scalar(
        select(EventTemplate.id).where(
            EventTemplate.name == name,
            EventTemplate.station_id.is_(None) if station_id is None else EventTemplate.station_id == station_id,
            EventTemplate.id != (existing_id or 0),
        )
    )
    if clash:
        raise ValidationError("name", translate("Templates", "A template named {name} already exists.").format(name=name))
    return name


def _apply(t: EventTemplate, clean: EventInput) -> None:
    start = clean.start_at.astimezone()
    t.start_time = start.time().replace(second=0, microsecond=0)
    t.duration_minutes = int((clean.end_at - clean.start_at).total_seconds() // 60)
    t.fields = json.dumps({k: getattr(clean, k) for k in _FIELDS}, ensure_ascii=False, sort_keys=True)


def _snapshot(t: EventTemplate) -> dict:
    return {"name": t.name, "start_time": t.start_time, "duration_minutes": t.duration_minutes, "fields": t.fields}


def _get(s: Session, template_id: int) -> EventTemplate:
    t = s.get(EventTemplate, template_id)
    if t is None:
        raise NotFound(translate("Templates", "No template with number {id}.").format(id=template_id))
    return t


def create_template(s: Session, actor: Actor, name: str, data: EventInput) -> int:
    """Keep an event's fields as a template; its date is ignored, its start time and length kept."""
    require(actor, "events.edit")
    clean = events._validate(s, data)
    t = EventTemplate(name=_clean_name(s, name, clean.station_id, None), station_id=clean.station_id)
    _apply(t, clean)
    s.add(t)
    s.flush()
    audit.record(s, actor, "create", "template", t.id, after=_snapshot(t))
    return t.id


def update_template(s: Session, actor: Actor, template_id: int, name: str, data: EventInput) -> None:
    require(actor, "events.edit")
    t = _get(s, template_id)
    clean = events._validate(s, data)
    before = _snapshot(t)
    t.name = _clean_name(s, name, clean.station_id, template_id)
    t.station_id = clean.station_id
    _apply(t, clean)
    old, new = audit.changed(before, _snapshot(t))
    if new:
        audit.record(s, actor, "update", "template", t.id, old, new)


def delete_template(s: Session, actor: Actor, template_id: int) -> None:
    require(actor, "events.edit")
    t = _get(s, template_id)
    audit.record(s, actor, "delete", "template", t.id, before=_snapshot(t))
    s.delete(t)


def list_templates(s: Session, station_id: int | None = None) -> list[TemplateRow]:
    """A station's templates (with those not tied to a station), by name."""
    stmt = select(EventTemplate).order_by(EventTemplate.name, EventTemplate.id)
    if station_id is not None:
        stmt = stmt.where((EventTemplate.station_id == station_id) | EventTemplate.station_id.is_(None))
    out = []
    for t in s.scalars(stmt):
        f = json.loads(t.fields or "{}")
        out.append(
            TemplateRow(t.id, t.name, f.get("title", ""), f.get("category", "other"), f.get("place", ""),
                        t.start_time, t.duration_minutes)
        )
    return out


def template_event(s: Session, template_id: int, day: date) -> EventInput:
    """The event a template gives on a local date (not saved): for the editor to show first."""
    t = _get(s, template_id)
    stored = json.loads(t.fields or "{}")
    values = {k: stored[k] for k in _FIELDS if k in stored}
    if values.get("team_id") is not None and s.get(Team, values["team_id"]) is None:
        values["team_id"] = None  # the team was dissolved since; the rest still applies
    start = datetime.combine(day, t.start_time).astimezone()
    return EventInput(start_at=start, end_at=start + timedelta(minutes=t.duration_minutes), **values)


def create_from_template(
    s: Session,
    actor: Actor,
    template_id: int,
    day: date,
    *,
    status: str = "draft",
    override_reason: str | None = None,
) -> int:
    """The second click: an event on `day` from the template, checked for conflicts like any save."""
    data = template_event(s, template_id, day)
    event_id = events.save_event(s, actor, data, status=status, override_reason=override_reason)
    audit.record(s, actor, "from_template", "event", event_id, after={"template_id": template_id})
    return event_id
