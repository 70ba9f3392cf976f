"""The use cases: one method per thing a reviewer does. The GUI and the CLI both call these.

``set_up`` makes a new workstation, ``unlock`` opens an existing one and returns a
``Desk``: the unlocked store plus the reviewer acting on it. Every change goes through
``Desk._record``, inside the same transaction as the change, so the audit trail and
the data never disagree.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app import audit, fact_editors, keys, roster_log, worklock
from app.audit import ChainReport
from app.datadir import DataDir, DataDirError, WorkstationConfig
from app.fsutil import ensure_private_dir
from app.intake import pipeline
from app.intake.facts import ExtractedFacts, Reading
from app.intake.limits import OCR_SECONDS_PER_PAGE, OCR_SECONDS_PER_PAGE_RANGE
from app.intake.pdf import IntakeError, ProbedPdf, probe_pdf, start_reader_ahead
from app.intake.pipeline import ReadDemand
from app.model import (
    CASE_FACTS,
    EDITABLE_FACTS,
    REVIEW_FACTS,
    SCALAR_FACTS,
    AuditEvent,
    CaseId,
    CaseStatus,
    CaseSummary,
    FactValue,
    KeyStorage,
    PageSource,
    PageText,
    Reviewer,
    ReviewerRecord,
    Word,
)
from app.reviewers import (
    Role,
    RosterError,
    check_new_pin,
    confusable_with,
    lock_for,
    locked_message,
    normalise_name,
    same_person,
)
from app.roster import Action, RosterEvent
from app.schedule import calendars
from app.schedule.deadlines import DeadlineRule, base_due_date, emergency_due_at, emergency_start, rule_for
from app.signing import SigningError, SigningKey, fingerprint
from db import Store, StoreError, WrongKeyError
from db.disclosures import DISCLOSURE_KIND
from db.store import dumps

Clock = Callable[[], datetime]

if TYPE_CHECKING:
    from app.corrections import Corrections
    from app.costs.service import Costs
    from app.disclosure.service import Disclosures
    from app.holds.service import Holds
    from app.letters.service import Letters
    from app.printing import Prints
    from app.review.service import Review
    from app.schedule.service import Schedule

DEFAULT_IDLE_LOCK_MINUTES = 10
AUDIT_ANCHOR = "audit_anchor"  # settings key: the chain head last seen whole (Desk._verify_chain)
_PIN_HASHER = PasswordHasher()  # Argon2id, 64 MiB: a stolen store does not give up PINs cheaply


class DeskError(Exception):
    """A user action that cannot be done; the message says why and what to do."""


class NotSignedInError(DeskError):
    pass


class WrongPinError(DeskError):
    pass


class WorkstationInUseError(DeskError):
    """Another Demand Desk (process) has this data directory open; nothing was changed."""


def _take_lock(data_dir: DataDir) -> worklock.Hold:
    """The data directory's one-writer lock (app/worklock.py), or a refusal naming the holder."""
    try:
        return worklock.acquire(data_dir.root)
    except worklock.WorkstationInUse as exc:
        raise WorkstationInUseError(str(exc)) from None
    except OSError as exc:
        raise DeskError(f"{data_dir.root}: {exc.strerror or exc}; nothing was changed.") from None


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _check_pin(pin: str) -> None:
    try:
        check_new_pin(pin)
    except RosterError as exc:
        raise DeskError(str(exc)) from None


def _check_name(name: str, what: str) -> str:
    try:
        return normalise_name(name, what)
    except RosterError as exc:
        raise DeskError(str(exc)) from None


# -- setting up and unlocking ---------------------------------------------------------


def set_up(
    data_dir: DataDir,
    *,
    workstation: str,
    reviewer: str,
    pin: str,
    passphrase: str | None,
    key_storage: KeyStorage,
    demo: bool = False,
    clock: Clock = _utc_now,
) -> Desk:
    """Create a new data directory: key, encrypted store, first reviewer, first audit event."""
    workstation = _check_name(workstation, "workstation")
    reviewer = _check_name(reviewer, "reviewer")
    _check_pin(pin)
    if data_dir.is_initialised():
        raise DeskError(f"{data_dir.root} is already set up; open it instead.")
    if data_dir.store_path.exists():
        raise DeskError(
            f"{data_dir.root} holds a case store but no workstation.json. Restore that file "
            "from a backup, or move store.db away to set up afresh."
        )
    if key_storage is KeyStorage.PASSPHRASE and not passphrase:
        raise DeskError("Choose a workstation passphrase to protect the database key.")
    try:
        ensure_private_dir(data_dir.root)
    except OSError as exc:
        raise DeskError(f"{exc.strerror or exc}.") from None
    hold = _take_lock(data_dir)
    if data_dir.is_initialised():  # set up by another process while this one waited to start
        hold.release()
        raise DeskError(f"{data_dir.root} is already set up; open it instead.")
    config = WorkstationConfig(
        store_id=uuid.uuid4().hex, workstation=workstation, key_storage=key_storage, demo=demo
    )
    key = keys.new_database_key()
    store: Store | None = None
    signer = SigningKey(data_dir, config, passphrase)
    try:
        if key_storage is KeyStorage.KEYRING:
            keys.keyring_store(config.store_id, key)
        if passphrase:
            # With the keyring, a passphrase-wrapped copy is the way back in if the keyring is reset.
            keys.write_key_file(data_dir.key_path, keys.wrap_key(key, passphrase))
        # Kept as the database key is: it says, to the rest of the team, that this workstation wrote.
        signing_public = signer.make()
        store = Store(data_dir.store_path, key)
        now = _iso(clock())
        with store.atomic():
            store.set_setting("workstation", workstation)
            store.set_setting("created_at", now)
            store.set_setting("default_reviewer", reviewer)
            store.set_setting("idle_lock_minutes", str(DEFAULT_IDLE_LOCK_MINUTES))
            # The one who sets the workstation up administers it: they enrol everyone else.
            roster_log.record(
                store,
                RosterEvent.new(
                    after=(),
                    at=now,
                    workstation=workstation,
                    actor=None,
                    action=Action.ENROLLED,
                    name=reviewer,
                    role=Role.ADMINISTRATOR,
                ),
                here=workstation,
            )
            store.set_reviewer_pin(reviewer, _PIN_HASHER.hash(pin))
        desk = Desk(data_dir, config, store, clock)
        desk.hold = hold
        desk.reviewer = Reviewer(reviewer, Role.ADMINISTRATOR)
        desk._record(
            "workstation.created",
            None,
            {
                "workstation": workstation,
                "key_storage": key_storage.value,
                "signing_key": signing_public,
                "signing_fingerprint": fingerprint(signing_public),
            },
        )
        desk._record(
            "reviewer.added", None, {"name": reviewer, "role": Role.ADMINISTRATOR.value, "enrolled_by": None}
        )
        # Written last: a directory without it is not set up.
        data_dir.write_config(config)
    except BaseException as exc:
        # Undo every piece so that set-up can simply be tried again.
        if store is not None:
            store.close()
        hold.release()
        data_dir.store_path.unlink(missing_ok=True)
        data_dir.key_path.unlink(missing_ok=True)
        signer.forget()
        if key_storage is KeyStorage.KEYRING and keys.keyring_available():
            keys.keyring_delete(config.store_id)
        if isinstance(exc, SigningError):
            raise DeskError(str(exc)) from exc
        if isinstance(exc, keys.KeyError_ | StoreError):
            raise DeskError(str(exc)) from exc
        raise
    return desk


