"""The workstation's signing key (kept like the database key, re-wrapped with the passphrase,
made on the first unlock of an older data directory) and the roster's rules for signed
changes: who may change the roster, and from which workstation."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app import keys, services
from app.datadir import DataDir
from app.model import KeyStorage
from app.reviewers import Role
from app.roster import Action, RosterEvent, admit, fold, not_admitted, workstations
from app.signing import SigningError, SigningKey, fingerprint, verify

PASSPHRASE = "station passphrase"
PIN = "246813"


def set_up(tmp_path, name="wsA", reviewer="Ada"):
    return services.set_up(
        DataDir(tmp_path / name),
        workstation=name,
        reviewer=reviewer,
        pin=PIN,
        passphrase=PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    )


def test_set_up_makes_a_signing_key_wrapped_under_the_passphrase_and_says_its_fingerprint(tmp_path):
    desk = set_up(tmp_path)
    try:
        doc = json.loads((desk.data_dir.root / "signing.json").read_text())
        assert doc["wrapped"]["kdf"] == "argon2id" and doc["keyring"] is False
        key = SigningKey(desk.data_dir, desk.config, PASSPHRASE)
        signature = key.sign(b"a bundle's manifest")
        assert verify(key.public(), b"a bundle's manifest", signature)
        assert not verify(key.public(), b"another manifest", signature)
        assert not verify(key.public(), b"a bundle's manifest", "not base64!")
        [created] = [e for e in desk.audit_trail() if e.action == "workstation.created"]
        assert created.payload["signing_fingerprint"] == key.fingerprint() == fingerprint(key.public())
        # The private half is nowhere in plaintext.
        raw = key._key().private_bytes_raw()
        assert raw.hex() not in (desk.data_dir.root / "signing.json").read_text()
        with pytest.raises(SigningError, match="DEMAND_DESK_PASSPHRASE"):
            SigningKey(desk.data_dir, desk.config).sign(b"x")
        with pytest.raises(SigningError, match="could not be unlocked"):
            SigningKey(desk.data_dir, desk.config, "not it").sign(b"x")
        with pytest.raises(SigningError, match="already has"):
            key.make()
    finally:
        desk.close()


def test_a_data_directory_without_a_signing_key_gets_one_on_its_first_unlock_audited(tmp_path):
    desk = set_up(tmp_path)
    root = desk.data_dir
    desk.close()
    (root.root / "signing.json").unlink()  # as a directory set up before signing keys existed

    desk = services.unlock(root, passphrase=PASSPHRASE)
    try:
        [made] = [e for e in desk.audit_trail() if e.action == "workstation.signing_key_made"]
        key = SigningKey(root, desk.config, PASSPHRASE)
        assert made.payload["signing_key"] == key.public() and made.reviewer == "demand-desk"
        assert desk.verify_audit().ok
    finally:
        desk.close()
    again = services.unlock(root, passphrase=PASSPHRASE)  # only once
    try:
        assert [e.action for e in again.audit_trail()].count("workstation.signing_key_made") == 1
    finally:
        again.close()


def test_a_passphrase_change_rewraps_the_signing_key_with_the_database_key(tmp_path, monkeypatch):
    desk = set_up(tmp_path)
    root, config = desk.data_dir, desk.config
    public = SigningKey(root, config, PASSPHRASE).public()
    desk.close()

    def crash(*args, **kwargs):
        raise OSError("the machine lost power")

    monkeypatch.setattr(keys, "write_key_file", crash)
    with pytest.raises(OSError):
        services.change_passphrase(root, PASSPHRASE, "a new passphrase")
    monkeypatch.undo()
    # Stopped half-way: the database key is under the old passphrase, and so (still) is the signing key.
    SigningKey(root, config, PASSPHRASE).sign(b"x")

    services.change_passphrase(root, PASSPHRASE, "a new passphrase")
    doc = json.loads((root.root / "signing.json").read_text())
    assert "wrapped_before" not in doc and doc["public"] == public
    SigningKey(root, config, "a new passphrase").sign(b"x")
    with pytest.raises(SigningError, match="could not be unlocked"):
        SigningKey(root, config, PASSPHRASE).sign(b"x")


def test_a_damaged_signing_key_file_says_so(tmp_path):
    desk = set_up(tmp_path)
    try:
        (desk.data_dir.root / "signing.json").write_text('{"format": 1, "public": "short"}')
        with pytest.raises(SigningError, match="damaged"):
            SigningKey(desk.data_dir, desk.config, PASSPHRASE).public()
    finally:
        desk.close()


# -- the roster's rules -------------------------------------------------------------------


class Keys:
    """Signing keys of made-up workstations, for roster events signed as they would be."""

    def __init__(self, tmp_path, desk):
        self.tmp_path, self.desk, self.made = tmp_path, desk, {}

    def __call__(self, workstation: str) -> SigningKey:
        if workstation not in self.made:
            from dataclasses import replace

            folder = self.tmp_path / f"key-{workstation}"
            folder.mkdir()
            key = SigningKey(DataDir(folder), replace(self.desk.config, store_id=workstation), PASSPHRASE)
            key.make()
            self.made[workstation] = key
        return self.made[workstation]


@pytest.fixture
def signed(tmp_path):
    desk = set_up(tmp_path)
    yield Keys(tmp_path, desk)
    desk.close()


_SEQ = iter(range(1, 10_000))
_T0 = datetime(2026, 1, 1, tzinfo=UTC)


def event(key, *, workstation, action, name, actor=None, role=None, admitted_key=None):
    seq = next(_SEQ)
    made = RosterEvent(
        uuid.uuid4().hex,
        seq,
        (_T0 + timedelta(minutes=seq)).isoformat(),
        workstation,
        actor,
        action,
        name,
        role,
        admitted_key,
    )
    return made.signed_with(key.sign(made.signed_bytes())) if key else made


def founded(keys):
    """wsA founds the roster: Ada set it up (an administrator), then admits wsA itself."""
    a = keys("wsA")
    return [
        event(a, workstation="wsA", action=Action.ENROLLED, name="Ada", role=Role.ADMINISTRATOR),
        event(a, workstation="wsA", actor="Ada", action=Action.ADMITTED, name="wsA", admitted_key=a.public()),
    ]


def test_a_change_from_a_workstation_the_roster_does_not_admit_is_refused_with_the_way_out(signed):
    log = founded(signed)
    b = signed("wsB")
    enrol = event(
        b, workstation="wsB", actor=None, action=Action.ENROLLED, name="Bob", role=Role.ADMINISTRATOR
    )
    accepted, [(refused, why)] = admit(log, [enrol])
    assert accepted == [] and refused == enrol
    assert why == not_admitted("wsB")
    assert "an administrator runs `team admit wsB`" in why
    # Admitted by Ada on wsA, the same change is taken, even when the admission comes later in order.
    admission = event(
        signed("wsA"),
        workstation="wsA",
        actor="Ada",
        action=Action.ADMITTED,
        name="wsB",
        admitted_key=b.public(),
    )
    accepted, refused = admit(log, [admission, enrol])
    assert refused == [] and {e.id for e in accepted} == {admission.id, enrol.id}
    assert fold([*log, *accepted])["bob"].role is Role.ADMINISTRATOR
    assert workstations([*log, *accepted]) == {"wsA": signed("wsA").public(), "wsB": b.public()}


def test_unsigned_forged_and_non_administrator_changes_are_refused(signed):
    log = founded(signed)
    a, stranger = signed("wsA"), signed("wsX")
    unsigned = event(
        None, workstation="wsA", actor="Ada", action=Action.ENROLLED, name="Eve", role=Role.SENIOR
    )
    forged = event(
        stranger, workstation="wsA", actor="Ada", action=Action.ENROLLED, name="Eve", role=Role.SENIOR
    )
    tampered = event(
        a, workstation="wsA", actor="Ada", action=Action.ENROLLED, name="Eve", role=Role.REVIEWER
    )
    tampered = RosterEvent(**{**tampered.__dict__, "role": Role.ADMINISTRATOR})  # promoted after signing
    by_reviewer = event(
        a, workstation="wsA", actor="Ivy", action=Action.ENROLLED, name="Joe", role=Role.REVIEWER
    )
    _, refused = admit(log, [unsigned, forged, tampered, by_reviewer])
    reasons = {e.id: why for e, why in refused}
    assert reasons[unsigned.id] == "it is not signed by wsA, where it says it was made"
    assert "its signature is not wsA's" in reasons[forged.id]
    assert "its signature is not wsA's" in reasons[tampered.id]
    assert "Ivy, who is not one of the team's administrators" in reasons[by_reviewer.id]


def test_only_an_administrator_on_an_admitted_workstation_admits_and_a_name_keeps_its_key(signed):
    log = founded(signed)
    a = signed("wsA")
    log.append(
        event(a, workstation="wsA", actor="Ada", action=Action.ENROLLED, name="Ivy", role=Role.REVIEWER)
    )
    by_reviewer = event(
        a,
        workstation="wsA",
        actor="Ivy",
        action=Action.ADMITTED,
        name="wsB",
        admitted_key=signed("wsB").public(),
    )
    second_key = event(
        a,
        workstation="wsA",
        actor="Ada",
        action=Action.ADMITTED,
        name="wsA",
        admitted_key=signed("wsZ").public(),
    )
    _, refused = admit(log, [by_reviewer, second_key])
    reasons = {e.id: why for e, why in refused}
    assert "not one of the team's administrators" in reasons[by_reviewer.id]
    assert "with another key than the roster has for it" in reasons[second_key.id]


def test_a_change_claiming_this_workstation_is_checked_against_its_own_key_before_it_is_admitted(signed):
    log = founded(signed)
    c, stranger = signed("wsC"), signed("wsX")
    forged = event(stranger, workstation="wsC", action=Action.ENROLLED, name="Cy", role=Role.ADMINISTRATOR)
    _, [(_, why)] = admit(log, [forged], own=("wsC", c.public()))
    assert "its signature is not wsC's" in why
