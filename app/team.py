"""The team key: the age X25519 identity every bundle on the shared drive is encrypted to.

One workstation makes it (``init``); the others join by importing a key file that
age's scrypt passphrase mode protects, carried over on removable media. Each identity
is kept as the database key is (app/keys.py): in the OS keyring when the workstation
keeps its key there, and wrapped under the workstation passphrase in ``team.json``
otherwise (or as well, when the passphrase is at hand, as the way back in if the keyring
is reset).

Rotating makes a new identity that new bundles are encrypted to; the old ones are kept
so old bundles stay readable. ``team.json`` lists them oldest first, the last is
current; it holds public keys and wrapped secrets only, so it is safe in plaintext.

An age secret key is 32 random bytes written in Bech32; the raw bytes are what the
keyring and the wrapping take, so the same helpers serve both keys.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict

import bech32
import pyrage

from app import keys
from app.datadir import DataDir, WorkstationConfig
from app.fsutil import read_regular_file, write_atomic
from app.jsontypes import JsonObject, JsonValue
from app.model import KeyStorage
from app.signing import SigningKey

TEAM_FILE_FORMAT = 1
_HRP = "age-secret-key-"
MAX_KEY_FILE_BYTES = 8 << 20  # a few keys and the roster (at most 4 MiB); anything larger is not one
_KEY_FILE_HEADER = "# Demand Desk team key file: every team key, oldest first; the last one is current."


class TeamError(Exception):
    """The team key cannot be made, read or moved; the message says what to do."""


class NoTeamKeyError(TeamError):
    pass


class TeamInfoJson(TypedDict):
    current: str
    keys: int
    recipients: list[str]


class TeamEntry(keys.KeptSecret):
    """One identity in team.json (how it is kept, as ``keys.keep_secret`` says)."""

    recipient: str  # its public key, age1…
    created: str


# team.json's entries as read back (unchecked beyond their being objects) or as made here.
Entries = Sequence[Mapping[str, object]]


@dataclass(frozen=True)
class TeamInfo:
    recipients: list[str]  # public keys (age1…), oldest first
    current: str
    # The decrypted text of a key file just imported: app/admission.py reads its roster from it.
    carried: str | None = None

    def to_json(self) -> TeamInfoJson:
        return {"current": self.current, "keys": len(self.recipients), "recipients": self.recipients}


def _identity_text(raw: bytes) -> str:
    return str(bech32.bech32_encode(_HRP, bech32.convertbits(raw, 8, 5) or [])).upper()


def _raw(identity: pyrage.x25519.Identity) -> bytes:
    hrp, data = bech32.bech32_decode(str(identity).lower())
    raw = bytes(bech32.convertbits(data, 5, 8, False) or b"") if hrp == _HRP and data else b""
    if len(raw) != keys.KEY_BYTES:
        raise TeamError("That is not an age X25519 secret key.")
    return raw


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class TeamKey:
    """The team identities of one workstation. ``passphrase`` is the workstation's, when known."""

    def __init__(self, data_dir: DataDir, config: WorkstationConfig, passphrase: str | None = None) -> None:
        self.path = data_dir.root / "team.json"
        self.data_dir = data_dir
        self.config = config
        self.passphrase = passphrase
        self._unwrapped: dict[str, pyrage.x25519.Identity] = {}
        self._signing: SigningKey | None = None

    # -- reading ------------------------------------------------------------------------

    def _entries(self) -> list[JsonObject]:
        try:
            doc: JsonValue = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NoTeamKeyError(
                "This workstation has no team key yet: run `demand-desk team init` on the first "
                "workstation, or `demand-desk team import FILE` with the key file from a colleague."
            ) from None
        except (OSError, ValueError) as exc:
            raise TeamError(f"{self.path} cannot be read ({exc}); import the team key file again.") from exc
        entries = doc.get("keys") if isinstance(doc, dict) else None
        if (
            not isinstance(doc, dict)
            or doc.get("format") != TEAM_FILE_FORMAT
            or not isinstance(entries, list)
            or not entries
            or not all(isinstance(e, dict) for e in entries)
        ):
            raise TeamError(f"{self.path} is damaged; import the team key file again.")
        return [e for e in entries if isinstance(e, dict)]

    def exists(self) -> bool:
        return self.path.is_file()

    def info(self) -> TeamInfo:
        recipients = [str(e["recipient"]) for e in self._entries()]
        return TeamInfo(recipients, recipients[-1])

    def signing(self) -> SigningKey:
        """This workstation's signing key, unlocked the same way (it signs what sync publishes);
        one object, so that its passphrase is stretched once however much is signed."""
        if self._signing is None:
            self._signing = SigningKey(self.data_dir, self.config, self.passphrase)
        return self._signing

    def current_recipient(self) -> pyrage.x25519.Recipient:
        return pyrage.x25519.Recipient.from_str(self.info().current)

    def identities(self) -> Iterator[pyrage.x25519.Identity]:
        """Newest first, each unlocked only when asked for: most bundles need only the newest."""
        for entry in reversed(self._entries()):
            yield self._identity(entry)

    def _identity(self, entry: Mapping[str, object]) -> pyrage.x25519.Identity:
        recipient = str(entry["recipient"])
        if recipient in self._unwrapped:
            return self._unwrapped[recipient]
        try:
            raw = keys.load_secret(entry, self._account(recipient), self.passphrase)
        except keys.PassphraseNeededError:
            raise TeamError(
                "The team key is protected by the workstation passphrase: set DEMAND_DESK_PASSPHRASE "
                "or unlock with the passphrase."
            ) from None
        except keys.SecretUnreachableError as exc:
            raise TeamError(
                f"The team key {recipient[:16]}… cannot be read: {exc}. Import it again."
            ) from None
        except keys.KeyError_ as exc:
            raise TeamError(f"The team key could not be unlocked: {exc}") from exc
        identity = pyrage.x25519.Identity.from_str(_identity_text(raw))
        if str(identity.to_public()) != recipient:
            raise TeamError(f"The stored team key {recipient[:16]}… is damaged; import it again.")
        self._unwrapped[recipient] = identity
        return identity

    def _account(self, recipient: str) -> str:
        return f"{self.config.store_id}.team.{recipient}"

    # -- changing -----------------------------------------------------------------------

    def _keep(self, raw: bytes, created: str) -> TeamEntry:
        """Store one identity as the database key is stored; return its team.json entry."""
        recipient = str(pyrage.x25519.Identity.from_str(_identity_text(raw)).to_public())
        in_keyring = self.config.key_storage is KeyStorage.KEYRING
        try:
            kept = keys.keep_secret(raw, self._account(recipient), in_keyring, self.passphrase)
        except keys.PassphraseNeededError:
            raise TeamError(
                "The workstation passphrase is needed to protect the team key: set DEMAND_DESK_PASSPHRASE."
            ) from None
        except keys.KeyError_ as exc:
            raise TeamError(f"The team key could not be stored: {exc}") from exc
        return {"recipient": recipient, "created": created, **kept}

    def _write(self, entries: Entries) -> None:
        doc = {"format": TEAM_FILE_FORMAT, "keys": entries}
        write_atomic(self.path, json.dumps(doc, indent=2).encode("utf-8"))

    def stage_passphrase(self, new: str) -> bool:
        """First half of a passphrase change: wrap every team key under ``new`` as well, keeping
        the old wrap beside it, so that the team key opens whichever passphrase the database
        key ends up under if the change stops half-way. False when there is nothing to wrap."""
        if not self.exists():
            return False
        entries = self._entries()
        staged: list[Mapping[str, object]] = []
        for entry in entries:
            if entry.get("wrapped"):
                raw = _raw(self._identity(entry))
                staged.append(
                    {**entry, "wrapped": keys.wrap_key(raw, new), "wrapped_before": entry["wrapped"]}
                )
            else:
                staged.append(entry)
        self._write(staged)
        return True

    def finish_passphrase(self) -> None:
        """Second half: the database key is under the new passphrase; forget the old wraps."""
        if self.exists():
            self._write([{k: v for k, v in e.items() if k != "wrapped_before"} for e in self._entries()])

    def init(self) -> TeamInfo:
        if self.exists():
            raise TeamError("This workstation already has a team key; use `team rotate` to make a new one.")
        self._write([self._keep(secrets.token_bytes(keys.KEY_BYTES), _now())])
        return self.info()

    def rotate(self) -> TeamInfo:
        """A new current identity; the old ones stay so that old bundles still open."""
        entries = self._entries()
        self._write([*entries, self._keep(secrets.token_bytes(keys.KEY_BYTES), _now())])
        return self.info()

    def export(self, out: Path, file_passphrase: str, roster_line: str | None = None) -> TeamInfo:
        """Write every identity to ``out``, encrypted with age's passphrase (scrypt) mode, with
        the team's roster as one comment line (``roster_line``, app/admission.py).

        Decrypted, the file is an ordinary age identity file (``age -d -i``).
        """
        if not file_passphrase:
            raise TeamError("The key file needs a passphrase of its own.")
        entries = self._entries()
        lines = [_KEY_FILE_HEADER]
        for entry in entries:
            identity = self._identity(entry)
            lines += [f"# created: {entry['created']}", f"# public key: {entry['recipient']}", str(identity)]
        if roster_line:
            lines.append(roster_line)
        sealed = pyrage.passphrase.encrypt(("\n".join(lines) + "\n").encode("utf-8"), file_passphrase)
        write_atomic(out, sealed)
        return self.info()

    def import_file(self, path: Path, file_passphrase: str) -> TeamInfo:
        """Add the file's identities to this workstation's; the file's current one becomes current."""
        try:
            sealed = read_regular_file(path, MAX_KEY_FILE_BYTES)
        except OSError as exc:
            raise TeamError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        try:
            text = pyrage.passphrase.decrypt(sealed, file_passphrase).decode("utf-8")
        except (pyrage.DecryptError, UnicodeDecodeError):
            raise TeamError(
                f"{path} does not open with that passphrase (or is not a team key file)."
            ) from None
        found: list[tuple[bytes, str]] = []
        created = _now()
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("# created:"):
                created = line.partition(":")[2].strip()
            elif line.startswith("AGE-SECRET-KEY-1"):
                try:
                    found.append((_raw(pyrage.x25519.Identity.from_str(line)), created))
                except pyrage.IdentityError:
                    raise TeamError(f"{path} holds a damaged key.") from None
        if not found:
            raise TeamError(f"{path} holds no team key.")
        entries = self._entries() if self.exists() else []
        added = [self._keep(raw, made) for raw, made in found]
        fresh = {e["recipient"] for e in added}
        # Keys only this workstation had stay (older bundles); the file's come after, its current last.
        ordered: Entries = [*(e for e in entries if e["recipient"] not in fresh), *added]
        self._write(ordered)
        return replace(self.info(), carried=text)
