"""Signed audit chain heads on the share (app/audit_heads.py, app/bundle/head_sync.py), with
real folders standing in for the shared drive and real SQLCipher stores: a colleague's head
that goes backwards, a version withheld from the share, a version that leaves out events a
head listed, a workstation put back to an older copy, a forged head and one by an unknown
signer. Each is reported in the sync's result and by ``audit verify``, and changes nothing."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace
from pathlib import Path

from app.audit_heads import Head
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.bundle.head_sync import read_head_file
from app.review.service import Review
from app.signing import SigningKey
from db import sync_state
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.sync.stations import comparable, open_station


def head_files(shared: Path) -> list[Path]:
    return share.scan_heads(shared)


def heads_of(station, shared: Path, workstation: str) -> list[Head]:
    found = [read_head_file(p, station.team.identities()) for p in head_files(shared)]
    return sorted((h for h in found if h.workstation == workstation), key=lambda h: h.number)


def publish(station, shared: Path, head: Head, sign) -> Path:
    """Put a head on the share as a workstation would (sealed for the team), signed by ``sign``."""
    head = replace(head, signature=sign(head.signed_bytes()))
    sealed = bundle_pack.seal(head.encode(), station.team.current_recipient())
    return share.publish_head(shared, uuid.uuid4().hex, sealed)


def problems(station) -> list[str]:
    return station.desk.verify_audit().lines()


def test_each_sync_publishes_a_signed_head_that_the_colleague_takes_in(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    report = station_a.bundles.sync(shared)
    assert report.heads.published == 1 and report.to_json()["heads"]["problems"] == []
    [head] = heads_of(station_a, shared, "wsA")
    last = station_a.desk.store.audit_last()
    assert (head.seq, head.hash) == (last["seq"], last["hash"])
    assert head.cases[case_id]["events"] == len(station_a.desk.audit_trail(case_id))
    # A sync that changed nothing publishes no new head.
    assert station_a.bundles.sync(shared).heads.published is None
    report = station_b.bundles.sync(shared)
    assert report.heads.received == [f"wsA's audit head 1 (event {head.seq})"]
    assert report.heads.problems == [] and report.refused == []
    # B's own head says which of A's heads it holds; A learns it and its chain passes through it.
    [b_head] = heads_of(station_b, shared, "wsB")
    assert b_head.holds == {"wsA": {"number": 1, "seq": head.seq, "hash": head.hash}}
    station_a.bundles.sync(shared)
    assert problems(station_a) == [] and problems(station_b) == []


def test_a_forged_head_and_one_by_an_unknown_signer_are_refused_and_change_nothing(
    station_a, station_b, shared, tmp_path
):
    station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    [real] = heads_of(station_a, shared, "wsA")
    # Someone with the team key but not A's signing key: A's head "going backwards", signed with
    # another key under A's public key, and the same under a key of its own.
    mallory = SigningKey(station_b.data_dir, station_b.desk.config, "x")
    mallory.path = tmp_path / "mallory.json"
    mallory.make()
    behind = replace(real, number=2, seq=1, written="2026-12-31T00:00:00+00:00", cases={})
    forged = publish(station_a, shared, behind, mallory.sign)
    own_key = publish(station_a, shared, replace(behind, key=mallory.public()), mallory.sign)
    stranger = publish(
        station_a, shared, replace(behind, workstation="wsZ", key=mallory.public()), mallory.sign
    )
    before = sorted(station_b.desk.store.db.conn.execute("SELECT file, number FROM audit_heads"))
    report = station_b.bundles.sync(shared)
    refused = {r.file: r.reason for r in report.refused}
    assert refused == {
        share.shown(shared, forged): "audit head: its signature is not wsA's: it was forged or altered",
        share.shown(shared, own_key): (
            f"audit head: it names a signing key for wsA ({mallory.fingerprint()}) that the team roster "
            f"does not admit ({station_a.team.signing().fingerprint()})"
        ),
        share.shown(shared, stranger): (
            "audit head: wsZ is not admitted to the team roster, so its audit head is not trusted "
            "(an administrator admits it with `team admit`)"
        ),
    }
    assert report.heads.problems == []  # no "went backwards": the heads were never believed
    assert sorted(station_b.desk.store.db.conn.execute("SELECT file, number FROM audit_heads")) == before
    assert problems(station_b) == []
    # Refused again at the next sync, as a refused bundle is.
    assert len(station_b.bundles.sync(shared).refused) == 3
    # A head in A's own name on A's side is refused too.
    assert share.shown(shared, forged) in {r.file for r in station_a.bundles.sync(shared).refused}


def test_a_colleagues_head_that_goes_backwards_is_reported_and_changes_nothing(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    Review(station_a.desk).decide(case_id, "narrow")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    first, second = heads_of(station_a, shared, "wsA")
    # A's trail put back to its first head, and published again with A's own key: someone who
    # holds A's passphrase and signing key, or a restored copy of A that publishes regardless.
    rolled = replace(first, number=3, written="2026-12-31T00:00:00+00:00")
    publish(station_a, shared, rolled, station_a.team.signing().sign)
    before = comparable(station_b.desk, case_id)
    report = station_b.bundles.sync(shared)
    expected = (
        f"wsA's audit head 3 (written 2026-12-31T00:00:00+00:00) is at event {first.seq}, behind its head 2 "
        f"at event {second.seq}: its audit trail went backwards (cut, or put back to an older copy)"
    )
    reference = station_b.desk.facts(case_id)["reference"]
    fewer = (
        f"Case {reference}: wsA's audit head 3 (written 2026-12-31T00:00:00+00:00) lists "
        f"{first.cases[case_id]['events']} audit event(s) for this case, fewer than the "
        f"{second.cases[case_id]['events']} its head 2 listed: events were withheld or rolled back"
    )
    assert report.heads.problems == [expected, fewer]
    assert report.to_json()["heads"]["problems"] == [expected, fewer]
    assert comparable(station_b.desk, case_id) == before
    assert {expected, fewer} <= set(problems(station_b))
    assert station_b.bundles.sync(shared).heads.problems == []  # said once; `audit verify` keeps it
    assert {expected, fewer} <= set(problems(station_b))


def test_a_version_withheld_from_the_share_is_reported_until_it_is_back(
    station_a, station_b, shared, tmp_path
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    Review(station_a.desk).decide(case_id, "narrow")
    station_a.bundles.sync(shared)
    [newest] = [h for h in heads_of(station_a, shared, "wsA") if h.number == 2]
    version = newest.cases[case_id]["version"]
    bundle = shared / "demand-desk" / "cases" / case_id / f"{version}.ddb"
    hidden = tmp_path / "hidden.ddb"
    shutil.move(bundle, hidden)
    reference = station_b.desk.facts(case_id)["reference"]
    report = station_b.bundles.sync(shared)
    expected = (
        f"Case {reference}: wsA's audit head 2 (written {newest.written}) lists version {version} of this "
        "case, which is not on the shared folder: it was withheld or removed"
    )
    assert report.heads.problems == [expected] and report.pulled == []
    assert expected in problems(station_b)
    assert Review(station_b.desk).decision(case_id) is None  # B's copy is as it was
    shutil.move(hidden, bundle)
    report = station_b.bundles.sync(shared)
    assert report.pulled == [case_id] and report.heads.problems == []
    assert problems(station_b) == []


def test_a_later_version_that_leaves_out_events_a_head_listed_is_refused(
    station_a, station_b, shared, tmp_path
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    review = Review(station_a.desk)
    review.answer(case_id, "validity.signed", "pass", "checked against the court's register")
    station_a.bundles.sync(shared)  # head 2 lists this version with the answer's event
    [listed] = [h.cases[case_id] for h in heads_of(station_a, shared, "wsA") if h.number == 2]
    path = shared / "demand-desk" / "cases" / case_id / f"{listed['version']}.ddb"
    shutil.move(path, tmp_path / "withheld.ddb")
    # A later version of A's, made as if the answer had never been given, signed with A's key.
    snap = bundle_pack.snapshot(station_a.desk.store, case_id)
    kept = [e for e in snap.events if e.action != "checklist.answered"]
    tables = {**snap.tables, "checklist_answers": []}
    later = uuid.uuid4().hex
    signer = station_a.team.signing()
    manifest, plain = bundle_pack.pack(
        replace(snap, events=kept, tables=tables),
        {
            "case_id": case_id,
            "version_id": later,
            "parent_version_id": listed["version"],
            "merged_version_ids": [],
            "ancestors": sorted(
                {
                    listed["version"],
                    *sync_state.get_version(station_a.desk.store, listed["version"])["ancestors"],
                }
            ),
            "author": "Ada",
            "workstation": "wsA",
            "created": station_a.desk.now(),
            "schema": station_a.desk.store.schema_version(),
        },
        signer.sign,
        signer="wsA",
        fingerprint=signer.fingerprint(),
    )
    share.publish(shared, case_id, later, bundle_pack.seal(plain, station_a.team.current_recipient()))
    before = comparable(station_b.desk, case_id)
    report = station_b.bundles.sync(shared)
    reason = (
        f"it leaves out audit events: wsA's signed audit head 2 (written "
        f"{heads_of(station_a, shared, 'wsA')[1].written}) lists version {listed['version']} of this case "
        f"with {listed['events']} audit event(s), and this later version holds only {len(kept)}"
    )
    assert [r.reason for r in report.refused] == [reason]
    assert comparable(station_b.desk, case_id) == before
    reference = station_b.desk.facts(case_id)["reference"]
    assert f"Case {reference}: {reason}" in problems(station_b)


def test_a_workstation_put_back_to_an_older_copy_is_caught_by_what_its_colleague_holds(
    station_a, station_b, shared, tmp_path
):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    home = station_a.data_dir.root
    station_a.desk.close()
    shutil.copytree(home, tmp_path / "backup")
    a = open_station(home)
    try:
        Review(a.desk).decide(case_id, "narrow")
        a.bundles.sync(shared)
        [second] = [h for h in heads_of(a, shared, "wsA") if h.number == 2]
        head_file = next(p for p in head_files(shared) if read_head_file(p, a.team.identities()) == second)
    finally:
        a.desk.close()
    station_b.bundles.sync(shared)  # B holds A's head 2, and says so in its own head
    # A is put back to the copy, and its newer head taken off the share: A's own trail and
    # anchor agree, and only B's head still holds what A had published.
    shutil.rmtree(home)
    shutil.copytree(tmp_path / "backup", home)
    head_file.unlink()
    a = open_station(home)
    try:
        report = a.bundles.sync(shared)
        # The sync itself adds events past the copy's end: the trail's event there is another one.
        claim = f"wsB holds this workstation's audit head 2, which is at event {second.seq}, but the trail"
        assert any(p.startswith(claim) for p in report.heads.problems), report.heads.problems
        assert report.heads.published is None  # a head behind the one B holds is not published
        assert (
            report.heads.problems[-1]
            == "This workstation's audit head was not published: run `audit verify`."
        )
        assert any(p.startswith(claim) for p in problems(a))
        assert not a.desk.verify_audit().ok
    finally:
        a.desk.close()


def test_crafted_head_files_are_refused_with_a_reason_and_the_rest_syncs(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    recipient = station_a.team.current_recipient()
    crafted = {
        b"not age at all": "it is not an age-encrypted file",
        bundle_pack.seal(b"{" * 100_000, recipient): "it is not valid JSON (or is nested too deep)",
        bundle_pack.seal(b'{"format": 1, "number": 1e400}', recipient): "it holds a number out of range",
        bundle_pack.seal(
            b'{"format": 1, "cases": {}, "holds": {}}', recipient
        ): "it is incomplete or malformed",
        bundle_pack.seal(b'{"format": 2}', recipient): "it is not an audit head this Demand Desk reads",
    }
    paths = {share.publish_head(shared, uuid.uuid4().hex, data): why for data, why in crafted.items()}
    report = station_b.bundles.sync(shared)
    refused = {r.file: r.reason for r in report.refused}
    for path, why in paths.items():
        assert refused[share.shown(shared, path)].startswith(f"audit head: {why}"), refused
    assert report.pulled == [case_id] and report.heads.received and report.errors == []
