"""Station settings: read the typed view, change values (admin only, audited)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.config import SETTING_KEYS, StationSettings
from desktop.i18n import translate
from desktop.models import Setting
from desktop.services import audit
from desktop.services.errors import ValidationError
from desktop.services.permissions import Actor, require


def _coerce(key: str, value: Any) -> Any:
    default = getattr(StationSettings(), key)
    if isinstance(default, tuple):
        return tuple(value)
    return value


def load(s: Session) -> StationSettings:
    stored = {row.key: json.loads(row.value) for row in s.scalars(select(Setting))}
    known = {k: _coerce(k, v) for k, v in stored.items() if k in SETTING_KEYS}
    return StationSettings(**known)


def _validate(key: str, value: Any) -> None:
    if key not in SETTING_KEYS:
        raise ValidationError(key, translate("Settings", "Unknown setting: {key}").format(key=key))
    if key == "star_thresholds":
        values = list(value)
        if len(values) != 5 or any(v <= 0 for v in values) or values != sorted(set(values)):
            raise ValidationError(
                key,
                translate("Settings", "Star levels need five rising hour thresholds above zero."),
            )
    if key in ("points_per_hour", "points_cap_per_activity") and float(value) < 0:
        raise ValidationError(key, translate("Settings", "This value cannot be negative."))


def update(s: Session, actor: Actor, **changes: Any) -> StationSettings:
    require(actor, "settings")
    current = dataclasses.asdict(load(s))
    for key, value in changes.items():
        _validate(key, value)
    for key, value in changes.items():
        row = s.get(Setting, key)
        text = json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        if row is None:
            s.add(Setting(key=key, value=text))
        else:
            row.value = text
    before, after = audit.changed(current, {**current, **changes})
    if after:
        audit.record(s, actor, "update", "settings", None, before, after)
    s.flush()
    return load(s)
