"""The vocabulary fact extraction reads demands with (loaded from resources/intake/*.toml by ``vocab_load``).

The words live in TOML so that adding a language, a statute or a phrase is a data
change: ``common.toml`` holds what belongs to no single language (statutes, countries,
requester domains, redaction marks), one file per language holds its words. Every
file is checked on load; a mistake raises ``VocabularyError`` naming the file and the
key. Lists of the language files are merged: a German demand that quotes an English
phrase is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.intake.folding import fold
from app.model import Instrument

VOCABULARY_DIR = Path(__file__).resolve().parents[2] / "resources" / "intake"

INSTRUMENT_KINDS = tuple(kind.value for kind in Instrument)
CATEGORIES = ("subscriber_info", "ip_history", "billing", "traffic", "content", "other")
IDENTIFIER_LABEL_KINDS = ("email", "phone", "account_id", "username", "gamertag", "ip", "url", "generic")
UNIT_KINDS = ("day", "business_day", "week", "month", "year", "hour")
CUE_NAMES = (
    "issued",
    "due",
    "within",
    "receipt",
    "range_from",
    "range_strong",
    "range_weak",
    "present",
    "since",
    "self_date",
    "demand",
    "request_headings",
    "reasons_headings",
    "contact",
    "closing",
    "signature",
    "signer_titles",
    "judge_titles",
    "court_when_judge_signs",
    "clerk_titles",
    "unsigned",
    "signed_electronically",
    "identifier_context",
    "addressee_labels",
    "addressee_roles",
    "addressee_officers",
    "addressee_headings",
    "authority_labels",
    "salutations",
    "secrecy",
    "secrecy_negated",
    "secrecy_request",
    "secrecy_open",
    "secrecy_lifted",
    "secrecy_from",
    "emergency",
    "preservation",
    "takedown",
    "letterhead",
    "fax_header",
    "row_periods",
    "secrecy_for",
    "secrecy_until",
    "emergency_summary_headings",
    "emergency_help_headings",
    "procedure",
    "definition",
    "about_demand",
    "command_now",
    "file_number_labels",
    "file_number_forms",
)
DATE_ORDERS = ("MDY", "DMY", "YMD")


class VocabularyError(ValueError):
    """A vocabulary file is missing, unreadable or says something that cannot be right."""


# ------------------------------------------------------------------------------ phrases


def _phrase_regex(phrase: str, fragments: Mapping[str, str]) -> str:
    """A phrase as a regular expression on folded text; "re:" entries are taken as written."""
    return "".join(_phrase_parts(phrase, fragments))


def _phrase_parts(phrase: str, fragments: Mapping[str, str]) -> tuple[str, str, str]:
    """A phrase's regular expression as (word boundary before, the phrase, word boundary after)."""
    if phrase.startswith("re:"):
        body = phrase[3:]
        for name, fragment in fragments.items():
            body = body.replace("{" + name + "}", fragment)
        return "", f"(?:{body})", ""
    folded = fold(phrase).strip()
    parts: list[str] = []
    for char in folded:
        if char.isspace():
            if not parts or parts[-1] != r"[\s\-'\"]+":
                parts.append(r"[\s\-'\"]+")
        elif char == "'":
            parts.append("'?")
        elif char == "-":
            parts.append(r"\s?-\s?")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    if _CJK.search(folded):
        # Chinese, Japanese: no spaces between words, but OCR puts some between characters.
        body = "".join(re.escape(c) + (r"\s?" if _CJK.match(c) else "") for c in folded).removesuffix(r"\s?")
    first, last = folded[:1], folded[-1:]
    before = after = ""
    if first.isalnum() and not _CJK.match(first):
        before = r"(?<![a-z0-9])" if first.isascii() else r"(?<![^\W_])"
    if last.isalnum() and not _CJK.match(last):
        after = r"(?![a-z0-9])" if last.isascii() else r"(?![^\W_])"
    return before, body, after


