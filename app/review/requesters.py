"""The offline directory of requesting authorities, and the check of a requester's contacts against it.

Forged emergency requests sent from look-alike, free-mail or compromised addresses are a
known fraud, so ``validity.requester_verified`` compares the e-mail addresses and
telephone numbers a demand gives for its requester with what the directory knows about
the authority it names. The directory and what it needs around it are data under
``resources/policy/``: ``requesters.csv`` (the authorities), ``requester_countries.csv``
(telephone prefixes and government-only e-mail domains per country) and ``freemail.txt``.
Every file is checked on load; a mistake raises ``DirectoryError`` naming the file and
the line.

``verify`` answers "pass" only when the named authority and an e-mail domain agree;
"fail" when a contact contradicts the claim; "unknown" when there is not enough to tell,
with a sentence that says what the reviewer should look at.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from app.fsutil import write_atomic

POLICY_DIR = Path(__file__).resolve().parents[2] / "resources" / "policy"
DIRECTORY_FILE = POLICY_DIR / "requesters.csv"
COUNTRIES_FILE = POLICY_DIR / "requester_countries.csv"
FREEMAIL_FILE = POLICY_DIR / "freemail.txt"

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
KINDS = ("police", "prosecutor", "court", "agency", "regulator", "national_security")
COLUMNS = ("name", "country", "kind", "email_domains", "phone_prefixes", "address")
OPTIONAL_COLUMNS = ("aliases",)
# An imported file is untrusted input; a directory of agencies is a few hundred kilobytes.
MAX_CSV_BYTES = 5 * 1024 * 1024

_KIND_PHRASES = {
    "police": "a police force",
    "prosecutor": "a prosecutor's office",
    "court": "a court",
    "agency": "a law-enforcement agency",
    "regulator": "a regulator",
    "national_security": "a national-security agency",
}
_COUNTRY_RE = re.compile(r"[A-Z]{2}")
_PREFIX_RE = re.compile(r"\+[1-9][0-9]{0,14}")
_LABEL_RE = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


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
class Verification:
    verdict: str  # "pass" | "fail" | "unknown"
    reason: str  # one sentence for the reviewer
    authority: str | None  # name of the matched directory entry, if any


@dataclass(frozen=True)
class _CountryFacts:
    code: str
    name: str
    calling_prefixes: tuple[str, ...]
    official_domains: tuple[str, ...]


@dataclass(frozen=True)
class _Reference:
    countries: Mapping[str, _CountryFacts]
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


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_name(name: str) -> str:
    """An authority's name in the form names are compared in.

    Case, accents, punctuation, "the" and its kin are dropped; dotted initials join up
    ("F.B.I." is "fbi"), an English possessive keeps its s ("Attorney's" is "attorneys").
    """
    text = _fold(name).replace("&", " and ")
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


def _email_domain(email: str) -> str | None:
    """The domain of an address as written in a demand, lower case; None if it is not one."""
    text = email.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, at, domain = text.rpartition("@")
    if not at or not local:
        return None
    return _domain(domain)


def _domain(text: str) -> str | None:
    domain = text.strip().rstrip(".").lower()
    if any(not c.isascii() for c in domain):
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL_RE.fullmatch(label) for label in labels):
        return None
    return domain


def _e164(number: str) -> str | None:
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


def _shown(domain: str) -> str:
    """A domain as a reviewer would read it: IDNA labels in the letters they stand for."""
    try:
        return ".".join(
            label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            for label in domain.split(".")
        )
    except UnicodeError:
        return domain


def _skeleton(domain: str) -> str:
    text = _fold(_shown(domain)).translate(_CONFUSABLES)
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

    def __init__(self, authorities: Iterable[Authority], reference: _Reference) -> None:
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


# ------------------------------------------------------------------------------ reading files


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise DirectoryError(f"{path}: {size} bytes is more than a directory can be ({MAX_CSV_BYTES})")
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise DirectoryError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DirectoryError(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


@dataclass(frozen=True)
class _Table:
    path: Path
    comments: tuple[str, ...]  # the lines above the header, kept when the file is rewritten
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # line number, values by column

    def fail(self, line: int, message: str) -> DirectoryError:
        return DirectoryError(f"{self.path}, line {line}: {message}")


def _read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> _Table:
    """Rows of a CSV file with "#" comment lines; every row must fit on one line."""
    comments: list[str] = []
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            if header is None:
                comments.append(line)
            continue
        try:
            fields = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            raise DirectoryError(
                f"{path}, line {number}: not a CSV row ({exc}; a value may not span lines)"
            ) from exc
        fields = [f.strip() for f in fields]
        if header is None:
            names = tuple(f.lower() for f in fields)
            missing = [c for c in required if c not in names]
            unknown = [c for c in names if c not in required + optional]
            repeated = sorted({c for c in names if names.count(c) > 1})
            if missing:
                raise DirectoryError(f"{path}, line {number}: header lacks column(s) {', '.join(missing)}")
            if unknown or repeated:
                raise DirectoryError(
                    f"{path}, line {number}: unknown or repeated column(s) {', '.join(unknown + repeated)}; "
                    f"known: {', '.join(required + optional)}"
                )
            header = names
            continue
        if len(fields) < len(header):
            raise DirectoryError(f"{path}, line {number}: missing column {header[len(fields)]!r}")
        if len(fields) > len(header):
            raise DirectoryError(
                f"{path}, line {number}: {len(fields)} values for {len(header)} columns "
                "(a comma inside a value needs quotes)"
            )
        rows.append((number, dict(zip(header, fields, strict=True))))
    if header is None:
        raise DirectoryError(f"{path}: no header line ({', '.join(required)})")
    return _Table(path, tuple(comments), header, tuple(rows))


def _check_domain(text: str) -> str | None:
    domain = _domain(text)
    return domain if domain is not None and domain == text.strip().lower() else None


def _load_reference(countries_file: Path, freemail_file: Path) -> _Reference:
    table = _read_table(countries_file, ("country", "name", "calling_prefixes", "official_domains"))
    countries: dict[str, _CountryFacts] = {}
    official: dict[str, str] = {}
    for line, row in table.rows:
        code = row["country"]
        if not _COUNTRY_RE.fullmatch(code):
            raise table.fail(line, f"country {code!r} is not an ISO 3166 code like 'US'")
        if code in countries:
            raise table.fail(line, f"{code} is listed twice")
        prefixes = tuple(row["calling_prefixes"].split())
        if not prefixes or not all(_PREFIX_RE.fullmatch(p) for p in prefixes):
            raise table.fail(line, "calling_prefixes must be E.164 prefixes like '+44'")
        domains = []
        for text in row["official_domains"].split():
            if "." in text:
                domain = _check_domain(text)
            else:
                domain = text if _LABEL_RE.fullmatch(text) else None
            if domain is None:
                raise table.fail(line, f"{text!r} is not a domain")
            if official.get(domain, code) != code:
                raise table.fail(line, f"{domain} is already the official domain of {official[domain]}")
            official[domain] = code
            domains.append(domain)
        countries[code] = _CountryFacts(code, row["name"] or code, prefixes, tuple(domains))
    freemail = []
    for number, line_text in enumerate(_read_text(freemail_file).splitlines(), start=1):
        entry = line_text.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        if entry.endswith(".*"):
            ok = bool(_LABEL_RE.fullmatch(entry[:-2]))
        else:
            ok = _check_domain(entry) is not None
        if not ok:
            raise DirectoryError(f"{freemail_file}, line {number}: {line_text.strip()!r} is not a domain")
        freemail.append(entry)
    return _Reference(countries, tuple(freemail))


@functools.cache
def _shipped_reference() -> _Reference:
    return _load_reference(COUNTRIES_FILE, FREEMAIL_FILE)


def _authority(table: _Table, line: int, row: dict[str, str], probe: Directory) -> Authority:
    name = row["name"]
    if not normalise_name(name):
        raise table.fail(line, "name is empty")
    country = row["country"]
    if not _COUNTRY_RE.fullmatch(country):
        raise table.fail(line, f"country {country!r} is not an ISO 3166 code like 'US'")
    home = probe.calling_prefixes(country)
    if not home:
        raise table.fail(line, f"country {country} is not in {COUNTRIES_FILE.name}; add it there first")
    kind = row["kind"]
    if kind not in KINDS:
        raise table.fail(line, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    domains = []
    for text in row["email_domains"].split():
        domain = _check_domain(text)
        if domain is None:
            raise table.fail(line, f"{text!r} is not an e-mail domain like 'fbi.gov'")
        if probe.is_freemail(domain):
            raise table.fail(line, f"{domain} is a free-mail service, not an authority's domain")
        government = probe.covers_government(domain)
        if government:
            raise table.fail(
                line, f"{domain} covers a whole government ({government}); list the authority's own"
            )
        domains.append(domain)
    prefixes = row["phone_prefixes"].split()
    for prefix in prefixes:
        if not _PREFIX_RE.fullmatch(prefix):
            raise table.fail(line, f"phone prefix {prefix!r} is not an E.164 prefix like '+1202'")
        # Inside the country's numbers ("+1202" for the US, but not "+1416", a Canadian area
        # code), or wider than them ("+1" for Canada: the verification still tells the two apart).
        inside = any(prefix.startswith(c) for c in home) and probe.phone_country(prefix) == country
        if not inside and not any(c.startswith(prefix) for c in home):
            other = probe.phone_country(prefix)
            shown = f"a {other} prefix" if other else f"not a {country} prefix ({' '.join(home)})"
            raise table.fail(line, f"phone prefix {prefix} is {shown}")
    if not domains and not prefixes:
        raise table.fail(line, "needs at least one e-mail domain or phone prefix to check against")
    address = row["address"]
    if not address:
        raise table.fail(line, "address is empty")
    aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
    return Authority(name, country, kind, tuple(domains), tuple(prefixes), address, aliases)


def _authorities(table: _Table, reference: _Reference) -> list[tuple[int, Authority]]:
    probe = Directory((), reference)
    out = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in table.rows:
        authority = _authority(table, line, row, probe)
        key = (normalise_name(authority.name), authority.country)
        if key in seen:
            raise table.fail(line, f"{authority.name} ({authority.country}) is already on line {seen[key]}")
        seen[key] = line
        out.append((line, authority))
    return out


def _check_together(rows: Sequence[tuple[Path, int, Authority]]) -> None:
    """A domain names one country: listed for two, a mail from it would prove nothing."""
    where: dict[str, tuple[Path, int, Authority]] = {}
    for path, line, authority in rows:
        for domain in authority.email_domains:
            first = where.setdefault(domain, (path, line, authority))
            if first[2].country != authority.country:
                raise DirectoryError(
                    f"{path}, line {line}: {domain} is already listed for {first[2].name} "
                    f"({first[2].country}, {first[0]}, line {first[1]})"
                )


def _parse(path: Path, reference: _Reference) -> tuple[_Table, list[tuple[int, Authority]]]:
    table = _read_table(path, COLUMNS, OPTIONAL_COLUMNS)
    rows = _authorities(table, reference)
    _check_together([(path, line, a) for line, a in rows])
    return table, rows


@functools.cache
def _shipped_directory() -> Directory:
    reference = _shipped_reference()
    return Directory((a for _, a in _parse(DIRECTORY_FILE, reference)[1]), reference)


def load_directory(path: Path | None = None, *, extra: Path | None = None) -> Directory:
    """The directory in ``path``, or the shipped one (read once) when no path is given.

    ``extra``: a workstation's own additions (``directory import``), laid over it: an entry
    with the same name and country replaces the shipped one. A missing ``extra`` is none.
    """
    base = _shipped_directory() if path is None else None
    reference = _shipped_reference()
    if base is None:
        base = Directory((a for _, a in _parse(cast(Path, path), reference)[1]), reference)
    if extra is None or not extra.exists():
        return base
    added = [a for _, a in _parse(extra, reference)[1]]
    replaced = {(normalise_name(a.name), a.country) for a in added}
    kept = [a for a in base.authorities if (normalise_name(a.name), a.country) not in replaced]
    return Directory([*kept, *added], reference)


def _serialise(comments: Sequence[str], authorities: Iterable[Authority]) -> bytes:
    out = io.StringIO()
    out.writelines(line + "\n" for line in comments)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *OPTIONAL_COLUMNS])
    for a in authorities:
        writer.writerow(
            [
                a.name,
                a.country,
                a.kind,
                " ".join(a.email_domains),
                " ".join(a.phone_prefixes),
                a.address,
                "; ".join(a.aliases),
            ]
        )
    return out.getvalue().encode("utf-8")


def import_csv(source: Path, into: Path) -> int:
    """Check the CSV ``source`` and merge it into the directory file ``into``.

    An entry with the same name (as compared) and country as one in ``into`` replaces
    it in place; others are appended. Returns how many entries are new, not counting
    replacements. Nothing is written unless both files and the merged result check out;
    the write is atomic, so ``into`` is either the old file or the new one.
    """
    reference = _shipped_reference()
    _, incoming = _parse(source, reference)
    if into.exists():
        target, existing = _parse(into, reference)
        comments: Sequence[str] = target.comments
        mode = into.stat().st_mode & 0o777
    else:
        existing, comments, mode = [], (), 0o600
    merged: list[tuple[Path, int, Authority]] = [(into, line, a) for line, a in existing]
    index = {(normalise_name(a.name), a.country): i for i, (_, _, a) in enumerate(merged)}
    added = 0
    for line, authority in incoming:
        key = (normalise_name(authority.name), authority.country)
        if key in index:
            merged[index[key]] = (source, line, authority)
        else:
            index[key] = len(merged)
            merged.append((source, line, authority))
            added += 1
    _check_together(merged)
    write_atomic(into, _serialise(comments, (a for _, _, a in merged)), mode=mode)
    if into.resolve() == DIRECTORY_FILE.resolve():
        _shipped_directory.cache_clear()
    return added


# ------------------------------------------------------------------------------ verifying


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
        return self.text or (f"an authority in {self.country}" if self.country else "the requester")


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
    domain = _email_domain(email)
    if domain is None:
        found.notes.append(f"{email!r} is not an e-mail address")
        return
    shown, entry = _shown(domain), claim.entry
    owners = directory.owners(domain)
    if owners:
        owner = owners[0]
        if entry is not None and entry in owners:
            found.matched.append(shown)
        elif entry is not None and owner.country != entry.country:
            found.fails.append(
                f"{shown} belongs to {owner.name} ({owner.country}), not to {entry.name} ({entry.country})"
            )
        elif entry is not None:
            found.fails.append(f"{shown} belongs to {owner.name}, not to {entry.name}")
        elif claim.country and all(o.country != claim.country for o in owners):
            found.fails.append(
                f"{shown} belongs to {owner.name} ({owner.country}), "
                f"but the demand comes from {claim.country}"
            )
        elif claim.text:
            # A unit or office the directory does not name yet, or a borrowed account: the
            # reviewer has to tell which, so no verdict either way.
            found.notes.append(
                f"{claim.text} is not in the requester directory but {shown} belongs to {owner.name}; "
                "if it is part of that authority, add the name as an alias"
            )
        else:
            found.inferred = found.inferred or owner
            found.notes.append(f"{shown} belongs to {owner.name}, but the demand does not name its authority")
        return
    imitated = directory.lookalike(domain, entry)
    if imitated is not None:
        found.fails.append(f"{shown} looks like {imitated} but is a different domain")
        return
    if directory.is_freemail(domain):
        if entry is not None:
            found.fails.append(
                f"a free-mail address ({shown}) for {_KIND_PHRASES[entry.kind]} ({entry.name})"
            )
        elif claim.text:
            found.fails.append(f"a free-mail address ({shown}) for a requester claiming to be {claim.text}")
        else:
            found.notes.append(f"{shown} is a free-mail address and the demand names no authority")
        return
    official = directory.official_country(domain)
    if official is not None and claim.country and official != claim.country:
        found.fails.append(
            f"{shown} is a government domain of {official}, but {claim.who} is in {claim.country}"
        )
    elif official is not None and entry is not None:
        found.notes.append(
            f"{shown} is a government domain of {official} but not one the directory lists for "
            f"{entry.name}; add it to the entry if it is genuine"
        )
    elif official is not None and claim.text:
        found.suggestions.append(
            f"{claim.text} is not in the requester directory, but {shown} is a government domain of "
            f"{official}; add the authority to the directory if it is genuine"
        )
    elif official is not None:
        found.notes.append(f"{shown} is a government domain of {official}, but the demand names no authority")
    elif entry is not None:
        found.fails.append(
            f"{shown} is neither a domain of {entry.name} nor a government domain of {entry.country}"
        )
    else:
        found.notes.append(f"{shown} is not in the requester directory nor a government domain")


def _check_phone(directory: Directory, claim: _Claim, phone: str, found: _Findings) -> None:
    shown = phone.strip()
    number = _e164(phone)
    if number is None:
        found.notes.append(f"{shown!r} is not a telephone number in international form (+ and country code)")
        return
    if not claim.country:
        return
    region = directory.phone_country(number)
    home = directory.calling_prefixes(claim.country)
    entry = claim.entry
    if region is not None and region != claim.country:
        found.fails.append(f"{shown} is a {region} number, but {claim.who} is in {claim.country}")
    elif region is None and home and not any(number.startswith(p) for p in home):
        found.fails.append(f"{shown} is not a {claim.country} number, but {claim.who} is in {claim.country}")
    elif (
        entry is not None
        and entry.phone_prefixes
        and not any(number.startswith(p) for p in entry.phone_prefixes)
    ):
        listed = ", ".join(entry.phone_prefixes)
        found.fails.append(f"{shown} is outside the prefixes listed for {entry.name} ({listed})")
    else:
        found.fitting.append(shown)


def _sentence(clauses: list[str]) -> str:
    text = "; ".join(dict.fromkeys(clauses))
    # a domain or a number stays as written: "fbi.gov.example.com looks like …"
    if re.match(r"[a-z]+\b(?![.@-])", text):
        text = text[:1].upper() + text[1:]
    return text + "."


# Addresses and numbers reserved for examples (RFC 2606's example.com, .net and .org; the
# North American 555-0100 to 555-0199 range): they reach nobody, so they say nothing about
# who wrote a demand. Look-alikes built on them ("fbi.gov.example.com") are still checked.
_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")


def _reserved_email(email: str) -> bool:
    return (_email_domain(email) or "").lower() in _RESERVED_DOMAINS


def _reserved_phone(phone: str) -> bool:
    return re.fullmatch(r"1?\d{3}55501\d\d", re.sub(r"\D", "", phone)) is not None


def verify(
    authority: str | None,
    country: str | None,
    emails: Sequence[str],
    phones: Sequence[str],
    directory: Directory | None = None,
) -> Verification:
    """Whether the requester's e-mail addresses and phone numbers fit the authority it names.

    ``authority`` is the name on the letterhead, ``country`` the ISO code the demand
    comes from; either may be unknown. Any contradiction fails; a pass needs the name
    and an e-mail domain of the same directory entry to agree.
    """
    directory = directory if directory is not None else load_directory()
    text = authority.strip() if authority and authority.strip() else None
    country = country.strip().upper() if country and country.strip() else None
    emails = [e.strip() for e in emails if e.strip()]
    phones = [p for p in phones if p.strip()]
    reserved = [e for e in emails if _reserved_email(e)] + [p for p in phones if _reserved_phone(p)]
    emails = [e for e in emails if e not in reserved]
    phones = [p for p in phones if p not in reserved]
    if reserved and not emails and not phones:
        return Verification(
            UNKNOWN,
            "The requester's contacts are reserved for examples (" + ", ".join(reserved[:3]) + "): this "
            "is a sample or test document, or its contacts were made up; check the requester by hand.",
            None,
        )
    domains = [d for d in map(_email_domain, emails) if d]
    entry = _pick(directory, text, country, domains)
    claim = _Claim(text, entry, entry.country if entry else country)
    named = entry.name if entry else None

    if not emails and not phones:
        return Verification(UNKNOWN, "There is no e-mail address or telephone number to check.", named)
    found = _Findings()
    for email in emails:
        _check_email(directory, claim, email, found)
    for phone in phones:
        _check_phone(directory, claim, phone, found)

    if found.fails:
        return Verification(FAIL, _sentence(found.fails), named)
    if entry is not None and found.matched:
        tail = ", and the telephone number fits its region" if found.fitting else ""
        return Verification(
            PASS, _sentence([f"{found.matched[0]} is a listed domain of {entry.name}{tail}"]), named
        )
    if found.suggestions or found.notes:
        inferred = found.inferred.name if found.inferred else None
        return Verification(UNKNOWN, _sentence(found.suggestions + found.notes), named or inferred)
    if entry is not None and found.fitting:
        return Verification(
            UNKNOWN,
            f"Only a telephone number to check: it fits {entry.name}, but a number alone does not show "
            "who sent the demand.",
            named,
        )
    if text and entry is None:
        return Verification(
            UNKNOWN,
            f"{text} is not in the requester directory and its contacts say nothing against it; check "
            "them by hand and add the authority if it is genuine.",
            None,
        )
    return Verification(UNKNOWN, "No e-mail address to check the requester against the directory.", named)


__all__ = [
    "Authority",
    "Directory",
    "DirectoryError",
    "Verification",
    "import_csv",
    "load_directory",
    "normalise_name",
    "verify",
]
