"""What every command shares: the desk it opens, how it prints, dates, secrets, exit codes.

The command line is a public contract (DESIGN.md, "Command line"): JSON with --json,
messages on stderr, exit 0 on success, 1 when the action could not be done, 2 on a
usage error. Headless use never prompts when DEMAND_DESK_PASSPHRASE (and, where a PIN
is needed, DEMAND_DESK_PIN) are set.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeAlias

from app import services
from app.datadir import DataDir
from app.model import KeyStorage

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]
# A group of subcommands, as ``add_subparsers`` returns it.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliError(Exception):
    """A command could not be done: ``main`` prints the message and exits 1, no traceback."""


def secret(env: str, prompt: str) -> str | None:
    """A secret from the environment, else asked in a terminal; None when neither can give it."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def need_secret(env: str, prompt: str, what: str) -> str:
    """Like :func:`secret`, but a missing one refuses the command, saying how to give it."""
    value = secret(env, prompt)
    if not value:
        raise CliError(f"{what} is needed: set {env} or run in a terminal.")
    return value


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """Print a command's result: ``data`` as JSON with --json, else ``text`` for people."""
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text)


def acting_reviewer(args: argparse.Namespace) -> str | None:
    """The reviewer a command acts as: --reviewer, else $DEMAND_DESK_REVIEWER; nobody by default."""
    return getattr(args, "reviewer", None) or os.environ.get("DEMAND_DESK_REVIEWER") or None


def parse_date(text: str | None, what: str) -> date | None:
    """An option's ISO date (None when not given); a wrong one is refused naming the option."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{what} is a date like 2026-12-31, not {text!r}.") from None


def unlock(args: argparse.Namespace) -> services.Desk:
    """Unlock the data directory and sign the named reviewer in with their PIN.

    With no reviewer named the store is open for reading only: any change refuses
    (``Desk.actor`` raises), so no command acts as anyone by default.
    """
    root: DataDir = args.root
    config = root.read_config()
    passphrase = os.environ.get("DEMAND_DESK_PASSPHRASE") or None
    if passphrase is None and config.key_storage is KeyStorage.PASSPHRASE:
        passphrase = need_secret("DEMAND_DESK_PASSPHRASE", "Workstation passphrase: ", "The passphrase")
    desk = services.unlock(root, passphrase=passphrase)
    try:
        reviewer = acting_reviewer(args)
        if reviewer:
            pin = need_secret("DEMAND_DESK_PIN", f"PIN for {reviewer}: ", "The reviewer's PIN")
            desk.sign_in(reviewer, pin)
    except BaseException:
        desk.close()
        raise
    return desk


@contextmanager
def open_desk(args: argparse.Namespace) -> Iterator[services.Desk]:
    """``with open_desk(args) as desk:`` — unlocked for the command, closed after it."""
    desk = unlock(args)
    try:
        yield desk
    finally:
        desk.close()


def add_command(group: Subcommands, name: str, func: Command, help_: str) -> argparse.ArgumentParser:
    """Add one command to a group of subcommands, with the options every command takes."""
    p: argparse.ArgumentParser = group.add_parser(name, help=help_, description=help_)
    p.add_argument("--json", action="store_true", help="print JSON")
    # Also accepted after the command; SUPPRESS keeps the global value when absent.
    p.add_argument("--reviewer", default=argparse.SUPPRESS, help="act as this reviewer")
    p.set_defaults(func=func)
    return p


def add_group(sub: Subcommands, name: str, help_: str) -> Subcommands:
    """A command that only groups others (``reviewer add``, ``audit verify``, …): its subcommands."""
    return sub.add_parser(name, help=help_).add_subparsers(dest="action", required=True)
