"""Who may do what: the actor passed to every service, the roles and their permissions."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import translate
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
            translate("Permissions", "{name} ({role}) may not do this ({permission}).").format(
                name=actor.name, role=actor.role, permission=permission
            )
        )
