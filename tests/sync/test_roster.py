"""The team's roster travels with sync: enrolments, roles and removals made on one
workstation reach the others; PINs stay where they were set; a forged, look-alike or
damaged roster change is refused and reported while the rest syncs."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app import services
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.datadir import DataDir
from app.review.service import Review
from app.reviewers import Role
from app.roster import RosterEvent
from app.signing import SigningKey
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.review_support import answer_blocking_pass
from tests.sync.stations import PIN

GRACE_PIN = "424242"


def roster_files(shared):
    return sorted((shared / "demand-desk" / "roster").glob("*.ddr"))


def record(station, name):
    return station.desk.reviewer_record(name)


def test_a_reviewer_enrolled_on_a_reaches_b_with_role_and_sets_a_pin_there(station_a, station_b, shared):
    station_a.desk.add_reviewer("Grace", GRACE_PIN, admin_pin=PIN, role=Role.SENIOR)
    report = station_a.bundles.sync(shared)
    assert report.to_json()["roster"] == {"published": True, "received": []}
    assert len(roster_files(shared)) == 1

    pulled = station_b.bundles.sync(shared)
    assert "Grace enrolled as senior reviewer on wsA by Ada" in pulled.roster.received
    grace = record(station_b, "Grace")
    assert (grace.role, grace.enrolled_by, grace.origin, grace.present) == (Role.SENIOR, "Ada", "wsA", True)
    assert pulled.roster.published is True  # B's own set-up, on the share for the first time
    # Her PIN stays on A: on B she has none until an administrator here lets her set one.
    with pytest.raises(services.WrongPinError, match="no PIN on this workstation"):
        station_b.desk.check_pin("Grace", GRACE_PIN)
    with pytest.raises(services.DeskError, match="senior reviewer on the team's roster"):
        station_b.desk.add_reviewer("Grace", "515151", admin_pin=PIN, role=Role.ADMINISTRATOR)
    station_b.desk.add_reviewer("Grace", "515151", admin_pin=PIN)  # Bob, B's administrator
    assert station_b.desk.check_pin("Grace", "515151").role is Role.SENIOR
    assert station_b.desk.audit_trail()[-1].action == "reviewer.pin_set_here"
    # Setting a PIN is not a roster change: nothing new to publish, and A keeps her PIN.
    assert station_b.bundles.sync(shared).roster.published is False
    station_a.bundles.sync(shared)
    assert station_a.desk.check_pin("Grace", GRACE_PIN).role is Role.SENIOR
    assert record(station_a, "Bob").origin == "wsB"


def test_a_removal_and_a_role_change_travel_and_both_workstations_agree(station_a, station_b, shared):
    station_a.desk.add_reviewer("Grace", GRACE_PIN, admin_pin=PIN, role=Role.SENIOR)
    station_a.desk.add_reviewer("Hana", "626262", admin_pin=PIN)
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    station_b.desk.add_reviewer("Hana", "737373", admin_pin=PIN)  # Hana sets her PIN on B
    # Concurrent changes on both sides: the later one wins everywhere.
    station_a.desk.clock = lambda: datetime.now(UTC) + timedelta(minutes=1)
    station_b.desk.clock = lambda: datetime.now(UTC) + timedelta(minutes=2)
    station_a.desk.set_role("Grace", Role.REVIEWER, admin_pin=PIN)
    station_b.desk.set_role("Grace", Role.ADMINISTRATOR, admin_pin=PIN)
    station_a.desk.remove_reviewer("Hana", admin_pin=PIN)
    for station in (station_a, station_b, station_a):
        report = station.bundles.sync(shared)
        assert report.refused == [] and report.errors == []
    for station in (station_a, station_b):
        assert record(station, "Grace").role is Role.ADMINISTRATOR
        hana = record(station, "Hana")
        assert (hana.present, hana.removed_by) == (False, "Ada")
    with pytest.raises(services.WrongPinError):
        station_b.desk.check_pin("Hana", "737373")  # removed on A: she no longer signs in on B
    assert [r.name for r in station_a.desk.roster()] == [r.name for r in station_b.desk.roster()]
    assert station_a.desk.verify_audit().ok and station_b.desk.verify_audit().ok


def test_a_look_alike_name_from_another_workstation_is_refused_and_reported(station_a, station_b, shared):
    station_a.desk.add_reviewer("Grace", GRACE_PIN, admin_pin=PIN)
    station_b.desk.add_reviewer("Grаce", "515151", admin_pin=PIN)  # a Cyrillic а, enrolled on B
    station_a.bundles.sync(shared)
    report = station_b.bundles.sync(shared)
    [refusal] = report.refused
    assert refusal.file.startswith("demand-desk/roster/")
    assert "'Grace' looks like the reviewer 'Grаce'" in refusal.reason
    assert record(station_b, "Grace") is None
    trail = station_b.desk.audit_trail()
    assert any(e.action == "roster.received" and e.payload["refused"] for e in trail)


def _sealed_roster(station, events):
    signed = []
    for event in events:
        event = dict(event)
        signer = event.pop("_signed_by", None)
        if signer is not None:
            key = station.team.signing() if signer == "A" else _stranger(station)
            parsed = RosterEvent.from_json(event)
            event["sig"] = key.sign(parsed.signed_bytes())
        signed.append(event)
    plain = json.dumps({"format": 1, "kind": "demand-desk-roster", "workstation": "wsX", "events": signed})
    return bundle_pack.seal(plain.encode(), station.team.current_recipient())


def _stranger(station):
    """A signing key that is nobody's on the roster (someone who has the team key only)."""
    config = dataclasses.replace(station.desk.config, store_id="stranger")
    key = SigningKey(DataDir(station.data_dir.root / "stranger"), config, "stranger passphrase")
    key.path.parent.mkdir(exist_ok=True)
    if not key.exists():
        key.make()
    return key


