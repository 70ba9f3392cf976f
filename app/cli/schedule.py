"""Commands for dates and duties: ``today``, ``deadlines ics``, ``deadline``, ``secrecy``,
``notice given|withhold`` and ``notices due``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import services
from app.cli.common import EXIT_OK, CliError, add_command, add_group, emit, open_desk, parse_date
from app.display_language import ENGLISH
from app.fsutil import write_atomic

if TYPE_CHECKING:
    from app.schedule.service import Schedule


def cmd_notices_due(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        due = [n.to_json() for n in open_schedule(desk).notices_due()]
    lines = [f"{n['due_on']}  {n['reference']:<18} {n['kind']} notice to the {n['recipient']}" for n in due]
    emit(args, due, "\n".join(lines) or "No notices due.")
    return EXIT_OK


def open_schedule(desk: services.Desk) -> Schedule:
    """The schedule service every date command (and ``settings``) works through."""
    desk.refresh_due_dates()  # dates counted with an older holiday calendar move first
    return services.Services(desk).schedule


def cmd_today(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        today = open_schedule(desk).today(parse_date(args.date, "--date"), ENGLISH)
    lines = []
    for title, items in today.sections(ENGLISH):
        lines.append(f"{title}: {len(items) or 'nothing'}")
        lines += [f"  {i.on}  {i.reference:<18} {i.label}" for i in items]
    emit(args, today.to_json(), "\n".join(lines))
    return EXIT_OK


def cmd_deadlines_ics(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with open_desk(args) as desk:
        data = open_schedule(desk).calendar(parse_date(args.date, "--date"))
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, data)
        desk.record("calendar.exported", None, {"file": out.name})
    emit(args, {"out": str(out)}, f"Wrote {out} (references and dates only).")
    return EXIT_OK


def cmd_notice_given(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        on = parse_date(args.on, "--on") or desk.clock().date()
        open_schedule(desk).record_notice_given(desk.resolve_case(args.case), args.how, on, args.recipient)
    emit(args, {"given": on.isoformat()}, f"Notice recorded as given on {on}.")
    return EXIT_OK


def cmd_notice_withhold(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        open_schedule(desk).record_notice_exception(
            desk.resolve_case(args.case), args.kind, args.reason, args.recipient
        )
    emit(args, {"withheld": args.kind}, f"Notice withheld ({args.kind}).")
    return EXIT_OK


def cmd_secrecy(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        schedule = open_schedule(desk)
        case_id = desk.resolve_case(args.case)
        if args.record:
            if bool(args.until) == args.until_further_order:
                raise CliError("With --record, give --until DATE or --until-further-order.")
            schedule.record_order(
                case_id,
                issued=_needed_date(args.record, "--record"),
                expires=parse_date(args.until, "--until") if args.until else None,
                statute=args.statute or "",
                reason=args.reason or "",
            )
        if args.covers:
            schedule.set_covers(case_id, args.covers)
        if args.extend:
            schedule.extend_order(case_id, _needed_date(args.extend, "--extend"), args.reason or "")
        if args.lifted:
            schedule.lift_order(case_id, _needed_date(args.lifted, "--lifted"))
        if args.challenged:
            schedule.record_challenge(
                case_id,
                _needed_date(args.challenged, "--challenged"),
                args.outcome or "",
                succeeded=args.succeeded,
            )
        if args.reconsidered:
            schedule.record_reconsidered(
                case_id, _needed_date(args.reconsidered, "--reconsidered"), args.reason or ""
            )
        order = schedule.secrecy_order(case_id)
    data = (
        None
        if order is None
        else {
            "covers": order.covers,
            "expires": order.expires.isoformat() if order.expires else None,
            "extensions": [[e.new_expiry.isoformat(), e.reason] for e in order.extensions],
            "open_ended": order.open_ended,
            "lifted_on": order.lifted_on.isoformat() if order.lifted_on else None,
            "challenged_on": order.challenged_on.isoformat() if order.challenged_on else None,
        }
    )
    emit(args, data, json.dumps(data, indent=2) if data else "No secrecy order.")
    return EXIT_OK


def _needed_date(text: str | None, what: str) -> date:
    """A date the action needs: refused, naming the option, when it is missing or malformed."""
    day = parse_date(text, what)
    if day is None:
        raise CliError(f"Give {what} DATE.")
    return day


def cmd_deadline(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        schedule = open_schedule(desk)
        case_id = desk.resolve_case(args.case)
        if args.action_ == "extend":
            schedule.extend_deadline(case_id, _needed_date(args.to, "--to"), args.reason or "")
        elif args.action_ == "pause":
            schedule.pause_deadline(case_id, args.reason or "")
        elif args.action_ == "resume":
            schedule.resume_deadline(case_id)
        due = schedule.response_due(case_id)
    emit(args, {"response_due": due.isoformat() if due else None}, f"Response due {due or 'not stated'}.")
    return EXIT_OK


def register_deadlines(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``today``, ``deadlines ics``, ``deadline`` and ``secrecy`` to the main parser."""
    p = add_command(
        sub, "today", cmd_today, "what needs a reviewer: deadlines, notices, secrecy orders, approvals"
    )
    p.add_argument("--date", help="as of this date (default: today)")
    deadlines = add_group(sub, "deadlines", "response deadlines")
    p = add_command(
        deadlines,
        "ics",
        cmd_deadlines_ics,
        "write an iCalendar file of due dates and expiries (references only)",
    )
    p.add_argument("--out", required=True, metavar="deadlines.ics")
    p.add_argument("--date", help=argparse.SUPPRESS)
    p = add_command(sub, "deadline", cmd_deadline, "extend, pause or resume a case's response deadline")
    p.add_argument("case")
    p.add_argument(
        "action_", choices=["show", "extend", "pause", "resume"], metavar="show|extend|pause|resume"
    )
    p.add_argument("--to", help="extend: the new due date")
    p.add_argument("--reason")
    _register_secrecy(sub)


