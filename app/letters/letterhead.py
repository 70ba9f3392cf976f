"""The letterhead's setting, owned by the letters: the organisation, its address, the page size
and the reference-number format every letter (and the transparency report's cover) uses."""

from __future__ import annotations

import json

from app.jsontypes import JsonObject
from app.settings import SettingsSink, SettingsSource, json_object

_LETTERHEAD = json_object("letterhead", __name__, json.dumps)


def stored(source: SettingsSource) -> JsonObject:
    """What the reviewers set (``Letters.letterhead_settings`` adds the defaults)."""
    return _LETTERHEAD.get(source) or {}


def store(sink: SettingsSink, values: JsonObject) -> None:
    _LETTERHEAD.put(sink, values)


def organisation(source: SettingsSource) -> str:
    """The organisation the letterhead names (the transparency report's cover names it too)."""
    from app.letters.service import DEFAULT_LETTERHEAD

    return str(stored(source).get("organisation") or DEFAULT_LETTERHEAD["organisation"])
