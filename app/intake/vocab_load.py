"""Loading the vocabulary (``vocab``) from resources/intake/*.toml: every file read and checked.

A mistake raises ``VocabularyError`` naming the file and the key; the language files'
lists are merged (see ``vocab``).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.intake.folding import fold
from app.intake.vocab import (
    CATEGORIES,
    CUE_NAMES,
    DATE_ORDERS,
    IDENTIFIER_LABEL_KINDS,
    INSTRUMENT_KINDS,
    UNIT_KINDS,
    VOCABULARY_DIR,
    Country,
    InstrumentWords,
    PhonePlan,
    PhraseSet,
    Statute,
    Vocabulary,
    VocabularyError,
    _compile,
)

# ------------------------------------------------------------------------------ checking


# A table of a vocabulary file as tomllib reads it, before it is checked.
TomlTable = dict[str, object]


class _Reader:
    """Typed access to one file's tables; every error names the file and the key."""

    def __init__(self, path: Path, data: TomlTable) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, message: str) -> VocabularyError:
        return VocabularyError(f"{self.path}: {key}: {message}")

    def table(
        self, parent: Mapping[str, object], key: str, where: str, *, required: bool = True
    ) -> TomlTable:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}{key}", "missing table")
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"{where}{key}", "must be a table")
        return value

    def strings(
        self, parent: Mapping[str, object], key: str, where: str, *, required: bool = True
    ) -> list[str]:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}{key}", "missing list")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{where}{key}", "must be a list of non-empty strings")
        return value

    def numbers(self, parent: Mapping[str, object], key: str, where: str) -> dict[str, int]:
        table = self.table(parent, key, where, required=False)
        out = {}
        for word, value in table.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise self.fail(f"{where}{key}.{word}", "must be a whole number")
            out[fold(str(word))] = value
        return out

    def only(self, table: Mapping[str, object], allowed: tuple[str, ...], where: str) -> None:
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise self.fail(
                where or "(top level)", f"unknown key(s) {', '.join(unknown)}; known: {', '.join(allowed)}"
            )


def _read(path: Path) -> _Reader:
    try:
        with path.open("rb") as handle:
            return _Reader(path, tomllib.load(handle))
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{path}: not valid TOML ({exc})") from exc


LANGUAGE_KEYS = (
    "language",
    "stopwords",
    "dates",
    "instruments",
    "civil",
    "categories",
    "cues",
    "identifier_labels",
    "authorities",
)
COMMON_KEYS = (
    "schema",
    "fragments",
    "statutes",
    "countries",
    "languages",
    "requester",
    "redaction",
    "organisations",
)


# Compiles phrases of a file's key into a PhraseSet (the fragments of common.toml filled in).
_Compile = Callable[["_Reader", list[str], str], PhraseSet]


def load_vocabulary(directory: Path = VOCABULARY_DIR) -> Vocabulary:
    """Read and check ``common.toml`` and every language file in ``directory``."""
    common = _read(directory / "common.toml")
    c = common.data
    common.only(c, COMMON_KEYS, "")
    if c.get("schema") != 1:
        raise common.fail("schema", "must be 1")
    fragments: dict[str, str] = {}
    for name, value in common.table(c, "fragments", "").items():
        if not isinstance(value, str):
            raise common.fail(f"fragments.{name}", "must be a string")
        fragments[name] = value

    def compiled(reader: _Reader, phrases: list[str], where: str) -> PhraseSet:
        return _compile(phrases, fragments, f"{reader.path}: {where}")

    statutes = _statutes(common, compiled)
    countries = _countries(common, compiled)

    language_country = {}
    for language, code in common.table(c, "languages", "").items():
        if code not in countries:
            raise common.fail(f"languages.{language}", f"{code!r} is not a country of [countries]")
        language_country[language] = code
    requester = common.table(c, "requester", "")
    common.only(requester, ("domains",), "requester")
    domains = tuple(fold(d) for d in common.strings(requester, "domains", "requester."))
    redaction_table = common.table(c, "redaction", "")
    common.only(redaction_table, ("markers",), "redaction")
    redaction = compiled(
        common, common.strings(redaction_table, "markers", "redaction."), "redaction.markers"
    )
    organisations = common.table(c, "organisations", "")
    common.only(organisations, ("suffixes",), "organisations")
    suffixes = compiled(
        common, common.strings(organisations, "suffixes", "organisations."), "organisations.suffixes"
    )

    # -- the language files, merged -------------------------------------------------
    language_files = sorted(p for p in directory.glob("*.toml") if p.name != "common.toml")
    if not language_files:
        raise VocabularyError(f"{directory}: no language files (en.toml, de.toml, ...)")

    words = _LanguageWords()
    for path in language_files:
        _read_language(path, compiled, words)
    for language in language_country:
        if language not in words.stopwords:
            raise common.fail(f"languages.{language}", f"there is no {language}.toml")

    return _merged(
        directory, fragments, words, statutes, countries, language_country, domains, redaction, suffixes
    )