def _register_secrecy(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub, "secrecy", cmd_secrecy, "a case's secrecy order: whom it covers, extensions, lifting, challenge"
    )
    p.add_argument("case")
    p.add_argument(
        "--record", metavar="ISSUED", help="an order intake missed, issued on this date (with --reason)"
    )
    p.add_argument("--until", metavar="DATE", help="with --record: the day the order ends")
    p.add_argument("--until-further-order", action="store_true", help="with --record: open-ended")
    p.add_argument("--statute", help="with --record: e.g. 18 U.S.C. § 2705(b)")
    p.add_argument("--covers", choices=["user", "enterprise", "both"])
    p.add_argument("--extend", metavar="DATE", help="extended to this date (with --reason)")
    p.add_argument("--lifted", metavar="DATE")
    p.add_argument("--challenged", metavar="DATE")
    p.add_argument("--outcome", help="with --challenged: how the challenge ended")
    p.add_argument(
        "--succeeded", action="store_true", help="with --challenged: the court set the order aside that day"
    )
    p.add_argument("--reconsidered", metavar="DATE")
    p.add_argument("--reason")


def register_notices(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``notice given|withhold`` and ``notices due`` to the main parser."""
    notice = add_group(sub, "notice", "record a notice given or withheld")
    p = add_command(notice, "given", cmd_notice_given, "record that notice was given")
    p.add_argument("case")
    p.add_argument("--how", required=True, help="e-mail, letter, admin console, …")
    p.add_argument("--on", metavar="DATE")
    p.add_argument("--recipient", choices=["user", "enterprise"], default="user")
    p = add_command(
        notice, "withhold", cmd_notice_withhold, "record an exception: notice is withheld, with the reason"
    )
    p.add_argument("case")
    p.add_argument("--kind", required=True, choices=["danger", "child_exploitation", "compromised_account"])
    p.add_argument("--reason", required=True)
    p.add_argument("--recipient", choices=["user", "enterprise"], default="user")
    notices = add_group(sub, "notices", "notices to users and enterprise customers")
    add_command(
        notices,
        "due",
        cmd_notices_due,
        "notices due today or overdue (delayed notices after a secrecy order)",
    )
