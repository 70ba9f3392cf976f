"""The report's figures: each case classified once, then counted into tables that must agree.

Pure: rows in (``db.report_rows.case_rows``), a ``Report`` out. Every figure keeps the
ids of the cases counted in it, so the window can list them and a failed check can
name them.

What is counted where:

- A case belongs to the period in which it was received.
- The *demands* are every case except those set apart: preservation requests (they ask
  to keep data, not to hand it over), national-security demands (published only as
  ranges, so an exact total would give them away by subtraction) and documents decided
  as not a data demand. Each set-apart group has its own table.
- Each demand is in exactly one outcome bucket (``config.BUCKETS``), taken from its
  latest decision; a disclosure not yet approved, and a case not yet decided, is
  *pending*. A case received in one period and decided in the next counts in the
  period it was received, with the decision it has when the report is made.
- Emergency requests are the demands whose instrument is an emergency request (the
  legal process a reviewer confirmed), so the emergency table and the legal-process
  table's emergency row agree.
- A secrecy order counts as federal when the issuing authority's name holds one of
  the data file's federal markers.
- A disclosure made without legal process (``app.disclosure``) is no demand: it counts
  apart, by the day it was made, in the disclosure tables: by ground (the policy pack's)
  and by country, each split into emergency and voluntary disclosures and by how it was
  approved (before, after the fact, or not yet).
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any, NamedTuple

from app.model import Instrument
from app.report.config import BUCKETS, DISCLOSED, NOT_A_DATA_DEMAND, ReportConfig
from app.report.periods import Period
from app.review.model import DISCLOSING
from db.report_rows import CONTEXT_SEPARATOR

UNKNOWN = "?"  # a process or bucket the data file does not know: a failed check
# A disclosure case's instrument, as db.report_rows gives it: this prefix and the ground.
DISCLOSURE_PREFIX = "voluntary_disclosure:"
# A disclosure case's bucket: how its second reviewer's approval stands (db.report_rows).
DISCLOSURE_STATES = ("approved", "approved_after_the_fact", "made_before_approval", "awaiting_approval")
UNKNOWN_COUNTRY = "ZZ"  # CLDR's code for an unknown region


class ReportError(Exception):
    """The figures do not reconcile; ``problems`` name the cases. No export is written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "The report does not reconcile, so nothing was exported:\n"
            + "\n".join(f"- {p.describe()}" for p in self.problems)
        )


@dataclass(frozen=True)
class Problem:
    message: str
    case_ids: tuple[str, ...] = ()
    references: tuple[str, ...] = ()

    def describe(self) -> str:
        shown = ", ".join(self.references[:20]) + (" …" if len(self.references) > 20 else "")
        return f"{self.message}: {shown}" if shown else self.message


# ------------------------------------------------------------------------------ cases


class CaseRow(NamedTuple):
    """One case as the report sees it, classified. Frozen periods store these (as lists)."""

    case_id: str
    reference: str
    received: str  # ISO date (UTC)
    country: str  # ISO 3166 code, UNKNOWN_COUNTRY when not read
    instrument: str | None
    process: str  # legal-process key, UNKNOWN when the data file has none
    outcome: str | None  # the latest decision's outcome as recorded
    bucket: str  # one of BUCKETS, NOT_A_DATA_DEMAND, or UNKNOWN
    accounts: int
    secrecy: bool
    federal: bool  # a secrecy order's demand issued by a federal authority (config.federal_markers)
    emergency: bool
    enterprise: bool
    seats: int | None
    stored_in: str | None  # where the data is stored, ISO code
    fingerprint: str  # of what the store holds for the report ("" unless asked for)

    def to_list(self) -> list[Any]:
        return list(self)

    @classmethod
    def from_list(cls, values: Sequence[Any]) -> CaseRow:
        return cls(*values)


def fingerprint(raw: Sequence[Any]) -> str:
    """A short digest of a case's report row as stored; equal rows give equal figures."""
    return hashlib.blake2b(repr(tuple(raw)).encode(), digest_size=8).hexdigest()


_DISCLOSURE = "voluntary_disclosure"  # the legal process of resources/report/report.toml


