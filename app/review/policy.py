"""The policy pack: instruments, jurisdictions and the checklist, read from resources/policy/.

The provider's policy is data so that adding a country or rewording a rule is a data
change that a reviewer can read. Every file is checked when the pack is loaded; a
mistake raises ``PolicyError`` naming the file, the line and what is wrong. tomllib
gives line numbers only for syntax errors, so the line of a semantic error is found
in the file's text by ``_Lines`` (the table or key the error is about).

The shipped pack is read once per process (``load_pack()``); tests load copies with
``load_pack(root)``.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.enums import CATEGORIES, EFFECTS, GROUPS, Effect, Group
from app.labels import plain
from app.model import Instrument

POLICY_DIR = Path(__file__).resolve().parents[2] / "resources" / "policy"

INSTRUMENT_KINDS = tuple(kind.value for kind in Instrument)
# applies_to may name a kind of case as well as an instrument kind.
CASE_KINDS = ("emergency", "civil", "enterprise")
DEFAULT_EMERGENCY_HOURS = 24  # an older pack without [emergency] response_hours
COMPELS = ("content", "noncontent")
HUMAN_RIGHTS_LEVELS = ("standard", "elevated", "high")
PROTECTED_ACTIVITIES = ("speech", "journalism", "religion", "sexual_orientation", "assembly")


class PolicyError(ValueError):
    """A policy file is missing, unreadable or says something that cannot be right."""


# ------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class InstrumentKind:
    kind: str
    label: str
    compels_content: bool
    compels_noncontent: bool
    needs_judge: bool
    data_demand: bool
    national_security: bool
    civil: bool


@dataclass(frozen=True)
class LocalInstrument:
    """An instrument as a country's law names it, and what it can compel there."""

    kind: str
    local_name: str
    statute: str
    compels: frozenset[str]  # subset of COMPELS
    needs_judge: bool | None  # None: as instruments.toml says for the kind
    issuers: tuple[str, ...]  # folded words, one of which the issuing authority must contain
    notes: str
    prospective: bool = False  # collects data from now on (interception, pen register)

    def issued_by(self, authority: str) -> bool:
        """Whether ``authority`` is one of those the law lets issue it (by whole folded words)."""
        folded = fold(authority)
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in self.issuers)


@dataclass(frozen=True)
class SecrecyLaw:
    statute: str
    max_days: int | None
    notes: str


@dataclass(frozen=True)
class NoticeRules:
    prior: bool
    delayed_after_secrecy: bool
    notes: str


@dataclass(frozen=True)
class HumanRightsBaseline:
    level: str  # one of HUMAN_RIGHTS_LEVELS
    notes: str


@dataclass(frozen=True)
class Jurisdiction:
    code: str  # ISO 3166, or "default"
    name: str
    accepted: bool
    reason: str  # why demands from here are not accepted
    emergency_requests: bool
    instruments: tuple[LocalInstrument, ...]
    secrecy: SecrecyLaw
    notice: NoticeRules
    human_rights: HumanRightsBaseline
    source: str  # the file it was read from, for messages

    def local(self, kind: str) -> tuple[LocalInstrument, ...]:
        return tuple(i for i in self.instruments if i.kind == kind)

    def recognises(self, kind: str) -> bool:
        if kind == Instrument.EMERGENCY_REQUEST.value:
            return self.emergency_requests
        return bool(self.local(kind))


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    group: Group
    label: str  # a short name for lists and reasons ("Signed"); the question says it in full
    question: str
    help: str
    rule: str
    evaluate: str  # a name in evaluators.EVALUATORS, or "" for the reviewer only
    effect: Effect
    applies_to: tuple[str, ...]


@dataclass(frozen=True)
class PhraseList:
    """Phrases matched as whole words on folded text (lower case, no accents)."""

    phrases: tuple[str, ...]
    regex: re.Pattern[str] | None

    def search(self, text: str | None) -> re.Match[str] | None:
        if self.regex is None or not text:
            return None
        return self.regex.search(fold(text))

    def finditer(self, folded: str) -> list[re.Match[str]]:
        return [] if self.regex is None else list(self.regex.finditer(folded))


