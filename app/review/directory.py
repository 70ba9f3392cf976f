"""The directory of requesting authorities as the check reads it: each authority's names,
e-mail domains and telephone prefixes, and the country facts (calling prefixes,
government-only domains, free-mail services) they are checked against.

Names and domains are compared in normalised forms (``normalise_name``, ``clean_domain``,
``e164``), and look-alike domains are found by their skeleton. ``app.review.requesters``
reads the files into a ``Directory``; ``app.review.requester_check`` checks a demand's
contacts against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from app.textfold import fold

LABEL_RE = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


class DirectoryError(ValueError):
    """A directory file is missing, unreadable or has a row that cannot be right."""


@dataclass(frozen=True)
class Authority:
    name: str
    country: str
    kind: str
    email_domains: tuple[str, ...]
    phone_prefixes: tuple[str, ...]
    address: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryFacts:
    code: str
    name: str
    calling_prefixes: tuple[str, ...]
    official_domains: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    countries: Mapping[str, CountryFacts]
    freemail: tuple[str, ...]  # "gmail.com", or "yahoo.*" for the service under any country ending


# ------------------------------------------------------------------------------ normalising


# Only abbreviations that mean the same in every listed country; anything specific to one
# authority (FBI, BKA) is an alias in the CSV.
_ABBREVIATIONS = {
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "dept": "department",
    "natl": "national",
    "intl": "international",
    "govt": "government",
}
_STOPWORDS = frozenset(
    (
        "the of for and in at de du des la le les l d der die das den von van het del do da dos y et und en"
    ).split()
)


def normalise_name(name: str) -> str:
    """An authority's name in the form names are compared in.

    Case, accents, punctuation, "the" and its kin are dropped; dotted initials join up
    ("F.B.I." is "fbi"), an English possessive keeps its s ("Attorney's" is "attorneys").
    """
    text = fold(name).replace("&", " and ")
    text = re.sub(r"['\u2019`\u00b4]s\b", "s", text)
    words = re.findall(r"[a-z0-9]+", text)
    joined: list[str] = []
    initials: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            initials.append(word)
            continue
        if initials:
            joined.append("".join(initials))
            initials = []
        if word:
            joined.append(word)
    out: list[str] = []
    for word in joined:
        out.extend(_ABBREVIATIONS.get(word, word).split())
    return " ".join(w for w in out if w not in _STOPWORDS)


def email_domain(email: str) -> str | None:
    """The domain of an address as written in a demand, lower case; None if it is not one."""
    text = email.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, at, domain = text.rpartition("@")
    if not at or not local:
        return None
    return clean_domain(domain)


def clean_domain(text: str) -> str | None:
    domain = text.strip().rstrip(".").lower()
    if any(not c.isascii() for c in domain):
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = domain.split(".")
    if len(labels) < 2 or not all(LABEL_RE.fullmatch(label) for label in labels):
        return None
    return domain


def e164(number: str) -> str | None:
    """A telephone number as "+" and digits, or None when it is not written internationally."""
    text = re.sub(r"[\s().\-/\u00a0]", "", number)
    text = re.sub(r"^(?:tel|phone|fax):?", "", text, flags=re.IGNORECASE)
    if text.startswith("00"):
        text = "+" + text[2:]
    if not re.fullmatch(r"\+[1-9][0-9]{6,14}", text):
        return None
    return text


def _under(domain: str, listed: str) -> bool:
    return domain == listed or domain.endswith("." + listed)


# Characters that pass for Latin letters in an address bar; compared after IDNA decoding.
_CONFUSABLES = str.maketrans(
    # Cyrillic and Greek letters, then the dotless i and the digits that pass for o and l
    "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u0458\u0455\u04bb\u0501"
    "\u03bf\u03b1\u03b9\u03ba\u03bd\u0131\u0030\u0031",
    "aeopcxyijshdoaikviol",
)


def shown_domain(domain: str) -> str:
    """A domain as a reviewer would read it: IDNA labels in the letters they stand for."""
    try:
        return ".".join(
            label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            for label in domain.split(".")
        )
    except UnicodeError:
        return domain


def _skeleton(domain: str) -> str:
    text = fold(shown_domain(domain)).translate(_CONFUSABLES)
    return text.replace("rn", "m").replace("vv", "w").replace("l", "i")


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted, replaced or swapped character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i, j = (diff + [0, 0])[:2]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


def _contains_run(labels: list[str], run: list[str]) -> int | None:
    """Where ``run`` starts inside ``labels`` as whole labels, or None."""
    for start in range(len(labels) - len(run) + 1):
        if labels[start : start + len(run)] == run:
            return start
    return None


# ------------------------------------------------------------------------------ the directory


class Directory:
    """The authorities of one directory file, with the country facts they are checked against."""

    def __init__(self, authorities: Iterable[Authority], reference: Reference) -> None:
        self._authorities = tuple(authorities)
        self._reference = reference
        keys: list[tuple[str, Authority]] = []
        for authority in self._authorities:
            for key in {normalise_name(n) for n in (authority.name, *authority.aliases)}:
                if key:
                    keys.append((key, authority))
        self._keys = tuple(keys)
        owners: dict[str, list[Authority]] = {}
        for authority in self._authorities:
            for domain in authority.email_domains:
                owners.setdefault(domain, []).append(authority)
        self._owners = {domain: tuple(found) for domain, found in owners.items()}
        official = {}
        for facts in reference.countries.values():
            for domain in facts.official_domains:
                official[domain] = facts.code
        self._official = official

    def __iter__(self) -> Iterator[Authority]:
        return iter(self._authorities)

    def __len__(self) -> int:
        return len(self._authorities)

    @property
    def authorities(self) -> tuple[Authority, ...]:
        return self._authorities

    def named(self, name: str, country: str | None = None) -> tuple[Authority, ...]:
        """Entries a name refers to, best first.

        An exact match of the name or an alias beats a listed name inside a longer one
        ("FBI Washington Field Office"), which beats a name inside a listed one
        ("Secret Service"); a short alias (OM, PF) only counts when it is the whole name.
        """
        wanted = normalise_name(name).split()
        if not wanted:
            return ()
        scored: dict[Authority, tuple[int, int, int]] = {}
        for key, authority in self._keys:
            if country and authority.country != country:
                continue
            words = key.split()
            if words == wanted:
                score = (3, len(words), 0)
            elif (len(words) > 1 or len(key) > 2) and (start := _contains_run(wanted, words)) is not None:
                # "Procureur de la République près le tribunal judiciaire": the head comes first
                score = (2, len(words), -start)
            elif len(wanted) > 1 and _contains_run(words, wanted) is not None:
                score = (1, -len(words), 0)
            else:
                continue
            scored[authority] = max(score, scored.get(authority, score))
        if not scored:
            return ()
        best = max(s[0] for s in scored.values())
        found = [a for a, s in scored.items() if s[0] == best]
        found.sort(key=lambda a: scored[a][1:], reverse=True)
        return tuple(found)

    def owners(self, domain: str) -> tuple[Authority, ...]:
        """Entries that list ``domain`` or the closest parent domain of it."""
        labels = domain.split(".")
        for start in range(len(labels) - 1):
            found = self._owners.get(".".join(labels[start:]))
            if found:
                return found
        return ()

    def official_country(self, domain: str) -> str | None:
        """The country whose government alone may hold ``domain`` (*.gov, *.gouv.fr …)."""
        labels = domain.split(".")
        for start in range(len(labels)):
            code = self._official.get(".".join(labels[start:]))
            if code:
                return code
        return None

    def is_freemail(self, domain: str) -> bool:
        labels = domain.split(".")
        for entry in self._reference.freemail:
            if entry.endswith(".*"):
                # the service itself under a country ending: yahoo.fr, yahoo.co.uk
                if labels[0] == entry[:-2] and 2 <= len(labels) <= 3:
                    return True
            elif _under(domain, entry):
                return True
        return False

    def phone_country(self, number: str) -> str | None:
        """The country of an E.164 number by its longest listed prefix."""
        best: tuple[int, str] | None = None
        for facts in self._reference.countries.values():
            for prefix in facts.calling_prefixes:
                if number.startswith(prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), facts.code)
        return best[1] if best else None

    def covers_government(self, domain: str) -> str | None:
        """The country when ``domain`` is itself a government-wide suffix (gov.uk, gouv.fr)."""
        return self._official.get(domain)

    def calling_prefixes(self, country: str) -> tuple[str, ...]:
        facts = self._reference.countries.get(country)
        return facts.calling_prefixes if facts else ()

    def lookalike(self, domain: str, claimed: Authority | None) -> str | None:
        """A listed or official domain that ``domain`` imitates without being under it."""
        candidates = list(self._owners) + [d for d in self._official if "." in d]
        labels = domain.split(".")
        dotted = domain.replace("-", ".").split(".")
        for listed in candidates:
            if _under(domain, listed):
                continue
            run = listed.split(".")
            # fbi.gov.example.com: the real domain with someone else's domain after it
            start = _contains_run(labels, run)
            if start is not None and start + len(run) < len(labels):
                return listed
            # fbi-gov.com, secure-fbi.gov: dots written as hyphens
            if "-" in domain and _contains_run(dotted, run) is not None:
                return listed
        skeleton = _skeleton(domain)
        for listed in self._owners:
            if not _under(domain, listed) and _under(skeleton, _skeleton(listed)):
                return listed
        # fbl.gov for fbi.gov. Only against the claimed authority's own domains: two real
        # government domains can be one letter apart (nca.gov.uk, nda.gov.uk).
        if claimed is not None:
            for listed in claimed.email_domains:
                tail = ".".join(labels[-len(listed.split(".")) :])
                if not _under(domain, listed) and _one_edit(tail, listed):
                    return listed
        return None