def process_of(instrument: str | None, config: ReportConfig) -> str:
    if instrument and instrument.startswith(DISCLOSURE_PREFIX):
        # A ground the pack no longer lists cannot be counted in its row: a failed check.
        known = instrument[len(DISCLOSURE_PREFIX) :] in config.ground
        return _DISCLOSURE if known and _DISCLOSURE in config.process_of_instrument.values() else UNKNOWN
    return config.process_of_instrument.get(instrument or config.unread_instrument, UNKNOWN)


def bucket_of(outcome: str | None, approved: bool, config: ReportConfig) -> str:
    """The latest decision's bucket; a disclosure counts only once a second reviewer approved it."""
    if outcome is None or (outcome in DISCLOSING and not approved):
        return "pending"
    return config.outcomes.get(outcome, UNKNOWN)


def in_totals(process: str, bucket: str, config: ReportConfig) -> bool:
    """Whether a case is one of the demands, or is set apart in a table of its own."""
    apart = {p.key: p.apart for p in config.processes}
    return apart.get(process) is None and bucket != NOT_A_DATA_DEMAND


_NO_CONTEXT: dict[str, Any] = {}


def _context(text: str | None) -> dict[str, Any]:
    """The ``context`` column: "key=json" pairs (db.report_rows.CONTEXT_SEPARATOR)."""
    if not text:
        return {}
    found = {}
    for pair in text.split(CONTEXT_SEPARATOR):
        key, _, value = pair.partition("=")
        try:
            found[key] = json.loads(value)
        except ValueError:
            found[key] = None  # a damaged value counts as not recorded
    return found


def classify(
    raws: Iterable[Sequence[Any]], config: ReportConfig, *, fingerprints: bool = False
) -> list[CaseRow]:
    """Rows of ``db.report_rows.case_rows`` (columns ``CASE_COLUMNS``) as ``CaseRow``s.

    Fingerprints cost a hash per case; they are only needed to freeze a period or to
    compare with a frozen one.
    """
    processes: dict[str | None, str] = {}
    buckets: dict[tuple[str | None, bool], str] = {}
    federal_names: dict[str, bool] = {}
    markers = config.federal_markers
    emergency_instrument = Instrument.EMERGENCY_REQUEST.value
    found = []
    for raw in raws:
        (
            case_id,
            reference,
            received_at,
            country,
            instrument,
            accounts,
            secrecy,
            authority,
            outcome,
            approved,
            ctx,
        ) = raw
        process = processes.get(instrument)
        if process is None:
            process = processes[instrument] = process_of(instrument, config)
        if process == _DISCLOSURE:  # no decision: the approval's state is its bucket
            ground = config.ground.get(str(instrument)[len(DISCLOSURE_PREFIX) :])
            bucket = outcome if outcome in DISCLOSURE_STATES else UNKNOWN
            secret = federal = enterprise = False
            emergency = ground is not None and ground.emergency
            seats = stored_in = None
        else:
            federal = False
            if authority:
                federal = federal_names.get(authority)  # type: ignore[assignment]
                if federal is None:
                    name = str(authority).lower()
                    federal = federal_names[authority] = any(m in name for m in markers)
            bucket = buckets.get((outcome, approved))
            if bucket is None:
                bucket = buckets[outcome, approved] = bucket_of(outcome, approved, config)
            context = _context(ctx) if ctx else _NO_CONTEXT
            secret = bool(secrecy)
            emergency = instrument == emergency_instrument
            enterprise = context.get("enterprise_customer") is True
            seats = context.get("enterprise_seats")
            seats = int(seats) if isinstance(seats, int | float) and not isinstance(seats, bool) else None
            stored_in = context.get("data_stored_in")
            stored_in = str(stored_in).upper() if stored_in else None
        found.append(
            CaseRow(
                case_id,
                reference,
                received_at[:10],
                country.upper() if country else UNKNOWN_COUNTRY,
                instrument,
                process,
                outcome,
                bucket,
                accounts or 0,
                secret,
                federal,
                emergency,
                enterprise,
                seats,
                stored_in,
                fingerprint(raw) if fingerprints else "",
            )
        )
    return found