@dataclass(frozen=True)
class Words:
    bulk: PhraseList
    bulk_exceptions: PhraseList
    judicial: PhraseList
    addressee_roles: frozenset[str]
    law_enforcement: PhraseList
    protected_activity: Mapping[str, PhraseList]


@dataclass(frozen=True)
class PolicyPack:
    version: str
    date: str  # the day this version was made, shown in Help ▸ About; "" when the pack does not say
    description: str
    root: Path
    instruments: Mapping[str, InstrumentKind]
    jurisdictions: Mapping[str, Jurisdiction]  # by ISO code; "default" is not among them
    default: Jurisdiction
    items: tuple[ChecklistItem, ...]
    emergency_categories: tuple[str, ...]
    emergency_content: bool
    emergency_response_hours: int
    widest_ipv4_prefix: int
    widest_ipv6_prefix: int
    words: Words
    # Issued more than this many days before it was served: stale, for the reviewer to confirm.
    stale_after_days: int = 365
    # A reading too poor to judge: OCR words below this confidence (0-100) ...
    poor_word_confidence: int = 60
    # ... making up more than this share (percent) of the words, or fewer words than this per page.
    poor_share_percent: int = 50
    poor_words_per_page: int = 25
    # A fact read below this OCR confidence is no positive evidence for a blocking item.
    doubtful_below: int = 80

    def jurisdiction(self, country: str | None) -> Jurisdiction | None:
        """The country's file, the default one for a country without a file, None when unknown."""
        if not country:
            return None
        code = country.strip().upper()
        code = {"UK": "GB", "EL": "GR"}.get(code, code)
        return self.jurisdictions.get(code, self.default)

    def local_instrument(
        self, kind: str | None, country: str | None, authority: str | None = None
    ) -> LocalInstrument | None:
        """The instrument as the law where it was issued names it ("Grand-jury subpoena",
        "Réquisition judiciaire"): the country's only one of that kind, or the one of several
        that ``authority`` may issue. None when the pack cannot tell."""
        jurisdiction = self.jurisdiction(country)
        if not kind or jurisdiction is None or jurisdiction is self.default:
            return None
        local = jurisdiction.local(kind)
        if len(local) == 1:
            return local[0]
        issuing = [i for i in local if authority and i.issuers and i.issued_by(authority)]
        return issuing[0] if len(issuing) == 1 else None

    def item(self, item_id: str) -> ChecklistItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @functools.cached_property
    def _labels(self) -> dict[str, str]:
        return {item.id: item.label for item in self.items}

    def item_label(self, item_id: str) -> str:
        """The item's label ("Signed"); an item this pack does not know (an old case's) is
        named from its id, never shown as the id."""
        return self._labels.get(item_id) or plain(item_id)


# ------------------------------------------------------------------------------ text


_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def fold(text: str) -> str:
    """Lower case without accents and with plain quotes: the form phrases are matched in."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _phrases(words: list[str]) -> PhraseList:
    folded = tuple(dict.fromkeys(fold(w).strip() for w in words))
    if not folded:
        return PhraseList((), None)
    # Longest first, so that "juge d'instruction" wins over "juge".
    ordered = sorted(folded, key=lambda w: -len(w))
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
    return PhraseList(folded, re.compile(rf"(?<![\w])(?:{body})(?![\w])"))


# ------------------------------------------------------------------------------ lines


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)


def _key_parts(text: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_\-]+)""", text)
    return tuple(a or b or c for a, b, c in parts)


