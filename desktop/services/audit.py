"""The audit log: one entry for every change, with before and after values."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from desktop.models import AuditEntry
from desktop.services.permissions import Actor


def _dump(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(
    s: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    s.add(
        AuditEntry(
            actor_id=actor.id,
            actor_name=actor.name,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_dump(before),
            after=_dump(after),
        )
    )


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the fields that differ, so an entry says what changed and nothing else."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}
