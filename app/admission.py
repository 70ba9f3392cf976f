"""Which workstations the team trusts: founding the roster, admitting a workstation, and the
roster the team key file carries.

A workstation's bundles and roster changes are accepted by the others only once the roster
admits it with its public key (app/roster.py). The first workstation admits itself when an
administrator makes the team key (``found``). The team key file carries the roster
(``roster_for_key_file``), so a workstation that joins with it trusts every workstation
admitted so far at once (``take_key_file_roster``). A workstation that joins later is new
to the others: its first sync publishes its roster file with its public key, each other
workstation lists that as a request to join (``requests``), and an administrator compares
the key's fingerprint with the one the new workstation shows (``team show``, the Team key
dialog) by another way than the share, then admits it (``admit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from app import roster, roster_log, signing
from app.reviewers import RosterError
from app.roster import Action, RosterEvent
from app.services import Desk, DeskError
from app.signing import SigningKey
from db import roster_log as roster_rows

KEY_FILE_ROSTER_PREFIX = "# demand-desk roster: "


class RequestJson(TypedDict):
    workstation: str
    fingerprint: str
    key: str
    first_seen: str
    clashes_with_admitted_key: bool


class AdmittedJson(TypedDict):
    workstation: str
    fingerprint: str
    key: str


@dataclass(frozen=True)
class Request:
    """A workstation that asked to join, as its roster file named it."""

    workstation: str
    key: str
    first_seen: str
    admitted_key: str | None  # the key the roster already has for that name, if any

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.key)

    def to_json(self) -> RequestJson:
        return {
            "workstation": self.workstation,
            "fingerprint": self.fingerprint,
            "key": self.key,
            "first_seen": self.first_seen,
            "clashes_with_admitted_key": self.admitted_key is not None,
        }


@dataclass(frozen=True)
class Admitted:
    workstation: str
    key: str

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.key)

    def to_json(self) -> AdmittedJson:
        return {"workstation": self.workstation, "fingerprint": self.fingerprint, "key": self.key}


def admitted(desk: Desk) -> list[Admitted]:
    return [Admitted(name, key) for name, key in sorted(roster_log.admitted(desk.store).items())]


def requests(desk: Desk) -> list[Request]:
    """Workstations waiting to be admitted (a name already admitted with the same key is not)."""
    known = roster_log.admitted(desk.store)
    found = []
    for row in roster_rows.requests(desk.store):
        if known.get(row["workstation"]) == row["key"]:
            continue
        found.append(
            Request(row["workstation"], row["key"], row["first_seen"], known.get(row["workstation"]))
        )
    return found


def _administrator(desk: Desk, what: str) -> str:
    actor = desk.actor()
    if desk.reviewer is None or not desk.reviewer.administrator:
        raise DeskError(f"Only an administrator {what}; {actor} is not one.")
    return actor


def found(desk: Desk, signer: SigningKey) -> bool:
    """The team's first workstation admits itself (with the team key); False when the roster
    already admits a workstation (this one joined a team, or founded it before)."""
    if roster_log.admitted(desk.store):
        return False
    actor = _administrator(desk, "makes the team key")
    _record(desk, signer, actor, desk.workstation, signer.public())
    return True


def admit(desk: Desk, signer: SigningKey, workstation: str, fingerprint: str | None = None) -> Admitted:
    """Admit a workstation that asked to join, by an administrator on an admitted workstation.
    ``fingerprint``, when given, must be the request's (it is needed when two keys ask under
    one name: someone on the share is pretending)."""
    actor = _administrator(desk, "admits a workstation to the team roster")
    known = roster_log.admitted(desk.store)
    if not known:
        # A team from before workstations signed: one administrator's workstation founds the roster.
        if workstation == desk.workstation:
            found(desk, signer)
            return Admitted(workstation, signer.public())
        raise DeskError(
            "The team's roster admits no workstation yet (the team was made before workstations signed "
            f"what they publish): an administrator runs `team admit {desk.workstation}` here to found it, "
            "exports the team key file again, and the other workstations import it."
        )
    if desk.workstation not in known:
        raise DeskError(
            f"This workstation ({desk.workstation}) is not admitted to the team roster itself: admit "
            "from an administrator's workstation that is."
        )
    wanted = _normal(fingerprint) if fingerprint else None
    asked = [r for r in requests(desk) if r.workstation == workstation]
    if wanted:
        asked = [r for r in asked if _normal(r.fingerprint).startswith(wanted)]
    if workstation in known and not asked:
        return Admitted(workstation, known[workstation])  # nothing to do; said as done
    if not asked:
        raise DeskError(
            f"No request to join from {workstation}"
            + (" with that fingerprint" if wanted else "")
            + ": it asks by publishing its roster with its first sync. Sync here, then try again."
        )
    if len(asked) > 1:
        listed = "; ".join(r.fingerprint for r in asked)
        raise DeskError(
            f"{len(asked)} different keys ask to join as {workstation} ({listed}): someone is pretending. "
            "Ask the workstation for its fingerprint (`team show`) and give it with --fingerprint."
        )
    [request] = asked
    if request.admitted_key is not None:
        raise DeskError(
            f"{workstation} is admitted already with another key "
            f"({signing.fingerprint(request.admitted_key)}); "
            "a workstation that lost its key joins again under a new name."
        )
    _record(desk, signer, actor, workstation, request.key)
    return Admitted(workstation, request.key)


def _record(desk: Desk, signer: SigningKey, actor: str, workstation: str, key: str) -> None:
    event = RosterEvent.new(
        after=roster_log.events(desk.store),
        at=desk.now(),
        workstation=desk.workstation,
        actor=actor,
        action=Action.ADMITTED,
        name=workstation,
        role=None,
        key=key,
    )
    event = event.signed_with(signer.sign(event.signed_bytes()))
    with desk.store.atomic():
        roster_log.record(desk.store, event, here=desk.workstation)
        roster_rows.drop_requests(desk.store, workstation)
        desk.record(
            "roster.workstation_admitted",
            None,
            {"workstation": workstation, "fingerprint": signing.fingerprint(key), "key": key},
            actor=actor,
        )


def _normal(fingerprint: str) -> str:
    return "".join(fingerprint.lower().split())


# -- the roster the team key file carries ---------------------------------------------------


def roster_for_key_file(desk: Desk, signer: SigningKey) -> str:
    """The comment line the key file carries: every roster event known here, this
    workstation's own signed first (as publishing them would)."""
    with desk.store.atomic():
        roster_log.sign_own(desk.store, desk.workstation, signer.sign)
    plain = roster.encode(
        roster_log.events(desk.store), workstation=desk.workstation, written=desk.now(), key=signer.public()
    )
    return KEY_FILE_ROSTER_PREFIX + plain.decode("utf-8")