# ------------------------------------------------------------------------------ tables


@dataclass(frozen=True)
class Figure:
    """One number of the report and the cases counted in it (for a share: its numerator's)."""

    value: int | float | str | None
    # The rows themselves, not copies of their ids: a report holds a few hundred figures
    # over the same 100,000 cases, and most are never opened.
    cases: Sequence[CaseRow] = ()

    @property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(map(_CASE_ID, self.cases))


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

    def value(self, column: str) -> Any:
        return self.cells[column].value


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


def _percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


_CASE_ID = operator.itemgetter(0)  # CaseRow.case_id; C-speed over 100,000 rows
_PROCESS = operator.itemgetter(5)  # CaseRow.process
_BUCKET = operator.itemgetter(7)  # CaseRow.bucket
_ACCOUNTS = operator.itemgetter(8)  # CaseRow.accounts


def _ids(cases: Iterable[CaseRow]) -> tuple[str, ...]:
    return tuple(map(_CASE_ID, cases))


def _count_cells(cases: Sequence[CaseRow]) -> dict[str, Figure]:
    return {"demands": Figure(len(cases), cases), "accounts": Figure(sum(map(_ACCOUNTS, cases)), cases)}


def _outcome_cells(cases: Sequence[CaseRow]) -> dict[str, Figure]:
    by_bucket: dict[str, list[CaseRow]] = {b: [] for b in BUCKETS}
    for c in cases:
        group = by_bucket.get(c[7])  # CaseRow.bucket
        if group is None:
            group = by_bucket[c[7]] = []
        group.append(c)
    cells = _count_cells(cases)
    for b in BUCKETS:
        cells[b] = Figure(len(by_bucket[b]), by_bucket[b])
    disclosed = [c for b in DISCLOSED for c in by_bucket[b]]
    cells["percent_disclosed"] = Figure(_percent(len(disclosed), len(cases)), disclosed)
    return cells


