"""The command line: ``demand-desk`` opens the window; subcommands work headless.

The command line is a public contract (DESIGN.md, "Command line"): JSON with --json,
messages on stderr, exit 0 on success, 1 when the action could not be done, 2 on a
usage error. Headless use never prompts when DEMAND_DESK_PASSPHRASE (and, where a PIN
is needed, DEMAND_DESK_PIN) are set.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from app import datadir, keys, organisation, services
from app.bundle.format import EXTENSION as BUNDLE_EXTENSION
from app.datadir import DataDir, DataDirError
from app.fsutil import read_regular_file, write_atomic
from app.intake.limits import MAX_PDF_BYTES
from app.intake.pdf import IntakeError
from app.letters.templates import KINDS as LETTER_KINDS
from app.model import KeyStorage, Reviewer
from app.review.model import ANSWERS, DECISION_OUTCOMES
from app.reviewers import Role
from db import describe_failure

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    pass


def _secret(env: str, prompt: str) -> str | None:
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def _need_secret(env: str, prompt: str, what: str) -> str:
    value = _secret(env, prompt)
    if not value:
        raise CliError(f"{what} is needed: set {env} or run in a terminal.")
    return value


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text)


def _acting_reviewer(args: argparse.Namespace) -> str | None:
    """The reviewer a command acts as: --reviewer, else $DEMAND_DESK_REVIEWER; nobody by default."""
    return getattr(args, "reviewer", None) or os.environ.get("DEMAND_DESK_REVIEWER") or None


def _open(args: argparse.Namespace) -> services.Desk:
    """Unlock the data directory and sign the named reviewer in with their PIN.

    With no reviewer named the store is open for reading only: any change refuses
    (``Desk.actor`` raises), so no command acts as anyone by default.
    """
    root: DataDir = args.root
    config = root.read_config()
    passphrase = os.environ.get("DEMAND_DESK_PASSPHRASE") or None
    if passphrase is None and config.key_storage is KeyStorage.PASSPHRASE:
        passphrase = _need_secret("DEMAND_DESK_PASSPHRASE", "Workstation passphrase: ", "The passphrase")
    desk = services.unlock(root, passphrase=passphrase)
    try:
        reviewer = _acting_reviewer(args)
        if reviewer:
            pin = _need_secret("DEMAND_DESK_PIN", f"PIN for {reviewer}: ", "The reviewer's PIN")
            desk.sign_in(reviewer, pin)
    except BaseException:
        desk.close()
        raise
    return desk


def cmd_init(args: argparse.Namespace) -> int:
    storage = args.key_storage
    passphrase = _secret("DEMAND_DESK_PASSPHRASE", "Choose a workstation passphrase: ")
    if storage == "auto":
        storage = "keyring" if keys.keyring_available() and not passphrase else "passphrase"
    reviewer = args.reviewer or _input("First reviewer's name: ")
    workstation = args.workstation or _input("Workstation name: ")
    pin = _need_secret("DEMAND_DESK_PIN", f"PIN for {reviewer}: ", "The first reviewer's PIN")
    desk = services.set_up(
        args.root,
        workstation=workstation,
        reviewer=reviewer,
        pin=pin,
        passphrase=passphrase,
        key_storage=KeyStorage(storage),
    )
    desk.close()
    _emit(
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


def cmd_intake(args: argparse.Namespace) -> int:
    path = Path(args.file)
    received = _date(args.received, "--received")  # a wrong day is refused before anything is read
    try:
        untrusted_pdf = read_regular_file(path, MAX_PDF_BYTES)
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}") from exc

    def progress(done: int, total: int, label: str) -> None:
        # Progress goes to stderr only: stdout carries the JSON.
        print(f"{label} ({done}/{total})" if total else label, file=sys.stderr, flush=True)

    with _desk(args) as desk:
        case_id = desk.intake(untrusted_pdf, path.name, received=received, progress=progress)
        facts = desk.facts(case_id)
        warnings = desk.intake_warnings(case_id)
    text = f"Case {facts['reference']} ({case_id}): {facts['pages']} page(s)."
    _emit(args, facts | {"warnings": warnings}, "\n".join([text, *(f"Warning: {w}" for w in warnings)]))
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from app.corrections import Corrections

    changes = (
        _pairs(args.set, "--set", "KEY=VALUE"),
        _pairs(args.add_identifier, "--add-identifier", "KIND=VALUE"),
    )
    with _desk(args) as desk:
        case_id = desk.resolve_case(args.case)
        if any(
            (args.set, args.add_identifier, args.remove_identifier, args.add_category, args.remove_category)
        ):
            if not (args.reason or "").strip():
                raise CliError("A correction needs --reason: what the served original shows.")
            fix = Corrections(desk)
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
    _emit(args, facts, json.dumps(facts, indent=2, ensure_ascii=False))
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
    with _desk(args) as desk:
        desk.refresh_due_dates()
        rows = [asdict(c) | {"status": c.status.value} for c in desk.cases()]
    lines = [
        f"{r['reference']:<18} {r['case_id']}  {r['status']:<18} "
        f"due {r['response_due'] or '-':<10} {r['title'] or ''}"
        for r in rows
    ]
    _emit(args, rows, "\n".join(lines) if lines else "No cases.")
    return EXIT_OK


def _review(desk: services.Desk) -> Any:
    from app.review.service import Review  # the policy pack is loaded only when a case is reviewed

    return Review(desk)


def cmd_assess(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        assessment = _review(desk).assess(desk.resolve_case(args.case)).to_json()
    rec = assessment["recommendation"]
    lines = [
        f"{i['answer']:<15} {i['id']}" + (f"  ({i['note']})" if i["note"] else "")
        for i in assessment["items"]
    ]
    lines.append(
        f"Recommended: {rec['outcome']}" + (f" because {', '.join(rec['reasons'])}" if rec["reasons"] else "")
    )
    _emit(args, assessment, "\n".join(lines))
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        answer = _review(desk).answer(desk.resolve_case(args.case), args.item, args.answer, args.reason or "")
    _emit(
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
    value: Any
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
    with _desk(args) as desk:
        _review(desk).set_context(desk.resolve_case(args.case), args.key, value, args.reason or "")
    _emit(args, {"key": args.key, "value": value}, f"{args.key} = {value}")
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
    with _desk(args) as desk:
        decision = _review(desk).decide(
            desk.resolve_case(args.case),
            args.outcome,
            args.reason or [],
            scope,
            override_reason=args.override_reason or "",
        )
    state = "awaiting approval by a second reviewer" if decision.needs_approval else "decided"
    _emit(args, decision.to_json(), f"Revision {decision.revision}: {decision.outcome} ({state}).")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    if not _acting_reviewer(args):
        raise CliError(
            "Name the approving reviewer: approve CASE --reviewer NAME (PIN from $DEMAND_DESK_PIN)."
        )
    with _desk(args) as desk:  # signs the approver in with their own PIN
        decision = _review(desk).approve_signed_in(desk.resolve_case(args.case))
    _emit(args, decision.to_json(), f"Revision {decision.revision} approved by {decision.approved_by}.")
    return EXIT_OK


def cmd_directory_import(args: argparse.Namespace) -> int:
    from app.review.service import import_directory

    with _desk(args) as desk:
        added = import_directory(desk, Path(args.file))
    _emit(
        args, {"added": added}, f"{added} new authorit{'y' if added == 1 else 'ies'} added to the directory."
    )
    return EXIT_OK


def _letters(desk: services.Desk) -> Any:
    from app.letters.service import Letters  # reportlab is loaded only when a letter is made

    return Letters(desk)


def cmd_letter(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with _desk(args) as desk:
        letters = _letters(desk)
        case_id = desk.resolve_case(args.case)
        if args.package:
            letters.package(case_id, out, with_demand=args.with_demand)
            _emit(args, {"out": str(out)}, f"Wrote the response package to {out}.")
            return EXIT_OK
        if not args.kind:
            raise CliError("Say which letter: --kind KIND (or --package).")
        letter = letters.issue(case_id, args.kind, out, language=args.language, final=args.final)
    state = "final" if letter.final else "draft"
    _emit(args, letter.to_json() | {"out": str(out)}, f"Wrote the {state} {letter.kind} letter to {out}.")
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        letters = _letters(desk)
        case_id = desk.resolve_case(args.case)
        rows = [x.to_json() for x in letters.letters(case_id)]
        allowed = letters.allowed_kinds(case_id)
    lines = [f"{r['id']:>4}  {r['kind']:<18} r{r['revision']}  {r['status']:<6} {r['title']}" for r in rows]
    _emit(args, {"letters": rows, "allowed_kinds": allowed}, "\n".join(lines) or "No letters yet.")
    return EXIT_OK


def cmd_letterhead(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        letters = _letters(desk)
        if args.set:
            values: dict[str, Any] = {}
            for pair in args.set:
                key, sep, value = pair.partition("=")
                if not sep:
                    raise CliError(f"--set takes KEY=VALUE, not {pair!r}.")
                values[key] = value.split("|") if key in ("address_lines", "payment_lines") else value
            settings = letters.set_letterhead(**values)
        else:
            settings = letters.letterhead_settings()
    shown = {k: v for k, v in settings.items() if k != "logo_png"}
    _emit(args, shown, "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return EXIT_OK


def cmd_notices_due(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        due = [n.to_json() for n in _schedule(desk).notices_due()]
    lines = [f"{n['due_on']}  {n['reference']:<18} {n['kind']} notice to the {n['recipient']}" for n in due]
    _emit(args, due, "\n".join(lines) or "No notices due.")
    return EXIT_OK


def _schedule(desk: services.Desk) -> Any:
    from app.schedule.service import Schedule

    desk.refresh_due_dates()  # dates counted with an older holiday calendar move first
    return Schedule(desk)


def _date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{what} is a date like 2026-12-31, not {text!r}.") from None


def cmd_today(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        today = _schedule(desk).today(_date(args.date, "--date"))
    lines = []
    for title, items in today.sections():
        lines.append(f"{title}: {len(items) or 'nothing'}")
        lines += [f"  {i.on}  {i.reference:<18} {i.label}" for i in items]
    _emit(args, today.to_json(), "\n".join(lines))
    return EXIT_OK


def cmd_deadlines_ics(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with _desk(args) as desk:
        data = _schedule(desk).calendar(_date(args.date, "--date"))
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, data)
        desk.record("calendar.exported", None, {"file": out.name})
    _emit(args, {"out": str(out)}, f"Wrote {out} (references and dates only).")
    return EXIT_OK


def cmd_notice_given(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        on = _date(args.on, "--on") or desk.clock().date()
        _schedule(desk).record_notice_given(desk.resolve_case(args.case), args.how, on, args.recipient)
    _emit(args, {"given": on.isoformat()}, f"Notice recorded as given on {on}.")
    return EXIT_OK


def cmd_notice_withhold(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        _schedule(desk).record_notice_exception(
            desk.resolve_case(args.case), args.kind, args.reason, args.recipient
        )
    _emit(args, {"withheld": args.kind}, f"Notice withheld ({args.kind}).")
    return EXIT_OK


def cmd_secrecy(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        schedule = _schedule(desk)
        case_id = desk.resolve_case(args.case)
        if args.record:
            if bool(args.until) == args.until_further_order:
                raise CliError("With --record, give --until DATE or --until-further-order.")
            schedule.record_order(
                case_id,
                issued=_date(args.record, "--record"),
                expires=_date(args.until, "--until") if args.until else None,
                statute=args.statute or "",
                reason=args.reason or "",
            )
        if args.covers:
            schedule.set_covers(case_id, args.covers)
        if args.extend:
            schedule.extend_order(case_id, _date(args.extend, "--extend"), args.reason or "")
        if args.lifted:
            schedule.lift_order(case_id, _date(args.lifted, "--lifted"))
        if args.challenged:
            schedule.record_challenge(
                case_id, _date(args.challenged, "--challenged"), args.outcome or "", succeeded=args.succeeded
            )
        if args.reconsidered:
            schedule.record_reconsidered(
                case_id, _date(args.reconsidered, "--reconsidered"), args.reason or ""
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
    _emit(args, data, json.dumps(data, indent=2) if data else "No secrecy order.")
    return EXIT_OK


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

    with _desk(args) as desk:
        schedule = _schedule(desk)
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
        data = {
            "idle_lock_minutes": desk.idle_lock_minutes(),
            "secrecy_reconsider_days": schedule.reconsider_days,
            "sync_folder": str(sync.folder) if sync.folder else None,
            "sync_every_minutes": sync.every_minutes,
            "provider_entities": list(desk.provider_entities()),
            "ocr_seconds_per_page": desk.ocr_seconds_per_page(),
        }
    shown = {**data, "provider_entities": f"{organisation.ENTITY_SEPARATOR} ".join(data["provider_entities"])}
    _emit(args, data, "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        schedule = _schedule(desk)
        case_id = desk.resolve_case(args.case)
        if args.action_ == "extend":
            schedule.extend_deadline(case_id, _date(args.to, "--to"), args.reason or "")
        elif args.action_ == "pause":
            schedule.pause_deadline(case_id, args.reason or "")
        elif args.action_ == "resume":
            schedule.resume_deadline(case_id)
        due = schedule.response_due(case_id)
    _emit(args, {"response_due": due.isoformat() if due else None}, f"Response due {due or 'not stated'}.")
    return EXIT_OK


def cmd_reviewer_add(args: argparse.Namespace) -> int:
    # Two people: the administrator named by --reviewer (PIN in DEMAND_DESK_PIN) and the new
    # reviewer, who chooses their own PIN (DEMAND_DESK_NEW_PIN).
    new_pin = _need_secret("DEMAND_DESK_NEW_PIN", f"{args.name}'s own PIN: ", "The new reviewer's own PIN")
    role = "senior" if args.senior else args.role
    with _desk(args) as desk:
        known = desk.reviewer_record(args.name)
        added = desk.add_reviewer(args.name, new_pin, role=role, admin_pin=_admin_pin(args, desk))
    done = (
        f"{added.name} ({added.role.label.lower()}, from the team's roster) may now sign in here."
        if known is not None and not known.pin_here
        else f"Added {added.role.label.lower()} {added.name}."
    )
    _emit(args, _reviewer_json(added), done)
    return EXIT_OK


def cmd_reviewer_remove(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        desk.remove_reviewer(args.name, admin_pin=_admin_pin(args, desk))
    _emit(args, {"removed": args.name}, f"Removed {args.name}; what they did stays in the record.")
    return EXIT_OK


def cmd_reviewer_role(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        changed = desk.set_role(args.name, args.role, admin_pin=_admin_pin(args, desk))
    _emit(args, _reviewer_json(changed), f"{changed.name} is now a {changed.role.label.lower()}.")
    return EXIT_OK


def cmd_reviewer_pin(args: argparse.Namespace) -> int:
    new_pin = _need_secret("DEMAND_DESK_NEW_PIN", "New PIN: ", "The new PIN")
    with _desk(args) as desk:
        me = desk.actor()
        desk.change_pin(me, _admin_pin(args, desk), new_pin)
    _emit(args, {"changed": True}, f"{me}'s PIN changed.")
    return EXIT_OK


def _admin_pin(args: argparse.Namespace, desk: services.Desk) -> str:
    """The acting reviewer's PIN, asked again by the service that changes the roster."""
    desk.actor()  # a named reviewer, or the refusal that says to name one
    return _need_secret("DEMAND_DESK_PIN", "Your PIN: ", "The reviewer's PIN")


