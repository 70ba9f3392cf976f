"""Words for the codes the core stores (``resources/labels.toml``): outcomes, facts, and a
sentence for each audit event, so no window, letter or report shows ``decision.made``.

One place for them, read by the window, the CLI and the report alike.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.model import AuditEvent

LABELS_FILE = Path(__file__).resolve().parent.parent / "resources" / "labels.toml"


@dataclass(frozen=True)
class Labels:
    outcomes: Mapping[str, str]
    effects: Mapping[str, str]
    facts: Mapping[str, str]
    payload: Mapping[str, str]
    audit: Mapping[str, str]


@functools.cache
def labels() -> Labels:
    with LABELS_FILE.open("rb") as f:
        data = tomllib.load(f)
    return Labels(data["outcomes"], data["effects"], data["facts"], data["payload"], data["audit"])


def plain(code: str) -> str:
    """A code no table names, made readable: "not_a_data_demand" → "Not a data demand"."""
    words = code.rsplit(".", 1)[-1].replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else code


def outcome(code: str) -> str:
    return labels().outcomes.get(code) or plain(code)


def effect(code: str) -> str:
    """What a failing checklist item does, as a phrase ("a failure means rejecting the demand")."""
    return labels().effects.get(code) or plain(code)


def fact(key: str) -> str:
    return labels().facts.get(key) or plain(key)


def item(item_id: str) -> str:
    """A checklist item by its label in the shipped policy pack."""
    from app.review.policy import load_pack  # the pack is loaded once and cached there

    return load_pack().item_label(item_id)


def _shown(key: str, value: object) -> str:
    if value is None or value == "":
        return "—"
    if key == "key" and isinstance(value, str):
        return fact(value).lower()
    if key == "outcome" and isinstance(value, str):
        return outcome(value)
    if key == "item" and isinstance(value, str):
        return item(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(key, v) for v in value)
    if isinstance(value, str) and "_" in value and " " not in value and "@" not in value and "/" not in value:
        return value.replace("_", " ")
    return str(value)


class _Payload(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def audit_sentence(event: AuditEvent) -> str:
    """What the event did, as a sentence; an action no sentence covers is named in words."""
    template = labels().audit.get(event.action)
    if template is None:
        return plain(event.action.replace(".", " "))
    payload = event.payload if isinstance(event.payload, Mapping) else {}
    values = _Payload({k: _shown(k, v) for k, v in payload.items()})
    text = string.Formatter().vformat(template, (), values)
    # A value the event does not carry (an older event, an optional reason) leaves "()" or a
    # trailing ":" behind.
    return text.replace(" ()", "").rstrip(" :—").strip()


def audit_details(event: AuditEvent) -> list[tuple[str, str]]:
    """The payload as (name, value) rows for the Details view, names in words."""
    payload = event.payload if isinstance(event.payload, Mapping) else {}
    names = labels().payload
    return [(names.get(k) or plain(k), _shown(k, v)) for k, v in payload.items()]
