"""The policy pack: instruments, jurisdictions and the checklist, read from resources/policy/.

The provider's policy is data so that adding a country or rewording a rule is a data
change that a reviewer can read. Every file is checked when the pack is loaded; a
mistake raises ``PolicyError`` naming the file, the line and what is wrong. Here are the
pack's records; ``policy_files`` reads the files into them, through ``policy_toml``
(one TOML file, with the line of each table and key).

The shipped pack is read once per process (``load_pack()``); tests load copies with
``load_pack(root)``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.display_language import ENGLISH, overlay
from app.domain.enums import Effect, Group
from app.labels import plain
from app.model import Instrument
from app.textfold import fold

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
class ItemText:
    """An item's words for the reviewer, in one language."""

    label: str
    question: str
    help: str
    rule: str = ""  # the policy sentence the item rests on


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

    def local_name(self, kind: str | None, country: str | None, authority: str | None = None) -> str | None:
        """The ``local_instrument``'s name ("Réquisition judiciaire"), None when the pack cannot tell."""
        local = self.local_instrument(kind, country, authority)
        return local.local_name if local is not None else None

    def instrument_name(
        self, kind: str, country: str | None, authority: str | None = None, language: str = ENGLISH
    ) -> str:
        """What to call a demand of ``kind``: its local name where the law it was issued under
        has one (``local_name``), else the pack's label for the kind ("Subpoena (or
        equivalent)") in ``language``. A French réquisition is never called a subpoena."""
        local = self.local_name(kind, country, authority)
        return local if local is not None else self.instrument_label(kind, language)

    def item(self, item_id: str) -> ChecklistItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @functools.cached_property
    def _labels(self) -> dict[str, str]:
        return {item.id: item.label for item in self.items}

    def item_label(self, item_id: str, language: str = ENGLISH) -> str:
        """The item's label ("Signed") in ``language``; an item this pack does not know (an old
        case's) is named from its id, never shown as the id."""
        if language != ENGLISH and item_id in self._labels:
            return self.item_text(item_id, language).label
        return self._labels.get(item_id) or plain(item_id)

    def item_text(self, item_id: str, language: str = ENGLISH) -> ItemText:
        """The words a reviewer reads of an item (label, question, help, rule) in ``language``: the
        pack's English with the language's overlay (``checklist.de.toml``, by item id) over it."""
        item = self.item(item_id)
        local = overlay(self.root / "checklist.toml", language).get("items", {}).get(item_id, {})
        return ItemText(
            local.get("label") or item.label,
            local.get("question") or item.question,
            local.get("help") or item.help,
            local.get("rule") or item.rule,
        )

    def jurisdiction_text(self, jurisdiction: Jurisdiction, key: str, language: str = ENGLISH) -> str:
        """A prose field of a country's file ("reason", "human_rights.notes") in ``language``: the
        overlay beside its file (``US.de.toml``) over the English. The rules only ever read the
        English; this is what the window shows."""
        english: object = jurisdiction
        for part in key.split("."):
            english = getattr(english, part)
        local: object = overlay(Path(jurisdiction.source), language)
        for part in key.split("."):
            local = local.get(part, {}) if isinstance(local, Mapping) else {}
        return local if isinstance(local, str) and local else str(english)

    def statute_text(
        self, jurisdiction: Jurisdiction, instrument: LocalInstrument, language: str = ENGLISH
    ) -> str:
        """The law an instrument rests on as the window shows it in ``language``: the citation as
        written, its prose (``e.g.``, ``as amended``) from the overlay's ``[statutes]``, by the
        instrument's local name."""
        local = overlay(Path(jurisdiction.source), language).get("statutes", {}).get(instrument.local_name)
        return local if isinstance(local, str) and local else instrument.statute

    def instrument_label(self, kind: str, language: str = ENGLISH) -> str:
        """A kind of instrument by its name in the pack ("Search warrant"), in ``language``."""
        local = overlay(self.root / "instruments.toml", language).get(kind, {}).get("label")
        found = self.instruments.get(kind)
        return local or (found.label if found else plain(kind))


# ------------------------------------------------------------------------------ text


def load_pack(root: Path | None = None) -> PolicyPack:
    """Read and check the pack under ``root`` (default: the shipped resources/policy)."""
    if root is None:
        return _shipped_pack()
    return _load(Path(root))


@functools.lru_cache(maxsize=1)
def _shipped_pack() -> PolicyPack:
    return _load(POLICY_DIR)


def _load(root: Path) -> PolicyPack:
    from app.review.policy_files import load  # the files are read into this module's records

    return load(root)
