"""Stations: the centre / institute / station hierarchy that owns teams and events."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import STATION_LEVELS, Station
from desktop.services import audit
from desktop.services.errors import ValidationError
from desktop.services.permissions import Actor, require

LEVEL_LABELS = {
    "centre": QT_TRANSLATE_NOOP("Stations", "Practice centre"),
    "institute": QT_TRANSLATE_NOOP("Stations", "Practice institute"),
    "station": QT_TRANSLATE_NOOP("Stations", "Practice station"),
}


def level_label(level: str) -> str:
    return translate("Stations", LEVEL_LABELS.get(level, level))


@dataclass(frozen=True)
class StationRow:
    id: int
    name: str
    level: str
    parent_id: int | None


def create_station(
    s: Session, actor: Actor, name: str, level: str = "station", parent_id: int | None = None
) -> int:
    require(actor, "settings")
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", translate("Stations", "The station needs a name."))
    if level not in STATION_LEVELS:
        raise ValidationError("level", translate("Stations", "Unknown station level: {level}").format(level=level))
    station = Station(name=name, level=level, parent_id=parent_id)
    s.add(station)
    s.flush()
    audit.record(s, actor, "create", "station", station.id, after={"name": name, "level": level})
    return station.id


def list_stations(s: Session) -> list[StationRow]:
    rows = s.execute(select(Station.id, Station.name, Station.level, Station.parent_id).order_by(Station.id))
    return [StationRow(*r) for r in rows]


def home_station_id(s: Session) -> int | None:
    """The station this file belongs to: the first one made at the first-run welcome."""
    return s.scalar(select(Station.id).order_by(Station.id).limit(1))
