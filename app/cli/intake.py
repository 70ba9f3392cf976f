"""Commands that bring a demand in and show what is known of it: ``intake``, ``facts``, ``cases``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from app import services
from app.cli.common import EXIT_OK, CliError, Subcommands, add_command, emit, open_desk, parse_date
from app.fsutil import read_regular_file
from app.intake.limits import MAX_PDF_BYTES


def cmd_intake(args: argparse.Namespace) -> int:
    path = Path(args.file)
    received = parse_date(args.received, "--received")  # a wrong day is refused before anything is read
    try:
        untrusted_pdf = read_regular_file(path, MAX_PDF_BYTES)
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}") from exc

    def progress(done: int, total: int, label: str) -> None:
        # Progress goes to stderr only: stdout carries the JSON.
        print(f"{label} ({done}/{total})" if total else label, file=sys.stderr, flush=True)

    with open_desk(args) as desk:
        case_id = desk.intake(untrusted_pdf, path.name, received=received, progress=progress)
        facts = desk.facts(case_id)
        warnings = desk.intake_warnings(case_id)
    text = f"Case {facts['reference']} ({case_id}): {facts['pages']} page(s)."
    emit(args, facts | {"warnings": warnings}, "\n".join([text, *(f"Warning: {w}" for w in warnings)]))
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    changes = (
        _pairs(args.set, "--set", "KEY=VALUE"),
        _pairs(args.add_identifier, "--add-identifier", "KIND=VALUE"),
    )
    with open_desk(args) as desk:
        case_id = desk.resolve_case(args.case)
        if any(
            (args.set, args.add_identifier, args.remove_identifier, args.add_category, args.remove_category)
        ):
            if not (args.reason or "").strip():
                raise CliError("A correction needs --reason: what the served original shows.")
            fix = services.Services(desk).corrections
            # All of them or none: a refused one leaves the case as it was.
            with desk.store.atomic():
                for key, value in changes[0]:
                    fix.set_fact(case_id, key, value, args.reason)
                for kind, value in changes[1]:
                    fix.add_identifier(case_id, kind, value, args.reason)
                for value in args.remove_identifier:
                    fix.remove_identifier(case_id, value, args.reason)
                for category in args.add_category:
                    fix.add_category(case_id, category, args.reason)
                for category in args.remove_category:
                    fix.remove_category(case_id, category, args.reason)
        facts = desk.facts(case_id)
    emit(args, facts, json.dumps(facts, indent=2, ensure_ascii=False))
    return EXIT_OK


def _pairs(items: list[str], flag: str, shape: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CliError(f"{flag} takes {shape}, not {item!r}.")
        pairs.append((key.strip(), value.strip()))
    return pairs


def cmd_cases(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        desk.refresh_due_dates()
        rows = [asdict(c) | {"status": c.status.value} for c in desk.cases()]
    lines = [
        f"{r['reference']:<18} {r['case_id']}  {r['status']:<18} "
        f"due {r['response_due'] or '-':<10} {r['title'] or ''}"
        for r in rows
    ]
    emit(args, rows, "\n".join(lines) if lines else "No cases.")
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add ``intake``, ``facts`` and ``cases`` to the main parser."""
    p = add_command(sub, "intake", cmd_intake, "store a demand PDF as a new case and print its facts")
    p.add_argument("file")
    p.add_argument(
        "--received",
        metavar="YYYY-MM-DD",
        help="the day the demand was served (default today); staleness and receipt periods count from it",
    )
    p = add_command(sub, "facts", cmd_facts, "print a case's facts, or correct them from the served original")
    p.add_argument("case", help="case id (or a unique start of it) or reference")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="correct one fact: instrument and country by name or code ('National Security Letter', "
        "'Germany' or DE), dates as YYYY-MM-DD, signed and emergency yes or no, 'unknown' to clear",
    )
    p.add_argument("--add-identifier", action="append", default=[], metavar="KIND=VALUE")
    p.add_argument("--remove-identifier", action="append", default=[], metavar="VALUE")
    p.add_argument("--add-category", action="append", default=[], metavar="CATEGORY")
    p.add_argument("--remove-category", action="append", default=[], metavar="CATEGORY")
    p.add_argument("--reason", help="what the served original shows (needed for a correction)")
    add_command(sub, "cases", cmd_cases, "list cases")
