"""The database key kept in a real OS keyring (Secret Service over D-Bus).

test.sh runs the suite inside ``dbus-run-session`` with gnome-keyring-daemon unlocked;
to run these alone::

    dbus-run-session -- bash -c 'printf pw | gnome-keyring-daemon --unlock \\
        --components=secrets >/dev/null; .venv/bin/python -m pytest tests/app -m keyring'
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import keys, services
from app.datadir import DataDir
from app.model import KeyStorage

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(
        not keys.keyring_available(),
        reason="no OS keyring: run under dbus-run-session with gnome-keyring-daemon unlocked (test.sh does)",
    ),
]


@pytest.fixture
def keyring_desk(data_dir: DataDir) -> Iterator[services.Desk]:
    """A workstation whose key lives only in the keyring: no passphrase, no key file."""
    desk = services.set_up(
        data_dir,
        workstation="test",
        reviewer="Ada",
        pin="246813",
        passphrase=None,
        key_storage=KeyStorage.KEYRING,
    )
    store_id = desk.config.store_id
    yield desk
    desk.close()
    keys.keyring_delete(store_id)


def test_keyring_workstation_unlocks_without_a_passphrase(keyring_desk, data_dir):
    keyring_desk.set_idle_lock_minutes(20)
    keyring_desk.close()
    assert not data_dir.key_path.exists()
    assert data_dir.read_config().key_storage is KeyStorage.KEYRING
    desk = services.unlock(data_dir)
    try:
        assert desk.idle_lock_minutes() == 20
        assert desk.sign_in("Ada", "246813").name == "Ada"
    finally:
        desk.close()


def test_key_is_kept_under_the_demand_desk_service(keyring_desk, data_dir):
    import keyring

    from db import Store

    keyring_desk.close()
    stored = keyring.get_password("demand-desk", keyring_desk.config.store_id)
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    store = Store(data_dir.store_path, bytes.fromhex(stored))  # it really is the store's key
    try:
        assert store.get_setting("workstation") == "test"
    finally:
        store.close()


def test_deleted_keyring_entry_stops_unlock_with_a_clear_message(keyring_desk, data_dir):
    keyring_desk.close()
    keys.keyring_delete(keyring_desk.config.store_id)
    with pytest.raises(services.DeskError, match="keyring has no key for this data directory"):
        services.unlock(data_dir)


def test_deleted_keyring_entry_without_a_key_file_does_not_suggest_a_passphrase(keyring_desk, data_dir):
    # This workstation never had a passphrase: telling the reviewer to use one sends
    # them looking for something that does not exist.
    keyring_desk.close()
    keys.keyring_delete(keyring_desk.config.store_id)
    with pytest.raises(services.DeskError) as raised:
        services.unlock(data_dir)
    assert "passphrase" not in str(raised.value)


def test_keyring_workstation_with_a_passphrase_copy_unlocks_after_keyring_reset(data_dir):
    desk = services.set_up(
        data_dir,
        workstation="test",
        reviewer="Ada",
        pin="246813",
        passphrase="the way back in",
        key_storage=KeyStorage.KEYRING,
    )
    store_id = desk.config.store_id
    desk.close()
    try:
        keys.keyring_delete(store_id)
        with pytest.raises(services.DeskError, match="keyring"):
            services.unlock(data_dir)
        services.unlock(data_dir, passphrase="the way back in").close()
    finally:
        keys.keyring_delete(store_id)
