"""A demo workstation: a data directory pre-filled with the synthetic scanned demands.

Opened by the README's run command when no data directory exists, so a new user sees
real-looking work at once. Its passphrase and PIN are public and it is marked as a
demo everywhere it is shown: it must never hold real cases.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app import services
from app.datadir import DataDir
from app.fact_editors import DATE_FACTS
from app.model import CaseId, KeyStorage

DEMO_PASSPHRASE = "demo"  # noqa: S105 - public on purpose: the demo holds synthetic cases only
DEMO_REVIEWER = "Demo Reviewer"
DEMO_PIN = "000000"
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
# Set up and read in one go: what the first-run window says it is doing.
WELCOME = (
    "Demand Desk is setting up a demo workstation so you can try a reviewer's day at once: "
    "six synthetic demands from the United States, Ireland, Germany and France, read from "
    "their scans as a real demand would be (OCR, then the facts), with dates counted from today."
)
# The day of service is the reviewer's to confirm; the demo's dates are its own, so it says so.
MOVED_REASON = "Demo: the scan's dates are moved to fit the day the demo was made"


@dataclass(frozen=True)
class Placement:
    """Where a demo case falls: its ``anchor`` date fact lands ``days`` from the day it is made."""

    anchor: str
    days: int


def sample_pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


@functools.cache
def _placements(folder: Path) -> dict[str, Placement]:
    path = folder / "demo.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        samples = tomllib.load(f).get("samples", {})
    return {name: Placement(str(entry["anchor"]), int(entry["days"])) for name, entry in samples.items()}


def placement(name: str) -> Placement | None:
    """How the named sample's dates are moved (resources/samples/demo.toml); None: kept as read."""
    return _placements(SAMPLES).get(name)


def create_demo(data_dir: DataDir, progress: Callable[[int, int, str], None] | None = None) -> services.Desk:
    """Set up the demo workstation and take in every sample; ``progress(done, total, filename)``
    is called before each one is read."""
    desk = services.set_up(
        data_dir,
        workstation="demo",
        reviewer=DEMO_REVIEWER,
        pin=DEMO_PIN,
        passphrase=DEMO_PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
        demo=True,
    )
    # The legal entities the synthetic demands are addressed to.
    desk.set_provider_entities(["Example Online Services LLC", "Example Online Services Ireland Ltd."])
    samples = sample_pdfs()
    for index, path in enumerate(samples, start=1):
        if progress:
            progress(index, len(samples), path.name)
        case_id = desk.intake(path.read_bytes(), path.name)
        where = placement(path.name)
        if where is not None:
            move_dates(desk, case_id, where)
    return desk


def move_dates(desk: services.Desk, case_id: CaseId, where: Placement) -> None:
    """Move every date read from the scan by the days that put ``where.anchor`` where it belongs.

    Each move is a correction like a reviewer's, so the Facts tab shows the scan's own date
    beside the moved one. The day of service stays the day the demo was made.
    """
    today = desk.clock().date()
    facts = desk.fact_map(case_id)
    anchor = facts[where.anchor].value
    if not isinstance(anchor, str):
        return  # the scan did not give it: nothing to count from
    shift = today + timedelta(days=where.days) - date.fromisoformat(anchor)
    if not shift:
        return
    issued = facts["date_issued"].value
    # The issue date first: a period counted from it moves the due date along with it.
    order = ["date_issued", *(key for key in DATE_FACTS if key not in ("date_issued", "received"))]
    for key in order:
        read = facts[key]
        # Dates read off the page, and those the reading took from the issue date; not one
        # counted from the moment of intake (an emergency request's hours).
        if not isinstance(read.value, str) or (read.page is None and read.value != issued):
            continue
        moved = date.fromisoformat(read.value) + shift
        value = desk.fact_map(case_id)[key].value
        if moved.isoformat() != value:
            desk.correct_fact(case_id, key, moved.isoformat(), MOVED_REASON)