def _grouped(
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


# ------------------------------------------------------------------------------ the report


@dataclass(frozen=True)
class TrendPoint:
    label: str  # a half-year, e.g. 2026H1
    demands: int
    disclosed: int
    frozen: bool  # the published (frozen) figures, not today's

    @property
    def percent_disclosed(self) -> float | None:
        return _percent(self.disclosed, self.demands)


@dataclass(frozen=True)
class FrozenInfo:
    period: str
    frozen_at: str
    frozen_by: str
    seat_threshold: int
    cases: int


@dataclass(frozen=True)
class CaseChange:
    case_id: str
    reference: str
    change: str  # changed | added | removed


@dataclass(frozen=True)
class Report:
    period: Period
    config: ReportConfig
    seat_threshold: int
    rows: tuple[CaseRow, ...]
    tables: tuple[Table, ...]
    problems: tuple[Problem, ...]
    generated_at: str = ""
    trend: tuple[TrendPoint, ...] = ()
    frozen: FrozenInfo | None = None  # set when the figures are the ones frozen for this period
    changed_since_frozen: tuple[CaseChange, ...] = ()
    notes: tuple[str, ...] = ()  # for the reviewers, not the figures: decisions made over a refusal
    # Cost recovery per currency (app/costs/figures.py): our JSON and PDF only, never the CSV.
    costs: tuple[Any, ...] = ()
    _by_key: dict[str, Table] = field(default_factory=dict, init=False, repr=False, compare=False)

    def table(self, key: str) -> Table:
        if not self._by_key:
            self._by_key.update({t.key: t for t in self.tables})
        return self._by_key[key]

    def figure(self, table: str, row: str, column: str) -> Figure:
        return self.table(table).row(row).cells[column]

    def cases(self, table: str, row: str, column: str) -> list[str]:
        """The ids of the cases counted in one figure, in the order they were received.

        ``cost_recovery`` (rows: currencies; columns: sought, recovered, waived) is not a
        table of the published figures: it drills down into ``costs``.
        """
        if table == "cost_recovery":
            found = next((c for c in self.costs if c.currency == row), None)
            if found is None or column not in ("sought", "recovered", "waived"):
                raise KeyError(f"{table}/{row}/{column}")
            return list(getattr(found, column))
        return list(self.figure(table, row, column).case_ids)

    def references(self, case_ids: Iterable[str]) -> list[str]:
        """The references of these cases (as reviewers name them), the id where none is known."""
        ids = list(case_ids)
        wanted = set(ids)
        by_id = {r.case_id: r.reference for r in self.rows if r.case_id in wanted}
        return [by_id.get(i, i) for i in ids]

    @property
    def consistent(self) -> bool:
        return not self.problems

    def require_consistent(self) -> None:
        """Raise ``ReportError`` naming the cases when a check failed; exports call this first."""
        if self.problems:
            raise ReportError(self.problems)

    def totals(self) -> TableRow:
        return self.table("totals").row("all")


def build_report(
    period: Period,
    rows: Sequence[CaseRow],
    config: ReportConfig,
    *,
    seat_threshold: int | None = None,
    generated_at: str = "",
    trend: Sequence[TrendPoint] = (),
    frozen: FrozenInfo | None = None,
    changed: Sequence[CaseChange] = (),
) -> Report:
    """Count the classified cases of a period into every table, then check that they agree."""
    seats = config.seat_threshold if seat_threshold is None else seat_threshold
    apart = {p.key: p.apart for p in config.processes}
    demands: list[CaseRow] = []
    national: list[CaseRow] = []
    preservation: list[CaseRow] = []
    not_data: list[CaseRow] = []
    disclosures: list[CaseRow] = []
    for r in rows:
        kind = apart.get(r.process)
        if kind == "banded":
            national.append(r)
        elif kind == "count":
            preservation.append(r)
        elif kind == "disclosure":
            disclosures.append(r)
        elif r.bucket == NOT_A_DATA_DEMAND:
            not_data.append(r)
        else:
            demands.append(r)

    label = config.bucket_label
    outcome_columns = tuple(Column(c.key, label(c.key)) if c.key in BUCKETS else c for c in OUTCOME_COLUMNS)
    scope = _ids(demands)

    def outcome_table(
        key: str, title: str, groups: list[tuple[str, list[CaseRow]]], names: Callable[[str], str], note: str
    ) -> Table:
        cases_in = [c for _, g in groups for c in g]
        return Table(
            key,
            title,
            outcome_columns,
            tuple(TableRow(k, names(k), _outcome_cells(g)) for k, g in groups),
            note,
            scope=_ids(cases_in),
        )

    with_order = [c for c in demands if c.secrecy]
    emergency = [c for c in demands if c.emergency]
    civil = [c for c in demands if c.process == "civil"]
    enterprise = [c for c in demands if c.enterprise]
    above = [c for c in enterprise if c.seats is not None and c.seats > seats]
    at_or_below = [c for c in enterprise if c.seats is not None and c.seats <= seats]
    unrecorded = [c for c in enterprise if c.seats is None]
    content = [c for c in demands if c.bucket == "content"]
    abroad = [c for c in content if c.stored_in and c.stored_in != c.country]
    at_home = [c for c in content if c.stored_in and c.stored_in == c.country]
    unknown_store = [c for c in content if not c.stored_in]
    federal = [c for c in with_order if c.federal]

    totals_cells = _outcome_cells(demands) | {
        "secrecy_orders": Figure(len(with_order), with_order),
        "secrecy_orders_federal": Figure(len(federal), federal),
        "secrecy_order_share": Figure(_percent(len(with_order), len(demands)), with_order),
        "emergency": Figure(len(emergency), emergency),
    }
    process_labels = {p.key: p.label for p in config.processes}

    tables = [
        Table(
            "totals",
            "All demands",
            (
                *outcome_columns,
                Column("secrecy_orders", "With a secrecy order"),
                Column("secrecy_orders_federal", "Secrecy orders from federal authorities"),
                Column("secrecy_order_share", "% with a secrecy order", "percent"),
                Column("emergency", "Emergency requests"),
            ),
            (TableRow("all", "All demands", totals_cells),),
            "Preservation requests, national-security demands and documents that demand no data "
            "are counted apart, in their own tables.",
            scope=scope,
        ),
        outcome_table(
            "outcomes_by_country",
            "Demands by requesting country",
            _grouped(demands, lambda c: c.country),
            config.country_name,
            "The country of the authority or court that issued the demand.",
        ),
        outcome_table(
            "outcomes_by_legal_process",
            "Demands by legal process",
            _grouped(demands, lambda c: c.process, [p.key for p in config.processes if p.apart is None]),
            lambda k: process_labels.get(k, f"Unknown ({k})"),
            "National-security demands and preservation requests are not in these rows; see their tables.",
        ),
        Table(
            "outcomes",
            "What happened to the demands",
            (
                Column("demands", "Demands"),
                Column("accounts", "Accounts", "accounts"),
                Column("share", "% of demands", "percent"),
            ),
            tuple(
                TableRow(
                    b,
                    label(b),
                    _count_cells(g) | {"share": Figure(_percent(len(g), len(demands)), g)},
                )
                for b, g in _grouped(demands, lambda c: c.bucket, BUCKETS)
            ),
            "Each demand is in exactly one row, by its latest decision. A disclosure still awaiting "
            "a second reviewer's approval, and a demand not yet decided, is pending.",
            scope=scope,
        ),
        Table(
            "secrecy_orders",
            "Secrecy (non-disclosure) orders",
            (
                Column("demands", "Demands"),
                Column("share", "% of demands", "percent"),
                Column("federal", "From federal authorities"),
            ),
            tuple(
                TableRow(
                    k,
                    lbl,
                    {
                        "demands": Figure(len(g), g),
                        "share": Figure(_percent(len(g), len(demands)), g),
                        # Only orders have an issuer worth counting: the figure is "secrecy orders
                        # from federal authorities".
                        "federal": Figure(sum(c.federal for c in g), [c for c in g if c.federal])
                        if k == "with_order"
                        else Figure(None),
                    },
                )
                for k, lbl, g in (
                    ("with_order", "With a secrecy order", with_order),
                    ("without_order", "Without", [c for c in demands if not c.secrecy]),
                )
            ),
            "A demand accompanied by an order that forbids telling the customer about it.",
            scope=scope,
        ),
        outcome_table(
            "emergency",
            "Emergency requests",
            [("emergency", emergency)],
            lambda _: "Emergency",
            "Requests to prevent death or serious physical injury, by how they ended.",
        ),
        outcome_table(
            "enterprise",
            "Demands about enterprise customers",
            [
                ("above_threshold", above),
                ("at_or_below_threshold", at_or_below),
                ("seats_unknown", unrecorded),
            ],
            {
                "above_threshold": f"More than {seats} seats",
                "at_or_below_threshold": f"{seats} seats or fewer",
                "seats_unknown": "Seats not recorded",
            }.get,  # type: ignore[arg-type]
            f"Enterprise customers are reported when they bought more than {seats} seats.",
        ),
        Table(
            "content_stored_abroad",
            "Content disclosures by where the data was stored",
            (Column("demands", "Demands"), Column("accounts", "Accounts", "accounts")),
            tuple(
                TableRow(k, lbl, _count_cells(g))
                for k, lbl, g in (
                    ("outside", "Stored outside the requesting country", abroad),
                    ("inside", "Stored in the requesting country", at_home),
                    ("unknown", "Storage location not recorded", unknown_store),
                )
            ),
            "Demands answered with content, split by whether the data was held outside the "
            "country that asked for it.",
            scope=_ids(content),
        ),
        outcome_table(
            "civil",
            "Civil-litigation demands",
            [("civil", civil)],
            lambda _: "Civil litigation",
            "Demands from parties to civil proceedings, not from governments.",
        ),
        _national_security_table(national, config),
        Table(
            "preservation",
            "Preservation requests",
            (Column("requests", "Requests"), Column("accounts", "Accounts", "accounts")),
            (
                TableRow(
                    "preservation",
                    "Preservation requests",
                    {
                        "requests": Figure(len(preservation), preservation),
                        "accounts": Figure(sum(c.accounts for c in preservation), preservation),
                    },
                ),
            ),
            "Requests to keep data until a demand for it arrives; not in the totals.",
            scope=_ids(preservation),
        ),
        Table(
            "not_data_demands",
            "Documents that demand no data",
            (Column("documents", "Documents"),),
            (
                TableRow(
                    "not_data_demands",
                    "Recorded, not answered with data",
                    {"documents": Figure(len(not_data), not_data)},
                ),
            ),  # fmt: skip
            "Takedown requests, orders about a secrecy order and similar; not in the totals.",
            scope=_ids(not_data),
        ),
    ]
    tables += _disclosure_tables(disclosures, config)
    report = Report(
        period=period,
        config=config,
        seat_threshold=seats,
        rows=tuple(rows),
        tables=tuple(tables),
        problems=(),
        generated_at=generated_at,
        trend=tuple(trend),
        frozen=frozen,
        changed_since_frozen=tuple(changed),
    )
    return _with_problems(report, check(report))


def _with_problems(report: Report, problems: Sequence[Problem]) -> Report:
    return replace(report, problems=tuple(problems))


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
        "accounts": Figure(sum(map(_ACCOUNTS, cases)), cases),
        "emergency": where(lambda c: c.emergency),
        "voluntary": where(lambda c: not c.emergency),
        "approved": where(lambda c: c.bucket == "approved"),
        "approved_after_the_fact": where(lambda c: c.bucket == "approved_after_the_fact"),
        "unapproved": where(lambda c: c.bucket in ("made_before_approval", "awaiting_approval")),
    }


