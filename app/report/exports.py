"""The report as JSON and CSV. (The PDF is ``app.report.pdf``.)

JSON: the shape of issue 8 (``period``, ``from``, ``to``, ``totals`` with ``outcomes``,
``by_country``, …) plus every other table; national-security figures are range strings.

CSV, three layouts (``--layout``):

- ``ours`` — one line per row of every table. Columns: ``period, from, to, table, row,
  label, demands, accounts, rejected, withdrawn, no_data, redirected, noncontent_only,
  content, pending, percent_disclosed, share, federal``. ``demands`` holds a table's
  first count (requests, documents); national-security lines hold ranges such as
  ``0-499``; a column a table does not have is empty. ``percent_disclosed`` is the share
  of the row's demands answered with any data; ``share`` a row's share of all demands.
- ``google`` — modelled on Google's published CSV: one line per requesting country and
  legal process: ``Period Ending, Country/Region, CLDR Territory Code, Legal Process,
  User Data Requests, Percentage disclosed, Accounts``.
- ``apple`` — modelled on Apple's: one line per requesting country: ``Period,
  Country/Region, Account Requests Received, Accounts Specified in Requests, Requests
  Challenged in Part or Rejected in Full, Requests where Only Non-Content Data
  Provided, Requests where Content Provided, Percentage of Requests where Data Provided``.

Percentages are numbers with one decimal, empty where there is nothing to divide by.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import TypeAlias

from app.jsontypes import JsonObject
from app.report.config import BUCKETS, DISCLOSED
from app.report.figures import CaseRow, Report, TableRow
from app.report.tables import FigureValue

LAYOUTS = ("ours", "google", "apple")
Cell: TypeAlias = str | int | float  # one CSV cell
COUNTING_RULE = "A case counts in the period in which it was received (UTC)."

OUR_COLUMNS = (
    "period",
    "from",
    "to",
    "table",
    "row",
    "label",
    "demands",
    "accounts",
    *BUCKETS,
    "percent_disclosed",
    "share",
    "federal",
)
GOOGLE_COLUMNS = (
    "Period Ending",
    "Country/Region",
    "CLDR Territory Code",
    "Legal Process",
    "User Data Requests",
    "Percentage disclosed",
    "Accounts",
)
APPLE_COLUMNS = (
    "Period",
    "Country/Region",
    "Account Requests Received",
    "Accounts Specified in Requests",
    "Requests Challenged in Part or Rejected in Full",
    "Requests where Only Non-Content Data Provided",
    "Requests where Content Provided",
    "Percentage of Requests where Data Provided",
)


# ------------------------------------------------------------------------------ JSON


def _outcome_json(row: TableRow) -> JsonObject:
    return {
        "demands": row.value("demands"),
        "accounts": row.value("accounts"),
        "outcomes": {b: row.value(b) for b in BUCKETS},
        "percent_disclosed": row.value("percent_disclosed"),
    }


def to_json(report: Report) -> JsonObject:
    """Every figure of the report as plain data (no case ids but those changed since freezing)."""
    return {
        "period": report.period.label,
        "from": report.period.start.isoformat(),
        "to": report.period.end.isoformat(),
        "counting": COUNTING_RULE,
        "generated_at": report.generated_at,
        **_demands_json(report),
        **_apart_json(report),
        **_frozen_json(report),
        "consistent": report.consistent,
    }


def _demands_json(report: Report) -> JsonObject:
    """The demands: totals, by country and legal process, and the groups published of them."""
    total = report.totals()
    secrecy = report.table("secrecy_orders").row("with_order")
    return {
        "totals": {
            "demands": total.value("demands"),
            "accounts": total.value("accounts"),
            "secrecy_orders": total.value("secrecy_orders"),
            "secrecy_orders_federal": total.value("secrecy_orders_federal"),
            "secrecy_order_share": total.value("secrecy_order_share"),
            "emergency": total.value("emergency"),
            "outcomes": {b: total.value(b) for b in BUCKETS},
            "percent_disclosed": total.value("percent_disclosed"),
        },
        "by_country": [
            {"country": r.key, "name": r.label, **_outcome_json(r)}
            for r in report.table("outcomes_by_country").rows
        ],
        "by_legal_process": [
            {"legal_process": r.key, "label": r.label, **_outcome_json(r)}
            for r in report.table("outcomes_by_legal_process").rows
        ],
        "secrecy_orders": {
            "demands": secrecy.value("demands"),
            "share": secrecy.value("share"),
            "federal": secrecy.value("federal"),
        },
        "emergency": _outcome_json(report.table("emergency").row("emergency")),
        # Decisions a senior reviewer recorded over a refusal, named for the reviewers' own records.
        "notes": list(report.notes),
        "enterprise": {
            "seat_threshold": report.seat_threshold,
            **{r.key: _outcome_json(r) for r in report.table("enterprise").rows},
        },
        "content_by_storage": {
            r.key: {"demands": r.value("demands"), "accounts": r.value("accounts")}
            for r in report.table("content_stored_abroad").rows
        },
        "civil": _outcome_json(report.table("civil").row("civil")),
    }


def _apart_json(report: Report) -> JsonObject:
    """What is counted apart from the demands, and our own record of costs."""
    return {
        "national_security": {
            "band": report.config.band,
            **{
                r.key: {"demands": r.value("demands"), "accounts": r.value("accounts")}
                for r in report.table("national_security").rows
            },
        },
        "preservation": {
            "requests": report.figure("preservation", "preservation", "requests").value,
            "accounts": report.figure("preservation", "preservation", "accounts").value,
        },
        "not_data_demands": report.figure("not_data_demands", "not_data_demands", "documents").value,
        # Disclosures made without legal process, apart from the demands (app.disclosure).
        "disclosures": {
            "by_ground": [
                {"ground": r.key, "label": r.label, **{c: r.value(c) for c in r.cells}}
                for r in report.table("disclosures_by_ground").rows
            ],
            "by_country": [
                {"country": r.key, "name": r.label, **{c: r.value(c) for c in r.cells}}
                for r in report.table("disclosures_by_country").rows
            ],
        },
        # Our own record of what complying cost (not in the CSV layouts): one entry per currency.
        "cost_recovery": [c.to_json() for c in report.costs],
    }


def _frozen_json(report: Report) -> JsonObject:
    """The trend, and how the figures stand against the ones frozen for the period."""
    frozen = report.frozen
    return {
        "trend": [
            {
                "period": p.label,
                "demands": p.demands,
                "disclosed": p.disclosed,
                "percent_disclosed": p.percent_disclosed,
                "frozen": p.frozen,
            }
            for p in report.trend
        ],
        "frozen": None
        if frozen is None
        else {"frozen_at": frozen.frozen_at, "frozen_by": frozen.frozen_by, "cases": frozen.cases},
        "changed_since_frozen": [c.case_id for c in report.changed_since_frozen],
        "changes_since_frozen": [
            {"case_id": c.case_id, "reference": c.reference, "change": c.change}
            for c in report.changed_since_frozen
        ],
    }


def to_json_bytes(report: Report) -> bytes:
    return (json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# ------------------------------------------------------------------------------ CSV


def _number(value: FigureValue) -> Cell:
    return "" if value is None else value


def to_csv(report: Report, layout: str = "ours") -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"A CSV layout is one of {', '.join(LAYOUTS)}, not {layout!r}.")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if layout == "ours":
        writer.writerow(OUR_COLUMNS)
        writer.writerows(_ours(report))
    elif layout == "google":
        writer.writerow(GOOGLE_COLUMNS)
        writer.writerows(_google(report))
    else:
        writer.writerow(APPLE_COLUMNS)
        writer.writerows(_apple(report))
    return out.getvalue()


def _ours(report: Report) -> list[list[Cell]]:
    period = report.period
    lines = []
    for table in report.tables:
        first = table.columns[0].key
        for row in table.rows:
            cells = {c: row.cells[c].value for c in row.cells}
            cells["demands"] = cells.get("demands", cells.get(first))
            line: list[Cell] = [period.label, period.start.isoformat(), period.end.isoformat()]
            line += [table.key, row.key, row.label]
            line += [_number(cells.get(c)) for c in OUR_COLUMNS[6:]]
            lines.append(line)
    return lines


def _google(report: Report) -> list[list[Cell]]:
    demands = set(report.table("totals").scope)
    groups: dict[tuple[str, str], list[CaseRow]] = defaultdict(list)
    for row in report.rows:
        if row.case_id in demands:
            groups[row.country, row.process].append(row)
    order = {p.key: n for n, p in enumerate(report.config.processes)}
    lines: list[list[Cell]] = []
    for country, process in sorted(groups, key=lambda k: (k[0], order.get(k[1], len(order)))):
        cases = groups[country, process]
        disclosed = sum(1 for c in cases if c.bucket in DISCLOSED)
        lines.append(
            [
                report.period.end.isoformat(),
                report.config.country_name(country),
                country,
                report.config.process(process).label if process in order else process,
                len(cases),
                round(100.0 * disclosed / len(cases), 1),
                sum(c.accounts for c in cases),
            ]
        )
    return lines


def _apple(report: Report) -> list[list[Cell]]:
    lines: list[list[Cell]] = []
    for row in report.table("outcomes_by_country").rows:
        lines.append(
            [
                report.period.label,
                row.label,
                row.count("demands"),
                row.count("accounts"),
                row.count("rejected"),
                row.count("noncontent_only"),
                row.count("content"),
                _number(row.value("percent_disclosed")),
            ]
        )
    return lines
