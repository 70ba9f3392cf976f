"""The offline directory of requesting authorities, and the check of a requester's contacts against it.

Forged emergency requests sent from look-alike, free-mail or compromised addresses are a
known fraud, so ``validity.requester_verified`` compares the e-mail addresses and
telephone numbers a demand gives for its requester with what the directory knows about
the authority it names. The directory and what it needs around it are data under
``resources/policy/``: ``requesters.csv`` (the authorities), ``requester_countries.csv``
(telephone prefixes and government-only e-mail domains per country) and ``freemail.txt``.
Every file is checked on load (here); a mistake raises ``DirectoryError`` naming the file
and the line. The directory's records are in ``app.review.directory``, the check in
``app.review.requester_check``.

``verify`` answers "pass" only when the named authority and an e-mail domain agree;
"fail" when a contact contradicts the claim; "unknown" when there is not enough to tell,
with a sentence that says what the reviewer should look at.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from app.fsutil import write_atomic
from app.review.directory import (
    LABEL_RE,
    Authority,
    CountryFacts,
    Directory,
    DirectoryError,
    Reference,
    clean_domain,
    normalise_name,
)
from app.review.requester_check import Verification, check

POLICY_DIR = Path(__file__).resolve().parents[2] / "resources" / "policy"
DIRECTORY_FILE = POLICY_DIR / "requesters.csv"
COUNTRIES_FILE = POLICY_DIR / "requester_countries.csv"
FREEMAIL_FILE = POLICY_DIR / "freemail.txt"

KINDS = ("police", "prosecutor", "court", "agency", "regulator", "national_security")
COLUMNS = ("name", "country", "kind", "email_domains", "phone_prefixes", "address")
OPTIONAL_COLUMNS = ("aliases",)
# An imported file is untrusted input; a directory of agencies is a few hundred kilobytes.
MAX_CSV_BYTES = 5 * 1024 * 1024

_COUNTRY_RE = re.compile(r"[A-Z]{2}")
_PREFIX_RE = re.compile(r"\+[1-9][0-9]{0,14}")


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
    domain = clean_domain(text)
    return domain if domain is not None and domain == text.strip().lower() else None


def _load_reference(countries_file: Path, freemail_file: Path) -> Reference:
    table = _read_table(countries_file, ("country", "name", "calling_prefixes", "official_domains"))
    countries: dict[str, CountryFacts] = {}
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
                domain = text if LABEL_RE.fullmatch(text) else None
            if domain is None:
                raise table.fail(line, f"{text!r} is not a domain")
            if official.get(domain, code) != code:
                raise table.fail(line, f"{domain} is already the official domain of {official[domain]}")
            official[domain] = code
            domains.append(domain)
        countries[code] = CountryFacts(code, row["name"] or code, prefixes, tuple(domains))
    freemail = []
    for number, line_text in enumerate(_read_text(freemail_file).splitlines(), start=1):
        entry = line_text.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        if entry.endswith(".*"):
            ok = bool(LABEL_RE.fullmatch(entry[:-2]))
        else:
            ok = _check_domain(entry) is not None
        if not ok:
            raise DirectoryError(f"{freemail_file}, line {number}: {line_text.strip()!r} is not a domain")
        freemail.append(entry)
    return Reference(countries, tuple(freemail))


@functools.cache
def _shipped_reference() -> Reference:
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


def _authorities(table: _Table, reference: Reference) -> list[tuple[int, Authority]]:
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


def _parse(path: Path, reference: Reference) -> tuple[_Table, list[tuple[int, Authority]]]:
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


def verify(
    authority: str | None,
    country: str | None,
    emails: Sequence[str],
    phones: Sequence[str],
    directory: Directory | None = None,
) -> Verification:
    """Whether the requester's e-mail addresses and phone numbers fit the authority it names
    (``requester_check.check``), against the shipped directory unless one is given."""
    return check(authority, country, emails, phones, directory if directory is not None else load_directory())


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
