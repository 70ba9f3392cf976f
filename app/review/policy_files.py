"""The files of a policy pack read into its records: pack.toml, instruments.toml, one file per
jurisdiction and checklist.toml, each checked as it is read (``load``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TypedDict

from app.domain.enums import CATEGORIES, EFFECTS, GROUPS, Effect, Group, Instrument
from app.review.policy import (
    CASE_KINDS,
    COMPELS,
    DEFAULT_EMERGENCY_HOURS,
    HUMAN_RIGHTS_LEVELS,
    INSTRUMENT_KINDS,
    PROTECTED_ACTIVITIES,
    ChecklistItem,
    HumanRightsBaseline,
    InstrumentKind,
    Jurisdiction,
    LocalInstrument,
    NoticeRules,
    PhraseList,
    PolicyError,
    PolicyPack,
    SecrecyLaw,
    Words,
)
from app.review.policy_toml import PackFile
from app.textfold import fold


def _phrases(words: list[str]) -> PhraseList:
    folded = tuple(dict.fromkeys(fold(w).strip() for w in words))
    if not folded:
        return PhraseList((), None)
    # Longest first, so that "juge d'instruction" wins over "juge".
    ordered = sorted(folded, key=lambda w: -len(w))
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
    return PhraseList(folded, re.compile(rf"(?<![\w])(?:{body})(?![\w])"))


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


def _instruments(f: PackFile) -> dict[str, InstrumentKind]:
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


def _jurisdiction(f: PackFile) -> Jurisdiction:
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


def _items(f: PackFile) -> tuple[ChecklistItem, ...]:
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


def _pack_date(f: PackFile) -> str:
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


class _Settings(TypedDict):
    """What pack.toml sets of a ``PolicyPack``."""

    version: str
    date: str
    description: str
    emergency_content: bool
    emergency_categories: tuple[str, ...]
    emergency_response_hours: int
    widest_ipv4_prefix: int
    widest_ipv6_prefix: int
    stale_after_days: int
    poor_word_confidence: int
    poor_share_percent: int
    poor_words_per_page: int
    doubtful_below: int
    words: Words


def _pack_settings(f: PackFile) -> _Settings:
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


def load(root: Path) -> PolicyPack:
    """Read and check the pack under ``root``."""
    if not root.is_dir():
        raise PolicyError(f"{root}:1: no policy pack here (a folder with pack.toml)")
    settings = _pack_settings(PackFile(root / "pack.toml"))
    instruments = _instruments(PackFile(root / "instruments.toml"))
    folder = root / "jurisdictions"
    default = _jurisdiction(PackFile(folder / "default.toml"))
    jurisdictions = {}
    for path in sorted(folder.glob("*.toml")):
        # A language's words for a country's file (US.de.toml) are no country of their own.
        if path.name == "default.toml" or "." in path.stem:
            continue
        found = _jurisdiction(PackFile(path))
        jurisdictions[found.code] = found
    items = _items(PackFile(root / "checklist.toml"))
    return PolicyPack(
        root=root,
        instruments=instruments,
        jurisdictions=jurisdictions,
        default=default,
        items=items,
        **settings,
    )
