"""How a reviewer corrects each single fact: a list in words, a date, yes or no, or text.

The window builds its editor from this, and ``Desk.correct_fact`` reads what either the
window or the command line gave through ``parse_choice``, so both accept the same words
(\"National Security Letter\" or ``nsl``; \"Germany\" or ``DE``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.display_language import ENGLISH, LANGUAGES, chosen, words
from app.model import EDITABLE_FACTS, Instrument
from app.review.policy import load_pack
from app.textfold import fold

COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "resources" / "countries" / "iso3166.toml"
DATE_FACTS = ("date_issued", "response_due", "date_range_from", "date_range_to", "received")

EditorKind = Literal["choice", "date", "yes_no", "text"]


@dataclass(frozen=True)
class FactEditor:
    key: str
    kind: EditorKind
    choices: tuple[tuple[str, str], ...] = ()  # (the value stored, the words a reviewer reads)


def fact_editor(key: str, language: str | None = None) -> FactEditor:
    """How ``key`` is corrected, its choices worded in ``language`` (None: the display language)."""
    language = chosen(language)
    if key == "instrument":
        return FactEditor(key, "choice", instrument_choices(language))
    if key == "country":
        return FactEditor(key, "choice", country_choices(language))
    if key in DATE_FACTS:
        return FactEditor(key, "date")
    if EDITABLE_FACTS.get(key) is bool:
        return FactEditor(key, "yes_no")
    return FactEditor(key, "text")


def instrument_choices(language: str = ENGLISH) -> tuple[tuple[str, str], ...]:
    """Every kind of instrument, named as the policy pack names it (in ``language``)."""
    pack = load_pack()
    return tuple((i.value, pack.instrument_label(i.value, language)) for i in Instrument)


def instrument_words(
    kind: str | None, country: str | None, authority: str | None = None, language: str | None = None
) -> str:
    """An instrument as the reviewer calls it where it was issued (``PolicyPack.instrument_name``:
    "Réquisition judiciaire" for a French subpoena-kind demand, "Grand-jury subpoena" for one
    a US grand jury issued), else the pack's name for the kind (in ``language``; None: the
    display language)."""
    return _instrument_words(kind, country, authority, chosen(language))


@functools.cache
def _instrument_words(kind: str | None, country: str | None, authority: str | None, language: str) -> str:
    return load_pack().instrument_name(kind, country, authority, language) if kind else "—"


@functools.cache
def country_choices(language: str = ENGLISH) -> tuple[tuple[str, str], ...]:
    """ISO 3166-1 countries by name (resources/countries/iso3166.toml and its language's overlay)."""
    names = words(COUNTRIES_FILE, language)["countries"]
    return tuple(sorted(((code, str(name)) for code, name in names.items()), key=lambda c: fold(c[1])))


def choice_words(key: str, language: str | None = None) -> dict[str, str]:
    """A listed fact's words by stored value ({} for a fact that is not chosen from a list),
    in ``language`` (None: the display language)."""
    return _choice_words(key, chosen(language))


@functools.cache
def _choice_words(key: str, language: str) -> dict[str, str]:
    # Cached: the Facts tab asks for every cell it paints.
    return dict(fact_editor(key, language).choices)


def parse_choice(key: str, text: str) -> str | None:
    """The stored value for what a reviewer wrote (a code, or its words in any language the
    desk speaks), or None if it is none of these."""
    wanted = " ".join(text.split()).casefold()
    for language in LANGUAGES:
        for value, named in fact_editor(key, language).choices:
            if wanted in (value.casefold(), named.casefold()):
                return value
    return None
