"""The language the window shows the core's words in, and the one loader of their translations.

The core's words for codes (``resources/labels.toml``, the checklist's items, the printed
case summary, instrument kinds, countries) and the policy pack's prose the window quotes (a
country's notes, the disclosure grounds) are English files; a language's words are an
overlay beside each, of the same structure (``labels.de.toml`` beside ``labels.toml``),
and an entry the overlay lacks stays English. The window sets the display language once at
start, before any window is built (``ui/main.py``); nothing else sets it, so the command
line, exports, bundles, letters and the audit trail as stored stay in their own language
(they name ``ENGLISH`` where they read these words).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ENGLISH = "en"
# The languages the core's words come in; a code outside these shows English.
LANGUAGES = (ENGLISH, "de")

_display = ENGLISH


def set_display_language(code: str) -> None:
    """Show the core's words in ``code`` from now on (English for a language not spoken)."""
    global _display
    _display = code if code in LANGUAGES else ENGLISH


def display_language() -> str:
    return _display


def chosen(language: str | None) -> str:
    """``language`` when given, else the display language."""
    return _display if language is None else (language if language in LANGUAGES else ENGLISH)


def overlay_path(path: Path, language: str) -> Path:
    """The file of ``language``'s words beside the English ``path`` (labels.toml → labels.de.toml)."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


@functools.cache
def words(path: Path, language: str = ENGLISH) -> Mapping[str, Any]:
    """The TOML file ``path`` with ``language``'s overlay laid over it; what the overlay does
    not say stays as ``path`` says it. A language without an overlay file reads as English."""
    with path.open("rb") as f:
        english = tomllib.load(f)
    if language == ENGLISH:
        return english
    local = overlay_path(path, language)
    if not local.exists():
        return english
    with local.open("rb") as f:
        return _merged(english, tomllib.load(f))


def _merged(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            merged[key] = _merged(base[key], value)
        elif value != "":  # an empty entry is an untranslated one: the English stays
            merged[key] = value
    return merged


@functools.cache
def overlay(path: Path, language: str) -> Mapping[str, Any]:
    """Only ``language``'s overlay of ``path`` ({} for English or a language without one): for a
    file whose English is read elsewhere (the checklist's items, by the policy pack)."""
    local = overlay_path(path, language)
    if language == ENGLISH or not local.exists():
        return {}
    with local.open("rb") as f:
        return tomllib.load(f)
