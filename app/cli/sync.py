"""Commands for the team key, case bundles and shared-drive sync (issue 7).

``team init|export|import|rotate|show|admit``, ``bundle export|import``, ``sync``,
``conflicts`` and ``resolve``. The team key file's passphrase comes from
DEMAND_DESK_TEAM_PASSPHRASE when headless; the workstation passphrase, which protects
the team key when no keyring keeps it, from DEMAND_DESK_PASSPHRASE as for every command.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from app import admission
from app.bundle import prefs as sync_prefs
from app.bundle.format import BundleError
from app.bundle.service import Keep, Received
from app.bundle.share import ShareError
from app.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    Command,
    add_command,
    add_group,
    emit,
    need_secret,
    open_desk,
)
from app.model import KeyStorage
from app.services import Desk, Services
from app.signing import SigningError, SigningKey
from app.team import TeamError


def _plain_errors(func: Command) -> Command:
    """This module's errors end as the command line's: a message, exit 1, no traceback."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (TeamError, ShareError, SigningError) as exc:
            raise CliError(str(exc)) from exc
        except BundleError as exc:
            raise CliError(f"Bundle refused: {exc}.") from exc

    return run


def _services(desk: Desk) -> Services:
    """The command's services, the team key unwrapped with the workstation passphrase when
    no keyring keeps it."""
    passphrase = os.environ.get("DEMAND_DESK_PASSPHRASE") or None
    if passphrase is None and desk.config.key_storage is KeyStorage.PASSPHRASE:
        passphrase = need_secret("DEMAND_DESK_PASSPHRASE", "Workstation passphrase: ", "The passphrase")
    built = Services(desk)
    built.reopen_team(passphrase)
    return built


def _team_file_passphrase() -> str:
    return need_secret(
        "DEMAND_DESK_TEAM_PASSPHRASE", "Passphrase of the team key file: ", "The team key file's passphrase"
    )


# -- team -------------------------------------------------------------------------------