@dataclass
class _LanguageWords:
    """The words of every language file, merged, before they are compiled."""

    stopwords: dict[str, frozenset[str]] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    hijri_months: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    day_words: dict[str, int] = field(default_factory=dict)
    units: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in UNIT_KINDS})
    titles: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in INSTRUMENT_KINDS})
    phrases: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in INSTRUMENT_KINDS})
    civil: list[str] = field(default_factory=list)
    criminal: list[str] = field(default_factory=list)
    categories: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in CATEGORIES})
    negation: list[str] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in CUE_NAMES})
    labels: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in IDENTIFIER_LABEL_KINDS})
    authorities: list[str] = field(default_factory=list)
    general: list[str] = field(default_factory=list)
    addressee_patterns: list[re.Pattern[str]] = field(default_factory=list)


def _statutes(common: _Reader, compiled: _Compile) -> list[Statute]:
    c = common.data
    statutes = []
    raw_statutes = c.get("statutes")
    if not isinstance(raw_statutes, list) or not raw_statutes:
        raise common.fail("statutes", "must be a non-empty array of tables")
    for n, entry in enumerate(raw_statutes):
        where = f"statutes[{n}]"
        if not isinstance(entry, dict):
            raise common.fail(where, "must be a table")
        common.only(entry, ("label", "pattern", "country", "instrument", "weight", "secrecy"), where)
        label, pattern = entry.get("label"), entry.get("pattern")
        if not isinstance(label, str) or not isinstance(pattern, str):
            raise common.fail(where, "needs a label and a pattern (strings)")
        instrument = entry.get("instrument")
        if instrument is not None and instrument not in INSTRUMENT_KINDS:
            raise common.fail(
                f"{where}.instrument", f"{instrument!r} is not one of {', '.join(INSTRUMENT_KINDS)}"
            )
        country = entry.get("country")
        if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
            raise common.fail(f"{where}.country", "must be an ISO 3166 code like 'US'")
        weight = entry.get("weight", 0)
        if not isinstance(weight, int | float) or isinstance(weight, bool):
            raise common.fail(f"{where}.weight", "must be a number")
        secrecy = entry.get("secrecy", False)
        if not isinstance(secrecy, bool):
            raise common.fail(f"{where}.secrecy", "must be true or false")
        regex = compiled(common, [pattern], f"{where}.pattern").regex
        assert regex is not None
        statutes.append(Statute(label, regex, country, instrument, float(weight), secrecy))
    return statutes


