"""What Help ▸ About says: the app's version, the policy pack's, and what ships under which licence."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app.review.policy import load_pack

HELP = Path(__file__).resolve().parents[1] / "resources" / "help"
GUIDE = HELP / "guide.md"
LICENCES = HELP / "licences.toml"


@dataclass(frozen=True)
class Component:
    name: str
    version: str  # "" when it is not an installed Python package (fonts, Tesseract)
    use: str
    licence: str


@dataclass(frozen=True)
class About:
    version: str
    policy_version: str
    policy_date: str  # YYYY-MM-DD, or "" when the pack does not say
    components: tuple[Component, ...]


def installed_version(package: str) -> str:
    """The version of an installed distribution; "unknown" when it cannot be found (a bare tree)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


@functools.cache
def components() -> tuple[Component, ...]:
    with LICENCES.open("rb") as f:
        entries = tomllib.load(f)["components"]
    return tuple(
        Component(
            name=str(e["name"]),
            version=installed_version(str(e["package"])) if "package" in e else "",
            use=str(e["use"]),
            licence=str(e["licence"]),
        )
        for e in entries
    )


def about() -> About:
    pack = load_pack()
    return About(
        version=installed_version("demand-desk"),
        policy_version=pack.version,
        policy_date=pack.date,
        components=components(),
    )


def user_guide() -> str:
    """The offline user guide, as Markdown."""
    return GUIDE.read_text(encoding="utf-8")