class _Lines:
    """Where each table and key of a TOML file starts, so that errors can name a line.

    Tables are addressed by their path with array-of-tables indices, e.g.
    ``("items", 3)``; keys by ``(table path, key)``.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str | int, ...], int] = {(): 1}
        self.keys: dict[tuple[tuple[str | int, ...], str], int] = {}
        counts: dict[tuple[str, ...], int] = {}
        current: tuple[str | int, ...] = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith("#"):
                name = _key_parts(header.group(2))
                if header.group(1) == "[[":
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                    current = (*name, index)
                else:
                    current = name
                self.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                parts = _key_parts(key.group(1))
                table = (*current, *parts[:-1])
                self.keys.setdefault((table, parts[-1]), number)
                for n in range(1, len(parts)):  # a dotted key also opens its tables
                    self.tables.setdefault((*current, *parts[:n]), number)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

    def line(self, table: tuple[str | int, ...], key: str | None = None) -> int:
        """The line of ``key`` in ``table``, else of the table, else of what holds it."""
        while True:
            if key is not None and (table, key) in self.keys:
                return self.keys[(table, key)]
            if table in self.tables:
                return self.tables[table]
            if not table:
                return 1
            parent, last = table[:-1], table[-1]
            if isinstance(last, int):  # an inline array of tables: the array's key
                if not parent:
                    return 1
                table, key = parent[:-1], str(parent[-1])
            else:
                table, key = parent, last


# ------------------------------------------------------------------------------ reading


def _where(table: tuple[str | int, ...], key: str | None) -> str:
    out = ""
    for part in table:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    if key is not None:
        out = f"{out}.{key}" if out else key
    return out or "(top level)"


class _File:
    """One TOML file of the pack: its data and typed access whose errors name file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PolicyError(f"{path}:1: missing file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"{path}:1: cannot be read ({exc})") from exc
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"at line (\d+)", str(exc))
            line = found.group(1) if found else "1"
            raise PolicyError(f"{path}:{line}: not valid TOML ({exc})") from exc
        self.lines = _Lines(text)

    def fail(self, table: tuple[str | int, ...], key: str | None, message: str) -> PolicyError:
        return PolicyError(f"{self.path}:{self.lines.line(table, key)}: {_where(table, key)}: {message}")

    def only(self, data: Mapping[str, Any], table: tuple[str | int, ...], allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(table, key, f"unknown key; known: {', '.join(allowed)}")

    def table(
        self, data: Mapping[str, Any], table: tuple[str | int, ...], key: str, *, required: bool = True
    ) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing table [{_where((*table, key), None)}]")
            return {}
        if not isinstance(value, dict):
            raise self.fail(table, key, "must be a table")
        return value

    def string(
        self,
        data: Mapping[str, Any],
        table: tuple[str | int, ...],
        key: str,
        *,
        required: bool = True,
        empty: bool = False,
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing {key!r}")
            return ""
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(table, key, "must be a non-empty string")
        return value.strip()

    def boolean(self, data: Mapping[str, Any], table: tuple[str | int, ...], key: str) -> bool:
        value = data.get(key)
        if value is None:
            raise self.fail(table, None, f"missing {key!r} (true or false)")
        if not isinstance(value, bool):
            raise self.fail(table, key, "must be true or false")
        return value

    def maybe_boolean(self, data: Mapping[str, Any], table: tuple[str | int, ...], key: str) -> bool | None:
        return None if data.get(key) is None else self.boolean(data, table, key)

    def number(
        self, data: Mapping[str, Any], table: tuple[str | int, ...], key: str, low: int, high: int
    ) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(table, key, f"must be a whole number from {low} to {high}")
        return value

    def strings(
        self,
        data: Mapping[str, Any],
        table: tuple[str | int, ...],
        key: str,
        *,
        required: bool = True,
        allowed: tuple[str, ...] | None = None,
    ) -> list[str]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(table, None, f"missing list {key!r}")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(table, key, "must be a list of non-empty strings")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise self.fail(table, key, f"{v!r} is not one of {', '.join(allowed)}")
        if len(set(value)) != len(value):
            raise self.fail(table, key, "lists an entry twice")
        return [v.strip() for v in value]


# ------------------------------------------------------------------------------ the files


PACK_KEYS = (
    "version",
    "date",
    "description",
    "emergency",
    "identifiers",
    "dates",
    "reading",
    "words",
    "human_rights",
)
INSTRUMENT_KEYS = (
    "label",
    "compels_content",
    "compels_noncontent",
    "needs_judge",
    "data_demand",
    "national_security",
    "civil",
)
JURISDICTION_KEYS = (
    "code",
    "name",
    "accepted",
    "reason",
    "emergency_requests",
    "human_rights",
    "secrecy",
    "notice",
    "instruments",
)
LOCAL_INSTRUMENT_KEYS = (
    "kind",
    "local_name",
    "statute",
    "compels",
    "needs_judge",
    "issuers",
    "notes",
    "prospective",
)
ITEM_KEYS = ("id", "group", "label", "question", "help", "rule", "evaluate", "effect", "applies_to")


def _instruments(f: _File) -> dict[str, InstrumentKind]:
    out = {}
    for kind, entry in f.data.items():
        where = (kind,)
        if kind not in INSTRUMENT_KINDS:
            raise f.fail(where, None, f"unknown instrument kind; known: {', '.join(INSTRUMENT_KINDS)}")
        if not isinstance(entry, dict):
            raise f.fail((), kind, "must be a table")
        f.only(entry, where, INSTRUMENT_KEYS)
        out[kind] = InstrumentKind(
            kind=kind,
            label=f.string(entry, where, "label"),
            compels_content=f.boolean(entry, where, "compels_content"),
            compels_noncontent=f.boolean(entry, where, "compels_noncontent"),
            needs_judge=f.boolean(entry, where, "needs_judge"),
            data_demand=f.boolean(entry, where, "data_demand"),
            national_security=f.boolean(entry, where, "national_security"),
            civil=f.boolean(entry, where, "civil"),
        )
    missing = [k for k in INSTRUMENT_KINDS if k not in out]
    if missing:
        raise f.fail((), None, f"missing instrument kind(s): {', '.join(missing)}")
    return out


def _jurisdiction(f: _File) -> Jurisdiction:
    d = f.data
    f.only(d, (), JURISDICTION_KEYS)
    code = f.string(d, (), "code")
    expected = f.path.stem
    if expected != "default" and not re.fullmatch(r"[A-Z]{2}", expected):
        raise f.fail((), None, "a jurisdiction file is named after its ISO 3166 code, like US.toml")
    if code != expected:
        raise f.fail((), "code", f"is {code!r} but the file is named {f.path.name}")
    accepted = f.boolean(d, (), "accepted")
    reason = f.string(d, (), "reason", required=not accepted)
    emergency = f.boolean(d, (), "emergency_requests")

    hr = f.table(d, (), "human_rights")
    f.only(hr, ("human_rights",), ("level", "notes"))
    level = f.string(hr, ("human_rights",), "level")
    if level not in HUMAN_RIGHTS_LEVELS:
        raise f.fail(("human_rights",), "level", f"must be one of {', '.join(HUMAN_RIGHTS_LEVELS)}")
    baseline = HumanRightsBaseline(level, f.string(hr, ("human_rights",), "notes"))

    secrecy = f.table(d, (), "secrecy")
    f.only(secrecy, ("secrecy",), ("statute", "max_days", "notes"))
    secrecy_law = SecrecyLaw(
        statute=f.string(secrecy, ("secrecy",), "statute"),
        max_days=f.number(secrecy, ("secrecy",), "max_days", 1, 36500),
        notes=f.string(secrecy, ("secrecy",), "notes", required=False),
    )

    notice = f.table(d, (), "notice")
    f.only(notice, ("notice",), ("prior", "delayed_after_secrecy", "notes"))
    rules = NoticeRules(
        prior=f.boolean(notice, ("notice",), "prior"),
        delayed_after_secrecy=f.boolean(notice, ("notice",), "delayed_after_secrecy"),
        notes=f.string(notice, ("notice",), "notes", required=False),
    )

    raw = d.get("instruments", [])
    if not isinstance(raw, list):
        raise f.fail((), "instruments", "must be an array of tables ([[instruments]])")
    local = []
    for n, entry in enumerate(raw):
        where: tuple[str | int, ...] = ("instruments", n)
        if not isinstance(entry, dict):
            raise f.fail(where, None, "must be a table")
        f.only(entry, where, LOCAL_INSTRUMENT_KEYS)
        kind = f.string(entry, where, "kind")
        if kind not in INSTRUMENT_KINDS:
            raise f.fail(
                where, "kind", f"unknown instrument kind {kind!r}; known: {', '.join(INSTRUMENT_KINDS)}"
            )
        if kind == Instrument.EMERGENCY_REQUEST.value and not emergency:
            raise f.fail(where, "kind", "lists an emergency request but emergency_requests is false")
        local.append(
            LocalInstrument(
                kind=kind,
                local_name=f.string(entry, where, "local_name"),
                statute=f.string(entry, where, "statute"),
                compels=frozenset(f.strings(entry, where, "compels", allowed=COMPELS)),
                needs_judge=f.maybe_boolean(entry, where, "needs_judge"),
                issuers=tuple(fold(i) for i in f.strings(entry, where, "issuers", required=False)),
                notes=f.string(entry, where, "notes", required=False),
                prospective=bool(f.maybe_boolean(entry, where, "prospective")),
            )
        )
    return Jurisdiction(
        code=code,
        name=f.string(d, (), "name"),
        accepted=accepted,
        reason=reason,
        emergency_requests=emergency,
        instruments=tuple(local),
        secrecy=secrecy_law,
        notice=rules,
        human_rights=baseline,
        source=str(f.path),
    )


def _items(f: _File) -> tuple[ChecklistItem, ...]:
    from app.review.evaluators import EVALUATORS  # the evaluators use the pack's types

    f.only(f.data, (), ("items",))
    raw = f.data.get("items")
    if not isinstance(raw, list) or not raw:
        raise f.fail((), None, "needs at least one [[items]] table")
    out: list[ChecklistItem] = []
    seen: set[str] = set()
    for n, entry in enumerate(raw):
        where: tuple[str | int, ...] = ("items", n)
        if not isinstance(entry, dict):
            raise f.fail(where, None, "must be a table")
        f.only(entry, where, ITEM_KEYS)
        item_id = f.string(entry, where, "id")
        if item_id in seen:
            raise f.fail(where, "id", f"duplicate id {item_id!r}")
        seen.add(item_id)
        group = f.string(entry, where, "group")
        if group not in GROUPS:
            raise f.fail(where, "group", f"{group!r} is not one of {', '.join(GROUPS)}")
        if not re.fullmatch(rf"{re.escape(group)}\.[a-z][a-z0-9_]*", item_id):
            raise f.fail(where, "id", f"{item_id!r} must be '{group}.' and a lower-case name")
        effect = f.string(entry, where, "effect")
        if effect not in EFFECTS:
            raise f.fail(where, "effect", f"{effect!r} is not one of {', '.join(EFFECTS)}")
        evaluate = f.string(entry, where, "evaluate", empty=True)
        if evaluate and evaluate not in EVALUATORS:
            raise f.fail(where, "evaluate", f'no evaluator {evaluate!r} in app/review/evaluators.py (or "")')
        applies_to = f.strings(
            entry, where, "applies_to", required=False, allowed=(*INSTRUMENT_KINDS, *CASE_KINDS)
        )
        out.append(
            ChecklistItem(
                id=item_id,
                group=Group(group),
                label=f.string(entry, where, "label"),
                question=f.string(entry, where, "question"),
                help=f.string(entry, where, "help"),
                rule=f.string(entry, where, "rule"),
                evaluate=evaluate,
                effect=Effect(effect),
                applies_to=tuple(applies_to),
            )
        )
    return tuple(out)


def _pack_date(f: _File) -> str:
    """The day this version of the pack was made (YYYY-MM-DD); "" in a pack that does not say."""
    value = f.data.get("date", "")
    if value == "":
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    try:
        date.fromisoformat(text)
    except ValueError:
        raise f.fail((), "date", "must be the day the version was made, like 2026-12-07") from None
    return text


def _pack_settings(f: _File) -> dict[str, Any]:
    d = f.data
    f.only(d, (), PACK_KEYS)
    version = f.string(d, (), "version")
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.\-]*", version):
        raise f.fail((), "version", "must be letters, digits, dots and dashes, like '2026.1'")
    emergency = f.table(d, (), "emergency")
    f.only(emergency, ("emergency",), ("disclose_content", "categories", "response_hours"))
    hours = f.number(emergency, ("emergency",), "response_hours", 1, 168)
    identifiers = f.table(d, (), "identifiers")
    f.only(identifiers, ("identifiers",), ("widest_ipv4_prefix", "widest_ipv6_prefix"))
    words = f.table(d, (), "words")
    f.only(words, ("words",), ("bulk", "bulk_exceptions", "addressee_roles", "judicial", "law_enforcement"))
    hr = f.table(d, (), "human_rights")
    f.only(hr, ("human_rights",), ("protected_activity",))
    protected = f.table(hr, ("human_rights",), "protected_activity")
    where = ("human_rights", "protected_activity")
    f.only(protected, where, PROTECTED_ACTIVITIES)
    dates = f.table(d, (), "dates", required=False)
    f.only(dates, ("dates",), ("stale_after_days",))
    stale = f.number(dates, ("dates",), "stale_after_days", 1, 36500)
    reading = f.table(d, (), "reading", required=False)
    f.only(
        reading,
        ("reading",),
        ("poor_word_confidence", "poor_share_percent", "poor_words_per_page", "doubtful_below"),
    )
    doubtful = f.number(reading, ("reading",), "doubtful_below", 0, 100)
    confidence = f.number(reading, ("reading",), "poor_word_confidence", 0, 100)
    share = f.number(reading, ("reading",), "poor_share_percent", 0, 100)
    per_page = f.number(reading, ("reading",), "poor_words_per_page", 0, 10000)
    ipv4 = f.number(identifiers, ("identifiers",), "widest_ipv4_prefix", 0, 32)
    ipv6 = f.number(identifiers, ("identifiers",), "widest_ipv6_prefix", 0, 128)
    return {
        "version": version,
        "date": _pack_date(f),
        "description": f.string(d, (), "description"),
        "emergency_content": f.boolean(emergency, ("emergency",), "disclose_content"),
        "emergency_categories": tuple(f.strings(emergency, ("emergency",), "categories", allowed=CATEGORIES)),
        "emergency_response_hours": DEFAULT_EMERGENCY_HOURS if hours is None else hours,
        "widest_ipv4_prefix": 24 if ipv4 is None else ipv4,
        "widest_ipv6_prefix": 64 if ipv6 is None else ipv6,
        "stale_after_days": 365 if stale is None else stale,
        "poor_word_confidence": 60 if confidence is None else confidence,
        "poor_share_percent": 50 if share is None else share,
        "poor_words_per_page": 25 if per_page is None else per_page,
        "doubtful_below": 80 if doubtful is None else doubtful,
        "words": Words(
            bulk=_phrases(f.strings(words, ("words",), "bulk")),
            bulk_exceptions=_phrases(f.strings(words, ("words",), "bulk_exceptions", required=False)),
            judicial=_phrases(f.strings(words, ("words",), "judicial")),
            addressee_roles=frozenset(
                fold(w).strip() for w in f.strings(words, ("words",), "addressee_roles", required=False)
            ),
            law_enforcement=_phrases(f.strings(words, ("words",), "law_enforcement")),
            protected_activity={
                name: _phrases(f.strings(protected, where, name, required=False))
                for name in PROTECTED_ACTIVITIES
            },
        ),
    }


def load_pack(root: Path | None = None) -> PolicyPack:
    """Read and check the pack under ``root`` (default: the shipped resources/policy)."""
    if root is None:
        return _shipped_pack()
    return _load(Path(root))


@functools.lru_cache(maxsize=1)
def _shipped_pack() -> PolicyPack:
    return _load(POLICY_DIR)


def _load(root: Path) -> PolicyPack:
    if not root.is_dir():
        raise PolicyError(f"{root}:1: no policy pack here (a folder with pack.toml)")
    settings = _pack_settings(_File(root / "pack.toml"))
    instruments = _instruments(_File(root / "instruments.toml"))
    folder = root / "jurisdictions"
    default = _jurisdiction(_File(folder / "default.toml"))
    jurisdictions = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "default.toml":
            continue
        found = _jurisdiction(_File(path))
        jurisdictions[found.code] = found
    items = _items(_File(root / "checklist.toml"))
    return PolicyPack(
        root=root,
        instruments=instruments,
        jurisdictions=jurisdictions,
        default=default,
        items=items,
        **settings,
    )
