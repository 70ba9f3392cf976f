"""The report's tables: figures that keep the cases counted in them, the columns and rows
they are laid out in, and the tables of cases set apart (national security, disclosures)."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from app.disclosure.grounds import Ground, shown_label
from app.model import Instrument
from app.report.cases import DISCLOSURE_PREFIX, CaseRow
from app.report.config import BUCKETS, DISCLOSED, ReportConfig
from app.review.said import Said, Word, word

FigureValue: TypeAlias = int | float | str | None  # a count, a share, a published range, or none


@dataclass(frozen=True)
class Figure:
    """One number of the report and the cases counted in it (for a share: its numerator's)."""

    value: FigureValue
    # The rows themselves, not copies of their ids: a report holds a few hundred figures
    # over the same 100,000 cases, and most are never opened.
    cases: Sequence[CaseRow] = ()

    @property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(map(CASE_ID, self.cases))


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # count | accounts | percent | band


@dataclass(frozen=True)
class TableRow:
    key: str
    label: str
    cells: dict[str, Figure]

    def value(self, column: str) -> FigureValue:
        return self.cells[column].value

    def count(self, column: str) -> int:
        """A figure that counts cases or accounts (never a share or a range)."""
        value = self.cells[column].value
        if not isinstance(value, int):
            raise TypeError(f"{self.key}/{column} is {value!r}, not a count")
        return value


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]
    note: str = ""
    # Each case of the table's scope is in exactly one row (checked); False for tables
    # whose rows are not a split (none so far) or whose figures are ranges.
    partition: bool = True
    scope: tuple[str, ...] = ()  # the case ids the rows split, when partition

    def row(self, key: str) -> TableRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(f"table {self.key} has no row {key!r}")

    def total(self, column: str) -> int:
        return sum(int(r.cells[column].value or 0) for r in self.rows if column in r.cells)


OUTCOME_COLUMNS = (
    Column("demands", "Demands"),
    Column("accounts", "Accounts", "accounts"),
    *(Column(b, b) for b in BUCKETS),
    Column("percent_disclosed", "% with data disclosed", "percent"),
)


def percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


CASE_ID = operator.itemgetter(0)  # CaseRow.case_id; C-speed over 100,000 rows
PROCESS = operator.itemgetter(5)  # CaseRow.process
BUCKET = operator.itemgetter(7)  # CaseRow.bucket
ACCOUNTS = operator.itemgetter(8)  # CaseRow.accounts


def ids_of(cases: Iterable[CaseRow]) -> tuple[str, ...]:
    return tuple(map(CASE_ID, cases))


def count_cells(cases: Sequence[CaseRow]) -> dict[str, Figure]:
    return {"demands": Figure(len(cases), cases), "accounts": Figure(sum(map(ACCOUNTS, cases)), cases)}


def outcome_cells(cases: Sequence[CaseRow]) -> dict[str, Figure]:
    by_bucket: dict[str, list[CaseRow]] = {b: [] for b in BUCKETS}
    for c in cases:
        group = by_bucket.get(c[7])  # CaseRow.bucket
        if group is None:
            group = by_bucket[c[7]] = []
        group.append(c)
    cells = count_cells(cases)
    for b in BUCKETS:
        cells[b] = Figure(len(by_bucket[b]), by_bucket[b])
    disclosed = [c for b in DISCLOSED for c in by_bucket[b]]
    cells["percent_disclosed"] = Figure(percent(len(disclosed), len(cases)), disclosed)
    return cells


def grouped(
    cases: Sequence[CaseRow], key: Callable[[CaseRow], str], order: Sequence[str] | None = None
) -> list[tuple[str, list[CaseRow]]]:
    """Cases by ``key``: every key of ``order`` (empty ones too) then any other, or most cases first."""
    groups: dict[str, list[CaseRow]] = defaultdict(list)
    for c in cases:
        groups[key(c)].append(c)
    if order is not None:
        keys = list(order) + sorted(k for k in groups if k not in order)
    else:  # most demands first, then by key: how published reports list countries
        keys = sorted(groups, key=lambda k: (-len(groups[k]), k))
    return [(k, groups[k]) for k in keys]


