"""What an identifier looks like: the patterns of e-mail addresses, phone numbers, IP
addresses and URLs, and the checks and normalisation of one value (``extract_ids``).
"""

from __future__ import annotations

import ipaddress
import re

from app.intake.extract_dates import repair_digits
from app.intake.vocab import Country, PhonePlan, Vocabulary

_LEAD = "([{<\"'\u201c\u2018\u00ab|."
_TRAIL = ")]}>\"'\u201d\u2019\u00bb.,;:|!?"
_EMAIL = re.compile(
    r"^[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}$"
)
_LOCAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._%+\-]*$")
_DOMAIN = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}[.,;:)]*$")
_OPEN_DOMAIN = re.compile(r"^[^@\s]+@[^.@\s]+\.$")  # "alice@example." waiting for its "com"
_TLD = re.compile(r"^[A-Za-z]{2,6}[.,;:)]*$")
_AT_WORDS = "at|ät|arobase|arroba|chez"
_DOT_WORDS = "dot|punkt|point|punto"
_AT = re.compile(rf"\s*[\(\[\{{]\s*(?:{_AT_WORDS})\s*[\)\]\}}]\s*", re.IGNORECASE)
_DOT = re.compile(rf"\s*[\(\[\{{]\s*(?:{_DOT_WORDS})\s*[\)\]\}}]\s*", re.IGNORECASE)
_BRACKET_WORD = re.compile(rf"[\(\[\{{]\s*(?:{_AT_WORDS}|{_DOT_WORDS})\s*[\)\]\}}]", re.IGNORECASE)
_URL = re.compile(
    r"^(?:(?:https?|ftp)://[^\s/]+(?:/\S*)?|www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:/\S*)?)$", re.IGNORECASE
)
_HOST_PATH = re.compile(r"^[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}/\S+$", re.IGNORECASE)
_BARE_HOST = re.compile(
    r"^[a-z0-9\-]+(?:\.[a-z0-9\-]+)+\.[a-z]{2,24}$|^[a-z0-9\-]+\.[a-z]{2,24}$", re.IGNORECASE
)
_IPV4 = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(/\d{1,2})?$")
_IPV6_CHARS = re.compile(r"^[0-9a-fA-FlIoOS:.]+(?:/\d{1,3})?$")
_PHONE = re.compile(r"(?<![\w+/@.\-])(?:\+|00)?\s?\(?\d[\d\s().\-/]{5,22}\d(?![\w/@])")
_US_PHONE = re.compile(r"^(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}$")
_DATEISH = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$")
_REDACTED_LOCAL = re.compile(r"^(?:x{3,}|\*{3,}|[█■▇▆]+|_{3,})$", re.IGNORECASE)
_JUNK_CHARS = re.compile(r"^[\W_]+$")
_MISREAD_AT = re.compile(r"^[©®OoQ0][a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}[.,;:)~]*$")
# "coral_marbleOexample.org": an "@" read as O inside one word; the domain is the shortest valid tail.
_FUSED_AT = re.compile(
    r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*?)[©®OQ0](?P<domain>[a-z][a-z0-9\-]{2,}\.[a-z]{2,24})$"
)
# "prairie.garnet18QU example.com": the "@" read as capitals stuck to the local part.
_TRAILING_AT = re.compile(r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*[a-z0-9])(?:QU|Q|W|©|®|@)[~]?$")
_TRAILING_ROUND_AT = re.compile(r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*[a-z0-9])[0O][~]?$")
_PHONE_WORDS = re.compile(
    r"(?:tel|phone|fax|telefon|telephone|telefono|rufnummer|numero|msisdn|mobil|call|handy|movil)"
)


def _strip(text: str) -> str:
    text = text.strip()
    while text and text[0] in _LEAD:
        text = text[1:]
    while text and text[-1] in _TRAIL:
        text = text[:-1]
    return text


def _email(text: str) -> str | None:
    candidate = _strip(text).replace("\u00a0", "")
    if "@" not in candidate:
        return None
    local, _, domain = candidate.rpartition("@")
    domain = domain.replace(",", ".").replace(":", ".")
    local = re.sub(r"(?<=\d)[Oo](?=\d)", "0", local)
    local = re.sub(r"(?<=\d)[lI|](?=\d)", "1", local)
    value = f"{local}@{domain}".lower()
    return value if _EMAIL.match(value) else None


def _redacted_email(text: str) -> bool:
    candidate = _strip(text)
    if "@" not in candidate:
        return False
    local, _, domain = candidate.rpartition("@")
    return bool(_REDACTED_LOCAL.match(local)) and bool(_BARE_HOST.match(domain) or domain == "")


def _ipv4(text: str) -> str | None:
    candidate = _strip(text)
    if candidate.count(".") != 3:
        return None
    # Each group of an address is digits: O read for 0 and l, I or | for 1 are repaired group by group.
    groups = candidate.split(".")
    repaired = [
        re.sub(r"[oO]", "0", re.sub(r"[lI|]", "1", g)) if re.search(r"\d", g) or len(g) <= 3 else g
        for g in groups
    ]
    fixed = ".".join(repaired)
    m = _IPV4.match(fixed)
    if not m:
        return None
    try:
        address = ipaddress.IPv4Address(m.group(1))
    except ValueError:
        return None
    if m.group(2):
        try:
            return str(ipaddress.IPv4Network(f"{address}{m.group(2)}", strict=False))
        except ValueError:
            return None
    return str(address)