def _disclosure_tables(cases: Sequence[CaseRow], config: ReportConfig) -> list[Table]:
    """Disclosures made without legal process, by the pack's ground and by country."""

    def ground_of(c: CaseRow) -> str:
        return str(c.instrument or "")[len(DISCLOSURE_PREFIX) :]

    def ground_label(key: str) -> str:
        ground = config.ground.get(key)
        kind = "emergency" if ground and ground.emergency else "voluntary"
        return f"{ground.label} ({kind})" if ground else f"Unknown ground ({key})"

    scope = _ids(cases)
    return [
        Table(
            "disclosures_by_ground",
            "Disclosures without legal process, by ground",
            DISCLOSURE_COLUMNS,
            tuple(
                TableRow(k, ground_label(k), _disclosure_cells(g))
                for k, g in _grouped(cases, ground_of, [g.key for g in config.disclosure_grounds])
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
                for k, g in _grouped(cases, lambda c: c.country)
            ),
            "The country of the authority or organisation the data was disclosed to.",
            scope=scope,
        ),
    ]


def disclosure_notes(rows: Iterable[CaseRow], config: ReportConfig) -> tuple[str, ...]:
    """One note per disclosure made before a second reviewer approved it (a genuine emergency)."""
    notes = []
    for r in rows:
        if r.bucket not in ("approved_after_the_fact", "made_before_approval"):
            continue
        key = str(r.instrument or "")[len(DISCLOSURE_PREFIX) :]
        ground = config.ground.get(key)
        state = "approved after the fact" if r.bucket == "approved_after_the_fact" else "NOT YET APPROVED"
        notes.append(
            f"{r.reference}: disclosed on {r.received} ({ground.label if ground else key}) before a "
            f"second reviewer approved it; {state}."
        )
    return tuple(notes)


