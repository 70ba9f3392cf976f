"""The database key: made once, kept in the OS keyring or wrapped under a passphrase.

The key is 256 random bits. Wrapping uses Argon2id (64 MiB, 3 passes) to turn the
workstation passphrase into a key-encryption key and AES-256-GCM to seal the database
key with it, so a wrong passphrase is detected (the tag fails) rather than producing
a wrong key. Changing the passphrase re-wraps the same key: the database itself is
never re-encrypted.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NotRequired, TypedDict

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.fsutil import write_atomic
from app.jsontypes import JsonObject

KEY_BYTES = 32
KEY_FILE_FORMAT = 1
KEYRING_SERVICE = "demand-desk"
# Beyond these a key file is damaged or hostile: an unlock must not take minutes or gigabytes.
MAX_KDF_MEMORY_KIB = 512 * 1024
MAX_KDF_TIME_COST = 16
# Bound into the AES-GCM tag so a key file cannot be replayed as another kind of blob.
_AAD = b"demand-desk database key v1"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1


class KeyError_(Exception):  # noqa: N801 - avoid shadowing the builtin KeyError
    """Base of every key problem; the message tells the reviewer what to do."""


class WrongPassphraseError(KeyError_):
    pass


class KeyFileDamagedError(KeyError_):
    pass


class KeyringUnavailableError(KeyError_):
    pass


class KeyringEntryMissingError(KeyError_):
    pass


class WrappedKey(TypedDict):
    """A key sealed under a passphrase: key.json, and the ``wrapped`` of a kept secret."""

    format: int
    kdf: str
    time_cost: int
    memory_kib: int
    parallelism: int
    salt: str  # base64
    nonce: str
    sealed_key: str


class KeptSecret(TypedDict):
    """How ``keep_secret`` kept a secret: in the OS keyring, wrapped under the passphrase, or both."""

    keyring: bool
    wrapped: NotRequired[WrappedKey]


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap_key(key: bytes, passphrase: str, params: KdfParams | None = None) -> WrappedKey:
    if not passphrase:
        raise WrongPassphraseError("The passphrase must not be empty.")
    params = params or KdfParams()
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, key, _AAD)
    b64 = base64.b64encode
    return {
        "format": KEY_FILE_FORMAT,
        "kdf": "argon2id",
        "time_cost": params.time_cost,
        "memory_kib": params.memory_kib,
        "parallelism": params.parallelism,
        "salt": b64(salt).decode(),
        "nonce": b64(nonce).decode(),
        "sealed_key": b64(sealed).decode(),
    }


def unwrap_key(doc: object, passphrase: str) -> bytes:
    """The key ``wrap_key`` sealed; ``doc`` is as read back from a file, checked here."""
    try:
        if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT or doc.get("kdf") != "argon2id":
            raise ValueError("unknown key file format")
        params = KdfParams(int(doc["time_cost"]), int(doc["memory_kib"]), int(doc["parallelism"]))
        # A damaged (or hostile) file must not crash Argon2 or hang the unlock for hours.
        if not (
            8 * 1024 <= params.memory_kib <= MAX_KDF_MEMORY_KIB
            and 1 <= params.time_cost <= MAX_KDF_TIME_COST
            and 1 <= params.parallelism <= 16
        ):
            raise ValueError("implausible key-derivation parameters")
        salt = base64.b64decode(doc["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        sealed = base64.b64decode(doc["sealed_key"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileDamagedError(
            f"The key file is damaged ({exc}). Restore key.json from a backup of this "
            "data directory; without it the case store cannot be opened."
        ) from exc
    try:
        key = AESGCM(_derive(passphrase, salt, params)).decrypt(nonce, sealed, _AAD)
    except InvalidTag:
        raise WrongPassphraseError(
            "That passphrase does not unlock this workstation. Check the keyboard layout "
            "and Caps Lock, and try again."
        ) from None
    if len(key) != KEY_BYTES:
        raise KeyFileDamagedError("The key file holds a key of the wrong size.")
    return key


def read_key_file(path: Path) -> JsonObject:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileDamagedError(
            f"No key file at {path}. Restore it from a backup of this data directory."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeyFileDamagedError(
            f"The key file {path} cannot be read ({exc}). Restore it from a backup."
        ) from exc
    if not isinstance(doc, dict):
        raise KeyFileDamagedError(f"The key file {path} is not a key file.")
    checked: JsonObject = doc
    return checked


def write_key_file(path: Path, doc: WrappedKey) -> None:
    write_atomic(path, json.dumps(doc, indent=2).encode("utf-8"))


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-wrap the same database key under a new passphrase; the store is untouched."""
    key = unwrap_key(read_key_file(path), old)
    write_key_file(path, wrap_key(key, new))


