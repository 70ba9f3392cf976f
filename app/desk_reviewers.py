"""Reviewers on the desk: signing in with a PIN, the lock-out after wrong PINs, and the
team's roster (enrol, admit here, remove, change a role), each change authorised by an
administrator's PIN and audited."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app import roster_log
from app.context import Context, DeskError, WrongPinError, iso
from app.model import Reviewer, ReviewerRecord
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
from app.settings import SettingsSink, text
from db import StoreError

PIN_HASHER = PasswordHasher()  # Argon2id, 64 MiB: a stolen store does not give up PINs cheaply
# Who set the workstation up (migration 0009 reads it too).
_DEFAULT_REVIEWER = text("default_reviewer", __name__)


def set_default_reviewer(sink: SettingsSink, name: str) -> None:
    """Remember who set the workstation up: the sign-in dialog offers them first."""
    _DEFAULT_REVIEWER.put(sink, name)


def check_pin_rules(pin: str) -> None:
    """Refuse a new PIN the rules do not allow (app/reviewers.py), with their reason."""
    try:
        check_new_pin(pin)
    except RosterError as exc:
        raise DeskError(str(exc)) from None


def checked_name(name: str, what: str) -> str:
    """``name`` as it is kept, or a refusal saying why it cannot be one."""
    try:
        return normalise_name(name, what)
    except RosterError as exc:
        raise DeskError(str(exc)) from None


class ReviewersMixin(Context):
    """Who may act on this workstation, and how the team's roster changes."""

    def default_reviewer(self) -> str | None:
        """Who set the workstation up: the sign-in dialog offers them first. Nobody acts by default."""
        return _DEFAULT_REVIEWER.get(self.store)

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
            PIN_HASHER.verify(row["pin_hash"], pin)
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
        until = iso(now + wait) if wait else None
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
        name = checked_name(name, "reviewer")
        by = self._administrator(admin, admin_pin)
        check_pin_rules(pin)
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
                self.store.set_reviewer_pin(name, PIN_HASHER.hash(pin))
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
            self.store.set_reviewer_pin(row["name"], PIN_HASHER.hash(pin))
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
        check_pin_rules(new_pin)
        with self.store.atomic():
            self.store.set_reviewer_pin(who.name, PIN_HASHER.hash(new_pin))
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
