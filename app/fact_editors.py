"""How a reviewer corrects each single fact: a list in words, a date, yes or no, or text.

The window builds its editor from this, and ``Desk.correct_fact`` reads what either the
window or the command line gave through ``parse_choice``, so both accept the same words
(\"National Security Letter\" or ``nsl``; \"Germany\" or ``DE``).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.model import EDITABLE_FACTS, Instrument
from app.review.policy import load_pack

COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "resources" / "countries" / "iso3166.toml"
DATE_FACTS = ("date_issued", "response_due", "date_range_from", "date_range_to", "received")

EditorKind = Literal["choice", "date", "yes_no", "text"]


@dataclass(frozen=True)
class FactEditor:
    key: str
    kind: EditorKind
    choices: tuple[tuple[str, str], ...] = ()  # (the value stored, the words a reviewer reads)


def fact_editor(key: str) -> FactEditor:
    if key == "instrument":
        return FactEditor(key, "choice", instrument_choices())
    if key == "country":
        return FactEditor(key, "choice", country_choices())
    if key in DATE_FACTS:
        return FactEditor(key, "date")
    if EDITABLE_FACTS.get(key) is bool:
        return FactEditor(key, "yes_no")
    return FactEditor(key, "text")


def instrument_choices() -> tuple[tuple[str, str], ...]:
    """Every kind of instrument, named as the policy pack names it."""
    kinds = load_pack().instruments
    return tuple((i.value, kinds[i.value].label if i.value in kinds else i.value) for i in Instrument)


@functools.cache
def instrument_words(kind: str | None, country: str | None, authority: str | None = None) -> str:
    """An instrument as the reviewer calls it where it was issued (``PolicyPack.instrument_name``:
    "Réquisition judiciaire" for a French subpoena-kind demand, "Grand-jury subpoena" for one
    a US grand jury issued), else the pack's name for the kind."""
    return load_pack().instrument_name(kind, country, authority) if kind else "—"


@functools.lru_cache(maxsize=1)
def country_choices() -> tuple[tuple[str, str], ...]:
    """ISO 3166-1 countries by name (resources/countries/iso3166.toml)."""
    with COUNTRIES_FILE.open("rb") as f:
        names = tomllib.load(f)["countries"]
    return tuple(sorted(((code, str(name)) for code, name in names.items()), key=lambda c: c[1]))


@functools.cache
def choice_words(key: str) -> dict[str, str]:
    """A listed fact's words by stored value ({} for a fact that is not chosen from a list).
    Cached: the Facts tab asks for every cell it paints."""
    return dict(fact_editor(key).choices)


def parse_choice(key: str, text: str) -> str | None:
    """The stored value for what a reviewer wrote (a code or its words), or None if it is neither."""
    wanted = " ".join(text.split()).casefold()
    for value, words in fact_editor(key).choices:
        if wanted in (value.casefold(), words.casefold()):
            return value
    return None