def unlock(
    data_dir: DataDir,
    *,
    passphrase: str | None = None,
    clock: Clock = _utc_now,
) -> Desk:
    """Open the store with the key from the keyring, or unwrapped with the passphrase.

    A passphrase, when given, is always tried first: it is the way in that does not
    depend on the desktop session.
    """
    config = data_dir.read_config()
    if not data_dir.store_path.is_file():
        raise DeskError(
            f"The case store {data_dir.store_path} is missing. Restore the data directory from a "
            "backup; nothing was created."
        )
    hold = _take_lock(data_dir)
    try:
        store = _open_store(data_dir, config, passphrase)
    except BaseException:
        hold.release()
        raise
    desk = Desk(data_dir, config, store, clock)
    desk.hold = hold
    try:
        _ensure_signing_key(desk, passphrase)
    except BaseException:
        desk.close()
        raise
    return desk


def _open_store(data_dir: DataDir, config: WorkstationConfig, passphrase: str | None) -> Store:
    try:
        if passphrase is not None:
            key = keys.unwrap_key(keys.read_key_file(data_dir.key_path), passphrase)
        elif config.key_storage is KeyStorage.KEYRING:
            key = keys.keyring_load(config.store_id)
        else:
            raise DeskError("This workstation is unlocked with its passphrase.")
        return Store(data_dir.store_path, key)
    except keys.KeyringEntryMissingError as exc:
        if data_dir.key_path.exists():
            raise DeskError(f"{exc} Unlock with the workstation passphrase instead.") from exc
        raise DeskError(
            f"{exc} This workstation keeps its key only there: restore the keyring from a "
            "backup of your desktop session."
        ) from exc
    except keys.KeyError_ as exc:
        raise DeskError(str(exc)) from exc
    except WrongKeyError as exc:
        raise DeskError(
            f"The case store {data_dir.store_path} does not open with this key: it is damaged "
            "or belongs to another key. Restore the data directory from a backup."
        ) from exc
    except StoreError as exc:
        raise DeskError(str(exc)) from exc


def _ensure_signing_key(desk: Desk, passphrase: str | None) -> None:
    """A data directory set up before workstations signed what they publish gets its key now,
    on its first unlock, kept as the database key is (the unlock holds what protects it)."""
    signer = SigningKey(desk.data_dir, desk.config, passphrase)
    if signer.exists():
        return
    try:
        public = signer.make()
    except SigningError as exc:
        raise DeskError(f"{exc} (This workstation needs a signing key for sync.)") from exc
    desk.record(
        "workstation.signing_key_made",
        None,
        {
            "signing_key": public,
            "signing_fingerprint": fingerprint(public),
            "why": "first unlock since signing",
        },
        actor="demand-desk",
    )


def change_passphrase(data_dir: DataDir, old: str, new: str) -> None:
    """Re-wrap every secret the passphrase protects: the database key, the team keys and the
    workstation's signing key.

    In an order that survives a crash at any point: the team keys and the signing key are
    wrapped under both passphrases first, then the database key is re-wrapped, then the old
    wraps go.
    """
    from app.team import TeamError, TeamKey  # the team key is a sync matter, loaded when needed

    # A window open on the old passphrase must not race the re-wrap.
    hold = _take_lock(data_dir) if data_dir.root.is_dir() else None
    try:
        key = keys.unwrap_key(keys.read_key_file(data_dir.key_path), old)  # the old one is right
        config = data_dir.read_config()
        staged = TeamKey(data_dir, config, old).stage_passphrase(new)
        signing_staged = SigningKey(data_dir, config, old).stage_passphrase(new)
        keys.write_key_file(data_dir.key_path, keys.wrap_key(key, new))
        if staged:
            TeamKey(data_dir, config, new).finish_passphrase()
        if signing_staged:
            SigningKey(data_dir, config, new).finish_passphrase()
    except (keys.KeyError_, TeamError, SigningError, DataDirError) as exc:
        raise DeskError(str(exc)) from exc
    finally:
        if hold is not None:
            hold.release()


def start_pdf_reader_ahead() -> None:
    """Have a PDF reader started and waiting for the next demand (the window, when idle)."""
    start_reader_ahead()


def read_pdf(untrusted_pdf: bytes, cancelled: Callable[[], bool] | None = None) -> ProbedPdf:
    """Check the PDF in a reader process: is it a PDF we can take in at all?"""
    return probe_pdf(untrusted_pdf, cancelled=cancelled)


def read_demand(
    untrusted_pdf: bytes,
    *,
    today: date,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    probed: ProbedPdf | None = None,
    ocr_seconds_per_page: float | None = None,
) -> ReadDemand:
    """The slow, thread-safe half of intake: check, OCR the scanned pages, read the facts.

    ``ocr_seconds_per_page``: ``Desk.ocr_seconds_per_page()``, the OCR time budget's setting.
    """
    return pipeline.read_demand(
        untrusted_pdf,
        today=today,
        progress=progress,
        cancelled=cancelled,
        probed=probed,
        ocr_seconds_per_page=ocr_seconds_per_page,
    )


# -- the unlocked desk -----------------------------------------------------------------


