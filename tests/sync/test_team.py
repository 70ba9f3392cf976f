"""The team key: made once, carried in an age passphrase file, kept like the database key,
rotated without losing old bundles."""

from __future__ import annotations

import json

import pyrage
import pytest

from app import keys
from app.bundle.format import BundleError
from app.model import KeyStorage
from app.team import NoTeamKeyError, TeamError, TeamKey
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.sync.stations import PASSPHRASE, TEAM_PASSPHRASE, make_station


def test_the_key_file_is_an_age_passphrase_file_holding_an_identity_file(station_a, team_file):
    sealed = team_file.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    text = pyrage.passphrase.decrypt(sealed, TEAM_PASSPHRASE).decode()
    [secret] = [line for line in text.splitlines() if line.startswith("AGE-SECRET-KEY-1")]
    assert str(pyrage.x25519.Identity.from_str(secret).to_public()) == station_a.team.info().current
    with pytest.raises(TeamError, match="does not open with that passphrase"):
        station_a.team.import_file(team_file, "wrong passphrase")


def test_the_team_key_is_wrapped_under_the_workstation_passphrase_not_stored_in_clear(station_b, team_file):
    text = pyrage.passphrase.decrypt(team_file.read_bytes(), TEAM_PASSPHRASE).decode()
    secret = next(line for line in text.splitlines() if line.startswith("AGE-SECRET-KEY-1"))
    team_json = (station_b.data_dir.root / "team.json").read_text()
    assert secret not in team_json and secret.lower() not in team_json
    [entry] = json.loads(team_json)["keys"]
    assert entry["keyring"] is False and entry["wrapped"]["kdf"] == "argon2id"
    locked = TeamKey(station_b.data_dir, station_b.desk.config, passphrase=None)
    with pytest.raises(TeamError, match="DEMAND_DESK_PASSPHRASE"):
        next(locked.identities())
    wrong = TeamKey(station_b.data_dir, station_b.desk.config, passphrase="not it")
    with pytest.raises(TeamError, match="could not be unlocked"):
        next(wrong.identities())


def test_no_team_key_says_how_to_get_one(tmp_path, shared):
    station = make_station(tmp_path / "C", "wsC", "Cy")
    try:
        with pytest.raises(NoTeamKeyError, match="team init"):
            station.bundles.sync(shared)
    finally:
        station.desk.close()


def test_rotation_encrypts_new_bundles_to_the_new_key_and_keeps_old_ones_readable(
    tmp_path, station_a, station_b, shared
):
    old_case = station_a.desk.intake(demand_pdf(*SUBPOENA), "old.pdf")
    old_file = station_a.bundles.export_case(old_case, tmp_path / "out")
    old_key = station_a.team.info().current
    new = station_a.team.rotate()
    assert new.recipients == [old_key, new.current] and new.current != old_key

    new_case = station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], "/s/ Other Clerk"), "new.pdf")
    new_file = station_a.bundles.export_case(new_case, tmp_path / "out")
    # B has only the old key: the new bundle is refused, the old one still opens.
    with pytest.raises(BundleError, match="none of this workstation's team keys"):
        station_b.bundles.open_file(new_file)
    station_b.bundles.open_file(old_file)
    # A itself reads both: old identities are kept.
    station_a.bundles.open_file(old_file)
    station_a.bundles.open_file(new_file)

    key_file = tmp_path / "rotated.key"
    station_a.team.export(key_file, TEAM_PASSPHRASE)
    assert station_b.team.import_file(key_file, TEAM_PASSPHRASE).current == new.current
    station_b.bundles.open_file(new_file)
    station_b.bundles.open_file(old_file)


@pytest.mark.keyring
@pytest.mark.skipif(not keys.keyring_available(), reason="no OS keyring (test.sh provides one)")
def test_on_a_keyring_workstation_the_team_key_lives_in_the_keyring(tmp_path, team_file):
    from app import services
    from app.datadir import DataDir

    data_dir = DataDir(tmp_path / "K")
    desk = services.set_up(
        data_dir,
        workstation="wsK",
        reviewer="Kim",
        pin="246813",
        passphrase=None,
        key_storage=KeyStorage.KEYRING,
    )
    team = TeamKey(data_dir, desk.config, passphrase=None)
    try:
        info = team.import_file(team_file, TEAM_PASSPHRASE)
        [entry] = json.loads((data_dir.root / "team.json").read_text())["keys"]
        assert entry["keyring"] is True and "wrapped" not in entry
        # A fresh object (a new run) finds it in the keyring without any passphrase.
        again = TeamKey(data_dir, desk.config, passphrase=None)
        assert str(next(again.identities()).to_public()) == info.current
    finally:
        keys.keyring_delete(f"{desk.config.store_id}.team.{team.info().current}")
        keys.keyring_delete(desk.config.store_id)
        desk.close()


def test_team_init_twice_is_refused(station_a):
    with pytest.raises(TeamError, match="already has a team key"):
        station_a.team.init()


def test_import_keeps_the_workstation_passphrase_protection(station_b, tmp_path):
    # The imported key is re-wrapped under *this* workstation's passphrase.
    [entry] = json.loads((station_b.data_dir.root / "team.json").read_text())["keys"]
    keys.unwrap_key(entry["wrapped"], PASSPHRASE)


