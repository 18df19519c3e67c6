"""Who may do what: the actor passed to every service, the roles and their permissions."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.services.errors import PermissionDenied

# Each permission names one kind of action; services check them, the window hides what fails.
OPERATOR = frozenset({"checkin.scan", "checkin.manual", "checkin.register", "volunteers.view", "events.view"})
COORDINATOR = OPERATOR | {
    "volunteers.edit",
    "volunteers.import",
    "teams.edit",
    "events.edit",
    "hours.review",
    "printing",
    "shop",
    "export",
    "stats",
}
ADMIN = COORDINATOR | {"settings", "accounts", "reveal_personal", "backup", "demo", "audit.view"}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "operator": frozenset(OPERATOR),
    "coordinator": frozenset(COORDINATOR),
    "admin": frozenset(ADMIN),
}

# What a refusal calls the role; the codes above are for the program, not for the clerk.
ROLE_LABELS = {
    "admin": QT_TRANSLATE_NOOP("Permissions", "Administrator"),
    "coordinator": QT_TRANSLATE_NOOP("Permissions", "Coordinator"),
    "operator": QT_TRANSLATE_NOOP("Permissions", "Check-in operator"),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in staff member (or the command line's system actor)."""

    id: int | None
    name: str
    role: str

    def can(self, permission: str) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())


SYSTEM = Actor(None, "system", "admin")


def require(actor: Actor, permission: str) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            translate("Permissions", "{name} ({role}) may not do this.").format(
                name=actor.name, role=translate("Permissions", ROLE_LABELS.get(actor.role, actor.role))
            )
        )