class Desk:
    def __init__(self, data_dir: DataDir, config: WorkstationConfig, store: Store, clock: Clock) -> None:
        self.data_dir = data_dir
        self.config = config
        self.store = store
        self.clock = clock
        self.reviewer: Reviewer | None = None
        # The data directory's one-writer lock, when this desk took it (set_up, unlock).
        self.hold: worklock.Hold | None = None

    @property
    def workstation(self) -> str:
        return self.config.workstation

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            self.reviewer = None
            if self.hold is not None:
                self.hold.release()

    # -- reviewers ---------------------------------------------------------------------

    def default_reviewer(self) -> str | None:
        """Who set the workstation up: the sign-in dialog offers them first. Nobody acts by default."""
        return self.store.get_setting("default_reviewer")

    def check_pin(self, name: str, pin: str) -> Reviewer:
        """The reviewer ``name`` if ``pin`` is theirs. Wrong PINs in a row lock them out for a while."""
        row = self.store.get_reviewer(name)
        if row is None:
            raise WrongPinError(f"There is no reviewer named {name!r}.")
        if not row["pin_hash"]:
            raise WrongPinError(
                f"{row['name']} is on the team's roster but has no PIN on this workstation yet: an "
                "administrator here lets them set one (Tools ▸ Reviewers, or `reviewer add`)."
            )
        now = self.clock()
        locked = row["locked_until"]
        if locked and datetime.fromisoformat(locked) > now:
            raise WrongPinError(locked_message(row["name"], datetime.fromisoformat(locked), now))
        try:
            _PIN_HASHER.verify(row["pin_hash"], pin)
        except (VerificationError, InvalidHashError):
            self._pin_failed(row["name"], row["failed_pins"] + 1, now)
            raise WrongPinError(f"That PIN is not {row['name']}'s.") from None
        if row["failed_pins"]:
            with self.store.atomic():
                self.store.set_pin_failures(row["name"], 0, None)
        return Reviewer(row["name"], Role(row["role"]))

    def _pin_failed(self, name: str, failures: int, now: datetime) -> None:
        # Committed before the refusal is raised: a guesser who starts a new process each try
        # still counts against the same reviewer.
        wait = lock_for(failures)
        until = _iso(now + wait) if wait else None
        with self.store.atomic():
            self.store.set_pin_failures(name, failures, until)
            if wait:
                self._record(
                    "reviewer.locked",
                    None,
                    {"name": name, "wrong_pins": failures, "until": until},
                    actor=name,
                )

    def sign_in(self, name: str, pin: str) -> Reviewer:
        self.reviewer = self.check_pin(name, pin)
        return self.reviewer

    def recheck_reviewer(self) -> None:
        """After the roster changed elsewhere (sync): the signed-in reviewer's new role, or
        nobody signed in when the team removed them."""
        if self.reviewer is None:
            return
        row = self.store.get_reviewer(self.reviewer.name)
        self.reviewer = Reviewer(row["name"], Role(row["role"])) if row else None

    def reviewers(self) -> list[Reviewer]:
        return [Reviewer(r["name"], Role(r["role"])) for r in self.store.list_reviewers()]

    def roster(self, *, removed: bool = True) -> list[ReviewerRecord]:
        """Every reviewer this workstation knows, with who enrolled them; removed ones too."""
        return [_record_of(r) for r in self.store.list_reviewers(removed=removed)]

    def reviewer_record(self, name: str) -> ReviewerRecord | None:
        row = self.store.get_reviewer(name, removed=True)
        return _record_of(row) if row is not None else None

    def _administrator(self, admin: str | None, admin_pin: str) -> Reviewer:
        """The administrator who authorises a change to the roster, by their own PIN."""
        name = admin or self._actor()
        try:
            who = self.check_pin(name, admin_pin)
        except WrongPinError as exc:
            raise DeskError(f"{exc} Changing the reviewers needs an administrator's PIN.") from None
        if not who.administrator:
            raise DeskError(
                f"{who.name} is a {who.role.label.lower()}: only an administrator enrols, removes or "
                "changes the role of a reviewer."
            )
        return who

    def add_reviewer(
        self,
        name: str,
        pin: str,
        *,
        admin_pin: str,
        role: Role | str | None = None,
        admin: str | None = None,
    ) -> Reviewer:
        """Enrol a reviewer. ``pin`` is the new reviewer's own, typed by them; ``admin`` (default:
        the signed-in reviewer) is an administrator who proves it with ``admin_pin``.

        A reviewer the team's roster already has (enrolled on another workstation) is not
        enrolled again: they set their PIN here, keeping the role the roster gives them.
        """
        rank = _role(role) if role is not None else None
        name = _check_name(name, "reviewer")
        by = self._administrator(admin, admin_pin)
        _check_pin(pin)
        row = self.store.get_reviewer(name)
        if row is not None and not row["pin_hash"]:
            return self._admit_here(row, pin, rank, by)
        known = [r.name for r in self.roster()]
        if any(same_person(name, k) for k in known):
            raise DeskError(
                f"A reviewer named {name!r} already exists (or was removed: names are not reused)."
            )
        look_alike = confusable_with(name, known)
        if look_alike:
            raise DeskError(
                f"{name!r} looks like the existing reviewer {look_alike!r}; choose a name no one can "
                "mistake for another."
            )
        rank = rank or Role.REVIEWER
        try:
            with self.store.atomic():
                self._roster_change(Action.ENROLLED, name, rank, by)
                self.store.set_reviewer_pin(name, _PIN_HASHER.hash(pin))
                self._record(
                    "reviewer.added",
                    None,
                    {"name": name, "role": rank.value, "enrolled_by": by.name},
                    actor=by.name,
                )
        except StoreError as exc:
            raise DeskError(str(exc)) from exc
        return Reviewer(name, rank)

    def _admit_here(self, row: Any, pin: str, role: Role | None, by: Reviewer) -> Reviewer:
        """A reviewer enrolled on another workstation sets their PIN on this one."""
        standing = Role(row["role"])
        if role is not None and role is not standing:
            raise DeskError(
                f"{row['name']} is a {standing.label.lower()} on the team's roster; they set their PIN "
                "here with that role (change the role afterwards if it is wrong)."
            )
        with self.store.atomic():
            self.store.set_reviewer_pin(row["name"], _PIN_HASHER.hash(pin))
            self._record(
                "reviewer.pin_set_here",
                None,
                {"name": row["name"], "role": standing.value, "enrolled_on": row["origin"]},
                actor=by.name,
            )
        return Reviewer(row["name"], standing)

    def remove_reviewer(self, name: str, *, admin_pin: str, admin: str | None = None) -> None:
        """Take a reviewer off the team's roster; what they did and approved stands, as history."""
        by = self._administrator(admin, admin_pin)
        row = self._present(name)
        self._keep_an_administrator(row)
        with self.store.atomic():
            self._roster_change(Action.REMOVED, row["name"], None, by)
            self._record("reviewer.removed", None, {"name": row["name"], "role": row["role"]}, actor=by.name)
        if self.reviewer is not None and same_person(self.reviewer.name, row["name"]):
            self.reviewer = None

    def set_role(self, name: str, role: Role | str, *, admin_pin: str, admin: str | None = None) -> Reviewer:
        role = _role(role)
        by = self._administrator(admin, admin_pin)
        row = self._present(name)
        if row["role"] == role.value:
            return Reviewer(row["name"], role)
        self._keep_an_administrator(row)
        with self.store.atomic():
            self._roster_change(Action.ROLE_CHANGED, row["name"], role, by)
            self._record(
                "reviewer.role_changed",
                None,
                {"name": row["name"], "from": row["role"], "to": role.value},
                actor=by.name,
            )
        if self.reviewer is not None and same_person(self.reviewer.name, row["name"]):
            self.reviewer = Reviewer(row["name"], role)
        return Reviewer(row["name"], role)

    def _roster_change(self, action: Action, name: str, role: Role | None, by: Reviewer) -> None:
        """One change to the team's roster, made here (published on the next sync)."""
        event = RosterEvent.new(
            after=roster_log.events(self.store),
            at=self.now(),
            workstation=self.workstation,
            actor=by.name,
            action=action,
            name=name,
            role=role,
        )
        roster_log.record(self.store, event, here=self.workstation)

    def change_pin(self, name: str, old_pin: str, new_pin: str) -> None:
        """A reviewer changes their own PIN, proving the old one."""
        who = self.check_pin(name, old_pin)
        _check_pin(new_pin)
        with self.store.atomic():
            self.store.set_reviewer_pin(who.name, _PIN_HASHER.hash(new_pin))
            self._record("reviewer.pin_changed", None, {"name": who.name}, actor=who.name)

    def _present(self, name: str) -> Any:
        row = self.store.get_reviewer(name)
        if row is None:
            raise DeskError(f"There is no reviewer named {name!r}.")
        return row

    def _keep_an_administrator(self, row: Any) -> None:
        """Refuse to remove or demote the last administrator: nobody could enrol anyone after."""
        admins = [r.name for r in self.reviewers() if r.administrator]
        if row["role"] == Role.ADMINISTRATOR.value and admins == [row["name"]]:
            raise DeskError(f"{row['name']} is the only administrator; make another one first.")

    # -- settings ------------------------------------------------------------------------

    def provider_entities(self) -> tuple[str, ...]:
        """The provider's legal entities a demand may be addressed to (checklist: addressed_to_provider)."""
        raw = self.store.get_setting("provider_entities")
        try:
            names = json.loads(raw) if raw else []
        except ValueError:
            return ()
        return tuple(str(n) for n in names if isinstance(n, str))

    def set_provider_entities(self, names: Sequence[str]) -> None:
        cleaned = [n.strip() for n in names if n.strip()]
        actor = self._actor()
        with self.store.atomic():
            self.store.set_setting("provider_entities", dumps(cleaned))
            self._record("settings.provider_entities", None, {"entities": cleaned}, actor=actor)

    def idle_lock_minutes(self) -> int:
        value = self.store.get_setting("idle_lock_minutes")
        try:
            return max(1, int(value)) if value else DEFAULT_IDLE_LOCK_MINUTES
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= 240:
            raise DeskError("Auto-lock must be between 1 and 240 minutes.")
        with self.store.atomic():
            self.store.set_setting("idle_lock_minutes", str(minutes))
            self._record("settings.changed", None, {"idle_lock_minutes": minutes})

    def ocr_seconds_per_page(self) -> int:
        """The OCR time budget's allowance per page on this workstation (``limits.ocr_budget``)."""
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        value = self.store.get_setting("ocr_seconds_per_page")
        try:
            return min(high, max(low, int(value))) if value else int(OCR_SECONDS_PER_PAGE)
        except ValueError:
            return int(OCR_SECONDS_PER_PAGE)

    def set_ocr_seconds_per_page(self, seconds: int) -> None:
        low, high = OCR_SECONDS_PER_PAGE_RANGE
        if not low <= seconds <= high:
            raise DeskError(f"The OCR time per page must be between {low} and {high} seconds.")
        with self.store.atomic():
            self.store.set_setting("ocr_seconds_per_page", str(seconds))
            self._record("settings.changed", None, {"ocr_seconds_per_page": seconds})

    # -- intake --------------------------------------------------------------------------

    def intake(
        self,
        untrusted_pdf: bytes,
        filename: str,
        *,
        received: date | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CaseId:
        """Read the demand (check, OCR, facts), then store it all as a new case.

        ``received`` is the day the demand was served (default: today). Nothing is stored
        unless the whole PDF reads; the bytes never touch the disk outside the encrypted store.
        """
        self._actor()
        self._served_on(received)  # refused before the slow reading, not after it
        read = read_demand(
            untrusted_pdf,
            today=self.clock().date(),
            progress=progress,
            cancelled=cancelled,
            ocr_seconds_per_page=self.ocr_seconds_per_page(),
        )
        return self.store_intake(untrusted_pdf, filename, read, received=received)

    def store_intake(
        self, untrusted_pdf: bytes, filename: str, read: ReadDemand, *, received: date | None = None
    ) -> CaseId:
        """The second half of intake, for callers that ran ``read_demand`` off their own thread."""
        actor = self._actor()
        now = self.clock()
        served = self._served_on(received)
        case_id = CaseId(secrets.token_hex(8))
        name = Path(filename).name or "demand.pdf"
        digest = hashlib.sha256(untrusted_pdf).hexdigest()
        facts = read.facts
        due = _emergency_due(facts, now, received) or _counted_from_receipt(
            facts, served, given=received is not None
        )
        if due is not None:
            facts.scalars["response_due"] = due
        scalar = {key: reading.value for key, reading in facts.scalars.items()}
        with self.store.atomic():
            reference = self._next_reference(now)
            self.store.insert_case(
                {
                    "id": case_id,
                    "reference": reference,
                    "title": Path(name).stem[:120],
                    "received_at": _iso(now),
                    "response_due": scalar.get("response_due"),
                    "country": scalar.get("country"),
                    "instrument": scalar.get("instrument"),
                    "status": CaseStatus.NEW.value,
                    "created_by": actor,
                    "updated_at": _iso(now),
                    "version_id": uuid.uuid4().hex,
                    "parent_version_id": None,
                }
            )
            doc_id = self.store.insert_document(
                {
                    "case_id": case_id,
                    "filename": name,
                    "sha256": digest,
                    "size": len(untrusted_pdf),
                    "pages": len(read.pages),
                    "pdf": untrusted_pdf,
                    "added_at": _iso(now),
                }
            )
            self.store.insert_pages(doc_id, [_page_row(p) for p in read.pages])
            self._store_facts(case_id, facts, _iso(now))
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": "received",
                    "value": dumps(served.isoformat()),
                    "page": None,
                    "box": None,
                    "confidence": None,
                    # Given by the reviewer who took it in; otherwise assumed, and flagged to check.
                    "source": "reviewer" if received is not None else "auto",
                    "original_value": None,
                    "flag": None if received is not None else _ASSUMED_RECEIVED,
                    "updated_by": actor if received is not None else None,
                    "updated_at": _iso(now),
                }
            )
            if read.nothing_read:
                # Flagged where the reviewer looks first: the instrument row of the Facts tab.
                self.store.upsert_fact(
                    {
                        "case_id": case_id,
                        "key": "instrument",
                        "value": None,
                        "page": None,
                        "box": None,
                        "confidence": None,
                        "source": "auto",
                        "original_value": None,
                        "flag": NOTHING_READ,
                        "updated_by": None,
                        "updated_at": _iso(now),
                    }
                )
            self.store.index_case_text(
                case_id, reference, Path(name).stem + " " + " ".join(p.text for p in read.pages)
            )
            self._record(
                "case.intake",
                case_id,
                {
                    "reference": reference,
                    "filename": name,
                    "sha256": digest,
                    "pages": len(read.pages),
                    "ocr_used": read.ocr_used,
                    "received": served.isoformat(),
                    "received_given": received is not None,
                },
                actor=actor,
            )
            _holds(self).on_intake(case_id, actor)  # a preservation request's hold, a demand's link
        return case_id

    def intake_warnings(self, case_id: CaseId) -> list[str]:
        """What the reviewer must know about how the demand was read (the intake's warnings)."""
        if any(pipeline.has_text(p) for p in self.pages(case_id)):
            return _holds(self).intake_notes(case_id)
        return [
            "Nothing could be read from the document (no text layer, and OCR found no text): "
            "the review recommends escalating it until its facts are entered from the served original."
        ]

    def _served_on(self, received: date | None) -> date:
        """The day of service: as given, or today; never a day that has not come yet."""
        today = self.clock().date()
        if received is None:
            return today
        if received > today:
            raise DeskError(f"The demand cannot have been received on {received}, after today ({today}).")
        return received

    def received(self, case_id: CaseId, values: dict[str, FactValue] | None = None) -> date:
        """The day the demand was served; a case taken in before it was recorded counts from intake."""
        values = values if values is not None else self.fact_map(case_id)
        served = _as_date(values["received"].value)
        if served is not None:
            return served
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        return date.fromisoformat(case["received_at"][:10])

    def _store_facts(self, case_id: CaseId, facts: ExtractedFacts, now: str) -> None:
        for key, reading in facts.scalars.items():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": key,
                    "value": dumps(reading.value) if reading.value is not None else None,
                    "page": reading.page,
                    "box": dumps(list(reading.box)) if reading.box else None,
                    "confidence": reading.confidence,
                    "source": "auto",
                    "original_value": None,
                    "flag": reading.flagged,
                    "updated_by": None,
                    "updated_at": now,
                }
            )
        self.store.insert_identifiers(
            [
                {
                    "case_id": case_id,
                    "kind": i.kind,
                    "value": i.value,
                    "normalized": i.value.casefold() if i.value else None,
                    "redacted": int(i.redacted),
                    "page": i.page,
                    "box": dumps(list(i.box)) if i.box else None,
                    "source": "auto",
                    "role": role,
                }
                for role, found in (("target", facts.identifiers), ("requester", facts.requester_contacts))
                for i in found
            ]
        )
        self.store.insert_data_requested(
            [
                {
                    "case_id": case_id,
                    "category": d.category,
                    "content": int(d.content),
                    "text": d.text,
                    "page": d.page,
                    "box": dumps(list(d.box)) if d.box else None,
                }
                for d in facts.data_requested
            ]
        )
        secrecy = facts.secrecy_order
        if secrecy is not None:
            self.store.set_secrecy_order(
                {
                    "case_id": case_id,
                    "present": int(secrecy.present),
                    "statute": secrecy.statute,
                    "duration_days": secrecy.duration_days,
                    "issued": facts.scalars["date_issued"].value if "date_issued" in facts.scalars else None,
                    "expires": secrecy.expires,
                    "open_ended": int(secrecy.open_ended),
                    "text": secrecy.text,
                    "page": secrecy.page,
                    "box": dumps(list(secrecy.box)) if secrecy.box else None,
                }
            )

    def next_reference(self, now: datetime) -> str:
        """The next case reference (WS-2026-0001); call inside the transaction that inserts the case."""
        return self._next_reference(now)

    def _next_reference(self, now: datetime) -> str:
        code = re.sub(r"[^A-Z0-9]", "", self.workstation.upper())[:6] or "WS"
        prefix = f"{code}-{now.year}-"
        return f"{prefix}{self.store.references_with_prefix(prefix) + 1:04d}"

    # -- reading cases -------------------------------------------------------------------

    def resolve_case(self, ref: str) -> CaseId:
        if not ref.strip():
            raise DeskError("Name a case: its id (or the start of it) or its reference.")
        found = self.store.find_case_ids(ref.strip())
        if not found:
            raise DeskError(f"No case matches {ref!r}.")
        if len(found) > 1:
            raise DeskError(f"{ref!r} matches {len(found)} cases; give more of the id.")
        return CaseId(found[0])

    def cases(self) -> list[CaseSummary]:
        return [
            CaseSummary(
                case_id=CaseId(r["id"]),
                reference=r["reference"],
                received_at=r["received_at"],
                response_due=r["response_due"],
                country=r["country"],
                instrument=r["instrument"],
                status=CaseStatus(r["status"]),
                title=r["title"],
            )
            for r in self.store.list_cases()
        ]

    def search(self, text: str) -> list[CaseId]:
        """Cases whose text contains every word typed (prefix match on the last)."""
        terms = re.findall(r"\w+", text)
        if not terms:
            return []
        query = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        return [CaseId(c) for c in self.store.search_cases(query.strip())]

    def document(self, case_id: CaseId) -> bytes:
        row = self.store.get_document(case_id)
        if row is None:
            raise DeskError("This case has no document.")
        return bytes(row["pdf"])

    def pages(self, case_id: CaseId) -> list[PageText]:
        return [
            PageText(
                page_no=r["page_no"],
                width=r["width"],
                height=r["height"],
                source=PageSource(r["source"]),
                text=r["text"],
                words=[_word(w) for w in json.loads(r["words"])],
            )
            for r in self.store.get_pages(case_id)
        ]

    def fact_values(self, case_id: CaseId) -> list[FactValue]:
        """The scalar facts in display order, unknown ones included as None."""
        stored = {r["key"]: r for r in self.store.get_facts(case_id)}
        values = []
        for key in (*SCALAR_FACTS, "date_range_from", "date_range_to", *REVIEW_FACTS, *CASE_FACTS):
            row = stored.get(key)
            if row is None and key == "received":
                # A case taken in before the day of service was recorded: the day it was taken in.
                case = self.store.get_case(case_id)
                taken_in = case["received_at"][:10] if case else None
                values.append(FactValue(key, taken_in, "auto", flag=_ASSUMED_RECEIVED if case else None))
                continue
            if row is None:
                values.append(FactValue(key, None, "auto"))
                continue
            values.append(
                FactValue(
                    key=key,
                    value=json.loads(row["value"]) if row["value"] is not None else None,
                    source=row["source"],
                    page=row["page"],
                    box=tuple(json.loads(row["box"])) if row["box"] else None,
                    confidence=row["confidence"],
                    flag=row.get("flag"),
                    original=json.loads(row["original_value"]) if row["original_value"] else None,
                    updated_by=row["updated_by"],
                )
            )
        return values

    def facts(self, case_id: CaseId) -> dict[str, Any]:
        """The Facts JSON of DESIGN.md: every key present, unknown values null."""
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        doc = self.store.get_document(case_id)
        pages = self.store.get_pages(case_id)
        scalar = {f.key: f.value for f in self.fact_values(case_id)}
        secrecy = self.store.get_secrecy_order(case_id)
        return {
            "case_id": case_id,
            "reference": case["reference"],
            "pages": doc["pages"] if doc else 0,
            "ocr_used": any(p["source"] == PageSource.OCR.value for p in pages),
            "instrument": scalar["instrument"],
            "issuing_authority": scalar["issuing_authority"],
            "country": scalar["country"],
            "date_issued": scalar["date_issued"],
            "signed": scalar["signed"],
            "addressee": scalar["addressee"],
            "file_number": scalar["file_number"],
            "identifiers": [
                {
                    "kind": r["kind"],
                    "value": r["value"],
                    "redacted": bool(r["redacted"]),
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_identifiers(case_id)
            ],
            "data_requested": [
                {
                    "category": r["category"],
                    "content": bool(r["content"]),
                    "text": r["text"],
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_data_requested(case_id)
            ],
            "requester_contacts": [
                {
                    "kind": r["kind"],
                    "value": r["value"],
                    "page": r["page"],
                    "box": json.loads(r["box"]) if r["box"] else None,
                }
                for r in self.store.get_identifiers(case_id, role="requester")
            ],
            "date_range": {"from": scalar["date_range_from"], "to": scalar["date_range_to"]},
            "response_due": scalar["response_due"],
            "response_period": scalar["response_period"],
            "received": scalar["received"] or case["received_at"][:10],
            "emergency": scalar["emergency"],
            "letterhead": scalar["letterhead"],
            "emergency_summary": scalar["emergency_summary"],
            "emergency_how_data_helps": scalar["emergency_how_data_helps"],
            "secrecy_order": {
                "present": bool(secrecy["present"]) if secrecy else None,
                "duration_days": secrecy["duration_days"] if secrecy else None,
                "expires": secrecy["expires"] if secrecy else None,
                "text": secrecy["text"] if secrecy else None,
                "page": secrecy["page"] if secrecy else None,
                "box": json.loads(secrecy["box"]) if secrecy and secrecy["box"] else None,
                "open_ended": bool(secrecy["open_ended"]) if secrecy else None,
                "statute": secrecy["statute"] if secrecy else None,
            },
        } | _holds(self).facts_json(case_id)

    # -- correcting facts ----------------------------------------------------------------

    def correct_fact(self, case_id: CaseId, key: str, value: Any, reason: str = "") -> FactValue:
        """A reviewer's correction: the new value wins, the first reading is kept beside it."""
        actor = self._actor()
        value = _coerce_fact(key, value)
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        if key == "instrument" and case["instrument"] == DISCLOSURE_KIND:
            raise DeskError(
                "This case is a disclosure made without legal process, not a demand: it has no instrument."
            )
        if key == "received":
            if value is None:
                raise DeskError("A case keeps the day it was received; give the right one (YYYY-MM-DD).")
            self._served_on(date.fromisoformat(value))
        current = self.fact_map(case_id)[key]
        if current.value == value:
            return current
        original = current.original if current.source == "reviewer" else current.value
        now = _iso(self.clock())
        with self.store.atomic():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": key,
                    "value": dumps(value),
                    "page": current.page,
                    "box": dumps(list(current.box)) if current.box else None,
                    "confidence": None,
                    "source": "reviewer",
                    "flag": None,
                    "original_value": dumps(original) if original is not None else None,
                    "updated_by": actor,
                    "updated_at": now,
                }
            )
            # The queue shows these columns; keep them in step with the facts.
            mirrored = ("instrument", "country", "response_due")
            self.touch_case(case_id, now, {key: value} if key in mirrored else None)
            self._record(
                "fact.corrected",
                case_id,
                {"key": key, "from": current.value, "to": value, "reason": reason},
                actor=actor,
            )
            if key in ("date_issued", "country", "received"):
                # A period runs from issue or receipt and counts that country's holidays.
                self._recount_due(case_id, f"{key} corrected", actor)
        return self.fact_map(case_id)[key]

    # -- deadlines counted by a period ---------------------------------------------------

    def refresh_due_dates(self) -> list[CaseId]:
        """Count period deadlines again if any holiday calendar changed since they were counted.

        A deadline the demand gives as "within 10 business days" depends on the holidays of
        its country; when ``resources/calendars`` is updated those dates move, and the
        queue, today view and calendar export must move with them. Returns the cases whose
        due date changed (each with a ``deadline.recounted`` audit event).
        """
        current = calendars.fingerprint()
        if self.store.get_setting("calendars_counted") == current:
            return []
        actor = self.reviewer.name if self.reviewer else "demand-desk"
        changed = []
        with self.store.atomic():
            for case_id in self.store.cases_with_fact("response_period"):
                if self._recount_due(CaseId(case_id), "holiday calendar updated", actor):
                    changed.append(CaseId(case_id))
            self.store.set_setting("calendars_counted", current)
        return changed

    def fact_map(self, case_id: CaseId) -> dict[str, FactValue]:
        """``fact_values`` by key."""
        return {f.key: f for f in self.fact_values(case_id)}

    def period_rule(self, case_id: CaseId, values: dict[str, FactValue] | None = None) -> DeadlineRule | None:
        """The rule the demand's response period stands for; None when it gave none that can be
        counted, or a reviewer set the due date (which then stands). ``values``: ``fact_map``."""
        values = values if values is not None else self.fact_map(case_id)
        case = self.store.get_case(case_id)
        if case is None or values["response_due"].source == "reviewer":
            return None
        return rule_for(
            values["response_period"].value,
            issued=_as_date(values["date_issued"].value),
            received=self.received(case_id, values),
            country=values["country"].value,
        )

    def _recount_due(self, case_id: CaseId, why: str, actor: str) -> bool:
        """Count a period deadline from the current facts; a reviewer's own due date stands."""
        values = self.fact_map(case_id)
        due = values["response_due"]
        rule = self.period_rule(case_id, values)
        if rule is None:
            return False
        new = base_due_date(rule).isoformat()
        if new == due.value:
            return False
        now = _iso(self.clock())
        with self.store.atomic():
            self.store.upsert_fact(
                {
                    "case_id": case_id,
                    "key": "response_due",
                    "value": dumps(new),
                    "page": due.page,
                    "box": dumps(list(due.box)) if due.box else None,
                    "confidence": due.confidence,
                    "source": "auto",
                    # Counted from the day of service the reviewer gave: nothing left to check.
                    "flag": None if why == "received corrected" else due.flag,
                    "original_value": None,
                    "updated_by": None,
                    "updated_at": now,
                }
            )
            self.store.update_case(case_id, {"response_due": new, "updated_at": now})
            self._record(
                "deadline.recounted",
                case_id,
                {
                    "from": due.value,
                    "to": new,
                    "period": values["response_period"].value,
                    "why": why,
                    "calendar": calendars.calendar_version(rule.country),
                },
                actor=actor,
            )
        return True

    # -- audit ---------------------------------------------------------------------------

    def audit_trail(self, case_id: CaseId | None = None) -> list[AuditEvent]:
        return [
            AuditEvent(
                seq=r["seq"],
                at=r["at"],
                reviewer=r["reviewer"],
                workstation=r["workstation"],
                case_id=r["case_id"],
                action=r["action"],
                payload=json.loads(r["payload"]),
                prev_hash=r["prev_hash"],
                hash=r["hash"],
            )
            for r in self.store.audit_events(case_id)
        ]

    def verify_audit(self) -> ChainReport:
        """The chain, the anchor and the replay against the case tables (app/audit_replay.py).

        When the chain is whole and extends the anchor, its head becomes the new anchor.
        """
        from app import audit_replay  # reads every case table: loaded when verifying

        rows = list(self.store.audit_events())
        report = self._verify_chain(rows)
        problems = [audit.Problem(None, None, report.problem, report.first_bad_seq)] if report.problem else []
        problems += report.problems
        problems += audit_replay.replay(rows, audit_replay.read_tables(self.store))
        problems += self._head_problems(rows)
        if problems:
            report = replace(report, ok=False, problems=tuple(problems))
        return report

    def _head_problems(self, rows: list[dict[str, Any]]) -> list[audit.Problem]:
        """What the signed heads show (app/audit_heads.py): the chain must still pass through every
        head published of it, here or held by a colleague; and what sync found in colleagues' heads."""
        from app import audit_heads
        from db import audit_heads as head_rows

        hashes = {int(r["seq"]): str(r["hash"]) for r in rows}
        claims = audit_heads.chain_claims(self.workstation, head_rows.heads(self.store))
        found = audit_heads.chain_problems(hashes, claims)
        for row in head_rows.findings(self.store):
            case = self.store.get_case(row["case_id"]) if row["case_id"] else None
            found.append(audit.Problem(row["case_id"], case["reference"] if case else None, row["what"]))
        return found

    def anchor_audit(self) -> bool:
        """Record the chain's head as this workstation's anchor if the chain is whole (after a
        sync); False when it is not, and the anchor stays where it was."""
        return self._verify_chain(list(self.store.audit_events())).ok

    def _verify_chain(self, rows: list[dict[str, Any]]) -> ChainReport:
        """The hash chain and its recorded head, then the anchor; a whole chain is anchored.

        The anchor (settings ``audit_anchor``: seq and hash) is kept apart from the events
        and from the head every event updates: it moves only here, at a verify or a sync
        that found the chain whole, so a tail cut or a re-chain after it is caught even when
        the recorded head was moved back to match (app/audit.py ``check_anchor`` says what
        it does not catch).
        """
        try:
            head = _seq_hash(self.store.get_setting("audit_head"))
        except ValueError:
            return ChainReport(False, 0, None, "the chain's head record is damaged")
        report = audit.verify_chain(rows, head)
        try:
            anchor = _seq_hash(self.store.get_setting(AUDIT_ANCHOR))
        except ValueError:
            damaged = audit.Problem(None, None, "this workstation's anchor of the trail is damaged")
            return replace(report, ok=False, problems=(damaged,))
        found = audit.check_anchor(rows, anchor) if anchor else None
        if found is not None:
            return replace(report, ok=False, problems=(found,))
        if report.ok and rows:
            with self.store.atomic():
                self.store.set_setting(AUDIT_ANCHOR, f"{rows[-1]['seq']}:{rows[-1]['hash']}")
        return report

    def check_passphrase(self, passphrase: str) -> None:
        """Raise DeskError unless ``passphrase`` is this workstation's (it unwraps the store's key)."""
        if not self.data_dir.key_path.exists():
            raise DeskError("This workstation keeps its key in the keyring only: it has no passphrase.")
        try:
            keys.unwrap_key(keys.read_key_file(self.data_dir.key_path), passphrase)
        except keys.KeyError_ as exc:
            raise DeskError(str(exc)) from exc

    def is_senior(self) -> bool:
        return self.reviewer is not None and self.reviewer.senior

    def touch_case(self, case_id: CaseId, now: str, fields: dict[str, Any] | None = None) -> None:
        """A reviewer worked on the case: stamp it, store ``fields``, and take a new case into review."""
        case = self.store.get_case(case_id)
        if case is None:
            raise DeskError(f"No case {case_id}.")
        changes: dict[str, Any] = {**(fields or {}), "updated_at": now}
        if case["status"] == CaseStatus.NEW.value:
            changes["status"] = CaseStatus.IN_REVIEW.value
        self.store.update_case(case_id, changes)

    def actor(self) -> str:
        """The signed-in reviewer's name; raises NotSignedInError when nobody is."""
        return self._actor()

    def now(self) -> str:
        return _iso(self.clock())

    def record(
        self, action: str, case_id: str | None, payload: dict[str, Any], *, actor: str | None = None
    ) -> None:
        """Append one audit event (joining the caller's transaction), for the app's other services."""
        self._record(action, case_id, payload, actor=actor)

    def _actor(self) -> str:
        if self.reviewer is None:
            raise NotSignedInError("Sign in as a reviewer first.")
        return self.reviewer.name

    def _record(
        self, action: str, case_id: str | None, payload: dict[str, Any], *, actor: str | None = None
    ) -> None:
        """Append one audit event; joins the caller's transaction when there is one."""
        actor = actor or self._actor()
        with self.store.atomic():
            last = self.store.audit_last()
            seq = (last["seq"] if last else 0) + 1
            prev_hash = last["hash"] if last else audit.GENESIS
            at = _iso(self.clock())
            digest = audit.event_hash(
                seq=seq,
                at=at,
                reviewer=actor,
                workstation=self.workstation,
                case_id=case_id,
                action=action,
                payload=payload,
                prev_hash=prev_hash,
            )
            self.store.insert_audit(
                {
                    "seq": seq,
                    "at": at,
                    "reviewer": actor,
                    "workstation": self.workstation,
                    "case_id": case_id,
                    "action": action,
                    "payload": dumps(payload),
                    "prev_hash": prev_hash,
                    "hash": digest,
                }
            )
            self.store.set_setting("audit_head", f"{seq}:{digest}")


