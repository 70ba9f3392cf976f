"""Whether a demand names its targets: identifiers that are bulk, wildcards, too-wide ranges
or malformed, and requests that describe accounts instead of naming them.

validity.specific_identifiers and validity.identifiers_well_formed answer from these, and
the recommendation strikes what they find from the scope (app/review/decide.py).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from app import labels
from app.display_language import ENGLISH
from app.domain.facts import DataRequest, Facts, Identifier
from app.review.policy import PolicyPack
from app.review.said import Said, Word, word
from app.textfold import fold

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)
_GAMERTAG = re.compile(r"[A-Za-z][A-Za-z0-9 ]{0,15}(?:#\d{1,4})?")
_URL_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?")
_IP_RANGE = re.compile(
    r"^\s*([0-9A-Fa-f:.]+)(?:\s*[-\u2013]\s*|\s+(?:to|through|bis|a|au|hasta)\s+)([0-9A-Fa-f:.]+)\s*$",
    re.IGNORECASE,
)
# Values that name no one: a lone "all" or "*" as the identifier.
_NOBODY = {
    "all",
    "any",
    "everyone",
    "everybody",
    "all users",
    "all accounts",
    "all records",
    "all subscribers",
    "all numbers",
    "all data",
    "*",
    "%",
}
# A range of numbers as the target ("+1 202 555 0100 to +1 202 555 0199", "1000 - 1999"):
# the sides are split on a spaced dash or a word, as a number's own hyphens and dashes are not.
_NUMBER_RANGE = re.compile(
    r"^\s*(.*?\d.*?)(?:\s+[-\u2013\u2014]\s+|\s+(?:to|through|thru|bis|a|au|hasta)\s+)(.*?\d.*?)\s*$",
    re.IGNORECASE,
)


def _ip_addresses(value: str) -> int | None:
    """How many addresses an IP, CIDR block or range names; None when it is none of these."""
    text = value.strip()
    try:
        ipaddress.ip_address(text)
        return 1
    except ValueError:
        pass
    if "/" in text:
        try:
            return ipaddress.ip_network(text, strict=False).num_addresses
        except ValueError:
            return None
    span = _IP_RANGE.match(text)
    if span:
        try:
            first, last = ipaddress.ip_address(span.group(1)), ipaddress.ip_address(span.group(2))
        except ValueError:
            return None
        if first.version != last.version or int(last) < int(first):
            return None
        return int(last) - int(first) + 1
    return None


def _number_range(value: str) -> int | None:
    """How many numbers a range of phone numbers or account numbers spans; None when it is no range."""
    span = _NUMBER_RANGE.match(value)
    if not span:
        return None
    first, last = (re.sub(r"\D", "", side) for side in span.groups())
    if len(first) < 3 or len(last) < 3:
        return None
    if len(last) < len(first):  # "555 0100 - 0199": the end repeats only the digits that change
        last = first[: len(first) - len(last)] + last
    low, high = int(first), int(last)
    return high - low + 1 if high > low else None


def _too_wide(value: str, pack: PolicyPack) -> str | None:
    count = _ip_addresses(value)
    if count is None or count == 1:
        return None
    v6 = ":" in value
    widest = pack.widest_ipv6_prefix if v6 else pack.widest_ipv4_prefix
    allowed = 2 ** ((128 if v6 else 32) - widest)
    if count > allowed:
        return Said("targets.too_wide", value=value, count=count, widest=widest)
    return None


def well_formed(kind: str, value: str) -> bool:
    """Whether an identifier could name an account of its kind (after the intake's normalising)."""
    text = value.strip()
    if not text:
        return False
    if kind == "email":
        return bool(_EMAIL.fullmatch(text))
    if kind == "phone":
        return bool(re.fullmatch(r"\+?\d{7,15}", re.sub(r"[\s\-.()/]", "", text)))
    if kind == "ip":
        return _ip_addresses(text) is not None
    if kind == "url":
        parts = urlsplit(text if "://" in text else f"http://{text}")
        return parts.scheme in ("http", "https") and bool(_URL_HOST.fullmatch(parts.netloc))
    if kind == "gamertag":
        return bool(_GAMERTAG.fullmatch(text))
    if kind in ("account_id", "username"):
        return bool(re.fullmatch(r"\S{1,128}", text))
    return True


def bulk_phrase(text: str | None, pack: PolicyPack) -> str | None:
    """The bulk phrase a text uses ("all accounts that ..."), unless it points at a named target."""
    if not text:
        return None
    folded = fold(text)
    for m in pack.words.bulk.finditer(folded):
        after = folded[m.end() : m.end() + 40]
        exception = pack.words.bulk_exceptions.finditer(after)
        if exception and exception[0].start() <= 12:
            continue
        return m.group(0)
    return None


def identifier_problem(ident: Identifier, pack: PolicyPack) -> tuple[str, str]:
    """("ok" | "redacted" | "bulk" | "malformed", why) for one identifier of the facts."""
    value = ident.value
    kind = str(ident.kind or "other")
    if ident.redacted or value is None or not value.strip():
        return "redacted", Said("targets.redacted")
    if fold(value).strip() in _NOBODY:
        return "bulk", Said("targets.nobody", value=value)
    phrase = bulk_phrase(value, pack)
    if phrase:
        return "bulk", Said("targets.describes", value=value, phrase=phrase)
    # "%" is SQL's wildcard, but in a URL it only escapes a character.
    if "*" in value or ("%" in value and kind != "url"):
        return "bulk", Said("targets.wildcard", value=value)
    wide = _too_wide(value, pack)
    if wide:
        return "bulk", wide
    if kind != "ip":
        spans = _number_range(value)
        if spans:
            return "bulk", Said("targets.number_range", value=value, count=spans)
    if not well_formed(kind, value):
        return "malformed", Said("targets.malformed", value=value, kind=_kind_word(kind))
    return "ok", ""


def _kind_word(kind: str) -> Word:
    # English names the kind by its code, as notes always have; other languages by its label.
    return word(lambda lang: kind if lang == ENGLISH else labels.kind(kind, lang))


def bulk_items(facts: Facts, pack: PolicyPack) -> list[tuple[DataRequest, str]]:
    """Data-requested entries that describe their targets instead of naming them."""
    out = []
    for item in facts.data_requested:
        phrase = bulk_phrase(item.text, pack)
        if phrase:
            out.append((item, phrase))
    return out