def _ipv6(text: str) -> str | None:
    candidate = _strip(text)
    if candidate.count(":") < 2 or not _IPV6_CHARS.match(candidate):
        return None
    fixed = (
        candidate.replace("l", "1").replace("I", "1").replace("O", "0").replace("o", "0").replace("S", "5")
    )
    groups = [g for g in re.split(r"[:/]", fixed) if g]
    if len(groups) < 2 or not any(re.search(r"[a-f]", g, re.IGNORECASE) or len(g) >= 3 for g in groups):
        return None  # "10:30:00" is a time, not an address
    try:
        if "/" in fixed:
            return str(ipaddress.IPv6Network(fixed, strict=False))
        return ipaddress.IPv6Address(fixed).compressed
    except ValueError:
        return None


def _url(text: str, *, bare_host: bool) -> str | None:
    candidate = _strip(text)
    if "@" in candidate:
        return None
    if _URL.match(candidate) or _HOST_PATH.match(candidate) or (bare_host and _BARE_HOST.match(candidate)):
        m = re.match(r"^((?:[a-z]+://)?)([^/]+)(.*)$", candidate, re.IGNORECASE)
        if m:
            return m.group(1).lower() + m.group(2).lower() + m.group(3)
    return None


# A capital S or O right after a small letter and before a digit or the end of a handle is
# a 5 or a 0 the language model preferred as a letter ("juniperS", "CoralDriftS8").
_LETTER_FOR_DIGIT = re.compile(r"(?<=[a-z])([SO])(?=\d|$)")


def _handle_kind(value: str) -> str:
    """A handle in capitalised words with no separator ("WillowPine17", and "QuillQuillS1" before
    its S is repaired) is written the way gamertags are; any other is a user name."""
    camel = re.fullmatch(r"(?:[A-Z][a-z]+){2,}(?:\d*|[SO]\d?)", value)
    return "gamertag" if camel else "username"


def normalise_handle(kind: str, value: str) -> tuple[str, str | None]:
    """An account id, user name or gamertag as it is compared and stored; and a note of any repair.

    - account ids: the spaces OCR (or the printer) put between digit groups are dropped
      ("UID1741 14251", "8812 4471 0093"), hyphens are kept;
    - user names: lower case (services compare them without case; a capital at the start
      of a table cell is OCR's or the typist's);
    - user names and gamertags: an S or O read for 5 or 0 at the end of the handle or
      before its digits is repaired, and flagged.
    """
    flagged = None
    if kind == "account_id":
        return re.sub(r"(?<=[0-9A-Za-z]) (?=[0-9])", "", value), None
    if kind in ("username", "gamertag"):
        repaired = _LETTER_FOR_DIGIT.sub(lambda m: "5" if m.group(1) == "S" else "0", value)
        if repaired != value:
            flagged, value = f"repaired: {value!r} read as {repaired!r} (S/5, O/0)", repaired
    if kind == "username":
        value = value.lower()
    return value, flagged


def e164(raw: str, country: Country | None, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """A phone number in E.164 ("+14065550177"), and a note when it could not be made so.

    "+" or "00" numbers are read with the calling codes of the vocabulary's countries;
    national numbers with the plan of the demand's country (its trunk prefix dropped).
    """
    lowered = raw.lower()
    text = repair_digits(lowered) if len(lowered) == len(raw) else raw
    text = re.sub(r"\(0\)", "", text).strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or (text.startswith("00") and len(digits) > 10):
        if text.startswith("00"):
            digits = digits[2:]
        plans: dict[str, PhonePlan] = {}
        for info in vocab.countries.values():
            plans.setdefault(info.phone.code, info.phone)
        for size in (1, 2, 3):
            code = digits[:size]
            plan = plans.get(code)
            if plan is None:
                continue
            national = digits[size:]
            if (
                plan.trunk
                and national.startswith(plan.trunk)
                and len(national) - len(plan.trunk) in plan.lengths
            ):
                national = national[len(plan.trunk) :]
            if len(national) in plan.lengths:
                return f"+{code}{national}", None
            return f"+{digits}", "the length does not fit the country's numbers"
        if 8 <= len(digits) <= 15:
            return f"+{digits}", "calling code not known"
        return None, f"printed as {raw.strip()}; not a full international number"
    if country is None:
        return None, f"printed as {raw.strip()}; country unknown, so not normalised"
    plan = country.phone
    national = digits
    if plan.trunk and national.startswith(plan.trunk) and len(national) - len(plan.trunk) in plan.lengths:
        national = national[len(plan.trunk) :]
    if len(national) in plan.lengths:
        return f"+{plan.code}{national}", None
    return None, f"printed as {raw.strip()}; not a full {country.name} number"


def _kind_of_label(kind: str) -> str:
    return "account_id" if kind in ("generic", "account_id") else kind