def _event(**fields):
    base = {
        "id": uuid.uuid4().hex,
        "seq": 1,
        "at": datetime.now(UTC).isoformat(),
        "workstation": "wsX",
        "actor": "Mallory",
        "action": "enrolled",
        "name": "Mallory",
        "role": "administrator",
    }
    return {**base, **fields}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not age at all", "not an age-encrypted file"),
        ("deep", "not a roster file"),
        ([_event(action="promoted")], "unknown action or role"),
        ([_event(at="1e400")], "no valid time"),
        (
            [_event()],
            "workstation wsX is not admitted to the team roster; an administrator runs `team admit wsX`",
        ),
        ([_event(workstation="wsA")], "not signed by wsA"),
        ([_event(workstation="wsA", _signed_by="stranger")], "its signature is not wsA's"),
        (
            [_event(workstation="wsA", name="Bob", action="role_changed", role="reviewer", _signed_by="A")],
            "not one of the team's",
        ),
        ([_event(workstation="wsA", name="Eve\u202e", actor="Ada", _signed_by="A")], "U+202E"),
    ],
    ids=[
        "not-age",
        "nested-json",
        "unknown-action",
        "bad-time",
        "unknown-workstation",
        "unsigned",
        "forged-signature",
        "not-an-administrator",
        "bidi-override",
    ],
)
def test_a_damaged_or_forged_roster_file_is_refused_and_the_cases_still_sync(
    station_a, station_b, shared, content, reason
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    if content == "deep":
        sealed = bundle_pack.seal(b"[" * 100_000 + b"]" * 100_000, station_a.team.current_recipient())
    elif isinstance(content, bytes):
        sealed = content
    else:
        sealed = _sealed_roster(station_a, content)
    share.publish_roster(shared, uuid.uuid4().hex, sealed)
    roster_before = station_b.desk.roster()
    report = station_b.bundles.sync(shared)
    assert report.pulled == [case_id]
    assert [r.reason for r in report.refused if reason in r.reason], report.refused
    assert record(station_b, "Mallory") is None
    assert [(r.name, r.role) for r in station_b.desk.roster()] == [(r.name, r.role) for r in roster_before]
    assert record(station_b, "Bob").role is Role.ADMINISTRATOR


def test_an_approval_by_a_reviewer_the_roster_does_not_list_waits_until_the_roster_arrives(
    station_a, station_b, shared
):
    desk = station_a.desk
    desk.add_reviewer("Grace", GRACE_PIN, admin_pin=PIN)
    clock_now = [datetime.now(UTC) + timedelta(minutes=5)]
    desk.clock = lambda: clock_now[0]
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    review = Review(desk)
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    clock_now[0] += timedelta(minutes=5)
    review.approve(case_id, "Grace", GRACE_PIN)
    station_a.bundles.sync(shared)
    for path in roster_files(shared):
        path.unlink()  # the roster never reaches B (a share that lost it, or a forged case)

    report = station_b.bundles.sync(shared)
    assert report.pulled == []
    [refusal] = report.refused
    assert "Grace is not on the team's roster" in refusal.reason, refusal
    assert station_b.desk.store.get_case(case_id) is None
    # Once the roster arrives, she is known, known to come from A, and the case comes in.
    station_a.desk.add_reviewer("Hana", "626262", admin_pin=PIN)
    station_a.bundles.sync(shared)
    assert station_b.bundles.sync(shared).pulled == [case_id]
    assert Review(station_b.desk).approval_notes(case_id) == [
        "Grace was enrolled by Ada, who made this decision.",
        "Grace is known here from wsA's roster.",
    ]
