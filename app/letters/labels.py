"""The words a language's letters share (resources/letters/<language>/labels.toml).

Dates, date ranges, salutations and closings, the labels of the PDF's page furniture, and
the wording of categories, outcomes, instruments and checklist reasons. A language takes
each label it lacks from English; every file is checked for shape when it is loaded, and
a problem raises ``TemplateError`` naming the file and the line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.letters.placeholders import TemplateError, key_line, read_toml

LETTERS_DIR = Path(__file__).resolve().parents[2] / "resources" / "letters"
RECIPIENTS = ("requester", "user", "enterprise_customer")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")


@dataclass(frozen=True)
class Labels:
    """The words a language's letters share (resources/letters/<language>/labels.toml)."""

    language: str
    date_format: str
    months: tuple[str, ...]
    range_both: str
    range_from: str
    range_to: str
    demand_generic: str
    reason_fallback: str
    salutation: Mapping[str, str]
    closing: Mapping[str, str]
    pdf: Mapping[str, str]
    categories: Mapping[str, str]
    outcomes: Mapping[str, str]
    instruments: Mapping[str, str]
    demand_names: Mapping[str, str]  # instrument kind -> what {demand} says when no local name is known
    reasons: Mapping[str, tuple[str, str]]  # item id -> (statement, rule)

    def format_date(self, iso: str | None) -> str:
        """``iso`` in this language ("14 March 2026"); text that is not an ISO date as it is."""
        if not iso:
            return ""
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            return iso
        return fill(self.date_format, day=str(day.day), month=self.months[day.month - 1], year=str(day.year))

    def date_range(self, start: str | None, end: str | None) -> str:
        first, last = self.format_date(start), self.format_date(end)
        if first and last:
            return fill(self.range_both, **{"from": first, "to": last})
        if first:
            return fill(self.range_from, **{"from": first})
        if last:
            return fill(self.range_to, to=last)
        return ""

    def page(self, page: int, pages: int) -> str:
        return fill(self.pdf["page"], page=str(page), pages=str(pages))


# The placeholders each label may contain.
_LABEL_FIELDS = {
    "date_format": {"day", "month", "year"},
    "range_both": {"from", "to"},
    "range_from": {"from"},
    "range_to": {"to"},
    "salutation.named": {"name"},
    "reason_fallback": {"question"},
    "pdf.page": {"page", "pages"},
}
_FIELD = re.compile(r"\{([^{}]*)\}")


def fill(text: str, **values: str) -> str:
    return _FIELD.sub(lambda m: values[m.group(1)], text)


def load_labels(language: str = "en", *, root: Path | None = None) -> Labels:
    """The labels of ``language``, each one it lacks taken from English."""
    return _load_labels(language_code(language), root or LETTERS_DIR)


_LABEL_TEXTS = ("date_format", "range_both", "range_from", "range_to", "demand_generic", "reason_fallback")
_LABEL_TABLES = ("salutation", "closing", "pdf", "categories", "outcomes", "instruments", "demand_names")
# What the English labels must have; another language takes what it lacks from them.
_LABEL_REQUIRED = {
    "salutation": ("named", *RECIPIENTS),
    "closing": ("named", "generic"),
    "pdf": ("our_reference", "your_reference", "date", "page"),
}


@dataclass(frozen=True)
class _LabelsFile:
    """What one labels file gives, checked for shape; ``keys`` are the keys it has."""

    keys: frozenset[str] = frozenset()
    texts: dict[str, str] = field(default_factory=dict)
    months: tuple[str, ...] | None = None
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    reasons: dict[str, tuple[str, str]] = field(default_factory=dict)  # item id -> (statement, rule)


@functools.lru_cache(maxsize=32)
def _load_labels(language: str, root: Path) -> Labels:
    english_path = root / "en" / "labels.toml"
    english = _read_labels(english_path, required=True)
    for key in (*_LABEL_TEXTS, "months", *_LABEL_TABLES, "reasons"):
        if key not in english.keys:
            raise TemplateError(english_path, f"missing key {key!r}")
    for table, keys in _LABEL_REQUIRED.items():
        for key in keys:
            if key not in english.tables[table]:
                raise TemplateError(english_path, f"missing {table}.{key}")
    own = _read_labels(root / language / "labels.toml", required=False) if language != "en" else _LabelsFile()
    texts = {**english.texts, **own.texts}
    tables = {table: {**english.tables[table], **own.tables.get(table, {})} for table in _LABEL_TABLES}
    months = own.months or english.months
    assert months is not None  # noqa: S101 - the English labels have them, checked above
    return Labels(
        language=language,
        date_format=texts["date_format"],
        months=months,
        range_both=texts["range_both"],
        range_from=texts["range_from"],
        range_to=texts["range_to"],
        demand_generic=texts["demand_generic"],
        reason_fallback=texts["reason_fallback"],
        salutation=tables["salutation"],
        closing=tables["closing"],
        pdf=tables["pdf"],
        categories=tables["categories"],
        outcomes=tables["outcomes"],
        instruments=tables["instruments"],
        demand_names=tables["demand_names"],
        reasons={**english.reasons, **own.reasons},
    )


def _read_labels(path: Path, *, required: bool) -> _LabelsFile:
    """A labels file, checked for shape: every key known, every value text, each in its place."""
    if not path.is_file():
        if required:
            raise TemplateError(path, "the English labels are missing")
        return _LabelsFile()
    text, data = read_toml(path)

    def fail(problem: str, key: str, placeholder: str = "") -> TemplateError:
        return TemplateError(path, problem, line=key_line(text, key), placeholder=placeholder)

    read = _LabelsFile(keys=frozenset(data))
    months: tuple[str, ...] | None = None
    for key, value in data.items():
        if key in _LABEL_TEXTS:
            if not isinstance(value, str):
                raise fail(f"{key} must be text", key)
            read.texts[key] = value
        elif key == "months":
            if not (isinstance(value, list) and len(value) == 12 and all(isinstance(m, str) for m in value)):
                raise fail("months must list the 12 month names", key)
            months = tuple(str(m) for m in value)
        elif key in _LABEL_TABLES:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise TemplateError(path, f"[{key}] must hold text values")
            read.tables[key] = {str(k): str(v) for k, v in value.items()}
        elif key == "reasons":
            for item, worded in value.items() if isinstance(value, dict) else ():
                if not (
                    isinstance(worded, dict)
                    and all(isinstance(worded.get(k), str) for k in ("statement", "rule"))
                ):
                    raise TemplateError(path, f'[reasons."{item}"] needs a statement and a rule, both text')
                read.reasons[str(item)] = (str(worded["statement"]), str(worded["rule"]))
        else:
            raise fail(f"unknown key {key!r}", key)
    for dotted, allowed in _LABEL_FIELDS.items():
        table, _, key = dotted.rpartition(".")
        value = read.tables.get(table, {}).get(key) if table else read.texts.get(key)
        for name in _FIELD.findall(value or ""):
            if name not in allowed:
                raise fail(f"unknown placeholder {{{name}}} in {dotted}", key, name)
    return replace(read, months=months)


def language_code(language: str) -> str:
    if not _LANGUAGE.fullmatch(language):
        raise ValueError(f"not a language code: {language!r}")
    return language
