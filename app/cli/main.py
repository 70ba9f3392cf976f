"""The command line: ``demand-desk`` opens the window; subcommands work headless.

``build_parser`` assembles the parser from the command modules, each adding its own
commands; ``main`` runs the one asked for and turns its failures into the exit codes and
messages of the contract (DESIGN.md, "Command line"; see ``app.cli.common``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import datadir, services
from app.cli.common import EXIT_FAILED, CliError, Subcommands
from app.cli.launch import VersionAction, display_missing, harden_process, run_worker, split_bundle
from app.datadir import DataDirError
from app.intake.pdf import IntakeError
from db import describe_failure


def build_parser() -> argparse.ArgumentParser:
    """The whole parser: the global options, then every command."""
    parser = argparse.ArgumentParser(
        prog="demand-desk",
        description="Review government demands for customer data. With no command, opens the window.",
    )
    parser.add_argument("--data-dir", help="data directory (default: $DEMAND_DESK_HOME or the user data dir)")
    parser.add_argument(
        "--reviewer",
        help="act as this reviewer (default $DEMAND_DESK_REVIEWER; PIN from $DEMAND_DESK_PIN); "
        "a command that changes anything needs one",
    )
    parser.add_argument("--demo-if-empty", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action=VersionAction, help="print the version and exit")
    _add_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def _add_commands(sub: Subcommands) -> None:
    # Imported here, not at the top: a reader process started through main (--worker) needs none.
    from app.cli import (
        audit,
        cost,
        disclosure,
        hold,
        intake,
        letters,
        report,
        review,
        reviewers,
        schedule,
        sync,
        workstation,
    )

    # In the order `--help` lists them, which is part of what users see.
    workstation.register_init(sub)
    intake.register(sub)
    review.register(sub)
    reviewers.register(sub)
    audit.register(sub)
    letters.register(sub)
    schedule.register_deadlines(sub)
    workstation.register_settings(sub)
    schedule.register_notices(sub)
    review.register_directory(sub)
    report.register(sub)
    workstation.register_passphrase(sub)
    sync.register(sub)
    hold.register(sub)
    disclosure.register(sub)  # issue 19: disclosures without legal process
    cost.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``demand-desk`` with these arguments (default: the process's); the exit code."""
    harden_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"] and len(argv) == 2:  # frozen builds start reader processes this way
        return run_worker(argv[1])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    bundle, argv = split_bundle(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.root = datadir.resolve(args.data_dir)
    if args.command is None:
        if display_missing():
            hint = f" (`demand-desk bundle import {bundle}` imports the bundle)" if bundle else ""
            print(
                f"demand-desk: no display to open the window on; use a subcommand{hint} (see --help).",
                file=sys.stderr,
            )
            return EXIT_FAILED
        from ui.main import run_gui  # Qt is imported only when the window is wanted

        # A bundle opened from the file manager is imported once the workstation is unlocked.
        bundles = [Path(bundle).resolve()] if bundle else []
        return run_gui(args.root, demo_if_empty=args.demo_if_empty, bundles=bundles)
    try:
        return int(args.func(args))
    except services.NotSignedInError:
        print(
            "demand-desk: this command changes the store, so it needs a reviewer: pass --reviewer NAME "
            "(or set DEMAND_DESK_REVIEWER) with that reviewer's PIN in DEMAND_DESK_PIN.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except (CliError, services.DeskError, DataDirError, IntakeError) as exc:
        print(f"demand-desk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a full disk, a vanished folder: say so, no traceback
        print(f"demand-desk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        said = describe_failure(exc)  # the database engine's own failures, in words
        if said is None:
            raise
        print(f"demand-desk: {said}", file=sys.stderr)
        return EXIT_FAILED
