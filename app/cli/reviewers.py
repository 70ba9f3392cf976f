"""Commands for the roster of reviewers: ``reviewer add|remove|role|pin|list``.

Changing the roster takes two people's consent where two are involved: the administrator
named by --reviewer (PIN in DEMAND_DESK_PIN), and for ``add`` the new reviewer, who
chooses their own PIN (DEMAND_DESK_NEW_PIN).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app import services
from app.cli.common import EXIT_OK, Subcommands, add_command, add_group, emit, need_secret, open_desk
from app.jsontypes import JsonObject
from app.model import Reviewer
from app.reviewers import Role


def cmd_reviewer_add(args: argparse.Namespace) -> int:
    # Two people: the administrator named by --reviewer (PIN in DEMAND_DESK_PIN) and the new
    # reviewer, who chooses their own PIN (DEMAND_DESK_NEW_PIN).
    new_pin = need_secret("DEMAND_DESK_NEW_PIN", f"{args.name}'s own PIN: ", "The new reviewer's own PIN")
    role = "senior" if args.senior else args.role
    with open_desk(args) as desk:
        known = desk.reviewer_record(args.name)
        added = desk.add_reviewer(args.name, new_pin, role=role, admin_pin=_admin_pin(args, desk))
    done = (
        f"{added.name} ({added.role.label.lower()}, from the team's roster) may now sign in here."
        if known is not None and not known.pin_here
        else f"Added {added.role.label.lower()} {added.name}."
    )
    emit(args, _reviewer_json(added), done)
    return EXIT_OK


def cmd_reviewer_remove(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        desk.remove_reviewer(args.name, admin_pin=_admin_pin(args, desk))
    emit(args, {"removed": args.name}, f"Removed {args.name}; what they did stays in the record.")
    return EXIT_OK


def cmd_reviewer_role(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        changed = desk.set_role(args.name, args.role, admin_pin=_admin_pin(args, desk))
    emit(args, _reviewer_json(changed), f"{changed.name} is now a {changed.role.label.lower()}.")
    return EXIT_OK


def cmd_reviewer_pin(args: argparse.Namespace) -> int:
    new_pin = need_secret("DEMAND_DESK_NEW_PIN", "New PIN: ", "The new PIN")
    with open_desk(args) as desk:
        me = desk.actor()
        desk.change_pin(me, _admin_pin(args, desk), new_pin)
    emit(args, {"changed": True}, f"{me}'s PIN changed.")
    return EXIT_OK


def _admin_pin(args: argparse.Namespace, desk: services.Desk) -> str:
    """The acting reviewer's PIN, asked again by the service that changes the roster."""
    desk.actor()  # a named reviewer, or the refusal that says to name one
    return need_secret("DEMAND_DESK_PIN", "Your PIN: ", "The reviewer's PIN")


def _reviewer_json(reviewer: Reviewer) -> JsonObject:
    return {"name": reviewer.name, "role": reviewer.role.value, "senior": reviewer.senior}


def cmd_reviewer_list(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        rows = [asdict(r) | {"role": r.role.value, "present": r.present} for r in desk.roster()]
    lines = [
        f"{r['name']:<24} {r['role']:<14}"
        + (f" enrolled by {r['enrolled_by']}" if r["enrolled_by"] else "")
        + (f" · from {r['origin']}" if r["origin"] else "")
        + (f" · removed {r['removed_at'][:10]}" if r["removed_at"] else "")
        + (" · no PIN on this workstation yet" if r["present"] and not r["pin_here"] else "")
        for r in rows
    ]
    emit(args, rows, "\n".join(lines))
    return EXIT_OK


def register(sub: Subcommands) -> None:
    """Add ``reviewer add|remove|role|pin|list`` to the main parser."""
    reviewer = add_group(sub, "reviewer", "manage reviewers")
    roles = [role.value for role in Role]
    p = add_command(
        reviewer,
        "add",
        cmd_reviewer_add,
        "enrol a reviewer, as an administrator (your PIN in $DEMAND_DESK_PIN, "
        "theirs in $DEMAND_DESK_NEW_PIN)",
    )
    p.add_argument("name")
    p.add_argument(
        "--role",
        choices=roles,
        help="what they may do (default: reviewer; one the team's roster already has keeps their role)",
    )
    p.add_argument("--senior", action="store_true", help=argparse.SUPPRESS)  # older spelling of --role senior
    p = add_command(
        reviewer, "remove", cmd_reviewer_remove, "take a reviewer off the roster, as an administrator"
    )
    p.add_argument("name")
    p = add_command(reviewer, "role", cmd_reviewer_role, "change a reviewer's role, as an administrator")
    p.add_argument("name")
    p.add_argument("role", choices=roles)
    add_command(
        reviewer, "pin", cmd_reviewer_pin, "change your own PIN (the new one from $DEMAND_DESK_NEW_PIN)"
    )
    add_command(reviewer, "list", cmd_reviewer_list, "list reviewers, with their roles and who enrolled them")
