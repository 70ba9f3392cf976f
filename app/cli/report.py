"""``demand-desk report``: the transparency report's figures, exports and frozen periods.

    report --period 2026H1 [--format csv|pdf|json] [--layout ours|google|apple] [--out FILE]
           [--seats N] [--live] [--json]
    report freeze --period 2026H1 [--seats N] [--replace --reason "…"]
    report changes --period 2026H1          cases changed since the period was frozen
    report cases --period 2026H1 --table T --row R --column C   the cases behind one figure

Without --out, CSV and JSON go to stdout; a PDF needs --out. A report whose figures do
not reconcile is not written: the command exits 1 naming the cases at fault.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import EXIT_FAILED, EXIT_OK, CliError, Subcommands, add_command, emit, open_desk
from app.report.exports import LAYOUTS
from app.report.figures import Report, ReportError

if TYPE_CHECKING:
    from app.report.service import Reports
    from app.services import Desk


def _reports(desk: Desk) -> Reports:
    from app.services import Services

    return Services(desk).reports


def _summary(report: Report) -> str:
    total = report.totals()
    lines = [
        f"Transparency report {report.period.label} ({report.period.title()}); cases count when received."
    ]
    if report.frozen:
        lines.append(
            f"Frozen on {report.frozen.frozen_at[:10]} by {report.frozen.frozen_by}: published figures."
        )
    lines.append(f"Demands {total.value('demands')}, accounts {total.value('accounts')}.")
    label = report.config.bucket_label
    for row in report.table("outcomes").rows:
        lines.append(f"  {label(row.key):<28} {row.value('demands'):>7}")
    lines.append("By country:")
    for row in report.table("outcomes_by_country").rows:
        lines.append(f"  {row.key:<4} {row.label:<24} {row.value('demands'):>7}")
    if report.changed_since_frozen:
        lines.append(f"Changed since frozen: {', '.join(c.reference for c in report.changed_since_frozen)}")
    for problem in report.problems:
        lines.append(f"PROBLEM: {problem.describe()}")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    if not args.period:
        raise CliError("Say which period: --period 2026H1 (or 2026H2, or FROM..TO).")
    fmt = args.format or ("json" if args.json else None)
    if fmt == "pdf" and not args.out:
        raise CliError("A PDF report needs --out FILE.pdf.")
    out = Path(args.out) if args.out else None
    with open_desk(args) as desk:
        reports = _reports(desk)
        report = reports.build(args.period, seat_threshold=args.seats, live=args.live)
        if fmt is None:
            print(_summary(report))
            return EXIT_FAILED if report.problems else EXIT_OK
        try:
            data = reports.export(report, fmt, out, layout=args.layout)
        except ReportError as exc:
            raise CliError(str(exc)) from None
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        print(f"Wrote the {report.period.label} report ({fmt}) to {out}.", file=sys.stderr)
    return EXIT_OK


def cmd_freeze(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        try:
            report = _reports(desk).freeze(
                args.period, seat_threshold=args.seats, replace=args.replace, reason=args.reason or ""
            )
        except ReportError as exc:
            raise CliError(str(exc)) from None
    frozen = report.frozen
    assert frozen is not None  # noqa: S101 - just frozen
    emit(
        args,
        {
            "period": frozen.period,
            "frozen_at": frozen.frozen_at,
            "frozen_by": frozen.frozen_by,
            "cases": frozen.cases,
            "demands": report.totals().value("demands"),
        },  # fmt: skip
        f"Froze {frozen.period}: {frozen.cases} case(s), {report.totals().value('demands')} demand(s).",
    )
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        report = _reports(desk).build(args.period, trend=False)
    if report.frozen is None:
        raise CliError(f"{report.period.label} is not frozen; freeze it with: report freeze --period ….")
    changes = [{"case_id": c.case_id, "reference": c.reference, "change": c.change}
               for c in report.changed_since_frozen]  # fmt: skip
    text = "\n".join(f"{c['reference']:<18} {c['case_id']}  {c['change']}" for c in changes)
    emit(args, changes, text or f"No case of {report.period.label} changed since it was frozen.")
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        report = _reports(desk).build(args.period, seat_threshold=args.seats, live=args.live, trend=False)
        try:
            ids = report.cases(args.table, args.row, args.column)
        except KeyError:
            tables = ", ".join(t.key for t in report.tables)
            raise CliError(
                f"No figure {args.table}/{args.row}/{args.column}; tables: {tables}. "
                "Rows and columns are the keys of `report --format csv`."
            ) from None
    refs = report.references(ids)
    rows = [{"case_id": i, "reference": r} for i, r in zip(ids, refs, strict=True)]
    emit(args, rows, "\n".join(f"{r['reference']:<18} {r['case_id']}" for r in rows) or "No cases.")
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add the ``report`` command and its sub-commands to the main parser."""
    p = add_command(
        sub, "report", cmd_report, "the transparency report: figures of a period, as csv, json or pdf"
    )
    # Not required here: `report freeze --period P` gives it to the sub-command instead.
    _period_options(p, required=False)
    p.add_argument("--format", choices=["csv", "json", "pdf"], help="write the report in this format")
    p.add_argument(
        "--layout", choices=LAYOUTS, default="ours", help="CSV columns: ours, or like Google's/Apple's"
    )
    p.add_argument("--out", metavar="FILE", help="write here (default for csv/json: stdout)")
    actions = p.add_subparsers(dest="report_action", metavar="freeze|changes|cases")
    q = add_command(
        actions, "freeze", cmd_freeze, "store a period's figures as published; later changes are flagged"
    )
    q.add_argument("--period", required=True, help="2026H1, 2026H2, or FROM..TO")
    q.add_argument("--seats", type=int, help="enterprise seat threshold (default from resources/report)")
    q.add_argument("--replace", action="store_true", help="replace figures frozen before (needs --reason)")
    q.add_argument("--reason")
    q = add_command(actions, "changes", cmd_changes, "cases changed since a period was frozen")
    q.add_argument("--period", required=True)
    q = add_command(actions, "cases", cmd_cases, "the cases counted in one figure")
    _period_options(q)
    q.add_argument("--table", required=True, help="e.g. outcomes_by_country")
    q.add_argument("--row", required=True, help="e.g. US")
    q.add_argument("--column", required=True, help="e.g. demands, content")


def _period_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("--period", required=required, help="2026H1, 2026H2, or FROM..TO (both days counted)")
    p.add_argument("--seats", type=int, help="enterprise seat threshold (default from resources/report)")
    p.add_argument("--live", action="store_true", help="a frozen period: count today's record instead")