class Services:
    """Every use-case service over one unlocked desk, each built when first asked for and
    then shared: one ``Review`` serves the letters, the schedule and printing alike.

    The window makes one when it unlocks and hands it to each part (report window, sync,
    printing); each CLI command makes one. Nothing else builds a service.
    """

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    @functools.cached_property
    def review(self) -> Review:
        from app.review.service import Review

        return Review(self.desk)

    @functools.cached_property
    def letters(self) -> Letters:
        from app.letters.service import Letters

        return Letters(self.desk, review=self.review)

    @functools.cached_property
    def schedule(self) -> Schedule:
        from app.schedule.service import Schedule

        return Schedule(self.desk, review=self.review)

    @functools.cached_property
    def holds(self) -> Holds:
        return _holds(self.desk)

    @functools.cached_property
    def disclosures(self) -> Disclosures:
        from app.disclosure.service import Disclosures

        return Disclosures(self.desk)

    @functools.cached_property
    def costs(self) -> Costs:
        from app.costs.service import Costs

        return Costs(self.desk)

    @functools.cached_property
    def corrections(self) -> Corrections:
        from app.corrections import Corrections

        return Corrections(self.desk)

    @functools.cached_property
    def prints(self) -> Prints:
        from app.printing import Prints

        return Prints(self.desk, letters=self.letters, review=self.review, schedule=self.schedule)


