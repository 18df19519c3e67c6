"""What one `python -m bench` run shares: options, the district-scale demo database, the figures cache.

The database is built once and reused across runs while the sizes and the code that shapes it
(models, migrations, the demo generator) are unchanged; its file name carries both.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.db import Database, open_database
from desktop.services import demo

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT / "bench" / ".data"
DISTRICT = demo.DemoSize(volunteers=70_000, teams=120, events=5_000, scans=1_000_000)
QUICK = demo.DemoSize(volunteers=2_000, teams=24, events=300, scans=20_000)
# The files whose change changes the demo database.
SHAPING = (
    "desktop/models.py",
    "desktop/services/demo.py",
    "desktop/services/demo_words.py",
    "desktop/migrations/versions/*.py",
)


def code_version() -> str:
    digest = hashlib.sha256()
    for pattern in SHAPING:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def size_tag(size: demo.DemoSize) -> str:
    return f"{size.volunteers}v-{size.teams}t-{size.events}e-{size.scans}s"


@dataclass
class Built:
    """How long making a demo database took, from `timed_generate`."""

    seconds: float  # wall clock, schema creation included
    generate_seconds: float  # demo.generate's own figure
    cpu_seconds: float
    load_average: float
    result: dict[str, Any]
    built_at: str


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # Windows
        return 0.0


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def timed_generate(path: Path, size: demo.DemoSize) -> Built:
    """Make a demo database in a fresh file and time it."""
    remove_database(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    load = load_average()
    wall, cpu = time.perf_counter(), time.process_time()
    db = open_database(path)
    try:
        result = demo.generate(db, size, seed=1)
    finally:
        db.dispose()
    return Built(
        seconds=round(time.perf_counter() - wall, 2),
        generate_seconds=result.seconds,
        cpu_seconds=round(time.process_time() - cpu, 2),
        load_average=max(load, load_average()),
        result=result.as_dict(),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


@dataclass
class Context:
    quick: bool = False
    reuse: bool = False
    verbose: bool = False
    data_dir: Path = DEFAULT_DATA_DIR
    cache: dict[str, Any] = field(default_factory=dict)  # figures shared by several benchmarks
    # Taken once: a file edited during a run must not make a later benchmark build another database.
    version: str = field(default_factory=code_version)
    built_now: Built | None = None  # the shared database was made during this run

    @property
    def size(self) -> demo.DemoSize:
        return QUICK if self.quick else DISTRICT

    @property
    def python(self) -> str:
        return sys.executable

    def database_path(self) -> Path:
        return self.data_dir / f"demo-{size_tag(self.size)}-{self.version}.sqlite"

    def _meta_path(self) -> Path:
        return self.database_path().with_suffix(".json")

    def recorded_build(self) -> Built | None:
        meta = self._meta_path()
        if not meta.exists() or not self.database_path().exists():
            return None
        return Built(**json.loads(meta.read_text(encoding="utf-8")))

    def database(self) -> Path:
        """The demo database at this run's size: reused if it is current, else made now."""
        path = self.database_path()
        if self.recorded_build() is not None:
            return path
        for stale in self.data_dir.glob(f"demo-{size_tag(self.size)}-*.sqlite"):
            remove_database(stale)  # made by older code; hundreds of MB each
            stale.with_suffix(".json").unlink(missing_ok=True)
        part = path.with_name(path.stem + ".part.sqlite")
        print(f"bench: making the demo database {path.name} ...", file=sys.stderr, flush=True)
        built = timed_generate(part, self.size)
        part.replace(path)
        self._meta_path().write_text(json.dumps(asdict(built), indent=2), encoding="utf-8")
        self.built_now = built
        return path

    def open(self) -> Database:
        return open_database(self.database())

    def subprocess_env(self) -> dict[str, str]:
        """Offscreen Qt, the repository importable, and a settings folder of the bench's own."""
        home = self.data_dir / "home"
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
        )
        env.pop("STATIONDESK_DB", None)
        return env
