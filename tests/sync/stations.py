"""Two workstations (A and B, each its own data directory and SQLCipher store) and the
team key they share; used by tests/sync and tests/bundle."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import admission, services
from app.bundle.service import Bundles
from app.datadir import DataDir
from app.model import KeyStorage
from app.services import Desk
from app.team import TeamKey
from db import case_copy

PASSPHRASE = "station passphrase"
TEAM_PASSPHRASE = "team file passphrase"
PIN = "246813"


@dataclass
class Station:
    data_dir: DataDir
    desk: Desk
    team: TeamKey
    bundles: Bundles


def make_station(root: Path, workstation: str, reviewer: str) -> Station:
    data_dir = DataDir(root)
    desk = services.set_up(
        data_dir,
        workstation=workstation,
        reviewer=reviewer,
        pin=PIN,
        passphrase=PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    )
    team = TeamKey(data_dir, desk.config, PASSPHRASE)
    return Station(data_dir, desk, team, Bundles(desk, team))


def open_station(root: Path) -> Station:
    data_dir = DataDir(root)
    desk = services.unlock(data_dir, passphrase=PASSPHRASE)
    desk.sign_in(desk.default_reviewer() or "", PIN)
    team = TeamKey(data_dir, desk.config, PASSPHRASE)
    return Station(data_dir, desk, team, Bundles(desk, team))


@pytest.fixture(scope="session")
def _stations_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A and B set up once, A's team key made and joined by B; each test gets copies.

    Set-up and age's scrypt-protected key file cost seconds (on purpose), so they are
    paid once here; tests/sync/test_team.py goes through them for real.
    """
    root = tmp_path_factory.mktemp("stations")
    a = make_station(root / "A", "wsA", "Ada")
    b = make_station(root / "B", "wsB", "Bob")
    join(a, b, root / "team.key", root / "share")
    for station in (a, b):
        # The tests' shares start empty: each workstation's roster goes out with its first sync.
        with station.desk.store.atomic():
            station.desk.store.db.conn.execute(
                "UPDATE roster_events SET published = 0 WHERE workstation = ?", (station.desk.workstation,)
            )
            # Nor do they hold the audit heads the set-up's share held.
            station.desk.store.db.conn.execute("DELETE FROM audit_heads")
    a.desk.close()
    b.desk.close()
    return root


def join(a: Station, b: Station, key_file: Path, share: Path) -> None:
    """A founds the team (unless it has), B joins with A's key file and A admits B, as people do it:
    B's first sync asks to join, A admits it, and both sync again."""
    if not a.team.exists():
        a.team.init()
        admission.found(a.desk, a.team.signing())
    a.team.export(key_file, TEAM_PASSPHRASE, admission.roster_for_key_file(a.desk, a.team.signing()))
    info = b.team.import_file(key_file, TEAM_PASSPHRASE)
    admission.take_key_file_roster(b.desk, info.carried or "")
    share.mkdir(exist_ok=True)
    b.bundles.sync(share)
    a.bundles.sync(share)
    admission.admit(a.desk, a.team.signing(), b.desk.workstation)
    a.bundles.sync(share)
    b.bundles.sync(share)


def _station(template: Path, tmp_path: Path, name: str) -> Iterator[Station]:
    shutil.copytree(template / name, tmp_path / name)
    station = open_station(tmp_path / name)
    yield station
    station.desk.close()


@pytest.fixture
def station_a(tmp_path: Path, _stations_template: Path) -> Iterator[Station]:
    """Workstation wsA (reviewer Ada), holding the team key."""
    yield from _station(_stations_template, tmp_path, "A")


@pytest.fixture
def station_b(tmp_path: Path, _stations_template: Path) -> Iterator[Station]:
    """Workstation wsB (reviewer Bob), joined to A's team."""
    yield from _station(_stations_template, tmp_path, "B")


@pytest.fixture
def team_file(tmp_path: Path, _stations_template: Path) -> Path:
    """The key file B joined from (passphrase TEAM_PASSPHRASE)."""
    path = tmp_path / "media" / "team.key"
    path.parent.mkdir()
    shutil.copy(_stations_template / "team.key", path)
    return path


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared"
    path.mkdir()
    return path


def comparable(desk: Desk, case_id: str) -> dict[str, list[dict]]:
    """The case's rows without the ids each store numbers for itself."""
    local = {"id", "document_id", "supersedes", "letter_id"}
    return {
        name: [{k: v for k, v in row.items() if k not in local} for row in rows]
        for name, rows in case_copy.read_case(desk.store, case_id).items()
    }


def event_ids(desk: Desk, case_id: str) -> set[str]:
    from app.bundle.events import case_events

    return {e.id for e in case_events(desk.store, case_id)}
