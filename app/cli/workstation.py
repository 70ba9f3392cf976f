"""Commands for the workstation itself: ``init``, ``settings`` and ``passphrase change``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import keys, organisation, services
from app.cli.common import (
    EXIT_OK,
    CliError,
    Subcommands,
    add_command,
    add_group,
    emit,
    need_secret,
    open_desk,
    secret,
)
from app.cli.schedule import open_schedule
from app.model import KeyStorage


def cmd_init(args: argparse.Namespace) -> int:
    storage = args.key_storage
    passphrase = secret("DEMAND_DESK_PASSPHRASE", "Choose a workstation passphrase: ")
    if storage == "auto":
        storage = "keyring" if keys.keyring_available() and not passphrase else "passphrase"
    reviewer = args.reviewer or _input("First reviewer's name: ")
    workstation = args.workstation or _input("Workstation name: ")
    pin = need_secret("DEMAND_DESK_PIN", f"PIN for {reviewer}: ", "The first reviewer's PIN")
    desk = services.set_up(
        args.root,
        workstation=workstation,
        reviewer=reviewer,
        pin=pin,
        passphrase=passphrase,
        key_storage=KeyStorage(storage),
    )
    desk.close()
    emit(
        args,
        {
            "data_dir": str(args.root.root),
            "workstation": workstation,
            "reviewer": reviewer,
            "key_storage": storage,
        },
        f"Set up {workstation} in {args.root.root} (key kept by {storage}); reviewer {reviewer}.",
    )
    return EXIT_OK


def _input(prompt: str) -> str:
    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError(f"{prompt.rstrip(': ')} is needed (pass it as an option).")
    return input(prompt)


SETTINGS = (
    "idle_lock_minutes",
    "secrecy_reconsider_days",
    "sync_folder",
    "sync_every_minutes",
    "provider_entities",
    "ocr_seconds_per_page",
)


def cmd_settings(args: argparse.Namespace) -> int:
    from app.bundle import prefs as sync_prefs

    with open_desk(args) as desk:
        schedule = open_schedule(desk)
        for pair in args.set or []:
            key, sep, value = pair.partition("=")
            if not sep or key not in SETTINGS:
                raise CliError(f"--set takes one of {', '.join(SETTINGS)} as KEY=VALUE, not {pair!r}.")
            sync = sync_prefs.prefs(desk)
            if key == "sync_folder":  # empty: no shared folder (and so no automatic sync)
                folder = Path(value).expanduser().absolute() if value else None
                sync_prefs.set_prefs(desk, folder, sync.every_minutes if folder else 0)
                continue
            if key == "provider_entities":  # "A LLC; B Ltd": names may hold commas, not semicolons
                organisation.set_entities(desk, organisation.split_entities(value))
                continue
            try:
                number = int(value)
            except ValueError:
                raise CliError(f"{key} is a whole number, not {value!r}.") from None
            if key == "idle_lock_minutes":
                desk.set_idle_lock_minutes(number)
            elif key == "ocr_seconds_per_page":
                desk.set_ocr_seconds_per_page(number)
            elif key == "sync_every_minutes":
                sync_prefs.set_prefs(desk, sync.folder, number)
            else:
                schedule.set_reconsider_days(number)
        sync = sync_prefs.prefs(desk)
        entities = list(desk.provider_entities())
        data = {
            "idle_lock_minutes": desk.idle_lock_minutes(),
            "secrecy_reconsider_days": schedule.reconsider_days,
            "sync_folder": str(sync.folder) if sync.folder else None,
            "sync_every_minutes": sync.every_minutes,
            "provider_entities": entities,
            "ocr_seconds_per_page": desk.ocr_seconds_per_page(),
        }
    shown = {**data, "provider_entities": f"{organisation.ENTITY_SEPARATOR} ".join(entities)}
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return EXIT_OK


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    old = need_secret("DEMAND_DESK_PASSPHRASE", "Current passphrase: ", "The current passphrase")
    new = need_secret("DEMAND_DESK_NEW_PASSPHRASE", "New passphrase: ", "The new passphrase")
    services.change_passphrase(args.root, old, new)
    emit(args, {"changed": True}, "Passphrase changed; the case store was not re-encrypted.")
    return EXIT_OK


def register_init(sub: Subcommands) -> None:
    """Add ``init`` to the main parser."""
    p = add_command(sub, "init", cmd_init, "set up a new data directory")
    p.add_argument("--workstation", help="this workstation's name")
    p.add_argument("--key-storage", choices=["auto", "keyring", "passphrase"], default="auto")


def register_settings(sub: Subcommands) -> None:
    """Add ``settings`` to the main parser."""
    p = add_command(
        sub,
        "settings",
        cmd_settings,
        "settings: auto-lock, secrecy-order review cycle, sync folder, the provider's legal entities",
    )
    p.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help=", ".join(SETTINGS)
        + f"; provider_entities takes the names separated by '{organisation.ENTITY_SEPARATOR}'",
    )


def register_passphrase(sub: Subcommands) -> None:
    """Add ``passphrase change`` to the main parser."""
    group = add_group(sub, "passphrase", "the workstation passphrase")
    add_command(
        group,
        "change",
        cmd_passphrase_change,
        "re-wrap the key (old from $DEMAND_DESK_PASSPHRASE, new from $DEMAND_DESK_NEW_PASSPHRASE)",
    )
