"""Errors a service raises for the user: each carries a message in the user's language."""

from __future__ import annotations

from desktop.i18n import translate


class ServiceError(Exception):
    """The user's problem (bad input, missing record, no permission), never a bug."""

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(ServiceError):
    """Bad input; `fields` maps each field name to what is wrong with it."""

    def __init__(self, fields: dict[str, str] | str, message: str | None = None):
        if isinstance(fields, str):
            fields = {fields: message or ""}
        self.fields = dict(fields)
        super().__init__(message or translate("Common", "; ").join(self.fields.values()))


class NotFound(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class Conflict(ServiceError):
    """The action clashes with the current state (a transition not allowed, a full event...)."""
