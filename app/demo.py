"""A demo workstation: a data directory pre-filled with the synthetic scanned demands.

Opened by the README's run command when no data directory exists, so a new user sees
real-looking work at once. Its passphrase and PIN are public and it is marked as a
demo everywhere it is shown: it must never hold real cases.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app import services
from app.datadir import DataDir
from app.model import KeyStorage

DEMO_PASSPHRASE = "demo"  # noqa: S105 - public on purpose: the demo holds synthetic cases only
DEMO_REVIEWER = "Demo Reviewer"
DEMO_PIN = "000000"
SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


def sample_pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


def create_demo(data_dir: DataDir, progress: Callable[[int, int, str], None] | None = None) -> services.Desk:
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
        desk.intake(path.read_bytes(), path.name)
    return desk