def _countries(common: _Reader, compiled: _Compile) -> dict[str, Country]:
    c = common.data
    countries = {}
    for code, entry in common.table(c, "countries", "").items():
        where = f"countries.{code}"
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise common.fail(where, "country keys are ISO 3166 codes like 'US'")
        if not isinstance(entry, dict):
            raise common.fail(where, "must be a table")
        common.only(entry, ("name", "date_order", "phone", "cues", "patterns"), where)
        order = entry.get("date_order")
        if order not in DATE_ORDERS:
            raise common.fail(f"{where}.date_order", f"must be one of {', '.join(DATE_ORDERS)}")
        phone = common.table(entry, "phone", f"{where}.")
        common.only(phone, ("code", "trunk", "lengths"), f"{where}.phone")
        calling, trunk, lengths = phone.get("code"), phone.get("trunk", ""), phone.get("lengths")
        if not (isinstance(calling, str) and calling.isdigit() and 1 <= len(calling) <= 3):
            raise common.fail(f"{where}.phone.code", "must be a calling code of 1-3 digits, as a string")
        if not (isinstance(trunk, str) and (trunk == "" or trunk.isdigit())):
            raise common.fail(f"{where}.phone.trunk", "must be digits or empty")
        if not (
            isinstance(lengths, list)
            and lengths
            and all(isinstance(n, int) and 3 <= n <= 14 for n in lengths)
        ):
            raise common.fail(f"{where}.phone.lengths", "must list national number lengths (3-14)")
        countries[code] = Country(
            code,
            str(entry.get("name", code)),
            order,
            PhonePlan(calling, trunk, tuple(lengths)),
            compiled(common, common.strings(entry, "cues", f"{where}."), f"{where}.cues"),
            compiled(
                common, common.strings(entry, "patterns", f"{where}.", required=False), f"{where}.patterns"
            ),
        )
    if "US" not in countries:
        raise common.fail("countries", "must at least describe US")
    return countries


def _read_language(path: Path, compiled: _Compile, words: _LanguageWords) -> None:
    """Check one language file and add its words to ``words``."""
    reader = _read(path)
    d = reader.data
    reader.only(d, LANGUAGE_KEYS, "")
    lang = d.get("language")
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}", lang):
        raise reader.fail("language", "must be an ISO 639-1 code like 'en'")
    if lang != path.stem:
        raise reader.fail("language", f"is {lang!r} but the file is named {path.name}")
    words.stopwords[lang] = frozenset(fold(w) for w in reader.strings(d, "stopwords", ""))
    unit_table = _read_dates(reader, d, words)
    instruments = reader.table(d, "instruments", "")
    reader.only(instruments, INSTRUMENT_KINDS, "instruments")
    for kind, entry in instruments.items():
        if not isinstance(entry, dict):
            raise reader.fail(f"instruments.{kind}", "must be a table")
        reader.only(entry, ("titles", "phrases"), f"instruments.{kind}")
        words.titles[kind] += reader.strings(entry, "titles", f"instruments.{kind}.", required=False)
        words.phrases[kind] += reader.strings(entry, "phrases", f"instruments.{kind}.", required=False)
    civil_table = reader.table(d, "civil", "")
    reader.only(civil_table, ("civil", "criminal"), "civil")
    words.civil += reader.strings(civil_table, "civil", "civil.")
    words.criminal += reader.strings(civil_table, "criminal", "civil.")
    category_table = reader.table(d, "categories", "")
    reader.only(category_table, (*CATEGORIES, "negation"), "categories")
    for category in CATEGORIES:
        words.categories[category] += reader.strings(category_table, category, "categories.")
    words.negation += reader.strings(category_table, "negation", "categories.")
    cue_table = reader.table(d, "cues", "")
    reader.only(cue_table, (*CUE_NAMES, "addressee_patterns"), "cues")
    for name in CUE_NAMES:
        words.cues[name] += reader.strings(cue_table, name, "cues.", required=False)
    for n, pattern in enumerate(reader.strings(cue_table, "addressee_patterns", "cues.", required=False)):
        where = f"cues.addressee_patterns[{n}]"
        if not pattern.startswith("re:") or "(?P<org>" not in pattern:
            raise reader.fail(where, "must be a 're:' pattern with a (?P<org>...) group")
        regex = compiled(reader, [pattern], where).regex
        assert regex is not None
        words.addressee_patterns.append(regex)
    label_table = reader.table(d, "identifier_labels", "")
    reader.only(label_table, IDENTIFIER_LABEL_KINDS, "identifier_labels")
    for kind in IDENTIFIER_LABEL_KINDS:
        words.labels[kind] += reader.strings(label_table, kind, "identifier_labels.", required=False)
    authority_table = reader.table(d, "authorities", "")
    reader.only(authority_table, ("specific", "general"), "authorities")
    words.authorities += reader.strings(authority_table, "specific", "authorities.")
    words.general += reader.strings(authority_table, "general", "authorities.", required=False)
    # Compile each entry on its own too, so that a bad pattern is reported with its file and key.
    for table_name, table in (
        ("cues", cue_table),
        ("categories", category_table),
        ("authorities", authority_table),
        ("identifier_labels", label_table),
        ("dates.units", unit_table),
    ):
        for key, items in table.items():
            # Every other key was checked above to be a list of strings.
            if key == "addressee_patterns" or not isinstance(items, list):
                continue
            for n, item in enumerate(items):
                compiled(reader, [item], f"{table_name}.{key}[{n}]")


