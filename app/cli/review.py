"""Commands of the review: ``assess``, ``answer``, ``case-fact``, ``decide``, ``approve``, and
``directory import`` for the authorities a demand is checked against."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

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
)
from app.fsutil import read_regular_file
from app.review.model import ANSWERS, DECISION_OUTCOMES

if TYPE_CHECKING:
    from app.review.service import Review


def _review(desk: services.Desk) -> Review:
    return services.Services(desk).review  # the policy pack is loaded only when a case is reviewed


def cmd_assess(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        found = _review(desk).assess(desk.resolve_case(args.case))
    rec = found.recommendation
    lines = [f"{a.answer:<15} {a.id}" + (f"  ({a.note})" if a.note else "") for a in found.answers]
    lines.append(
        f"Recommended: {rec.outcome}" + (f" because {', '.join(rec.reasons)}" if rec.reasons else "")
    )
    emit(args, found.to_json(), "\n".join(lines))
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        answer = _review(desk).answer(desk.resolve_case(args.case), args.item, args.answer, args.reason or "")
    emit(
        args,
        {"id": answer.id, "answer": answer.answer, "source": answer.source},
        f"{answer.id}: {answer.answer}",
    )
    return EXIT_OK


def cmd_case_fact(args: argparse.Namespace) -> int:
    from app.review.service import CONTEXT_KEYS

    kind = CONTEXT_KEYS.get(args.key)
    if kind is None:
        raise CliError(f"Unknown case fact {args.key!r}; known: {', '.join(sorted(CONTEXT_KEYS))}.")
    raw = args.value
    value: bool | int | str | None
    if raw in ("", "none", "unknown"):
        value = None
    elif kind is bool:
        if raw.lower() not in ("yes", "no", "true", "false"):
            raise CliError(f"{args.key} is yes or no.")
        value = raw.lower() in ("yes", "true")
    elif kind is int:
        try:
            value = int(raw)
        except ValueError:
            raise CliError(f"{args.key} is a whole number.") from None
    else:
        value = raw
    with open_desk(args) as desk:
        _review(desk).set_context(desk.resolve_case(args.case), args.key, value, args.reason or "")
    emit(args, {"key": args.key, "value": value}, f"{args.key} = {value}")
    return EXIT_OK


MAX_SCOPE_BYTES = 1 << 20  # a scope lists a few identifiers, categories and dates


def cmd_decide(args: argparse.Namespace) -> int:
    scope = None
    if args.scope_json:
        try:
            raw = read_regular_file(Path(args.scope_json), MAX_SCOPE_BYTES)
            scope = json.loads(raw.decode("utf-8"))
        except OSError as exc:
            raise CliError(f"Cannot read {args.scope_json}: {exc.strerror or exc}") from exc
        except (ValueError, RecursionError) as exc:
            raise CliError(f"{args.scope_json} is not JSON (or nests too deep): {exc}") from exc
        if not isinstance(scope, dict):
            raise CliError(
                f"{args.scope_json} must hold a JSON object with identifiers, categories, date_range."
            )
    with open_desk(args) as desk:
        decision = _review(desk).decide(
            desk.resolve_case(args.case),
            args.outcome,
            args.reason or [],
            scope,
            override_reason=args.override_reason or "",
        )
    state = "awaiting approval by a second reviewer" if decision.needs_approval else "decided"
    emit(args, decision.to_json(), f"Revision {decision.revision}: {decision.outcome} ({state}).")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    if not acting_reviewer(args):
        raise CliError(
            "Name the approving reviewer: approve CASE --reviewer NAME (PIN from $DEMAND_DESK_PIN)."
        )
    with open_desk(args) as desk:  # signs the approver in with their own PIN
        decision = _review(desk).approve_signed_in(desk.resolve_case(args.case))
    emit(args, decision.to_json(), f"Revision {decision.revision} approved by {decision.approved_by}.")
    return EXIT_OK


def cmd_directory_import(args: argparse.Namespace) -> int:
    from app.review.service import import_directory

    with open_desk(args) as desk:
        added = import_directory(desk, Path(args.file))
    emit(
        args, {"added": added}, f"{added} new authorit{'y' if added == 1 else 'ies'} added to the directory."
    )
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add ``assess``, ``answer``, ``case-fact``, ``decide`` and ``approve`` to the main parser."""
    p = add_command(sub, "assess", cmd_assess, "the checklist's answers and the recommended outcome")
    p.add_argument("case")
    p = add_command(
        sub, "answer", cmd_answer, "confirm or override a checklist item (an override needs --reason)"
    )
    p.add_argument("case")
    p.add_argument("item", help="item id, e.g. validity.signed")
    p.add_argument("answer", choices=ANSWERS)
    p.add_argument("--reason")
    p = add_command(
        sub, "case-fact", cmd_case_fact, "record what the scan cannot tell (enterprise customer, …)"
    )
    p.add_argument("case")
    p.add_argument("key")
    p.add_argument("value", help="yes/no, a number, text, or 'unknown' to forget it")
    p.add_argument("--reason")
    p = add_command(
        sub, "decide", cmd_decide, "record the decision (disclosing needs a second reviewer's approval)"
    )
    p.add_argument("case")
    p.add_argument(
        "--outcome",
        required=True,
        choices=DECISION_OUTCOMES,
    )
    p.add_argument("--reason", action="append", metavar="ITEM", help="a checklist item the decision rests on")
    p.add_argument("--scope-json", metavar="FILE", help="the scope disclosed (default: the recommended one)")
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="a senior reviewer records a refused decision anyway, for this reason (audited)",
    )
    p = add_command(
        sub,
        "approve",
        cmd_approve,
        "approve a decision as --reviewer NAME, a second reviewer (PIN from $DEMAND_DESK_PIN)",
    )
    p.add_argument("case")


def register_directory(sub: Subcommands) -> None:
    """Add ``directory import`` to the main parser."""
    directory = add_group(sub, "directory", "the directory of requesting authorities")
    p = add_command(
        directory,
        "import",
        cmd_directory_import,
        "add authorities from a CSV (same columns as the shipped one)",
    )
    p.add_argument("file")