def test_a_passphrase_change_rewraps_the_team_key_and_sync_goes_on(station_a, station_b, shared, monkeypatch):
    from app import services
    from app.services import DeskError

    station_b.desk.close()
    services.change_passphrase(station_b.data_dir, PASSPHRASE, "a new passphrase")
    entries = json.loads((station_b.data_dir.root / "team.json").read_text())["keys"]
    assert all("wrapped_before" not in e for e in entries)
    with pytest.raises(TeamError, match="could not be unlocked"):
        next(TeamKey(station_b.data_dir, station_b.desk.config, PASSPHRASE).identities())
    desk = services.unlock(station_b.data_dir, passphrase="a new passphrase")
    desk.sign_in("Bob", "246813")
    team = TeamKey(station_b.data_dir, desk.config, "a new passphrase")
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    from app.bundle.service import Bundles

    assert Bundles(desk, team).sync(shared).pulled == [case_id]
    desk.close()
    with pytest.raises(DeskError, match="does not unlock"):
        services.change_passphrase(station_b.data_dir, PASSPHRASE, "third")


def test_a_passphrase_change_stopped_half_way_leaves_every_key_usable(station_b, monkeypatch):
    """The team keys are wrapped under both passphrases before the database key moves."""
    from app import services

    station_b.desk.close()

    def crash(*args, **kwargs):
        raise OSError("the machine lost power")

    monkeypatch.setattr(keys, "write_key_file", crash)
    with pytest.raises(OSError):
        services.change_passphrase(station_b.data_dir, PASSPHRASE, "a new passphrase")
    monkeypatch.undo()
    # The database key is still under the old passphrase, and so (still) is the team key.
    desk = services.unlock(station_b.data_dir, passphrase=PASSPHRASE)
    assert next(TeamKey(station_b.data_dir, desk.config, PASSPHRASE).identities())
    desk.close()
    # Done again, to the end: both move to the new passphrase.
    services.change_passphrase(station_b.data_dir, PASSPHRASE, "a new passphrase")
    desk = services.unlock(station_b.data_dir, passphrase="a new passphrase")
    assert next(TeamKey(station_b.data_dir, desk.config, "a new passphrase").identities())
    desk.close()


def test_the_key_file_carries_the_roster_and_only_what_its_own_roster_vouches_for(tmp_path):
    import uuid

    from app import admission, roster
    from app.reviewers import Role
    from app.roster import Action, RosterEvent
    from tests.sync.stations import PIN

    a = make_station(tmp_path / "A", "wsA", "Ada")
    c = make_station(tmp_path / "C", "wsC", "Cy")
    try:
        a.team.init()
        assert admission.found(a.desk, a.team.signing()) is True
        a.desk.add_reviewer("Grace", "424242", admin_pin=PIN, role=Role.SENIOR)
        line = admission.roster_for_key_file(a.desk, a.team.signing())
        carried = roster.decode_file(line.removeprefix(admission.KEY_FILE_ROSTER_PREFIX).encode())
        # Someone who could open the file adds a change "from wsA" signed with their own key, and
        # a workstation of their own that admits itself.
        evil = c.team.signing()
        forged = RosterEvent(
            uuid.uuid4().hex,
            50,
            "2026-12-01T10:00:00+00:00",
            "wsA",
            "Ada",
            Action.ENROLLED,
            "Eve",
            Role.ADMINISTRATOR,
        )
        forged = forged.signed_with(evil.sign(forged.signed_bytes()))
        self_made = RosterEvent(
            uuid.uuid4().hex,
            51,
            "2026-12-01T10:01:00+00:00",
            "wsEvil",
            "Eve",
            Action.ADMITTED,
            "wsEvil",
            None,
            evil.public(),
        )
        self_made = self_made.signed_with(evil.sign(self_made.signed_bytes()))
        plain = roster.encode([*carried.events, forged, self_made], workstation="wsA", written="now")
        key_file = tmp_path / "team.key"
        a.team.export(key_file, TEAM_PASSPHRASE, admission.KEY_FILE_ROSTER_PREFIX + plain.decode())

        info = c.team.import_file(key_file, TEAM_PASSPHRASE)
        trusted = admission.take_key_file_roster(c.desk, info.carried or "")
        assert [(t.workstation, t.key) for t in trusted] == [("wsA", a.team.signing().public())]
        assert c.desk.reviewer_record("Grace").role is Role.SENIOR
        assert c.desk.reviewer_record("Eve") is None
        assert "team.roster_imported" in [e.action for e in c.desk.audit_trail()]
    finally:
        a.desk.close()
        c.desk.close()


def test_a_team_from_before_signing_founds_its_roster_with_team_admit(tmp_path):
    from app import admission
    from app.services import DeskError

    a = make_station(tmp_path / "A", "wsA", "Ada")
    try:
        a.team.init()  # as `team init` did before workstations signed: nobody admitted
        with pytest.raises(
            DeskError, match="run `team admit wsA` here to found it|runs `team admit wsA` here"
        ):
            admission.admit(a.desk, a.team.signing(), "wsB")
        founded = admission.admit(a.desk, a.team.signing(), "wsA")
        assert founded.fingerprint == a.team.signing().fingerprint()
        assert [x.workstation for x in admission.admitted(a.desk)] == ["wsA"]
        a.desk.sign_in("Ada", "246813")
        with pytest.raises(DeskError, match="No request to join from wsB"):
            admission.admit(a.desk, a.team.signing(), "wsB")
    finally:
        a.desk.close()
