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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from app.costs.figures import CurrencyCosts
from app.report.cases import (
    DISCLOSURE_PREFIX,
    DISCLOSURE_STATES,
    UNKNOWN,
    UNKNOWN_COUNTRY,
    CaseRow,
    bucket_of,
    classify,
    fingerprint,
    in_totals,
    process_of,
)
from app.report.checks import Problem, ReportError, check
from app.report.config import BUCKETS, NOT_A_DATA_DEMAND, ReportConfig
from app.report.periods import Period
from app.report.tables import (
    OUTCOME_COLUMNS,
    Column,
    Figure,
    Table,
    TableRow,
    band,
    count_cells,
    disclosure_notes,
    disclosure_tables,
    grouped,
    ids_of,
    national_security_table,
    outcome_cells,
    percent,
)

# The report's building blocks, importable from here as before the split.
__all__ = [
    "DISCLOSURE_PREFIX",
    "DISCLOSURE_STATES",
    "UNKNOWN",
    "UNKNOWN_COUNTRY",
    "CaseChange",
    "CaseRow",
    "Column",
    "Figure",
    "FrozenInfo",
    "Problem",
    "Report",
    "ReportError",
    "Table",
    "TableRow",
    "TrendPoint",
    "band",
    "bucket_of",
    "build_report",
    "check",
    "classify",
    "disclosure_notes",
    "fingerprint",
    "in_totals",
    "process_of",
]


# ------------------------------------------------------------------------------ the report


@dataclass(frozen=True)
class TrendPoint:
    label: str  # a half-year, e.g. 2026H1
    demands: int
    disclosed: int
    frozen: bool  # the published (frozen) figures, not today's

    @property
    def percent_disclosed(self) -> float | None:
        return percent(self.disclosed, self.demands)


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
    costs: tuple[CurrencyCosts, ...] = ()
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
    split = _set_apart(rows, config)
    demands = _Demands.of(split.demands, config, seats)
    tables = [
        *_totals_tables(demands, config),
        *_demand_tables(demands),
        national_security_table(split.national, config),
        *_apart_tables(split.preservation, split.not_data),
        *disclosure_tables(split.disclosures, config),
    ]
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


class _Split(NamedTuple):
    """A period's cases: the demands, and each group counted apart in a table of its own."""

    demands: list[CaseRow]
    national: list[CaseRow]
    preservation: list[CaseRow]
    not_data: list[CaseRow]
    disclosures: list[CaseRow]


def _set_apart(rows: Sequence[CaseRow], config: ReportConfig) -> _Split:
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
    return _Split(demands, national, preservation, not_data, disclosures)


