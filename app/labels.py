"""Words for the codes the core stores (``resources/labels.toml``): outcomes, facts, and a
sentence for each audit event, so no window, letter or report shows ``decision.made``.

One place for them, read by the window, the CLI and the report alike. Each function takes
the ``language`` to word them in; None is the window's display language
(``app.display_language``), and a word the language's overlay (``labels.de.toml``) lacks
is English.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.disclosure.grounds import ground_words, shipped_grounds
from app.display_language import chosen, words
from app.model import AuditEvent

LABELS_FILE = Path(__file__).resolve().parent.parent / "resources" / "labels.toml"


@dataclass(frozen=True)
class Labels:
    outcomes: Mapping[str, str]
    effects: Mapping[str, str]
    facts: Mapping[str, str]
    payload: Mapping[str, str]
    audit: Mapping[str, str]

    verdicts: Mapping[str, str]
    values: Mapping[str, str]
    kinds: Mapping[str, str]
    codes: Mapping[str, Mapping[str, str]]  # by payload name: role, recipient, exception_kind


def labels(language: str | None = None) -> Labels:
    return _labels(chosen(language))


@functools.cache
def _labels(language: str) -> Labels:
    data = words(LABELS_FILE, language)
    return Labels(
        data["outcomes"],
        data["effects"],
        data["facts"],
        data["payload"],
        data["audit"],
        data["verdicts"],
        data["values"],
        data["kinds"],
        data["codes"],
    )


def plain(code: str) -> str:
    """A code no table names, made readable: "not_a_data_demand" → "Not a data demand"."""
    words = code.rsplit(".", 1)[-1].replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else code


def outcome(code: str, language: str | None = None) -> str:
    return labels(language).outcomes.get(code) or plain(code)


def effect(code: str, language: str | None = None) -> str:
    """What a failing checklist item does, as a phrase ("a failure means rejecting the demand")."""
    return labels(language).effects.get(code) or plain(code)


def fact(key: str, language: str | None = None) -> str:
    return labels(language).facts.get(key) or plain(key)


def verdict(code: str, language: str | None = None) -> str:
    """A checklist answer ("pass", "not_applicable") in words."""
    return labels(language).verdicts.get(code) or plain(code)


def kind(code: str, language: str | None = None) -> str:
    """The kind of a target ("email") or of a letter ("narrowing") in words."""
    return labels(language).kinds.get(code) or code.replace("_", " ")


def yes_no(value: bool, language: str | None = None) -> str:
    return labels(language).values["yes" if value else "no"]


def item(item_id: str, language: str | None = None) -> str:
    """A checklist item by its label in the shipped policy pack."""
    from app.review.policy import load_pack  # the pack is loaded once and cached there

    return load_pack().item_label(item_id, chosen(language))


def _shown(key: str, value: object, language: str) -> str:
    if value is None or value == "":
        return "—"
    if key == "key" and isinstance(value, str):
        # English runs a fact's name into the sentence in lower case; German keeps its nouns capital.
        name = fact(value, language)
        return name.lower() if language == "en" else name
    if key == "outcome" and isinstance(value, str):
        return outcome(value, language)
    if key == "item" and isinstance(value, str):
        return item(value, language)
    if key == "kind" and isinstance(value, str):
        return kind(value, language)
    ground = shipped_grounds().get(value) if key == "ground" and isinstance(value, str) else None
    if ground is not None:
        # The payload stores the ground's key ("emergency"); the window names the ground.
        return ground_words(ground, language)[0]
    coded = labels(language).codes.get("role" if key in ("from", "to") else key, {})
    if isinstance(value, str) and value in coded:
        return coded[value]
    if key == "answer" and isinstance(value, str):
        return verdict(value, language)
    if isinstance(value, bool):
        return yes_no(value, language)
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(key, v, language) for v in value)
    if isinstance(value, str) and "_" in value and " " not in value and "@" not in value and "/" not in value:
        return value.replace("_", " ")
    return str(value)


class _Payload(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def audit_sentence(event: AuditEvent, language: str | None = None) -> str:
    """What the event did, as a sentence; an action no sentence covers is named in words."""
    language = chosen(language)
    template = labels(language).audit.get(event.action)
    if template is None:
        return plain(event.action.replace(".", " "))
    payload = event.payload if isinstance(event.payload, Mapping) else {}
    values = _Payload({k: _shown(k, v, language) for k, v in payload.items()})
    text = string.Formatter().vformat(template, (), values)
    # A value the event does not carry (an older event, an optional reason) leaves "()" or a
    # trailing ":" behind.
    return text.replace(" ()", "").rstrip(" :—").strip()


def audit_details(event: AuditEvent, language: str | None = None) -> list[tuple[str, str]]:
    """The payload as (name, value) rows for the Details view, names in words."""
    language = chosen(language)
    payload = event.payload if isinstance(event.payload, Mapping) else {}
    names = labels(language).payload
    return [(names.get(k) or plain(k), _shown(k, v, language)) for k, v in payload.items()]