@_plain_errors
def cmd_team_init(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        desk.actor()
        team = _services(desk).team
        signer = team.signing()
        signer.public()  # no signing key: say so before a team key exists
        info = team.init()
        desk.record("team.created", None, {"recipient": info.current})
        # The first workstation admits itself: the roster every key file carries starts here.
        admission.found(desk, signer)
    emit(args, info.to_json(), f"Made the team key {info.current}. Export it for the other workstations.")
    return EXIT_OK


@_plain_errors
def cmd_team_show(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        info = Services(desk).team.info()
        fingerprint = SigningKey(desk.data_dir, desk.config).fingerprint()
        listed = admission.admitted(desk)
    here = {"workstation": desk.workstation, "fingerprint": fingerprint}
    admitted = any(a.workstation == desk.workstation for a in listed)
    data = info.to_json() | {
        "workstation": here | {"admitted": admitted},
        "admitted": [a.to_json() for a in listed],
    }
    text = (
        f"Team key {info.current} ({len(info.recipients)} kept).\n"
        f"This workstation, {desk.workstation}: signing key fingerprint {fingerprint}"
        + ("" if admitted else " (not admitted to the team roster yet)")
    )
    emit(args, data, text)
    return EXIT_OK


@_plain_errors
def cmd_team_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    file_passphrase = _team_file_passphrase()
    with open_desk(args) as desk:
        desk.actor()
        team = _services(desk).team
        info = team.export(out, file_passphrase, admission.roster_for_key_file(desk, team.signing()))
        desk.record("team.exported", None, {"file": out.name, "keys": len(info.recipients)})
    emit(args, info.to_json() | {"out": str(out)}, f"Wrote the team key file {out}.")
    return EXIT_OK


@_plain_errors
def cmd_team_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    file_passphrase = _team_file_passphrase()
    with open_desk(args) as desk:
        desk.actor()
        info = _services(desk).team.import_file(path, file_passphrase)
        desk.record("team.imported", None, {"file": path.name, "current": info.current})
        trusted = admission.take_key_file_roster(desk, info.carried or "")
    names = ", ".join(a.workstation for a in trusted) or "none (the file carries no roster)"
    emit(
        args,
        info.to_json() | {"trusted": [a.to_json() for a in trusted]},
        f"Joined the team: key {info.current} ({len(info.recipients)} kept). Workstations trusted: {names}.\n"
        "Other workstations accept this one's bundles once an administrator runs "
        f"`team admit {desk.workstation}` (after this workstation's first sync).",
    )
    return EXIT_OK


@_plain_errors
def cmd_team_admit(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        if not args.workstation:
            pending = admission.requests(desk)
            listed = admission.admitted(desk)
            data = {"pending": [r.to_json() for r in pending], "admitted": [a.to_json() for a in listed]}
            lines = [f"Waiting to be admitted ({len(pending)}):"]
            lines += [
                f"  {r.workstation:<16} fingerprint {r.fingerprint}  first seen {r.first_seen}"
                + ("  (CLASHES with the key already admitted under this name)" if r.admitted_key else "")
                for r in pending
            ]
            lines += [f"Admitted ({len(listed)}):"]
            lines += [f"  {a.workstation:<16} fingerprint {a.fingerprint}" for a in listed]
            lines += [
                "Compare a fingerprint with the one `team show` prints on that workstation, by phone "
                "or in person, then run `team admit WORKSTATION`."
            ]
            emit(args, data, "\n".join(lines))
            return EXIT_OK
        done = admission.admit(desk, _services(desk).team.signing(), args.workstation, args.fingerprint)
    emit(
        args,
        {"admitted": done.to_json()},
        f"Admitted {done.workstation} (signing key fingerprint {done.fingerprint}) to the team roster. "
        "The other workstations accept its bundles once this workstation's next sync publishes the roster.",
    )
    return EXIT_OK


@_plain_errors
def cmd_team_rotate(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        info = _services(desk).team.rotate()
        desk.record("team.rotated", None, {"recipient": info.current, "keys": len(info.recipients)})
    emit(
        args,
        info.to_json(),
        f"New team key {info.current}; older bundles still open. Export it for the other workstations.",
    )
    return EXIT_OK


# -- bundles ------------------------------------------------------------------------------


@_plain_errors
def cmd_bundle_export(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        out = _services(desk).bundles.export_case(desk.resolve_case(args.case), Path(args.to))
    emit(args, {"out": str(out)}, f"Wrote {out}.")
    return EXIT_OK


@_plain_errors
def cmd_bundle_import(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        bundle, outcome = _services(desk).bundles.import_file(Path(args.file))
    m = bundle.manifest
    text = {
        Received.ADDED: f"Added case {m.case_id} (version {m.version_id} from {m.workstation}).",
        Received.UPDATED: f"Updated case {m.case_id} to version {m.version_id} from {m.workstation}.",
        Received.CONFLICT: f"Case {m.case_id} now has a conflict: resolve it with `resolve {m.case_id}`.",
        Received.ALREADY: f"Version {m.version_id} of case {m.case_id} is already here; nothing changed.",
    }[outcome]
    emit(args, {"case_id": m.case_id, "version_id": m.version_id, "outcome": outcome.value}, text)
    return EXIT_OK


# -- sync -----------------------------------------------------------------------------------


@_plain_errors
def cmd_sync(args: argparse.Namespace) -> int:
    def progress(done: int, total: int, message: str) -> None:
        if not getattr(args, "json", False) and total:
            print(f"{message} ({done}/{total})", file=sys.stderr, flush=True)

    with open_desk(args) as desk:
        saved = sync_prefs.prefs(desk).folder
        if args.shared is None and saved is None:
            raise CliError(
                "Give the shared folder: sync --shared DIR (or set it in the window's Sync settings)."
            )
        shared = Path(args.shared).expanduser() if args.shared else saved
        assert shared is not None
        try:
            report = _services(desk).bundles.sync(shared, progress=progress)
        except (TeamError, ShareError) as exc:
            sync_prefs.note_sync(desk, None, str(exc))  # the window's indicator says so too
            raise
        sync_prefs.note_sync(desk, report)
    lines = [
        f"Published {len(set(report.pushed))}, imported {len(set(report.pulled))}, "
        f"{len(report.conflicts)} conflict(s), {len(report.refused)} refused."
    ]
    lines += [
        f"Conflict: case {c} (resolve it with `resolve {c} --keep mine|theirs`)" for c in report.conflicts
    ]
    lines += [f"Roster: {change}" for change in report.roster.received]
    lines += [f"Audit head: {head}" for head in report.heads.received]
    lines += [f"Audit trail problem: {problem}" for problem in report.heads.problems]
    lines += [f"Refused {r.file}: {r.reason}" for r in report.refused]
    emit(args, report.to_json(), "\n".join(lines))
    for error in report.errors:
        print(f"demand-desk: {error}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


@_plain_errors
def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        bundles = _services(desk).bundles
        if args.case:
            view = bundles.conflict_view(desk.resolve_case(args.case)).to_json()
            lines = [
                f"{view['reference']}: mine {view['mine']['version']} ({view['mine']['workstation']}) "
                f"vs theirs {view['theirs']['version']} ({view['theirs']['workstation']})"
            ]
            lines += [
                f"  {d['table']:<16} {d['row']:<24} {d['column']:<16} "
                f"mine={d['mine']!r}  theirs={d['theirs']!r}"
                for d in view["differences"]
            ]
            emit(args, view, "\n".join(lines))
            return EXIT_OK
        rows = bundles.conflicts()
    text = "\n".join(f"{r['reference']:<18} {r['case_id']}  since {r['found_at']}" for r in rows)
    emit(args, rows, text or "No open conflicts.")
    return EXIT_OK


@_plain_errors
def cmd_resolve(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        case_id = desk.resolve_case(args.case)
        _services(desk).bundles.resolve(case_id, Keep(args.keep))
    emit(
        args,
        {"case_id": case_id, "kept": args.keep},
        f"Kept {args.keep} for case {case_id}; the next sync publishes the resolution.",
    )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = add_group(sub, "team", "the team key bundles are encrypted to")
    add_command(team, "init", cmd_team_init, "make the team key (on the first workstation)")
    add_command(team, "show", cmd_team_show, "the team key's public part and how many older keys are kept")
    p = add_command(
        team,
        "export",
        cmd_team_export,
        "write the team key file (passphrase from $DEMAND_DESK_TEAM_PASSPHRASE)",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p = add_command(team, "import", cmd_team_import, "join the team from a key file")
    p.add_argument("file")
    add_command(team, "rotate", cmd_team_rotate, "make a new team key; old bundles stay readable")
    p = add_command(
        team,
        "admit",
        cmd_team_admit,
        "admit a workstation to the team roster (an administrator); without one, list who asks to join",
    )
    p.add_argument("workstation", nargs="?")
    p.add_argument("--fingerprint", help="the fingerprint the workstation shows (`team show`), to be sure")

    bundle = add_group(sub, "bundle", "one case version in one encrypted file")
    p = add_command(bundle, "export", cmd_bundle_export, "write a case's bundle into a folder")
    p.add_argument("case")
    p.add_argument("--to", required=True, metavar="DIR")
    p = add_command(bundle, "import", cmd_bundle_import, "check a bundle and import it (all or nothing)")
    p.add_argument("file")

    p = add_command(sub, "sync", cmd_sync, "publish changed cases to a shared folder and import the others'")
    p.add_argument(
        "--shared", metavar="DIR", help="the shared folder (default: the one set in Sync settings)"
    )
    p = add_command(sub, "conflicts", cmd_conflicts, "open conflicts; with CASE, both sides field by field")
    p.add_argument("case", nargs="?")
    p = add_command(
        sub, "resolve", cmd_resolve, "settle a conflict: keep my version or theirs (audit events: both)"
    )
    p.add_argument("case")
    p.add_argument("--keep", required=True, choices=[k.value for k in Keep])
