"""Checking a demand's requester against the directory: do the e-mail addresses and telephone
numbers it gives fit the authority it names?

``check`` answers "pass" only when the named authority and an e-mail domain agree; "fail"
when a contact contradicts the claim; "unknown" when there is not enough to tell, with a
sentence that says what the reviewer should look at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.review.directory import Authority, Directory, e164, email_domain, shown_domain
from app.review.said import Said, joined

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"

# The kinds of authority a free-mail note names in words ([requester_kinds] in notes.toml).
_KIND_PHRASES = frozenset({"police", "prosecutor", "court", "agency", "regulator", "national_security"})


@dataclass(frozen=True)
class Verification:
    verdict: str  # "pass" | "fail" | "unknown"
    reason: str  # one sentence for the reviewer
    authority: str | None  # name of the matched directory entry, if any


@dataclass(frozen=True)
class _Claim:
    """Who the demand says sent it, as far as the directory can tell."""

    text: str | None  # the name as written
    entry: Authority | None  # the directory entry it names
    country: str | None  # the entry's country, else the demand's

    @property
    def who(self) -> str:
        if self.entry is not None:
            return self.entry.name
        if self.text:
            return self.text
        return (
            Said("requester.authority_in", country=self.country) if self.country else Said("requester.them")
        )


@dataclass
class _Findings:
    fails: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # unknown, and the fix is to add an entry
    notes: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)  # e-mail domains of the claimed entry
    fitting: list[str] = field(default_factory=list)  # numbers in the claimed entry's region
    inferred: Authority | None = None  # the entry an e-mail domain points at when no name is given


def _pick(
    directory: Directory, authority: str | None, country: str | None, domains: list[str]
) -> Authority | None:
    """The directory entry the requester claims to be, using the e-mail domains to settle a tie."""
    if not authority:
        return None
    candidates = directory.named(authority, country)
    if not candidates:
        return None
    owned = {owner for domain in domains for owner in directory.owners(domain)}
    for candidate in candidates:
        if candidate in owned:
            return candidate
    if len({c.country for c in candidates}) == 1:
        return candidates[0]
    return None


def _check_email(directory: Directory, claim: _Claim, email: str, found: _Findings) -> None:
    domain = email_domain(email)
    if domain is None:
        found.notes.append(Said("requester.not_email", email=email))
        return
    shown, entry = shown_domain(domain), claim.entry
    owners = directory.owners(domain)
    if owners:
        owner = owners[0]
        if entry is not None and entry in owners:
            found.matched.append(shown)
        elif entry is not None and owner.country != entry.country:
            found.fails.append(
                Said(
                    "requester.owner_abroad",
                    shown=shown,
                    owner=owner.name,
                    owner_country=owner.country,
                    entry=entry.name,
                    entry_country=entry.country,
                )
            )
        elif entry is not None:
            found.fails.append(Said("requester.owner_other", shown=shown, owner=owner.name, entry=entry.name))
        elif claim.country and all(o.country != claim.country for o in owners):
            found.fails.append(
                Said(
                    "requester.owner_country",
                    shown=shown,
                    owner=owner.name,
                    owner_country=owner.country,
                    country=claim.country,
                )
            )
        elif claim.text:
            # A unit or office the directory does not name yet, or a borrowed account: the
            # reviewer has to tell which, so no verdict either way.
            found.notes.append(Said("requester.alias", text=claim.text, shown=shown, owner=owner.name))
        else:
            found.inferred = found.inferred or owner
            found.notes.append(Said("requester.owner_unnamed", shown=shown, owner=owner.name))
        return
    imitated = directory.lookalike(domain, entry)
    if imitated is not None:
        found.fails.append(Said("requester.lookalike", shown=shown, imitated=imitated))
        return
    if directory.is_freemail(domain):
        if entry is not None:
            kind = Said(f"requester_kinds.{entry.kind}") if entry.kind in _KIND_PHRASES else entry.kind
            found.fails.append(Said("requester.freemail_entry", shown=shown, kind=kind, entry=entry.name))
        elif claim.text:
            found.fails.append(Said("requester.freemail_claim", shown=shown, text=claim.text))
        else:
            found.notes.append(Said("requester.freemail_unnamed", shown=shown))
        return
    official = directory.official_country(domain)
    if official is not None and claim.country and official != claim.country:
        found.fails.append(
            Said(
                "requester.government_abroad",
                shown=shown,
                official=official,
                who=claim.who,
                country=claim.country,
            )
        )
    elif official is not None and entry is not None:
        found.notes.append(
            Said("requester.government_unlisted", shown=shown, official=official, entry=entry.name)
        )
    elif official is not None and claim.text:
        found.suggestions.append(
            Said("requester.government_unknown", text=claim.text, shown=shown, official=official)
        )
    elif official is not None:
        found.notes.append(Said("requester.government_unnamed", shown=shown, official=official))
    elif entry is not None:
        found.fails.append(Said("requester.neither", shown=shown, entry=entry.name, country=entry.country))
    else:
        found.notes.append(Said("requester.unlisted", shown=shown))


def _check_phone(directory: Directory, claim: _Claim, phone: str, found: _Findings) -> None:
    shown = phone.strip()
    number = e164(phone)
    if number is None:
        found.notes.append(Said("requester.not_phone", shown=shown))
        return
    if not claim.country:
        return
    region = directory.phone_country(number)
    home = directory.calling_prefixes(claim.country)
    entry = claim.entry
    if region is not None and region != claim.country:
        found.fails.append(
            Said("requester.phone_region", shown=shown, region=region, who=claim.who, country=claim.country)
        )
    elif region is None and home and not any(number.startswith(p) for p in home):
        found.fails.append(
            Said("requester.phone_not_home", shown=shown, who=claim.who, country=claim.country)
        )
    elif (
        entry is not None
        and entry.phone_prefixes
        and not any(number.startswith(p) for p in entry.phone_prefixes)
    ):
        listed = ", ".join(entry.phone_prefixes)
        found.fails.append(Said("requester.phone_prefix", shown=shown, entry=entry.name, listed=listed))
    else:
        found.fitting.append(shown)


def _sentence(clauses: list[str]) -> str:
    return joined(list(dict.fromkeys(clauses)), sentence=True)


# Addresses and numbers reserved for examples (RFC 2606's example.com, .net and .org; the
# North American 555-0100 to 555-0199 range): they reach nobody, so they say nothing about
# who wrote a demand. Look-alikes built on them ("fbi.gov.example.com") are still checked.
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def _reserved_email(email: str) -> bool:
    return (email_domain(email) or "").lower() in _RESERVED_DOMAINS


def _reserved_phone(phone: str) -> bool:
    return re.fullmatch(r"1?\d{3}55501\d\d", re.sub(r"\D", "", phone)) is not None


def check(
    authority: str | None,
    country: str | None,
    emails: Sequence[str],
    phones: Sequence[str],
    directory: Directory,
) -> Verification:
    """Whether the requester's e-mail addresses and phone numbers fit the authority it names.

    ``authority`` is the name on the letterhead, ``country`` the ISO code the demand
    comes from; either may be unknown. Any contradiction fails; a pass needs the name
    and an e-mail domain of the same directory entry to agree.
    """
    text = authority.strip() if authority and authority.strip() else None
    country = country.strip().upper() if country and country.strip() else None
    emails = [e.strip() for e in emails if e.strip()]
    phones = [p for p in phones if p.strip()]
    reserved = [e for e in emails if _reserved_email(e)] + [p for p in phones if _reserved_phone(p)]
    emails = [e for e in emails if e not in reserved]
    phones = [p for p in phones if p not in reserved]
    if reserved and not emails and not phones:
        return Verification(UNKNOWN, Said("requester.reserved", contacts=", ".join(reserved[:3])), None)
    domains = [d for d in map(email_domain, emails) if d]
    entry = _pick(directory, text, country, domains)
    claim = _Claim(text, entry, entry.country if entry else country)
    named = entry.name if entry else None

    if not emails and not phones:
        return Verification(UNKNOWN, Said("requester.nothing_to_check"), named)
    found = _Findings()
    for email in emails:
        _check_email(directory, claim, email, found)
    for phone in phones:
        _check_phone(directory, claim, phone, found)

    if found.fails:
        return Verification(FAIL, _sentence(found.fails), named)
    if entry is not None and found.matched:
        listed = "requester.listed_and_phone" if found.fitting else "requester.listed"
        return Verification(PASS, _sentence([Said(listed, shown=found.matched[0], entry=entry.name)]), named)
    if found.suggestions or found.notes:
        inferred = found.inferred.name if found.inferred else None
        return Verification(UNKNOWN, _sentence(found.suggestions + found.notes), named or inferred)
    if entry is not None and found.fitting:
        return Verification(UNKNOWN, Said("requester.phone_only", entry=entry.name), named)
    if text and entry is None:
        return Verification(UNKNOWN, Said("requester.not_listed", text=text), None)
    return Verification(UNKNOWN, Said("requester.no_email"), named)
