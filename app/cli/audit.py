"""Commands for the audit trail: ``audit verify`` and ``audit show``."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.cli.common import EXIT_FAILED, EXIT_OK, add_command, add_group, emit, open_desk


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        report = desk.verify_audit()
    if report.ok:
        emit(args, asdict(report), f"Audit trail whole: {report.events} events, and the case tables agree.")
        return EXIT_OK
    lines = report.lines()
    text = f"Audit trail does not verify ({len(lines)} problem(s)):\n" + "\n".join(f"  - {x}" for x in lines)
    emit(args, asdict(report), text)
    return EXIT_FAILED


def cmd_audit_show(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        case_id = desk.resolve_case(args.case) if args.case else None
        events = [asdict(e) for e in desk.audit_trail(case_id)]
    lines = [
        f"{e['seq']:>5} {e['at']} {e['reviewer']:<12} {e['action']:<20} {e['case_id'] or ''}" for e in events
    ]
    emit(args, events, "\n".join(lines))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit verify`` and ``audit show`` to the main parser."""
    trail = add_group(sub, "audit", "the audit trail")
    add_command(
        trail,
        "verify",
        cmd_audit_verify,
        "check the hash chain and replay it against the case tables; exit 1 naming every problem",
    )
    p = add_command(trail, "show", cmd_audit_show, "print the trail, or one case's")
    p.add_argument("case", nargs="?")