def _holds(desk: Desk) -> Holds:
    from app.holds.service import Holds  # app.holds builds on this module

    return Holds(desk)


def _seq_hash(raw: str | None) -> tuple[int, str] | None:
    """A stored "seq:hash"; None when there is none; ValueError when it is damaged."""
    if not raw:
        return None
    seq, _, digest = raw.partition(":")
    if not digest:
        raise ValueError(raw)
    return int(seq), digest


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise DeskError(f"A role is one of {', '.join(r.value for r in Role)}, not {value!r}.") from None


def _record_of(row: Any) -> ReviewerRecord:
    return ReviewerRecord(
        name=row["name"],
        role=Role(row["role"]),
        enrolled_at=row["created_at"],
        enrolled_by=row["enrolled_by"],
        removed_at=row["removed_at"],
        removed_by=row["removed_by"],
        origin=row["origin"],
        pin_here=bool(row["pin_here"]) if "pin_here" in row else bool(row["pin_hash"]),
    )


def _word(stored: list[Any]) -> Word:
    # Older rows hold [text, x0, y0, x1, y1]; newer ones add confidence and line.
    confidence = float(stored[5]) if len(stored) > 5 else 100.0
    line = int(stored[6]) if len(stored) > 6 else 0
    return Word(stored[0], (stored[1], stored[2], stored[3], stored[4]), confidence, line)


