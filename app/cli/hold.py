"""``demand-desk hold``: preservation holds (issue 19).

    hold list [--json]                              every hold, with its state and linked demands
    hold CASE [--json]                              one case's hold
    hold CASE --record                              make the hold intake could not (targets corrected)
    hold CASE --extend DATE --reason TEXT           a renewed request extends it to DATE
    hold CASE --release [--reason TEXT]             the requester no longer needs the data kept

Changing commands name their reviewer (--reviewer, PIN in DEMAND_DESK_PIN) and are audited.
"""

from __future__ import annotations

import argparse
from datetime import date

from app import services
from app.cli.common import EXIT_OK, CliError, add_command, emit, open_desk, parse_date
from app.holds.model import Hold


def _line(hold: Hold, today: date) -> str:
    held = ", ".join(v for _, v in hold.identifiers)
    state = hold.state(today)
    when = f"until {hold.until}" if state == "active" else f"{state} {hold.ended_on(today)}"
    by = f" · asked by {hold.requester}" if hold.requester else ""
    ref = f" ({hold.requester_reference})" if hold.requester_reference else ""
    linked = "".join(f" · demand {d.reference}" for d in hold.linked)
    return f"{hold.reference:<18} {when:<22} {held}{by}{ref}{linked}"


def cmd_hold(args: argparse.Namespace) -> int:
    changes = [flag for flag in ("record", "extend", "release") if getattr(args, flag)]
    if len(changes) > 1:
        raise CliError("Give one of --record, --extend DATE, --release.")
    if args.reason and not (args.extend or args.release):
        raise CliError("--reason goes with --extend or --release.")
    until = parse_date(args.extend, "--extend")
    with open_desk(args) as desk:
        holds = services.Services(desk).holds
        today = holds.today()
        if args.target == "list":
            if changes:
                raise CliError("Name the hold's case to change it: hold CASE --extend … (not 'list').")
            found = holds.holds()
            emit(
                args,
                [h.to_json(today) for h in found],
                "\n".join(_line(h, today) for h in found) or "No preservation holds.",
            )
            return EXIT_OK
        case_id = desk.resolve_case(args.target)
        if args.record:
            hold = holds.record(case_id)
        elif until is not None:
            hold = holds.extend(case_id, until, args.reason or "")
        elif args.release:
            hold = holds.release(case_id, args.reason or "")
        else:
            shown = holds.hold(case_id)
            if shown is None:
                raise CliError(f"{args.target} has no preservation hold.")
            hold = shown
    emit(args, hold.to_json(today), _line(hold, today))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``hold`` command to the main parser."""
    p = add_command(
        sub, "hold", cmd_hold, "preservation holds: list them, or extend or release one case's hold"
    )
    p.add_argument("target", metavar="list|CASE", help="'list' for every hold, or the hold's case")
    p.add_argument("--record", action="store_true", help="make the case's hold from its corrected facts")
    p.add_argument("--extend", metavar="DATE", help="a renewed request extends it to DATE (with --reason)")
    p.add_argument("--release", action="store_true", help="end the hold now (the requester released it)")
    p.add_argument("--reason", help="the renewed request (its letter and date), or why it was released")
