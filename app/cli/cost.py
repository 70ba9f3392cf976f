"""``demand-desk cost``: a case's cost recovery (app/costs).

    cost CASE [--json]                           the record: hours by task, amount, decision
    cost CASE --add-hours TASK H                 hours spent on a task the rate table prices
    cost CASE --seek --reason TEXT               seek reimbursement (never on an emergency request
                                                 or a known child-exploitation investigation)
    cost CASE --waive --reason TEXT              waive it
    cost CASE --child-exploitation --reason TEXT mark the case so that it is never charged
    cost CASE --paid DATE                        the reimbursement arrived
    cost CASE --write-off DATE --reason TEXT     it will not be pursued

A changing option needs a reviewer (--reviewer, PIN from $DEMAND_DESK_PIN) and is audited.
Only one change per command, so that a refusal never leaves half of a command done.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import services
from app.cli.common import EXIT_OK, CliError, Subcommands, add_command, emit, open_desk, parse_date
from app.costs.rates import hours_text, money

if TYPE_CHECKING:
    from app.costs.service import CostRecord


def _text(record: CostRecord, reference: str) -> str:
    currency = record.currency or ""
    table = record.jurisdiction or "no rate table"
    lines = [f"Costs of {reference} ({table}, rates {record.rates_version or '-'})"]
    for x in record.lines:
        rate, amount = money(x.rate_cents, currency), money(x.amount_cents, currency)
        lines.append(f"  {x.label:<42} {hours_text(x.centi_hours):>6} h × {rate:>12} = {amount:>14}")
    lines.append(
        f"Amount: {record.total_text()} · {record.decision}"
        + (f" ({record.reason})" if record.reason else "")
    )
    if record.invoice:
        lines.append(
            f"Invoice: {record.invoice.replace('_', ' ')}"
            + (f" on {record.settled_on}" if record.settled_on else "")
        )
    if record.no_charge:
        lines.append(f"Not chargeable: {record.no_charge}.")
    return "\n".join(lines)


def cmd_cost(args: argparse.Namespace) -> int:
    chosen = [
        name
        for name, given in (
            ("--add-hours", args.add_hours),
            ("--seek", args.seek),
            ("--waive", args.waive),
            ("--child-exploitation", args.child_exploitation),
            ("--paid", args.paid),
            ("--write-off", args.write_off),
        )
        if given
    ]
    if len(chosen) > 1:
        raise CliError(f"One change at a time: {' and '.join(chosen)} were given together.")
    with open_desk(args) as desk:
        case_id = desk.resolve_case(args.case)
        costs = services.Services(desk).costs
        if args.add_hours:
            task, hours = args.add_hours
            costs.add_hours(case_id, task, hours)
        elif args.seek:
            costs.seek(case_id, args.reason or "")
        elif args.waive:
            costs.waive(case_id, args.reason or "")
        elif args.child_exploitation:
            costs.mark_child_exploitation(case_id, args.reason or "")
        elif args.paid:
            costs.mark_paid(case_id, parse_date(args.paid, "--paid") or desk.clock().date())
        elif args.write_off:
            costs.write_off(
                case_id, parse_date(args.write_off, "--write-off") or desk.clock().date(), args.reason or ""
            )
        record = costs.record(case_id)
        reference = desk.facts(case_id)["reference"]
    emit(args, record.to_json() | {"reference": reference}, _text(record, reference))
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add the ``cost`` command to the main parser."""
    p = add_command(sub, "cost", cmd_cost, "a case's cost recovery: hours by task, seek or waive, payment")
    p.add_argument("case", help="case id (or a unique start of it) or reference")
    p.add_argument(
        "--add-hours", nargs=2, metavar=("TASK", "H"), help="hours spent on a task (review, search, …)"
    )
    p.add_argument("--seek", action="store_true", help="seek reimbursement (with --reason)")
    p.add_argument("--waive", action="store_true", help="waive the cost (with --reason)")
    p.add_argument(
        "--child-exploitation",
        action="store_true",
        help="mark as a known child-exploitation investigation: never charged (with --reason)",
    )
    p.add_argument("--paid", metavar="DATE", help="the reimbursement was received on this day")
    p.add_argument("--write-off", metavar="DATE", help="the invoice will not be pursued (with --reason)")
    p.add_argument("--reason", help="why: kept with the case and in the audit trail")
