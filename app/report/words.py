"""The transparency report window's words for its tables: titles, columns and rows in the
window's display language.

The report itself (its tables as built, and every export: PDF, CSV, JSON) is the public
report and stays English whatever the window speaks; only what the window shows of it is
looked up here, by the keys the tables carry. A title, column or row the language's overlay
(``resources/report/window.de.toml``) does not name, such as a country, keeps its English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from app.disclosure.grounds import ground_words, shipped_grounds
from app.display_language import chosen, overlay
from app.fact_editors import choice_words
from app.report.config import BUCKETS
from app.report.periods import Period
from app.report.tables import Column, Table, TableRow

# English has no file: the tables' own words are the English (app/report/figures.py).
WORDS_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "report" / "window.toml"
# Tables whose rows are legal processes or outcome buckets, not fixed rows of their own.
_PROCESS_ROWS = "outcomes_by_legal_process"
_BUCKET_ROWS = "outcomes"
# Tables whose rows are countries, named as the Facts tab names them.
_COUNTRY_ROWS = ("outcomes_by_country", "disclosures_by_country")
# The table whose rows are the pack's grounds for a disclosure without legal process.
_GROUND_ROWS = "disclosures_by_ground"


def _words(language: str | None) -> Mapping[str, Any]:
    return overlay(WORDS_FILE, chosen(language))


def title(table: Table, language: str | None = None) -> str:
    return str(_words(language).get("tables", {}).get(table.key) or table.title)


def column(col: Column, language: str | None = None) -> str:
    words = _words(language)
    table = words.get("buckets", {}) if col.key in BUCKETS else words.get("columns", {})
    return str(table.get(col.key) or col.label)


def row(table: Table, r: TableRow, language: str | None = None, seats: int | None = None) -> str:
    """The row's label; ``seats``, the enterprise threshold, fills the enterprise rows' count."""
    words = _words(language)
    if not words:
        return r.label  # English: the report's own words
    if table.key in _COUNTRY_ROWS:
        return choice_words("country", chosen(language)).get(r.key) or r.label
    if table.key == _GROUND_ROWS:
        return _ground(r, words, chosen(language))
    if table.key == _PROCESS_ROWS:
        found = words.get("processes", {}).get(r.key)
        if not found and r.label == f"Unknown ({r.key})":  # a process the pack does not list
            return str(words.get("unknown", {}).get("process") or r.label).format(key=r.key)
    elif table.key == _BUCKET_ROWS:
        found = words.get("buckets", {}).get(r.key)
    else:
        found = words.get("rows", {}).get(table.key, {}).get(r.key)
    if not found:
        return r.label
    return _filled(str(found), seats, r.label)


def process(key: str, english: str, language: str | None = None) -> str:
    """A legal process by name, as the list of a figure's cases shows it ("Durchsuchungsbeschluss")."""
    words = _words(language)
    return str(words.get("processes", {}).get(key) or english) if words else english


def bucket(key: str, english: str, language: str | None = None) -> str:
    """What became of a case (an outcome bucket, or a disclosure's approval), as its list shows it."""
    words = _words(language)
    return str(words.get("buckets", {}).get(key) or words.get("columns", {}).get(key) or english)


def note(table: Table, language: str | None = None, seats: int | None = None, band: int | None = None) -> str:
    """The sentence under a table; one naming a number the window does not know stays English.
    ``band`` is the width of the national-security ranges (``ReportConfig.band``)."""
    found = _words(language).get("notes", {}).get(table.key)
    return _filled(str(found), seats, table.note, band) if found else table.note


def _filled(text: str, seats: int | None, english: str, band: int | None = None) -> str:
    if "{seats}" in text:
        return text.format(seats=seats) if seats is not None else english
    if "{band}" in text:
        return text.format(band=band) if band is not None else english
    return text


def _ground(r: TableRow, words: Mapping[str, Any], language: str) -> str:
    """A disclosure ground's row: its name in the pack's overlay and whether it counts as an
    emergency ("Notfall mit Gefahr für Leib oder Leben (Notfall)"); an unknown one by its key."""
    ground = shipped_grounds().get(r.key)
    if ground is None:
        return str(words.get("unknown", {}).get("ground") or r.label).format(key=r.key)
    kind = words.get("grounds", {}).get("emergency" if ground.emergency else "voluntary") or ""
    label = ground_words(ground, language)[0]
    return f"{label} ({kind})" if kind else r.label


def period_title(period: Period, language: str | None = None) -> str:
    """How the window names a period ("1. Januar – 30. Juni 2026"); the report's own title
    (``Period.title``, in its exports) stays English."""
    words = _words(language).get("period")
    if not words:
        return period.title()

    def day(on: date) -> str:
        return str(words["day"]).format(day=on.day, month=words["months"][on.month - 1])

    start = day(period.start)
    if period.start.year != period.end.year:
        start += f" {period.start.year}"
    return f"{start} – {day(period.end)} {period.end.year}"