def _page_row(page: PageText) -> dict[str, Any]:
    return {
        "page_no": page.page_no,
        "width": page.width,
        "height": page.height,
        "source": page.source.value,
        "text": page.text,
        "words": dumps([[w.text, *w.box, w.confidence, w.line] for w in page.words]),
    }


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _counted_from_receipt(facts: ExtractedFacts, received: date, *, given: bool) -> Reading | None:
    """A deadline that runs from receipt, counted from the day the demand was served.

    The demand cannot say when it reached the provider. Unless the reviewer gave the day
    of service, the day it is taken in is the best known start, and the flag asks the
    reviewer to correct it when it was served earlier.
    """
    due, period = facts.scalars.get("response_due"), facts.scalars.get("response_period")
    if due is None or due.value is not None or period is None:
        return None
    country = facts.scalars.get("country")
    rule = rule_for(period.value, issued=None, received=received, country=country.value if country else None)
    if rule is None or rule.count_from != "received":
        return None
    if given:  # the extractor's "if received on the date issued" estimate is moot
        return replace(due, value=base_due_date(rule).isoformat(), flagged=None)
    return replace(
        due,
        value=base_due_date(rule).isoformat(),
        flagged=f"{period.value}, counted from the day it was taken in ({received.isoformat()}); "
        "correct it if the demand was served earlier",
    )


