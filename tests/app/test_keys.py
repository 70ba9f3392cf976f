"""The database key wrapped under the workstation passphrase (Argon2id + AES-GCM)."""

from __future__ import annotations

import base64
import json
import stat

import pytest

from app import keys, services
from app.keys import KeyFileDamagedError, WrongPassphraseError


@pytest.fixture(scope="module")
def wrapped() -> tuple[bytes, dict]:
    """One key wrapped once (an Argon2 hash is ~0.1 s): tests copy the document."""
    key = keys.new_database_key()
    return key, keys.wrap_key(key, "hunter2 hunter2")


def test_wrapped_key_unwraps_with_its_passphrase(wrapped):
    key, doc = wrapped
    assert len(key) == 32
    assert keys.unwrap_key(dict(doc), "hunter2 hunter2") == key


def test_key_file_does_not_hold_the_key_in_the_clear(wrapped):
    key, doc = wrapped
    text = json.dumps(doc)
    assert key.hex() not in text
    assert base64.b64encode(key).decode() not in text
    assert doc["kdf"] == "argon2id" and doc["memory_kib"] >= 64 * 1024


def test_wrapping_twice_gives_different_files(wrapped):
    key, doc = wrapped
    again = keys.wrap_key(key, "hunter2 hunter2")
    assert again["salt"] != doc["salt"] and again["sealed_key"] != doc["sealed_key"]


def test_wrong_passphrase_is_refused_with_a_hint(wrapped):
    _, doc = wrapped
    with pytest.raises(WrongPassphraseError, match="Caps Lock"):
        keys.unwrap_key(dict(doc), "hunter3 hunter3")


def test_empty_passphrase_cannot_protect_a_key():
    with pytest.raises(WrongPassphraseError, match="must not be empty"):
        keys.wrap_key(keys.new_database_key(), "")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d.pop("salt"), id="field-missing"),
        pytest.param(lambda d: d.update(nonce="not base64!"), id="not-base64"),
        pytest.param(lambda d: d.update(format=99), id="unknown-format"),
        pytest.param(lambda d: d.update(kdf="pbkdf2"), id="unknown-kdf"),
        pytest.param(lambda d: d.update(time_cost="three"), id="not-a-number"),
        pytest.param(lambda d: d.update(memory_kib=1), id="implausible-memory"),
    ],
)
def test_damaged_key_document_says_to_restore_it(wrapped, damage):
    _, doc = wrapped
    doc = dict(doc)
    damage(doc)
    with pytest.raises(KeyFileDamagedError, match="Restore key.json from a backup"):
        keys.unwrap_key(doc, "hunter2 hunter2")


@pytest.mark.parametrize(
    "field, value",
    [("parallelism", 0), ("memory_kib", 2**33), ("memory_kib", 4 * 1024 * 1024), ("time_cost", 1000)],
    ids=["no-lanes", "memory-beyond-32-bits", "four-gib-per-unlock", "a-thousand-passes"],
)
def test_key_file_with_impossible_kdf_parameters_is_reported_damaged(wrapped, field, value):
    # Anything else escapes the app's error handling (the CLI prints a traceback).
    _, doc = wrapped
    doc = dict(doc) | {field: value}
    with pytest.raises(KeyFileDamagedError, match="Restore"):
        keys.unwrap_key(doc, "hunter2 hunter2")


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2, 3]", b"\xff\xfe\x00garbage"],
    ids=["empty", "not-json", "not-an-object", "not-utf8"],
)
def test_unreadable_key_file_says_to_restore_it(tmp_path, content):
    path = tmp_path / "key.json"
    path.write_bytes(content)
    with pytest.raises(KeyFileDamagedError, match="(?i)restore|not a key file"):
        keys.read_key_file(path)


def test_missing_key_file_says_to_restore_it(tmp_path):
    with pytest.raises(KeyFileDamagedError, match="Restore it from a backup"):
        keys.read_key_file(tmp_path / "key.json")


def test_damaged_key_file_stops_unlock_with_the_restore_advice(desk, data_dir, passphrase):
    desk.close()
    data_dir.key_path.write_text('{"format": 1, "kdf": "argon2id"}', encoding="utf-8")
    with pytest.raises(services.DeskError, match="Restore key.json"):
        services.unlock(data_dir, passphrase=passphrase)


def test_key_file_is_private_to_its_owner(desk, data_dir):
    assert stat.S_IMODE(data_dir.key_path.stat().st_mode) == 0o600


# -- changing the passphrase ------------------------------------------------------------


def test_changed_passphrase_rewraps_the_key_and_leaves_the_store_alone(desk, data_dir, passphrase):
    desk.set_idle_lock_minutes(7)  # something to find again behind the new passphrase
    desk.close()
    store_before = data_dir.store_path.read_bytes()
    key_before = data_dir.key_path.read_bytes()

    services.change_passphrase(data_dir, passphrase, "a brand new passphrase")

    assert data_dir.store_path.read_bytes() == store_before
    assert data_dir.key_path.read_bytes() != key_before
    with pytest.raises(services.DeskError, match="does not unlock"):
        services.unlock(data_dir, passphrase=passphrase)
    reopened = services.unlock(data_dir, passphrase="a brand new passphrase")
    try:
        assert reopened.idle_lock_minutes() == 7
        assert reopened.sign_in("Ada", "246813").name == "Ada"
    finally:
        reopened.close()


def test_changing_the_passphrase_with_the_wrong_old_one_changes_nothing(desk, data_dir, passphrase):
    desk.close()
    key_before = data_dir.key_path.read_bytes()
    with pytest.raises(services.DeskError, match="does not unlock"):
        services.change_passphrase(data_dir, "not the passphrase", "new passphrase")
    assert data_dir.key_path.read_bytes() == key_before
    services.unlock(data_dir, passphrase=passphrase).close()


def test_passphrase_cannot_be_changed_to_an_empty_one(desk, data_dir, passphrase):
    desk.close()
    key_before = data_dir.key_path.read_bytes()
    with pytest.raises(services.DeskError, match="must not be empty"):
        services.change_passphrase(data_dir, passphrase, "")
    assert data_dir.key_path.read_bytes() == key_before
