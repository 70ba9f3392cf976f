"""The letterhead's setting, owned by the letters: the organisation, its address, the page size
and the reference-number format every letter (and the transparency report's cover) uses."""

from __future__ import annotations

import json
from typing import TypeAlias

from app.jsontypes import JsonObject
from app.settings import SettingsSink, SettingsSource, json_object

# A letterhead setting is a line of text, or lines (the address, the payment details).
LetterheadValue: TypeAlias = str | list[str]

_LETTERHEAD = json_object("letterhead", __name__, json.dumps)


def stored(source: SettingsSource) -> dict[str, LetterheadValue]:
    """What the reviewers set (``Letters.letterhead_settings`` adds the defaults); a value of
    another shape (written by hand, or by another version) is left out."""
    values: dict[str, LetterheadValue] = {}
    for key, value in (_LETTERHEAD.get(source) or {}).items():
        if isinstance(value, str):
            values[key] = value
        elif isinstance(value, list) and all(isinstance(line, str) for line in value):
            values[key] = [line for line in value if isinstance(line, str)]
    return values


def store(sink: SettingsSink, values: dict[str, LetterheadValue]) -> None:
    stored_values: JsonObject = {
        key: value if isinstance(value, str) else list(value) for key, value in values.items()
    }
    _LETTERHEAD.put(sink, stored_values)


def organisation(source: SettingsSource) -> str:
    """The organisation the letterhead names (the transparency report's cover names it too)."""
    from app.letters.service import DEFAULT_LETTERHEAD

    return str(stored(source).get("organisation") or DEFAULT_LETTERHEAD["organisation"])
