"""``demand-desk disclosure``: disclosures made without legal process (issue 19).

    disclosure new --ground G --to AUTHORITY [--identifier KIND=VALUE …] [--category C …]
                   [--justification TEXT] [--date YYYY-MM-DD] [--country CC]
                   [--made-before-approval] [--document FILE.pdf] [--json]
    disclosure approve CASE --reviewer NAME     a second reviewer (PIN from $DEMAND_DESK_PIN)
    disclosure show CASE [--json]
    disclosure grounds [--json]                  the grounds the policy pack lists

The grounds are the pack's (resources/policy/disclosure_grounds.toml), not argparse
choices, so a ground the pack does not list is refused by the one rule in
``app.disclosure.service`` with the list of those it does.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app import services
from app.cli.common import (
    EXIT_OK,
    CliError,
    Subcommands,
    acting_reviewer,
    add_command,
    add_group,
    emit,
    open_desk,
    parse_date,
)
from app.disclosure.service import Disclosure, Disclosures
from app.fsutil import read_regular_file
from app.intake.limits import MAX_PDF_BYTES


def _disclosures(desk: services.Desk) -> Disclosures:
    return services.Services(desk).disclosures


def _text(found: Disclosure) -> str:
    lines = [
        f"Case {found.reference} ({found.case_id}): {found.ground_label}",
        f"  to {found.recipient}" + (f" ({found.recipient_country})" if found.recipient_country else ""),
        f"  on {found.disclosed_on}; recorded by {found.recorded_by}; "
        + (f"approved by {found.approved_by}" if found.approved_by else "awaiting approval"),
        f"  notice: {found.notice}",
    ]
    return "\n".join(lines + [f"  FLAG: {f}" for f in found.flags])


def cmd_new(args: argparse.Namespace) -> int:
    received = parse_date(args.date, "--date")
    document = None
    if args.document:
        path = Path(args.document)
        try:
            document = (path.name, read_regular_file(path, MAX_PDF_BYTES))
        except OSError as exc:
            raise CliError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    with open_desk(args) as desk:
        service = _disclosures(desk)
        case_id = service.record(
            args.ground,
            args.to or "",
            identifiers=args.identifier,
            categories=args.category,
            justification=args.justification or "",
            disclosed_on=received,
            country=args.country,
            made_before_approval=args.made_before_approval,
            document=document,
        )
        found = service.get(case_id)
    if found is None:  # recorded just now, in one transaction: never expected
        raise CliError(f"The disclosure {case_id} was recorded but cannot be read back.")
    emit(args, found.to_json(), _text(found))
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    if not acting_reviewer(args):
        raise CliError(
            "Name the approving reviewer: disclosure approve CASE --reviewer NAME "
            "(PIN from $DEMAND_DESK_PIN)."
        )
    with open_desk(args) as desk:  # signs the approver in with their own PIN
        found = _disclosures(desk).approve_signed_in(desk.resolve_case(args.case))
    emit(args, found.to_json(), _text(found))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        found = _disclosures(desk).get(desk.resolve_case(args.case))
    if found is None:
        raise CliError(f"{args.case} is a demand, not a disclosure without legal process.")
    emit(args, found.to_json(), _text(found))
    return EXIT_OK


def cmd_grounds(args: argparse.Namespace) -> int:
    from app.disclosure.grounds import shipped_grounds

    grounds = shipped_grounds()
    data = [
        {
            "ground": g.key,
            "label": g.label,
            "emergency": g.emergency,
            "after_the_fact": g.after_the_fact,
            "notice_exception": g.notice_exception,
            "countries": list(g.countries),
        }
        for g in grounds.grounds
    ]
    emit(args, data, "\n".join(f"{g.key:<14} {g.label}" for g in grounds.grounds))
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add the ``disclosure`` command group to the main parser."""
    group = add_group(sub, "disclosure", "disclosures made without legal process (NCMEC, emergencies, …)")
    p = add_command(
        group, "new", cmd_new, "record a disclosure made without legal process, for a second reviewer"
    )
    p.add_argument("--ground", help="the policy's ground (see `disclosure grounds`), e.g. ncmec, emergency")
    p.add_argument("--to", metavar="AUTHORITY", help="to whom the data was disclosed")
    p.add_argument("--identifier", action="append", default=[], metavar="KIND=VALUE", help="an account")
    p.add_argument("--category", action="append", default=[], metavar="CATEGORY", help="e.g. ip_history")
    p.add_argument("--justification", metavar="TEXT", help="why it had to leave without legal process")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was made (default today)")
    p.add_argument("--country", metavar="CC", help="the recipient's country (default from the ground)")
    p.add_argument(
        "--made-before-approval",
        action="store_true",
        help="a genuine emergency: it went out before a second reviewer approved (flagged)",
    )
    p.add_argument("--document", metavar="FILE.pdf", help="a supporting PDF, kept encrypted")
    p = add_command(
        group, "approve", cmd_approve, "approve a disclosure as --reviewer NAME, a second reviewer"
    )
    p.add_argument("case")
    p = add_command(group, "show", cmd_show, "print a disclosure without legal process")
    p.add_argument("case")
    add_command(group, "grounds", cmd_grounds, "the grounds the policy pack lists")