def key_file_roster(text: str) -> roster.RosterFile | None:
    """The roster in a decrypted key file's text; None in a file made before there was one."""
    for line in text.splitlines():
        if line.startswith(KEY_FILE_ROSTER_PREFIX):
            try:
                return roster.decode_file(line[len(KEY_FILE_ROSTER_PREFIX) :].encode("utf-8"))
            except RosterError as exc:
                raise DeskError(f"The team key file's roster is damaged ({exc}).") from None
    return None


def take_key_file_roster(desk: Desk, text: str) -> list[Admitted]:
    """Trust the workstations the key file's roster admits, and take its reviewers.

    The key file is the root of trust: it came by hand from an administrator, under a
    passphrase of its own. Each event must still be signed by the workstation it names with
    the key the file's roster admits it with, so the file holds no change that its own
    roster does not vouch for.
    """
    carried = key_file_roster(text)
    if carried is None:
        return []
    keys: dict[str, str] = {}
    good: list[RosterEvent] = []
    for event in sorted(carried.events, key=lambda e: e.order):
        if event.action is Action.ADMITTED and event.key and event.name not in keys:
            # The first admission is the founder admitting itself; every later one comes from a
            # workstation admitted before it.
            founding = not keys and event.workstation == event.name
            signer_key = event.key if founding else keys.get(event.workstation)
            if signer_key and event.sig and signing.verify(signer_key, event.signed_bytes(), event.sig):
                keys[event.name] = event.key
                good.append(event)
    for event in carried.events:
        public = keys.get(event.workstation)
        if event.action is not Action.ADMITTED and public and event.sig:
            if signing.verify(public, event.signed_bytes(), event.sig):
                good.append(event)
    with desk.store.atomic():
        added = roster_log.merge_trusted(desk.store, good, here=desk.workstation)
        desk.record(
            "team.roster_imported",
            None,
            {
                "workstations": {n: signing.fingerprint(k) for n, k in sorted(keys.items())},
                "events": len(added),
            },
        )
    desk.recheck_reviewer()
    return [Admitted(n, k) for n, k in sorted(keys.items())]
