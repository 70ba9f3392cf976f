"""The schedule's words (``resources/schedule/words.toml``): Today's section titles and lines,
a deadline's status and an emergency request's hours, in the window's display language or
the one asked for (the command line and exports ask for English).

A table with ``one`` and ``other`` is a count's singular and plural, so a line never says
"day(s)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.display_language import chosen, words

WORDS_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "schedule" / "words.toml"


def _entry(table: str, key: str, language: str | None) -> Any:
    return words(WORDS_FILE, chosen(language))[table][key]


def say(table: str, key: str, language: str | None = None, **values: object) -> str:
    """The entry ``table.key`` with its ``{placeholders}`` filled in."""
    text = _entry(table, key, language)
    assert isinstance(text, str)  # noqa: S101 - a counted entry is read with count()
    return text.format(**values)


def count(table: str, key: str, n: int, language: str | None = None, **values: object) -> str:
    """The singular or plural of ``table.key`` for ``n``; ``{n}`` and the ``values`` filled in."""
    forms: Mapping[str, str] = _entry(table, key, language)
    return forms["one" if n == 1 else "other"].format(n=n, **values)


def month(number: int, language: str | None = None) -> str:
    """The short name of month ``number`` (1–12), not the C library's locale's."""
    months: Sequence[str] = _entry("emergency", "months", language)
    return months[number - 1]