# -- OS keyring ----------------------------------------------------------------------


def keyring_available() -> bool:
    """True when keyring has a real backend (Secret Service, Keychain, Credential Locker)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def keyring_store(store_id: str, key: bytes) -> None:
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        raise KeyringUnavailableError(
            "No OS keyring is available on this workstation; use a passphrase instead."
        )
    try:
        keyring.set_password(KEYRING_SERVICE, store_id, key.hex())
    except KeyringError as exc:
        raise KeyringUnavailableError(f"The OS keyring refused to store the key: {exc}") from exc


def keyring_load(store_id: str) -> bytes:
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        raise KeyringUnavailableError(
            "The database key is kept in the OS keyring, but no keyring is available. "
            "Sign in to the desktop session (the keyring unlocks with it), or unlock "
            "with the workstation passphrase."
        )
    try:
        value = keyring.get_password(KEYRING_SERVICE, store_id)
    except KeyringError as exc:
        raise KeyringUnavailableError(f"The OS keyring could not be read: {exc}") from exc
    if value is None:
        raise KeyringEntryMissingError(
            "The OS keyring has no key for this data directory (it may have been reset)."
        )
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyringEntryMissingError("The OS keyring's entry for this data directory is damaged.")
    return key


def keyring_delete(store_id: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, store_id)
    except PasswordDeleteError:
        pass


# -- other secrets kept as the database key is (the team keys, the signing key) --------------


class PassphraseNeededError(KeyError_):
    """The secret is kept only under the workstation passphrase, and none was given."""


class SecretUnreachableError(KeyError_):
    """Neither the keyring nor a wrap under the passphrase holds the secret here."""


def keep_secret(raw: bytes, account: str, in_keyring: bool, passphrase: str | None) -> KeptSecret:
    """Keep ``raw`` as the database key is kept: in the OS keyring under ``account`` when the
    workstation uses it, and wrapped under the passphrase when one is given. Returns the
    record (``keyring``, ``wrapped``) the caller writes to its file."""
    record: KeptSecret = {"keyring": False}
    if in_keyring:
        keyring_store(account, raw)
        record["keyring"] = True
    if passphrase:
        record["wrapped"] = wrap_key(raw, passphrase)
    elif not in_keyring:
        raise PassphraseNeededError("the workstation passphrase is needed to protect it")
    return record


def load_secret(record: Mapping[str, object], account: str, passphrase: str | None) -> bytes:
    """A secret kept by ``keep_secret``: from the keyring, else unwrapped with the passphrase,
    else (a passphrase change stopped half-way: see ``TeamKey.stage_passphrase``) from the
    wrap under the old one kept beside it. Raises a KeyError_ that says which way failed."""
    problem = "it is kept nowhere this workstation can reach"
    if record.get("keyring") and keyring_available():
        try:
            return keyring_load(account)
        except KeyError_ as exc:
            problem = f"the OS keyring has no usable entry for it ({exc})"
    if not record.get("wrapped"):
        raise SecretUnreachableError(problem)
    if not passphrase:
        raise PassphraseNeededError("it is protected by the workstation passphrase")
    try:
        return unwrap_key(record["wrapped"], passphrase)
    except WrongPassphraseError:
        if not record.get("wrapped_before"):
            raise
        return unwrap_key(record["wrapped_before"], passphrase)


def passphrase_from_env() -> str | None:
    value = os.environ.get("DEMAND_DESK_PASSPHRASE")
    return value if value else None
