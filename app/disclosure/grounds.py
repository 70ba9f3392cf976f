"""The grounds on which the policy lets data leave without legal process, read from the pack.

Pure and headless: ``resources/policy/disclosure_grounds.toml`` in, ``Grounds`` out. The
service refuses a disclosure whose ground is not listed here, and the report counts each
ground in its own row, so a ground is added by editing the data file only.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.display_language import chosen, overlay
from app.schedule.notices import EXCEPTION_LABELS

GROUNDS_PATH = Path(__file__).resolve().parents[2] / "resources" / "policy" / "disclosure_grounds.toml"


class GroundsError(ValueError):
    """The grounds file is inconsistent; the message names the entry."""


@dataclass(frozen=True)
class Ground:
    key: str
    label: str
    policy: str  # the policy's own sentence, shown beside the choice
    emergency: bool  # counted as an emergency disclosure (else voluntary)
    after_the_fact: bool  # may go out before the second reviewer approves
    mandatory: bool  # the law requires the report: the ground is its justification
    notice_exception: str | None  # app.schedule.notices exception kind, or None: the usual rules
    countries: tuple[str, ...]  # where it applies; empty: anywhere
    recipient_country: str | None  # assumed when the disclosure names none


@dataclass(frozen=True)
class Grounds:
    version: str
    grounds: tuple[Ground, ...]

    @functools.cached_property
    def _by_key(self) -> dict[str, Ground]:
        return {g.key: g for g in self.grounds}

    def get(self, key: str) -> Ground | None:
        return self._by_key.get(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(g.key for g in self.grounds)


def ground_words(ground: Ground, language: str | None = None) -> tuple[str, str]:
    """The ground's name and the policy's sentence as the window shows them in ``language``:
    the overlay beside the shipped file (``disclosure_grounds.de.toml``, by key) over the
    English. What is stored, exported and reported reads ``label`` and ``policy``."""
    local = overlay(GROUNDS_PATH, chosen(language)).get(ground.key, {})
    return str(local.get("label") or ground.label), str(local.get("policy") or ground.policy)


def shown_label(key: str, stored: str, language: str | None = None) -> str:
    """A recorded disclosure's ground (``key``, stored as ``stored``) as the window names it."""
    found = shipped_grounds().get(key)
    return ground_words(found, language)[0] if found is not None and found.label == stored else stored


def load_grounds(path: Path = GROUNDS_PATH) -> Grounds:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GroundsError(f"{path}: {exc}") from exc
    return parse_grounds(data, path.name)


@functools.cache
def shipped_grounds() -> Grounds:
    """The grounds of the shipped pack, read once."""
    return load_grounds()


def parse_grounds(data: Mapping[str, object], where: str = "disclosure_grounds.toml") -> Grounds:
    found: list[Ground] = []
    entries = data.get("ground", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise GroundsError(f"{where}: [[ground]] must be a list of tables")
    for n, entry in enumerate(entries, start=1):
        key = str(entry.get("key") or "").strip()
        if not key or not key.replace("_", "").isalnum() or key != key.lower():
            raise GroundsError(f"{where}: ground {n} needs a lower-case key of letters, digits and _")
        if any(g.key == key for g in found):
            raise GroundsError(f"{where}: ground {key!r} is listed twice")
        exception = entry.get("notice_exception")
        if exception is not None and exception not in EXCEPTION_LABELS:
            raise GroundsError(
                f"{where}: ground {key!r}: notice_exception is one of {', '.join(EXCEPTION_LABELS)}"
            )
        for flag in ("emergency", "after_the_fact", "mandatory"):
            if not isinstance(entry.get(flag, False), bool):
                raise GroundsError(f"{where}: ground {key!r}: {flag} is true or false")
        countries = tuple(str(c).upper() for c in entry.get("countries", []))
        recipient_country = entry.get("recipient_country")
        found.append(
            Ground(
                key=key,
                label=str(entry.get("label") or key),
                policy=str(entry.get("policy") or ""),
                emergency=bool(entry.get("emergency", False)),
                after_the_fact=bool(entry.get("after_the_fact", False)),
                mandatory=bool(entry.get("mandatory", False)),
                notice_exception=exception,
                countries=countries,
                recipient_country=str(recipient_country).upper() if recipient_country else None,
            )
        )
    if not found:
        raise GroundsError(f"{where}: no [[ground]] listed")
    return Grounds(str(data.get("version", "")), tuple(found))