def _national_security_table(cases: Sequence[CaseRow], config: ReportConfig) -> Table:
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


# ------------------------------------------------------------------------------ checks


def check(report: Report) -> list[Problem]:
    """Every case counted once per table, every table's totals agreeing, nothing unclassified."""
    problems: list[Problem] = []

    def problem(message: str, ids: Iterable[str]) -> None:
        ids = tuple(dict.fromkeys(ids))
        problems.append(Problem(message, ids, tuple(report.references(ids))))

    every = _ids(report.rows)
    twice = _repeated(every)
    if twice:
        problem("cases read more than once for the period", twice)
    # The usual case, everything known, is answered by two C-speed passes.
    unknown_process = [] if UNKNOWN not in set(map(_PROCESS, report.rows)) else [
        r.case_id for r in report.rows if r.process == UNKNOWN
    ]  # fmt: skip
    if unknown_process:
        kinds = sorted({str(r.instrument) for r in report.rows if r.process == UNKNOWN})
        problem(f"instrument(s) {', '.join(kinds)} have no legal process in the report's data file",
                unknown_process)  # fmt: skip
    unknown_bucket = [] if UNKNOWN not in set(map(_BUCKET, report.rows)) else [
        r.case_id for r in report.rows if r.bucket == UNKNOWN
    ]  # fmt: skip
    if unknown_bucket:
        kinds = sorted({str(r.outcome) for r in report.rows if r.bucket == UNKNOWN})
        problem(f"decision outcome(s) {', '.join(kinds)} have no bucket in the report's data file",
                unknown_bucket)  # fmt: skip

    national = _column_ids(report.table("national_security"), "demands")
    demands = set(report.table("totals").scope)
    placed = [
        *report.table("totals").scope,
        *national,
        *report.table("preservation").scope,
        *report.table("not_data_demands").scope,
        *report.table("disclosures_by_ground").scope,
    ]
    missing = set(every) - set(placed)
    if missing:
        problem("cases counted neither in the totals nor apart", [i for i in every if i in missing])
    doubled = [i for i in _repeated(placed) if i not in twice]
    if doubled:
        problem("cases counted both in the totals and apart", doubled)

    total = report.totals()
    for table in report.tables:
        if not table.partition:
            continue
        first = table.columns[0].key
        counted = _column_ids(table, first)
        again = _repeated(counted)
        if again:
            problem(f"{table.title}: cases counted in more than one row", again)
        scope = set(table.scope)
        lost = scope.difference(counted)
        if lost:
            problem(f"{table.title}: cases missing from every row", [i for i in table.scope if i in lost])
        if scope == demands:  # a split of all demands: its sums are the totals
            for column in ("demands", "accounts"):
                if not all(column in row.cells for row in table.rows):
                    continue
                if table.total(column) != total.value(column):
                    ids = {i for row in table.rows for i in row.cells[column].case_ids}
                    problem(
                        f"{table.title}: {column} add up to {table.total(column)}, "
                        f"not the total {total.value(column)}",
                        sorted(ids ^ demands) or sorted(ids),
                    )
        for row in table.rows:
            if "disclosures" in row.cells:
                _check_disclosure_row(table, row, problem)
            if "pending" in row.cells:
                split = sum(int(row.cells[b].value or 0) for b in BUCKETS)
                if split != row.value("demands"):
                    in_buckets = {i for b in BUCKETS for i in row.cells[b].case_ids}
                    problem(
                        f"{table.title}, {row.label}: the outcomes add up to {split}, "
                        f"not its {row.value('demands')} demands",
                        set(row.cells["demands"].case_ids) ^ in_buckets,
                    )
    return problems


def _check_disclosure_row(table: Table, row: TableRow, problem: Callable[[str, Iterable[str]], None]) -> None:
    """Emergency and voluntary split a row's disclosures, and so do the three approval columns."""
    every = set(row.cells["disclosures"].case_ids)
    for parts in (("emergency", "voluntary"), ("approved", "approved_after_the_fact", "unapproved")):
        ids = [i for p in parts for i in row.cells[p].case_ids]
        if len(ids) != len(every) or set(ids) != every:
            problem(
                f"{table.title}, {row.label}: {' + '.join(parts)} add up to {len(ids)}, "
                f"not its {len(every)} disclosures",
                every.symmetric_difference(ids) or ids,
            )


def _column_ids(table: Table, column: str) -> list[str]:
    """The ids counted in a column, row after row (C-speed: this runs over every case per table)."""
    return list(chain.from_iterable(map(_CASE_ID, row.cells[column].cases) for row in table.rows))


def _repeated(ids: Sequence[str]) -> list[str]:
    """The ids that occur more than once (the common case, none, costs one set)."""
    if len(set(ids)) == len(ids):
        return []
    return [i for i, n in Counter(ids).items() if n > 1]
