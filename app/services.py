"""The desk and how it is opened: the import point for the use cases.

``set_up`` makes a new workstation, ``unlock`` opens an existing one and returns a
``Desk``: the unlocked store plus the reviewer acting on it (``app/context.py``), with the
use cases grouped by area (``app/desk_cases.py``, ``desk_intake.py``, ``desk_reviewers.py``,
``desk_audit.py``, ``desk_settings.py``). Every change goes through ``Desk.record``, inside
the same transaction as the change, so the audit trail and the data never disagree.
``Services(desk)`` builds each of the other services once.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app import keys, roster_log, worklock
from app.context import (
    Clock,
    Context,
    DeskError,
    NotSignedInError,
    WorkstationInUseError,
    WrongPinError,
    iso,
    take_lock,
    utc_now,
)
from app.datadir import DataDir, DataDirError, WorkstationConfig
from app.desk_audit import AuditMixin
from app.desk_intake import NOTHING_READ, IntakeMixin
from app.desk_reviewers import PIN_HASHER, ReviewersMixin, check_pin_rules, checked_name, set_default_reviewer
from app.desk_settings import DEFAULT_IDLE_LOCK_MINUTES, SettingsMixin, first_settings
from app.fsutil import ensure_private_dir
from app.intake import pipeline
from app.intake.pdf import IntakeError, ProbedPdf, probe_pdf, start_reader_ahead
from app.intake.pipeline import ReadDemand
from app.model import CaseId, KeyStorage, Reviewer
from app.reviewers import Role
from app.roster import Action, RosterEvent
from app.settings import text
from app.signing import SigningError, SigningKey, fingerprint
from db import Store, StoreError, WrongKeyError

if TYPE_CHECKING:
    from app.bundle.service import Bundles
    from app.corrections import Corrections
    from app.costs.service import Costs
    from app.disclosure.service import Disclosures
    from app.holds.service import Holds
    from app.letters.service import Letters
    from app.printing import Prints
    from app.report.service import Reports
    from app.review.service import Review
    from app.schedule.service import Schedule
    from app.team import TeamKey


# -- setting up and unlocking ---------------------------------------------------------

# Written once, at set-up: the workstation's name (migration 0012 reads it) and when.
_WORKSTATION = text("workstation", __name__)
_CREATED_AT = text("created_at", __name__)


def set_up(
    data_dir: DataDir,
    *,
    workstation: str,
    reviewer: str,
    pin: str,
    passphrase: str | None,
    key_storage: KeyStorage,
    demo: bool = False,
    clock: Clock = utc_now,
) -> Desk:
    """Create a new data directory: key, encrypted store, first reviewer, first audit event."""
    workstation = checked_name(workstation, "workstation")
    reviewer = checked_name(reviewer, "reviewer")
    check_pin_rules(pin)
    _refuse_set_up(data_dir, key_storage, passphrase)
    hold = _claim(data_dir)
    config = WorkstationConfig(
        store_id=uuid.uuid4().hex, workstation=workstation, key_storage=key_storage, demo=demo
    )
    key = keys.new_database_key()
    store: Store | None = None
    signer = SigningKey(data_dir, config, passphrase)
    try:
        signing_public = _keep_keys(data_dir, config, key, passphrase, signer)
        store = Store(data_dir.store_path, key)
        _first_entries(store, workstation, reviewer, pin, iso(clock()))
        desk = Desk(data_dir, config, store, clock)
        desk.hold = hold
        desk.reviewer = Reviewer(reviewer, Role.ADMINISTRATOR)
        _record_creation(desk, key_storage, signing_public)
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


def _refuse_set_up(data_dir: DataDir, key_storage: KeyStorage, passphrase: str | None) -> None:
    """Refuse, before anything is written, a directory that is set up (or half of one) or a
    passphrase workstation without a passphrase."""
    if data_dir.is_initialised():
        raise DeskError(f"{data_dir.root} is already set up; open it instead.")
    if data_dir.store_path.exists():
        raise DeskError(
            f"{data_dir.root} holds a case store but no workstation.json. Restore that file "
            "from a backup, or move store.db away to set up afresh."
        )
    if key_storage is KeyStorage.PASSPHRASE and not passphrase:
        raise DeskError("Choose a workstation passphrase to protect the database key.")


def _claim(data_dir: DataDir) -> worklock.Hold:
    """The new data directory, private and locked for this process."""
    try:
        ensure_private_dir(data_dir.root)
    except OSError as exc:
        raise DeskError(f"{exc.strerror or exc}.") from None
    hold = take_lock(data_dir)
    if data_dir.is_initialised():  # set up by another process while this one waited to start
        hold.release()
        raise DeskError(f"{data_dir.root} is already set up; open it instead.")
    return hold


def _keep_keys(
    data_dir: DataDir, config: WorkstationConfig, key: bytes, passphrase: str | None, signer: SigningKey
) -> str:
    """Keep the database key where the workstation keeps it, and make its signing key (returned)."""
    if config.key_storage is KeyStorage.KEYRING:
        keys.keyring_store(config.store_id, key)
    if passphrase:
        # With the keyring, a passphrase-wrapped copy is the way back in if the keyring is reset.
        keys.write_key_file(data_dir.key_path, keys.wrap_key(key, passphrase))
    # Kept as the database key is: it says, to the rest of the team, that this workstation wrote.
    return signer.make()


def _first_entries(store: Store, workstation: str, reviewer: str, pin: str, now: str) -> None:
    """The new store's settings and its first reviewer, its administrator."""
    with store.atomic():
        _WORKSTATION.put(store, workstation)
        _CREATED_AT.put(store, now)
        set_default_reviewer(store, reviewer)
        first_settings(store)
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
        store.set_reviewer_pin(reviewer, PIN_HASHER.hash(pin))


