"""The pack's rules for preservation holds (resources/policy/preservation.toml).

How long a hold lasts and how often it may be extended are law, which differs by
country, so they are data: a country without an entry takes the pack's ``[default]``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POLICY_FILE = Path(__file__).resolve().parents[2] / "resources" / "policy" / "preservation.toml"


class HoldPolicyError(ValueError):
    """preservation.toml is malformed: named with the entry and the key at fault."""


@dataclass(frozen=True)
class HoldRule:
    country: str  # ISO code, or "default"
    statute: str
    period_days: int
    extension_days: int
    max_extensions: int


@dataclass(frozen=True)
class PreservationPolicy:
    expiring_within_days: int
    rules: dict[str, HoldRule]

    def rule(self, country: str | None) -> HoldRule:
        return self.rules.get((country or "").upper()) or self.rules["default"]


def _number(entry: Mapping[str, object], key: str, where: str, *, least: int) -> int:
    value = entry.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise HoldPolicyError(f"{where}: {key} must be a whole number of at least {least}, not {value!r}.")
    return value


def parse(data: Mapping[str, object], where: str = "preservation.toml") -> PreservationPolicy:
    rules = {}
    for code, entry in data.items():
        if not isinstance(entry, dict):
            continue
        at = f"{where} [{code}]"
        statute = entry.get("statute")
        if not isinstance(statute, str) or not statute.strip():
            raise HoldPolicyError(f"{at}: statute must name the law the hold rests on.")
        max_extensions = _number(entry, "max_extensions", at, least=0)
        rules[code.upper() if code != "default" else code] = HoldRule(
            country=code,
            statute=statute.strip(),
            period_days=_number(entry, "period_days", at, least=1),
            extension_days=_number(entry, "extension_days", at, least=1 if max_extensions else 0),
            max_extensions=max_extensions,
        )
    if "default" not in rules:
        raise HoldPolicyError(f"{where}: a [default] entry is needed for countries without their own.")
    return PreservationPolicy(_number(data, "expiring_within_days", where, least=1), rules)


@lru_cache(maxsize=4)
def load(path: Path = POLICY_FILE) -> PreservationPolicy:
    with path.open("rb") as handle:
        return parse(tomllib.load(handle), path.name)