@dataclass(frozen=True)
class _Demands:
    """The demands and the groups of them the tables count, each found once."""

    demands: list[CaseRow]
    seats: int
    outcome_columns: tuple[Column, ...]
    with_order: list[CaseRow]
    federal: list[CaseRow]
    emergency: list[CaseRow]
    civil: list[CaseRow]
    above: list[CaseRow]
    at_or_below: list[CaseRow]
    unrecorded: list[CaseRow]
    content: list[CaseRow]
    abroad: list[CaseRow]
    at_home: list[CaseRow]
    unknown_store: list[CaseRow]

    @classmethod
    def of(cls, demands: list[CaseRow], config: ReportConfig, seats: int) -> _Demands:
        label = config.bucket_label
        outcome_columns = tuple(
            Column(c.key, label(c.key)) if c.key in BUCKETS else c for c in OUTCOME_COLUMNS
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
        return cls(
            demands, seats, outcome_columns, with_order, federal, emergency, civil,
            above, at_or_below, unrecorded, content, abroad, at_home, unknown_store,
        )  # fmt: skip

    def outcome_table(
        self,
        key: str,
        title: str,
        groups: list[tuple[str, list[CaseRow]]],
        names: Callable[[str], str],
        note: str,
    ) -> Table:
        cases_in = [c for _, g in groups for c in g]
        return Table(
            key,
            title,
            self.outcome_columns,
            tuple(TableRow(k, names(k), outcome_cells(g)) for k, g in groups),
            note,
            scope=ids_of(cases_in),
        )


def _totals_tables(d: _Demands, config: ReportConfig) -> list[Table]:
    """The totals, and the demands by country, by legal process and by outcome."""
    demands, with_order, federal, emergency = d.demands, d.with_order, d.federal, d.emergency
    outcome_columns, outcome_table, label = d.outcome_columns, d.outcome_table, config.bucket_label
    scope = ids_of(demands)
    totals_cells = outcome_cells(demands) | {
        "secrecy_orders": Figure(len(with_order), with_order),
        "secrecy_orders_federal": Figure(len(federal), federal),
        "secrecy_order_share": Figure(percent(len(with_order), len(demands)), with_order),
        "emergency": Figure(len(emergency), emergency),
    }
    process_labels = {p.key: p.label for p in config.processes}

    return [
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
            grouped(demands, lambda c: c.country),
            config.country_name,
            "The country of the authority or court that issued the demand.",
        ),
        outcome_table(
            "outcomes_by_legal_process",
            "Demands by legal process",
            grouped(demands, lambda c: c.process, [p.key for p in config.processes if p.apart is None]),
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
                    count_cells(g) | {"share": Figure(percent(len(g), len(demands)), g)},
                )
                for b, g in grouped(demands, lambda c: c.bucket, BUCKETS)
            ),
            "Each demand is in exactly one row, by its latest decision. A disclosure still awaiting "
            "a second reviewer's approval, and a demand not yet decided, is pending.",
            scope=scope,
        ),
    ]


def _demand_tables(d: _Demands) -> list[Table]:
    """Secrecy orders, emergencies, enterprise customers, content stored abroad, civil demands."""
    demands, with_order, emergency, civil, seats = d.demands, d.with_order, d.emergency, d.civil, d.seats
    above, at_or_below, unrecorded, outcome_table = d.above, d.at_or_below, d.unrecorded, d.outcome_table
    content, abroad, at_home, unknown_store = d.content, d.abroad, d.at_home, d.unknown_store
    enterprise_labels = {
        "above_threshold": f"More than {seats} seats",
        "at_or_below_threshold": f"{seats} seats or fewer",
        "seats_unknown": "Seats not recorded",
    }
    return [
        _secrecy_table(demands, with_order),
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
            enterprise_labels.__getitem__,
            f"Enterprise customers are reported when they bought more than {seats} seats.",
        ),
        Table(
            "content_stored_abroad",
            "Content disclosures by where the data was stored",
            (Column("demands", "Demands"), Column("accounts", "Accounts", "accounts")),
            tuple(
                TableRow(k, lbl, count_cells(g))
                for k, lbl, g in (
                    ("outside", "Stored outside the requesting country", abroad),
                    ("inside", "Stored in the requesting country", at_home),
                    ("unknown", "Storage location not recorded", unknown_store),
                )
            ),
            "Demands answered with content, split by whether the data was held outside the "
            "country that asked for it.",
            scope=ids_of(content),
        ),
        outcome_table(
            "civil",
            "Civil-litigation demands",
            [("civil", civil)],
            lambda _: "Civil litigation",
            "Demands from parties to civil proceedings, not from governments.",
        ),
    ]


def _secrecy_table(demands: list[CaseRow], with_order: list[CaseRow]) -> Table:
    scope = ids_of(demands)
    return Table(
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
                    "share": Figure(percent(len(g), len(demands)), g),
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
    )


def _apart_tables(preservation: list[CaseRow], not_data: list[CaseRow]) -> list[Table]:
    """Preservation requests and documents that demand no data: counted, not in the totals."""
    return [
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
            scope=ids_of(preservation),
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
            scope=ids_of(not_data),
        ),
    ]


def _with_problems(report: Report, problems: Sequence[Problem]) -> Report:
    return replace(report, problems=tuple(problems))