def _record_creation(desk: Desk, key_storage: KeyStorage, signing_public: str) -> None:
    """The trail's first events: the workstation made, and its first reviewer enrolled."""
    desk.record(
        "workstation.created",
        None,
        {
            "workstation": desk.workstation,
            "key_storage": key_storage.value,
            "signing_key": signing_public,
            "signing_fingerprint": fingerprint(signing_public),
        },
    )
    name = desk.actor()
    desk.record("reviewer.added", None, {"name": name, "role": Role.ADMINISTRATOR.value, "enrolled_by": None})


def unlock(
    data_dir: DataDir,
    *,
    passphrase: str | None = None,
    clock: Clock = utc_now,
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
    hold = take_lock(data_dir)
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
    hold = take_lock(data_dir) if data_dir.root.is_dir() else None
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


class Desk(IntakeMixin, ReviewersMixin, AuditMixin, SettingsMixin):
    """The unlocked workstation (``Context``, which each area's class builds on, so it comes
    last in the order Python looks methods up) and every use case kept on it, by area.

    Intake's first half stays here, beside ``read_demand``: it reads the PDF through this
    module, so what stands in for the reader here stands in for it in ``intake`` too.
    """

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


class Services:
    """Every use-case service over one unlocked desk, each built when first asked for and
    then shared: one ``Review`` serves the letters, the schedule and printing alike.

    The window makes one when it unlocks and hands it to each part (report window, sync,
    printing); each CLI command makes one. Nothing else builds a service.
    """

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        # The workstation passphrase that unwraps the team key when no keyring keeps it.
        self.team_passphrase: str | None = None

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
        from app.holds.service import Holds  # app.holds builds on this module

        return Holds(self.desk)

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

    @functools.cached_property
    def reports(self) -> Reports:
        from app.report.service import Reports

        return Reports(self.desk)

    @functools.cached_property
    def team(self) -> TeamKey:
        from app.team import TeamKey

        return TeamKey(self.desk.data_dir, self.desk.config, self.team_passphrase)

    @functools.cached_property
    def bundles(self) -> Bundles:
        from app.bundle.service import Bundles  # app.bundle builds on this module

        return Bundles(self.desk, self.team)

    def reopen_team(self, passphrase: str | None) -> None:
        """Open the team key afresh when next used, unwrapped with ``passphrase``: after a
        passphrase change, or when team.json was rewritten (made, joined, rotated)."""
        self.team_passphrase = passphrase
        for name in ("team", "bundles"):
            self.__dict__.pop(name, None)


__all__ = [
    "DEFAULT_IDLE_LOCK_MINUTES",
    "NOTHING_READ",
    "Clock",
    "Context",
    "DataDirError",
    "Desk",
    "DeskError",
    "IntakeError",
    "NotSignedInError",
    "Services",
    "WorkstationInUseError",
    "WrongPinError",
    "change_passphrase",
    "read_demand",
    "read_pdf",
    "set_up",
    "start_pdf_reader_ahead",
    "unlock",
]
