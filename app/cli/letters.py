"""Commands for the letters a decision allows: ``letter``, ``letters``, ``letterhead``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app import services
from app.cli.common import EXIT_OK, CliError, add_command, emit, open_desk
from app.letters.templates import KINDS as LETTER_KINDS

if TYPE_CHECKING:
    from app.letters.service import LetterheadValue, Letters


def _letters(desk: services.Desk) -> Letters:
    return services.Services(desk).letters  # reportlab is loaded only when a letter is made


def cmd_letter(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with open_desk(args) as desk:
        letters = _letters(desk)
        case_id = desk.resolve_case(args.case)
        if args.package:
            letters.package(case_id, out, with_demand=args.with_demand)
            emit(args, {"out": str(out)}, f"Wrote the response package to {out}.")
            return EXIT_OK
        if not args.kind:
            raise CliError("Say which letter: --kind KIND (or --package).")
        letter = letters.issue(case_id, args.kind, out, language=args.language, final=args.final)
    state = "final" if letter.final else "draft"
    emit(args, letter.to_json() | {"out": str(out)}, f"Wrote the {state} {letter.kind} letter to {out}.")
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        letters = _letters(desk)
        case_id = desk.resolve_case(args.case)
        rows = [x.to_json() for x in letters.letters(case_id)]
        allowed = letters.allowed_kinds(case_id)
    lines = [f"{r['id']:>4}  {r['kind']:<18} r{r['revision']}  {r['status']:<6} {r['title']}" for r in rows]
    emit(args, {"letters": rows, "allowed_kinds": allowed}, "\n".join(lines) or "No letters yet.")
    return EXIT_OK


def cmd_letterhead(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        letters = _letters(desk)
        if args.set:
            values: dict[str, LetterheadValue] = {}
            for pair in args.set:
                key, sep, value = pair.partition("=")
                if not sep:
                    raise CliError(f"--set takes KEY=VALUE, not {pair!r}.")
                values[key] = value.split("|") if key in ("address_lines", "payment_lines") else value
            settings = letters.set_letterhead(**values)
        else:
            settings = letters.letterhead_settings()
    shown = {k: v for k, v in settings.items() if k != "logo_png"}
    emit(args, shown, "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``letter``, ``letters`` and ``letterhead`` to the main parser."""
    p = add_command(
        sub, "letter", cmd_letter, "draft a letter from the decision and write its PDF (or the package)"
    )
    p.add_argument("case")
    p.add_argument(
        "--kind",
        choices=LETTER_KINDS,
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument(
        "--final", action="store_true", help="finalise it (stored with its SHA-256; no more edits)"
    )
    p.add_argument("--language", default="en", choices=["en", "de"])
    p.add_argument("--package", action="store_true", help="the final letters in one stamped PDF instead")
    p.add_argument("--with-demand", action="store_true", help="with --package: add the demand itself")
    p = add_command(sub, "letters", cmd_letters, "a case's letters and the kinds its decision allows")
    p.add_argument("case")
    p = add_command(sub, "letterhead", cmd_letterhead, "show or set the letterhead shared by all letters")
    p.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help="address_lines, payment_lines take lines joined by |",
    )