_ASSUMED_RECEIVED = "assumed served the day it was taken in; correct it if it was served earlier"
# The review's validity.readable says the same in its own words (poor_reading): the
# case goes to senior review until someone enters the facts from the served original.
NOTHING_READ = (
    "nothing could be read from the document (no text layer, and OCR found no text): "
    "read the served original and enter its facts"
)


def _emergency_due(facts: ExtractedFacts, now: datetime, served: date | None) -> Reading | None:
    """An emergency request is due hours after it was received (the pack says how many):
    when it was taken in, or from the start of an earlier day of service the reviewer gave.

    The date is the local day of that moment (the Facts JSON keeps a date); the Today view
    and the queue show the hour, from ``Schedule.emergencies``. A date the demand states
    stands when it is earlier.
    """
    from app.review.evaluators import is_emergency
    from app.review.policy import load_pack

    if not is_emergency({key: reading.value for key, reading in facts.scalars.items()}):
        return None
    hours = load_pack().emergency_response_hours
    start = emergency_start(now, served)
    at = emergency_due_at(start, hours).astimezone()
    stated = facts.scalars.get("response_due")
    if stated is not None and isinstance(stated.value, str) and stated.value <= at.date().isoformat():
        return None
    return Reading(
        value=at.date().isoformat(),
        flagged=f"emergency request: due {hours} hours after it was "
        + ("taken in" if start == now else f"served (from the start of {served}; the hour is not known)")
        + f", at {at:%H:%M}",
    )


