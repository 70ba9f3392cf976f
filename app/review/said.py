"""A note the checklist or the recommendation writes, sayable in any display language.

A ``Said`` is the English sentence (a ``str``, so the CLI, exports, letters and stored
decisions read it as they always did) that also carries the key of its template in
``resources/review/notes.toml`` and the values filled in. ``said.text("de")`` renders it from
the German overlay (``notes.de.toml``) instead, with nested ``Said`` and ``Word`` values in
the same language; plain values (names read from the document, dates, counts) go in as
they are.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.display_language import ENGLISH, LANGUAGES, chosen, overlay, words

NOTES_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "review" / "notes.toml"
# The key of a note made of parts ("a; b"): each part is rendered in the language, then joined.
JOINED = "joined"


class Word(str):
    """A core word (an instrument's name, a kind of data) in every display language; its
    value is the English."""

    by_language: Mapping[str, str]

    def __new__(cls, by_language: Mapping[str, str]) -> Word:
        self = super().__new__(cls, by_language[ENGLISH])
        self.by_language = dict(by_language)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Word, (dict(self.by_language),))

    def text(self, language: str | None = None) -> str:
        return self.by_language.get(chosen(language), str(self))


def word(say: Callable[[str], str]) -> Word:
    """The word ``say(language)`` gives, in every language the core speaks."""
    return Word({language: say(language) for language in LANGUAGES})


def category_word(key: str | None) -> Word | None:
    """A kind of data asked for ("ip_history") as a note names it: the stored code in English,
    as the notes always read; its name (``[codes.category]`` of the labels) in another language.
    None (a request of no known kind) stays None, as the notes always said it."""
    from app.labels import labels  # app.labels reads the checklist, which makes notes

    if key is None:
        return None
    return word(
        lambda language: key if language == ENGLISH else labels(language).codes["category"].get(key, key)
    )


class Said(str):
    """A sentence from ``notes.toml``: its value is the English; ``text`` says it in a language."""

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, /, **values: object) -> Said:
        self = super().__new__(cls, _render(key, values, ENGLISH))
        self.key = key
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remade, (self.key, dict(self.values)))

    def text(self, language: str | None = None) -> str:
        return _render(self.key, self.values, chosen(language))


def _remade(key: str, values: dict[str, object]) -> Said:
    return Said(key, **values)


def joined(parts: Sequence[str], separator: str = "list", sentence: bool = False) -> Said:
    """Notes run together ("a; b"), each keeping its own words; empty parts are left out.
    ``separator`` names the words between them in ``[separators]`` ("list" is "; ", "or" is " or ").
    A ``sentence`` starts with a capital and ends with a full stop."""
    return Said(JOINED, parts=tuple(p for p in parts if p), separator=separator, sentence=sentence)


def said_in(note: str, language: str | None = None) -> str:
    """A note in ``language`` when it is a ``Said`` (or a ``Word``), else as written (a
    reviewer's own reason)."""
    return note.text(language) if isinstance(note, (Said, Word)) else note


def template(key: str, language: str = ENGLISH) -> str:
    """The sentence filed under ``key`` ("readable.asks_data") in ``language``."""
    found: Any = words(NOTES_FILE, language)
    for part in key.split("."):
        found = found[part]
    if not isinstance(found, str):
        raise KeyError(key)
    return found


def overlay_keys(language: str) -> list[str]:
    """The keys ``language``'s overlay file says a sentence for (for the test that none is missing)."""

    def walk(table: Mapping[str, Any], prefix: str) -> list[str]:
        out: list[str] = []
        for name, value in table.items():
            out += walk(value, f"{prefix}{name}.") if isinstance(value, Mapping) else [prefix + name]
        return out

    return walk(overlay(NOTES_FILE, language), "")


def _value(value: object, language: str) -> object:
    if isinstance(value, (Said, Word)):
        return value.text(language)
    return value


def _sentence(text: str) -> str:
    # A domain or a number stays as written: "fbi.gov.example.com looks like …".
    if re.match(r"[a-z]+\b(?![.@-])", text):
        text = text[:1].upper() + text[1:]
    return text + "."


def _render(key: str, values: Mapping[str, object], language: str) -> str:
    if key == JOINED:
        parts = values.get("parts", ())
        assert isinstance(parts, tuple)
        between = template(f"separators.{values.get('separator', 'list')}", language)
        text = between.join(str(_value(p, language)) for p in parts)
        return _sentence(text) if values.get("sentence") else text
    shown = {name: _value(value, language) for name, value in values.items()}
    return string.Formatter().vformat(template(key, language), (), shown)
