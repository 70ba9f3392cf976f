"""The workstation's signing key: who wrote a bundle or a roster change.

Age encrypts for the team; it does not say who wrote. Each workstation therefore has an
Ed25519 key of its own, made at set-up (or on the first unlock of a data directory made
before there were signing keys), and signs every bundle and every roster change it makes.
The team's roster lists each admitted workstation's public key, and an importer checks
against it (app/roster.py, app/bundle/trust.py).

The private key is 32 random bytes, kept exactly as the database key is (app/keys.py): in
the OS keyring when the workstation keeps its key there, and wrapped under the workstation
passphrase (Argon2id + AES-GCM) in ``signing.json`` whenever the passphrase is at hand.
``signing.json`` also holds the public key in plaintext: it is needed before unlocking to
say which key this workstation has, and a public key is no secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app import keys
from app.datadir import DataDir, WorkstationConfig
from app.fsutil import write_atomic
from app.jsontypes import JsonObject, JsonValue
from app.model import KeyStorage

FILE_FORMAT = 1
FILE_NAME = "signing.json"
PUBLIC_BYTES = 32
SIGNATURE_BYTES = 64


class SigningFile(keys.KeptSecret):
    """signing.json: the public key, and the private one kept as the database key is."""

    format: int
    public: str


class SigningError(Exception):
    """The signing key cannot be made or read; the message says what to do."""


def public_text(raw: bytes) -> str:
    """A public key as the roster and the files on the share write it."""
    return base64.b64encode(raw).decode("ascii")


def public_raw(text: object) -> bytes | None:
    """The 32 bytes of a written public key; None when ``text`` is not one."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == PUBLIC_BYTES else None


def fingerprint(public: str) -> str:
    """What an administrator compares out of band: 128 bits of the key's SHA-256, in groups."""
    raw = public_raw(public) or public.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def verify(public: str, message: bytes, signature: object) -> bool:
    """True when ``signature`` (base64) is ``public``'s over ``message``; never raises."""
    raw = public_raw(public)
    if raw is None or not isinstance(signature, str) or len(signature) > 128:
        return False
    try:
        sig = base64.b64decode(signature, validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(sig, message)
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


class SigningKey:
    """One workstation's key pair. ``passphrase`` is the workstation's, when known."""

    def __init__(self, data_dir: DataDir, config: WorkstationConfig, passphrase: str | None = None) -> None:
        self.path = data_dir.root / FILE_NAME
        self.config = config
        self.passphrase = passphrase
        self._private: Ed25519PrivateKey | None = None

    @property
    def account(self) -> str:
        return f"{self.config.store_id}.signing"

    def exists(self) -> bool:
        return self.path.is_file()

    def _doc(self) -> JsonObject:
        try:
            doc: JsonValue = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SigningError(
                f"This workstation has no signing key ({self.path} is missing); unlock it once with "
                "its passphrase to make one."
            ) from None
        except (OSError, ValueError) as exc:
            raise SigningError(f"{self.path} cannot be read ({exc}); restore it from a backup.") from exc
        if (
            not isinstance(doc, dict)
            or doc.get("format") != FILE_FORMAT
            or public_raw(doc.get("public")) is None
        ):
            raise SigningError(f"{self.path} is damaged; restore it from a backup of this data directory.")
        return doc

    def public(self) -> str:
        return str(self._doc()["public"])

    def fingerprint(self) -> str:
        return fingerprint(self.public())

    def sign(self, message: bytes) -> str:
        """The base64 Ed25519 signature of ``message``."""
        return base64.b64encode(self._key().sign(message)).decode("ascii")

    def _key(self) -> Ed25519PrivateKey:
        if self._private is not None:
            return self._private
        doc = self._doc()
        try:
            raw = keys.load_secret(doc, self.account, self.passphrase)
        except keys.PassphraseNeededError:
            raise SigningError(
                "The workstation's signing key is protected by its passphrase: set "
                "DEMAND_DESK_PASSPHRASE or unlock with the passphrase."
            ) from None
        except keys.SecretUnreachableError as exc:
            raise SigningError(f"The workstation's signing key cannot be read: {exc}.") from None
        except keys.KeyError_ as exc:
            raise SigningError(f"The signing key could not be unlocked: {exc}") from exc
        private = Ed25519PrivateKey.from_private_bytes(raw)
        if public_text(_public_of(private)) != doc["public"]:
            raise SigningError(f"The signing key in {self.path} is damaged; restore it from a backup.")
        self._private = private
        return private

    # -- making and re-wrapping --------------------------------------------------------------

    def make(self) -> str:
        """A new key pair, kept as the database key is; returns the public key. Refuses to replace one."""
        if self.exists():
            raise SigningError("This workstation already has a signing key.")
        private = Ed25519PrivateKey.generate()
        raw = private.private_bytes_raw()
        try:
            kept = keys.keep_secret(
                raw, self.account, self.config.key_storage is KeyStorage.KEYRING, self.passphrase
            )
        except keys.KeyError_ as exc:
            raise SigningError(f"The signing key could not be stored: {exc}.") from exc
        doc: SigningFile = {"format": FILE_FORMAT, "public": public_text(_public_of(private)), **kept}
        self._write(doc)
        self._private = private
        return doc["public"]

    def forget(self) -> None:
        """Undo ``make`` (a set-up that failed part way)."""
        self.path.unlink(missing_ok=True)
        if self.config.key_storage is KeyStorage.KEYRING and keys.keyring_available():
            keys.keyring_delete(self.account)

    def _write(self, doc: Mapping[str, object]) -> None:
        write_atomic(self.path, json.dumps(doc, indent=2).encode("utf-8"))

    def stage_passphrase(self, new: str) -> bool:
        """First half of a passphrase change (as ``TeamKey.stage_passphrase``): wrapped under
        ``new`` too, the old wrap kept beside it. False when there is nothing to wrap."""
        if not self.exists():
            return False
        doc = self._doc()
        if not doc.get("wrapped"):
            return False
        raw = self._key().private_bytes_raw()
        self._write({**doc, "wrapped": keys.wrap_key(raw, new), "wrapped_before": doc["wrapped"]})
        return True

    def finish_passphrase(self) -> None:
        """Second half: the database key is under the new passphrase; forget the old wrap."""
        if self.exists():
            self._write({k: v for k, v in self._doc().items() if k != "wrapped_before"})


def _public_of(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def file_path(root: Path) -> Path:
    return root / FILE_NAME