def _read_dates(reader: _Reader, d: TomlTable, words: _LanguageWords) -> TomlTable:
    """The [dates] table of a language file; returns its [dates.units] table."""
    dates = reader.table(d, "dates", "")
    reader.only(dates, ("months", "hijri_months", "numbers", "ordinals", "units", "day_words"), "dates")
    found_months = reader.numbers(dates, "months", "dates.")
    if not found_months or any(not 1 <= m <= 12 for m in found_months.values()):
        raise reader.fail("dates.months", "must map month names to 1-12")
    for word, month in found_months.items():
        if words.months.get(word, month) != month:
            raise reader.fail(f"dates.months.{word}", f"is month {words.months[word]} in another file")
        words.months[word] = month
    found_hijri = reader.numbers(dates, "hijri_months", "dates.")
    if any(not 1 <= m <= 12 for m in found_hijri.values()):
        raise reader.fail("dates.hijri_months", "must map month names to 1-12")
    words.hijri_months.update(found_hijri)
    words.numbers.update(reader.numbers(dates, "numbers", "dates."))
    words.ordinals.update(reader.numbers(dates, "ordinals", "dates."))
    words.day_words.update(reader.numbers(dates, "day_words", "dates."))
    unit_table = reader.table(dates, "units", "dates.")
    reader.only(unit_table, UNIT_KINDS, "dates.units")
    for kind in UNIT_KINDS:
        words.units[kind] += reader.strings(unit_table, kind, "dates.units.", required=False)
    return unit_table


def _merged(
    directory: Path,
    fragments: dict[str, str],
    words: _LanguageWords,
    statutes: list[Statute],
    countries: dict[str, Country],
    language_country: dict[str, str],
    domains: tuple[str, ...],
    redaction: PhraseSet,
    suffixes: PhraseSet,
) -> Vocabulary:
    """The merged words compiled, with the common tables, into the vocabulary."""
    where = f"{directory}/*.toml"
    return Vocabulary(
        stopwords=words.stopwords,
        months=words.months,
        hijri_months=words.hijri_months,
        numbers=words.numbers,
        ordinals=words.ordinals,
        day_words=words.day_words,
        units={k: _compile(v, fragments, f"{where}: dates.units.{k}") for k, v in words.units.items()},
        instruments={
            k: InstrumentWords(
                _compile(words.titles[k], fragments, f"{where}: instruments.{k}.titles"),
                _compile(words.phrases[k], fragments, f"{where}: instruments.{k}.phrases"),
            )
            for k in INSTRUMENT_KINDS
        },
        civil=_compile(words.civil, fragments, f"{where}: words.civil.civil"),
        criminal=_compile(words.criminal, fragments, f"{where}: words.civil.criminal"),
        categories={
            k: _compile(v, fragments, f"{where}: words.categories.{k}") for k, v in words.categories.items()
        },
        negation=_compile(words.negation, fragments, f"{where}: words.categories.negation"),
        cues={k: _compile(v, fragments, f"{where}: words.cues.{k}") for k, v in words.cues.items()},
        identifier_labels={
            k: _compile(v, fragments, f"{where}: identifier_labels.{k}") for k, v in words.labels.items()
        },
        authorities=_compile(words.authorities, fragments, f"{where}: words.authorities.specific"),
        general_authorities=_compile(words.general, fragments, f"{where}: words.authorities.general"),
        statutes=tuple(statutes),
        countries=countries,
        language_country=language_country,
        requester_domains=domains,
        redaction=redaction,
        org_suffixes=suffixes,
        addressee_patterns=tuple(words.addressee_patterns),
    )


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary under resources/intake, read once per process."""
    return load_vocabulary(VOCABULARY_DIR)