def _reviewer_json(reviewer: Reviewer) -> dict[str, Any]:
    return {"name": reviewer.name, "role": reviewer.role.value, "senior": reviewer.senior}


def cmd_reviewer_list(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        rows = [asdict(r) | {"role": r.role.value, "present": r.present} for r in desk.roster()]
    lines = [
        f"{r['name']:<24} {r['role']:<14}"
        + (f" enrolled by {r['enrolled_by']}" if r["enrolled_by"] else "")
        + (f" · from {r['origin']}" if r["origin"] else "")
        + (f" · removed {r['removed_at'][:10]}" if r["removed_at"] else "")
        + (" · no PIN on this workstation yet" if r["present"] and not r["pin_here"] else "")
        for r in rows
    ]
    _emit(args, rows, "\n".join(lines))
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        report = desk.verify_audit()
    if report.ok:
        _emit(args, asdict(report), f"Audit trail whole: {report.events} events, and the case tables agree.")
        return EXIT_OK
    lines = report.lines()
    text = f"Audit trail does not verify ({len(lines)} problem(s)):\n" + "\n".join(f"  - {x}" for x in lines)
    _emit(args, asdict(report), text)
    return EXIT_FAILED


def cmd_audit_show(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        case_id = desk.resolve_case(args.case) if args.case else None
        events = [asdict(e) for e in desk.audit_trail(case_id)]
    lines = [
        f"{e['seq']:>5} {e['at']} {e['reviewer']:<12} {e['action']:<20} {e['case_id'] or ''}" for e in events
    ]
    _emit(args, events, "\n".join(lines))
    return EXIT_OK


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    old = _need_secret("DEMAND_DESK_PASSPHRASE", "Current passphrase: ", "The current passphrase")
    new = _need_secret("DEMAND_DESK_NEW_PASSPHRASE", "New passphrase: ", "The new passphrase")
    services.change_passphrase(args.root, old, new)
    _emit(args, {"changed": True}, "Passphrase changed; the case store was not re-encrypted.")
    return EXIT_OK


class _desk:  # noqa: N801 - reads as a function at the call site
    """``with _desk(args) as desk:`` — unlocked for the command, closed after it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    def __enter__(self) -> services.Desk:
        self.desk = _open(self.args)
        return self.desk

    def __exit__(self, *exc: object) -> None:
        self.desk.close()


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        group: Any, name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = group.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print JSON")
        # Also accepted after the command; SUPPRESS keeps the global value when absent.
        p.add_argument("--reviewer", default=argparse.SUPPRESS, help="act as this reviewer")
        p.set_defaults(func=func)
        return p

    p = add(sub, "init", cmd_init, "set up a new data directory")
    p.add_argument("--workstation", help="this workstation's name")
    p.add_argument("--key-storage", choices=["auto", "keyring", "passphrase"], default="auto")

    p = add(sub, "intake", cmd_intake, "store a demand PDF as a new case and print its facts")
    p.add_argument("file")
    p.add_argument(
        "--received",
        metavar="YYYY-MM-DD",
        help="the day the demand was served (default today); staleness and receipt periods count from it",
    )
    p = add(sub, "facts", cmd_facts, "print a case's facts, or correct them from the served original")
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
    add(sub, "cases", cmd_cases, "list cases")

    p = add(sub, "assess", cmd_assess, "the checklist's answers and the recommended outcome")
    p.add_argument("case")
    p = add(sub, "answer", cmd_answer, "confirm or override a checklist item (an override needs --reason)")
    p.add_argument("case")
    p.add_argument("item", help="item id, e.g. validity.signed")
    p.add_argument("answer", choices=ANSWERS)
    p.add_argument("--reason")
    p = add(sub, "case-fact", cmd_case_fact, "record what the scan cannot tell (enterprise customer, …)")
    p.add_argument("case")
    p.add_argument("key")
    p.add_argument("value", help="yes/no, a number, text, or 'unknown' to forget it")
    p.add_argument("--reason")
    p = add(sub, "decide", cmd_decide, "record the decision (disclosing needs a second reviewer's approval)")
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
    p = add(
        sub,
        "approve",
        cmd_approve,
        "approve a decision as --reviewer NAME, a second reviewer (PIN from $DEMAND_DESK_PIN)",
    )
    p.add_argument("case")

    reviewer = sub.add_parser("reviewer", help="manage reviewers").add_subparsers(
        dest="action", required=True
    )
    roles = [role.value for role in Role]
    p = add(
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
    p = add(reviewer, "remove", cmd_reviewer_remove, "take a reviewer off the roster, as an administrator")
    p.add_argument("name")
    p = add(reviewer, "role", cmd_reviewer_role, "change a reviewer's role, as an administrator")
    p.add_argument("name")
    p.add_argument("role", choices=roles)
    add(reviewer, "pin", cmd_reviewer_pin, "change your own PIN (the new one from $DEMAND_DESK_NEW_PIN)")
    add(reviewer, "list", cmd_reviewer_list, "list reviewers, with their roles and who enrolled them")

    trail = sub.add_parser("audit", help="the audit trail").add_subparsers(dest="action", required=True)
    add(
        trail,
        "verify",
        cmd_audit_verify,
        "check the hash chain and replay it against the case tables; exit 1 naming every problem",
    )
    p = add(trail, "show", cmd_audit_show, "print the trail, or one case's")
    p.add_argument("case", nargs="?")

    p = add(sub, "letter", cmd_letter, "draft a letter from the decision and write its PDF (or the package)")
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
    p = add(sub, "letters", cmd_letters, "a case's letters and the kinds its decision allows")
    p.add_argument("case")
    p = add(sub, "letterhead", cmd_letterhead, "show or set the letterhead shared by all letters")
    p.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help="address_lines, payment_lines take lines joined by |",
    )

    p = add(sub, "today", cmd_today, "what needs a reviewer: deadlines, notices, secrecy orders, approvals")
    p.add_argument("--date", help="as of this date (default: today)")
    deadlines = sub.add_parser("deadlines", help="response deadlines").add_subparsers(
        dest="action", required=True
    )
    p = add(
        deadlines,
        "ics",
        cmd_deadlines_ics,
        "write an iCalendar file of due dates and expiries (references only)",
    )
    p.add_argument("--out", required=True, metavar="deadlines.ics")
    p.add_argument("--date", help=argparse.SUPPRESS)
    p = add(sub, "deadline", cmd_deadline, "extend, pause or resume a case's response deadline")
    p.add_argument("case")
    p.add_argument(
        "action_", choices=["show", "extend", "pause", "resume"], metavar="show|extend|pause|resume"
    )
    p.add_argument("--to", help="extend: the new due date")
    p.add_argument("--reason")
    p = add(
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
    p = add(
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
    notice = sub.add_parser("notice", help="record a notice given or withheld").add_subparsers(
        dest="action", required=True
    )
    p = add(notice, "given", cmd_notice_given, "record that notice was given")
    p.add_argument("case")
    p.add_argument("--how", required=True, help="e-mail, letter, admin console, …")
    p.add_argument("--on", metavar="DATE")
    p.add_argument("--recipient", choices=["user", "enterprise"], default="user")
    p = add(
        notice, "withhold", cmd_notice_withhold, "record an exception: notice is withheld, with the reason"
    )
    p.add_argument("case")
    p.add_argument("--kind", required=True, choices=["danger", "child_exploitation", "compromised_account"])
    p.add_argument("--reason", required=True)
    p.add_argument("--recipient", choices=["user", "enterprise"], default="user")
    notices = sub.add_parser("notices", help="notices to users and enterprise customers").add_subparsers(
        dest="action", required=True
    )
    add(
        notices,
        "due",
        cmd_notices_due,
        "notices due today or overdue (delayed notices after a secrecy order)",
    )

    directory = sub.add_parser("directory", help="the directory of requesting authorities").add_subparsers(
        dest="action", required=True
    )
    p = add(
        directory,
        "import",
        cmd_directory_import,
        "add authorities from a CSV (same columns as the shipped one)",
    )
    p.add_argument("file")

    from app import cli_report  # its module imports this one: imported here, once both exist

    cli_report.register(sub, add)

    secret = sub.add_parser("passphrase", help="the workstation passphrase").add_subparsers(
        dest="action", required=True
    )
    add(
        secret,
        "change",
        cmd_passphrase_change,
        "re-wrap the key (old from $DEMAND_DESK_PASSPHRASE, new from $DEMAND_DESK_NEW_PASSPHRASE)",
    )

    from app import cli_sync  # here, not at the top: cli_sync imports this module's helpers

    cli_sync.register(sub, add)
    from app import cli_hold  # like cli_sync, it imports this module's helpers

    cli_hold.register(sub, add)
    from app import cli_disclosure  # issue 19: disclosures without legal process

    cli_disclosure.register(sub, add)
    from app import cli_cost  # likewise

    cli_cost.register(sub, add)
    return parser


def _version() -> str:
    """The installed package's version (pyproject.toml); frozen builds carry its metadata too."""
    from importlib import metadata

    try:
        return metadata.version("demand-desk")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        return "unknown"


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked: reading package metadata costs ~0.1 s."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"demand-desk {_version()}")
        parser.exit()


def _split_bundle(argv: list[str]) -> tuple[str | None, list[str]]:
    """``demand-desk [options] FILE.ddb`` (a file manager opening a bundle): the file, the rest.

    Only when the first argument that is not an option is a bundle path, not a command.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--data-dir", "--reviewer"):  # the global options that take a value
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if arg.lower().endswith(BUNDLE_EXTENSION) and i == len(argv) - 1:
            return arg, argv[:i]
        break
    return None, argv


def _harden_process() -> None:
    """Private files by default, and no core dumps: a crash dump would hold case data."""
    os.umask(0o077)
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has neither umask semantics nor rlimits
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _display_missing() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    _harden_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"] and len(argv) == 2:  # frozen builds start reader processes this way
        return _run_worker(argv[1])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    bundle, argv = _split_bundle(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.root = datadir.resolve(args.data_dir)
    if args.command is None:
        if _display_missing():
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


def _run_worker(module: str) -> int:
    """Frozen builds have no ``python -m``: the app binary starts its own reader processes."""
    if module == "app.intake.pdfprobe":
        from app.intake import pdfprobe

        return pdfprobe.main()
    if module == "app.intake.ocrworker":
        from app.intake import ocrworker

        return int(ocrworker.main() or 0)
    if module == "app.intake.factsproc":
        from app.intake import factsproc

        return factsproc.main()
    print(f"unknown worker {module}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
