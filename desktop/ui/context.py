"""What every page needs: the open database, the acting staff member and the window's settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from desktop.db import Database
from desktop.services import settings, stations
from desktop.services.permissions import Actor


@dataclass
class AppContext:
    """Shared by the main window and its pages. `actor` is the one place the acting user is kept:
    until staff accounts exist it is services.permissions.SYSTEM; a login will replace it here."""

    database: Database
    actor: Actor
    settings: QSettings


def station_name(s) -> str:
    """The name set in Settings, else the home station's (demo data makes stations, not settings)."""
    return settings.load(s).station_name or next((r.name for r in stations.list_stations(s)), "")