def _coerce_fact(key: str, value: Any) -> Any:
    """Turn what a reviewer typed into the stored type, or refuse with a clear reason."""
    if key not in EDITABLE_FACTS:
        raise DeskError(f"{key!r} is not a fact that can be edited.")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = EDITABLE_FACTS[key]
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"yes", "true", "1", "y"}:
            return True
        if text in {"no", "false", "0", "n"}:
            return False
        raise DeskError(f"{key} is yes or no.")
    text = str(value).strip()
    if key in {"date_issued", "response_due", "date_range_from", "date_range_to", "received"}:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise DeskError(f"{key} must be a date written YYYY-MM-DD.") from None
    if key in ("instrument", "country"):
        chosen = fact_editors.parse_choice(key, text)
        if chosen is not None:
            return chosen
        if key == "instrument":
            words = ", ".join(f"{label} ({code})" for code, label in fact_editors.instrument_choices())
            raise DeskError(f"Unknown instrument {text!r}; one of: {words}.")
        raise DeskError(f"Unknown country {text!r}: give its name (Germany) or ISO code (DE).")
    return text


__all__ = [
    "Desk",
    "DeskError",
    "DataDirError",
    "IntakeError",
    "NotSignedInError",
    "WrongPinError",
    "change_passphrase",
    "read_demand",
    "read_pdf",
    "set_up",
    "unlock",
]