# Han, kana and Hangul: scripts written without spaces between words, so phrases in them
# have no word boundaries.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True)
class PhraseSet:
    """Phrases of one list, compiled into one regular expression on folded text."""

    phrases: tuple[str, ...]
    regex: re.Pattern[str] | None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        if self.regex is None:
            return iter(())
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A phrase that starts exactly at ``pos``."""
        if self.regex is None:
            return None
        return self.regex.match(text, pos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if self.regex is None:
            return None
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)

    def ends(self, text: str) -> re.Match[str] | None:
        """A phrase that ends ``text`` (allowing trailing spaces and punctuation)."""
        if self.regex is None:
            return None
        return re.search(f"(?:{self.regex.pattern})[\\s:.,;\\-\u2013(]*$", text)

    def __bool__(self) -> bool:
        return self.regex is not None


def _compile(phrases: list[str], fragments: Mapping[str, str], where: str) -> PhraseSet:
    if not phrases:
        return PhraseSet((), None)
    ordered = sorted(set(phrases), key=lambda p: -len(p))
    parts = [_phrase_parts(p, fragments) for p in ordered]
    bounds = {(before, after) for before, _, after in parts}
    if len(bounds) == 1:
        # The shared boundaries outside the alternation: the same matches, but the regex
        # engine can then skip ahead to a phrase's first letter (30-40 times faster).
        before, after = bounds.pop()
        pattern = before + "(?:" + "|".join(body for _, body, _ in parts) + ")" + after
    else:
        pattern = "|".join("".join(p) for p in parts)
        firsts = {fold(p).strip()[:1] for p in ordered if not p.startswith("re:")}
        if len(firsts) and all(p[:3] != "re:" for p in ordered) and not firsts & {"", "'", "-"}:
            # Every phrase starts with one of these letters: saying so lets the engine skip
            # ahead as above (about 10 times faster), with the same matches.
            pattern = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:" + pattern + ")"
    try:
        regex = re.compile(pattern)
    except re.error as exc:
        shown = ordered[0] if len(ordered) == 1 else "one of the patterns"
        raise VocabularyError(f"{where}: {shown!r} is not a valid pattern ({exc})") from exc
    if regex.fullmatch(""):
        shown = ordered[0] if len(ordered) == 1 else "one of the patterns"
        raise VocabularyError(
            f'{where}: {shown!r} matches empty text (a literal "re:" must be written as a pattern)'
        )
    return PhraseSet(tuple(ordered), regex)


# ------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Statute:
    label: str
    regex: re.Pattern[str]
    country: str | None
    instrument: str | None
    weight: float
    secrecy: bool


@dataclass(frozen=True)
class PhonePlan:
    code: str
    trunk: str
    lengths: tuple[int, ...]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    date_order: str
    phone: PhonePlan
    cues: PhraseSet
    patterns: PhraseSet


@dataclass(frozen=True)
class InstrumentWords:
    titles: PhraseSet
    phrases: PhraseSet


@dataclass(frozen=True)
class Vocabulary:
    stopwords: dict[str, frozenset[str]]  # language -> words
    months: dict[str, int]
    hijri_months: dict[str, int]  # the Islamic (lunar Hijri) calendar's months, 1-12
    numbers: dict[str, int]
    ordinals: dict[str, int]
    day_words: dict[str, int]
    units: dict[str, PhraseSet]
    instruments: dict[str, InstrumentWords]
    civil: PhraseSet
    criminal: PhraseSet
    categories: dict[str, PhraseSet]
    negation: PhraseSet
    cues: dict[str, PhraseSet]
    identifier_labels: dict[str, PhraseSet]
    authorities: PhraseSet
    general_authorities: PhraseSet
    statutes: tuple[Statute, ...]
    countries: dict[str, Country]
    language_country: dict[str, str]
    requester_domains: tuple[str, ...]
    redaction: PhraseSet
    org_suffixes: PhraseSet
    addressee_patterns: tuple[re.Pattern[str], ...]

    def country_codes_by_calling_code(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for country in self.countries.values():
            out.setdefault(country.phone.code, country.code)
        return out