def band(n: int, width: int) -> str:
    """The published range holding ``n``: 0-499, 500-999, …"""
    low = (n // width) * width
    return f"{low}-{low + width - 1}"


DISCLOSURE_COLUMNS = (
    Column("disclosures", "Disclosures"),
    Column("accounts", "Accounts", "accounts"),
    Column("emergency", "Emergency"),
    Column("voluntary", "Voluntary"),
    Column("approved", "Approved before disclosure"),
    Column("approved_after_the_fact", "Approved after the fact"),
    Column("unapproved", "Not yet approved"),
)


def _disclosure_cells(cases: Sequence[CaseRow]) -> dict[str, Figure]:
    def where(test: Callable[[CaseRow], bool]) -> Figure:
        found = [c for c in cases if test(c)]
        return Figure(len(found), found)

    return {
        "disclosures": Figure(len(cases), cases),
        "accounts": Figure(sum(map(ACCOUNTS, cases)), cases),
        "emergency": where(lambda c: c.emergency),
        "voluntary": where(lambda c: not c.emergency),
        "approved": where(lambda c: c.bucket == "approved"),
        "approved_after_the_fact": where(lambda c: c.bucket == "approved_after_the_fact"),
        "unapproved": where(lambda c: c.bucket in ("made_before_approval", "awaiting_approval")),
    }


def disclosure_tables(cases: Sequence[CaseRow], config: ReportConfig) -> list[Table]:
    """Disclosures made without legal process, by the pack's ground and by country."""

    def ground_of(c: CaseRow) -> str:
        return str(c.instrument or "")[len(DISCLOSURE_PREFIX) :]

    def ground_label(key: str) -> str:
        ground = config.ground.get(key)
        kind = "emergency" if ground and ground.emergency else "voluntary"
        return f"{ground.label} ({kind})" if ground else f"Unknown ground ({key})"

    scope = ids_of(cases)
    return [
        Table(
            "disclosures_by_ground",
            "Disclosures without legal process, by ground",
            DISCLOSURE_COLUMNS,
            tuple(
                TableRow(k, ground_label(k), _disclosure_cells(g))
                for k, g in grouped(cases, ground_of, [g.key for g in config.disclosure_grounds])
            ),
            "Data disclosed with no demand served: the NCMEC reports the law requires, and what the "
            "policy allows to prevent harm, death or serious injury or to report a crime against us or "
            "a customer. Not in the totals. Counted on the day of the disclosure; one disclosed in an "
            "emergency before a second reviewer approved it is counted as approved after the fact.",
            scope=scope,
        ),
        Table(
            "disclosures_by_country",
            "Disclosures without legal process, by country",
            DISCLOSURE_COLUMNS,
            tuple(
                TableRow(k, config.country_name(k), _disclosure_cells(g))
                for k, g in grouped(cases, lambda c: c.country)
            ),
            "The country of the authority or organisation the data was disclosed to.",
            scope=scope,
        ),
    ]


def _ground_word(ground: Ground) -> Word:
    """A ground as a note names it: the pack's label, in German in a German window."""
    return word(lambda language: shown_label(ground.key, ground.label, language))


def disclosure_notes(rows: Iterable[CaseRow], config: ReportConfig) -> tuple[str, ...]:
    """One note per disclosure made before a second reviewer approved it (a genuine emergency):
    a ``Said``, English in the report's exports, in the display language in the window."""
    notes = []
    for r in rows:
        if r.bucket not in ("approved_after_the_fact", "made_before_approval"):
            continue
        key = str(r.instrument or "")[len(DISCLOSURE_PREFIX) :]
        ground = config.ground.get(key)
        state = "approved_after" if r.bucket == "approved_after_the_fact" else "not_yet_approved"
        notes.append(
            Said(
                "report.disclosed_early",
                reference=r.reference,
                day=r.received,
                ground=_ground_word(ground) if ground else key,
                state=Said(f"report.{state}"),
            )
        )
    return tuple(notes)


def national_security_table(cases: Sequence[CaseRow], config: ReportConfig) -> Table:
    width = config.band
    rows = []
    for key, label in ((Instrument.NSL.value, "National security letters"),
                       (Instrument.FISA_ORDER.value, "FISA orders")):  # fmt: skip
        group = [c for c in cases if c.instrument == key]
        rows.append(
            TableRow(
                key,
                label,
                {
                    "demands": Figure(band(len(group), width), group),
                    "accounts": Figure(band(sum(c.accounts for c in group), width), group),
                },
            )
        )
    return Table(
        "national_security",
        "National-security demands",
        (Column("demands", "Demands", "band"), Column("accounts", "Accounts", "band")),
        tuple(rows),
        f"The law allows these to be published only as ranges of {width}; they are not in the totals.",
        partition=False,
    )
