"""Where things live (data, backups, resources) and the typed station settings with defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
DB_ENV = "STATIONDESK_DB"


def resources_dir() -> Path:
    """The shipped resources: next to the package in a checkout, or bundled by PyInstaller."""
    bundled = os.environ.get("STATIONDESK_RESOURCES")
    if bundled:
        return Path(bundled)
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "stationdesk.sqlite"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH` wins, then $STATIONDESK_DB, then the platform data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database file, so a copied folder carries its history."""
    return db_path.parent / "backups"


@dataclass(frozen=True)
class StationSettings:
    """Station-wide settings kept in the database; plain values only, defaults in one place."""

    star_thresholds: tuple[float, ...] = (100, 300, 600, 1000, 1500)
    points_per_hour: float = 1.0
    category_weights: dict[str, float] = field(default_factory=dict)
    points_cap_per_activity: float = 0.0  # 0 = no cap
    duplicate_window_seconds: int = 60
    station_name: str = ""
    station_level: str = "station"
    person_in_charge: str = ""
    handler: str = ""
    contact: str = ""
    logo_path: str = ""
    seal_path: str = ""
    idle_lock_minutes: int = 15
    backups_kept: int = 14


SETTING_KEYS = tuple(StationSettings.__dataclass_fields__)
