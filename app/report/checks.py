"""The checks a report must pass before anything is exported: every case counted once per
table, every table's totals agreeing, nothing unclassified. A failure names the cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from app.report.cases import UNKNOWN
from app.report.config import BUCKETS
from app.report.tables import BUCKET, CASE_ID, PROCESS, Table, TableRow, ids_of

if TYPE_CHECKING:
    from app.report.figures import Report


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


def check(report: Report) -> list[Problem]:
    """Every case counted once per table, every table's totals agreeing, nothing unclassified."""
    problems: list[Problem] = []

    def problem(message: str, ids: Iterable[str]) -> None:
        ids = tuple(dict.fromkeys(ids))
        problems.append(Problem(message, ids, tuple(report.references(ids))))

    every = ids_of(report.rows)
    twice = _repeated(every)
    if twice:
        problem("cases read more than once for the period", twice)
    _check_classified(report, problem)

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


def _check_classified(report: Report, problem: Callable[[str, Iterable[str]], None]) -> None:
    """Every case has a legal process and an outcome bucket the report's data file knows."""
    # The usual case, everything known, is answered by two C-speed passes.
    unknown_process = [] if UNKNOWN not in set(map(PROCESS, report.rows)) else [
        r.case_id for r in report.rows if r.process == UNKNOWN
    ]  # fmt: skip
    if unknown_process:
        kinds = sorted({str(r.instrument) for r in report.rows if r.process == UNKNOWN})
        problem(f"instrument(s) {', '.join(kinds)} have no legal process in the report's data file",
                unknown_process)  # fmt: skip
    unknown_bucket = [] if UNKNOWN not in set(map(BUCKET, report.rows)) else [
        r.case_id for r in report.rows if r.bucket == UNKNOWN
    ]  # fmt: skip
    if unknown_bucket:
        kinds = sorted({str(r.outcome) for r in report.rows if r.bucket == UNKNOWN})
        problem(f"decision outcome(s) {', '.join(kinds)} have no bucket in the report's data file",
                unknown_bucket)  # fmt: skip


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
    return list(chain.from_iterable(map(CASE_ID, row.cells[column].cases) for row in table.rows))


def _repeated(ids: Sequence[str]) -> list[str]:
    """The ids that occur more than once (the common case, none, costs one set)."""
    if len(set(ids)) == len(ids):
        return []
    return [i for i, n in Counter(ids).items() if n > 1]
