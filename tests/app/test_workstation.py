"""Setting up a workstation and unlocking it: the way in, and every way it is refused."""

from __future__ import annotations

import shutil
import stat

import pytest

from app import keys, services
from app.datadir import DataDir, DataDirError
from app.model import KeyStorage


def set_up(data_dir: DataDir, **overrides: object) -> services.Desk:
    args: dict = {
        "workstation": "test",
        "reviewer": "Ada",
        "pin": "246813",
        "passphrase": "correct horse battery staple",
        "key_storage": KeyStorage.PASSPHRASE,
    } | overrides
    return services.set_up(data_dir, **args)


def test_set_up_makes_a_private_workstation_with_ada_signed_in(data_dir):
    desk = set_up(data_dir)
    assert desk.reviewer is not None and desk.reviewer.name == "Ada" and desk.reviewer.senior
    assert desk.workstation == "test"
    desk.close()
    assert sorted(p.name for p in data_dir.root.iterdir()) == [
        "demand-desk.lock",
        "key.json",
        "signing.json",
        "store.db",
        "workstation.json",
    ]
    assert stat.S_IMODE(data_dir.root.stat().st_mode) == 0o700
    for name in ("demand-desk.lock", "key.json", "signing.json", "store.db", "workstation.json"):
        assert stat.S_IMODE((data_dir.root / name).stat().st_mode) == 0o600, name
    config = data_dir.read_config()
    assert (config.workstation, config.key_storage) == ("test", KeyStorage.PASSPHRASE)


def test_set_up_refuses_a_directory_that_is_already_set_up(desk, data_dir, dir_snapshot):
    desk.close()
    before = dir_snapshot(data_dir.root)
    with pytest.raises(services.DeskError, match="already set up"):
        set_up(data_dir, workstation="other", reviewer="Mallory")
    assert dir_snapshot(data_dir.root) == before


def test_set_up_with_a_passphrase_key_needs_a_passphrase(data_dir):
    with pytest.raises(services.DeskError, match="passphrase"):
        set_up(data_dir, passphrase=None)
    assert not data_dir.root.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"pin": "12345"}, "6 to 32 digits"),
        ({"reviewer": "  "}, "reviewer needs a name"),
        ({"workstation": "bad\nname"}, "invisible or direction-changing"),
    ],
    ids=["short-pin", "blank-reviewer", "control-character"],
)
def test_set_up_refuses_bad_details_and_creates_nothing(data_dir, overrides, message):
    with pytest.raises(services.DeskError, match=message):
        set_up(data_dir, **overrides)
    assert not data_dir.root.exists()


def test_set_up_with_keyring_when_there_is_none_is_refused_clearly(data_dir, monkeypatch):
    # A DeskError is what the GUI and CLI show as a message; anything else is a crash.
    monkeypatch.setattr(keys, "keyring_available", lambda: False)
    with pytest.raises(services.DeskError, match="keyring"):
        set_up(data_dir, passphrase=None, key_storage=KeyStorage.KEYRING)
    assert not data_dir.is_initialised()


def test_unlock_with_the_passphrase_opens_the_same_store(desk, data_dir, passphrase):
    desk.set_idle_lock_minutes(15)
    desk.close()
    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        assert reopened.reviewer is None  # unlocking is not signing in
        assert reopened.idle_lock_minutes() == 15
        assert [r.name for r in reopened.reviewers()] == ["Ada"]
        assert reopened.sign_in("Ada", "246813").name == "Ada"
    finally:
        reopened.close()


def test_wrong_passphrase_changes_nothing(desk, data_dir, dir_snapshot):
    desk.close()
    before = dir_snapshot(data_dir.root)
    with pytest.raises(services.DeskError, match="does not unlock this workstation"):
        services.unlock(data_dir, passphrase="Correct Horse Battery Staple")
    assert dir_snapshot(data_dir.root) == before


def test_passphrase_workstation_does_not_unlock_without_a_passphrase(desk, data_dir):
    desk.close()
    with pytest.raises(services.DeskError, match="unlocked with its passphrase"):
        services.unlock(data_dir)


def test_unlocking_a_directory_that_was_never_set_up_says_how_to_set_it_up(data_dir):
    with pytest.raises(DataDirError, match="demand-desk init"):
        services.unlock(data_dir, passphrase="anything")
    assert not data_dir.root.exists()


def test_damaged_workstation_file_is_reported(desk, data_dir, passphrase):
    desk.close()
    data_dir.config_path.write_text("{", encoding="utf-8")
    with pytest.raises(DataDirError, match="is damaged"):
        services.unlock(data_dir, passphrase=passphrase)


def test_unlock_with_the_store_missing_refuses_and_creates_nothing(desk, data_dir, passphrase):
    # An empty new store in place of the lost one would look like "no cases" to a reviewer,
    # and its audit trail would verify as whole.
    desk.close()
    data_dir.store_path.unlink()
    with pytest.raises(services.DeskError, match="store"):
        services.unlock(data_dir, passphrase=passphrase).close()
    assert not data_dir.store_path.exists()


def test_store_from_another_workstation_does_not_open(desk, data_dir, tmp_path, passphrase):
    desk.close()
    other = DataDir(tmp_path / "other")
    set_up(other).close()
    shutil.copy(other.store_path, data_dir.store_path)
    with pytest.raises(services.DeskError, match="does not open with this key"):
        services.unlock(data_dir, passphrase=passphrase)


def test_idle_lock_must_be_between_1_and_240_minutes(desk):
    events = len(desk.audit_trail())
    for minutes in (0, 241):
        with pytest.raises(services.DeskError, match="between 1 and 240"):
            desk.set_idle_lock_minutes(minutes)
    assert desk.idle_lock_minutes() == services.DEFAULT_IDLE_LOCK_MINUTES
    assert len(desk.audit_trail()) == events


def test_failed_set_up_can_be_retried(data_dir, monkeypatch, passphrase):
    # A disk that fills up on the last step must not leave a directory that `init` calls
    # "already set up" while opening it says "not set up yet".
    def disk_full(self, config):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(DataDir, "write_config", disk_full)
        with pytest.raises(OSError, match="No space left"):
            set_up(data_dir, passphrase=passphrase)
    assert not data_dir.is_initialised()

    set_up(data_dir, passphrase=passphrase).close()
    services.unlock(data_dir, passphrase=passphrase).close()
