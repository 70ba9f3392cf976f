"""Two workstations and one shared folder on real files: cases travel, conflicts surface and
settle, a bad bundle or a failing drive loses nothing."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

from app.bundle import share
from app.bundle.service import Keep
from app.review.service import Review
from tests.app.test_no_plaintext import needles
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.sync.stations import comparable, event_ids


def published(shared: Path) -> list[Path]:
    return sorted(shared.rglob("*.ddb"))


def test_a_case_made_on_a_reaches_b_with_its_facts_letters_and_audit_events(
    station_a, station_b, shared, canary_pdf
):
    from tests.bundle.test_bundle import full_case

    case_id = full_case(station_a.desk, canary_pdf)
    pushed = station_a.bundles.sync(shared)
    assert pushed.to_json() == {
        "pushed": [case_id],
        "pulled": [],
        "conflicts": [],
        "refused": [],
        "errors": [],
        "cancelled": False,
        "roster": {"published": True, "received": []},
        "heads": {"published": 1, "received": [], "problems": []},
    }
    [bundle] = published(shared)
    assert bundle.parent == shared / "demand-desk" / "cases" / case_id

    pulled = station_b.bundles.sync(shared)
    assert (pulled.pushed, pulled.pulled, pulled.refused) == ([], [case_id], [])
    assert station_b.desk.facts(case_id) == station_a.desk.facts(case_id)
    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    assert event_ids(station_b.desk, case_id) == event_ids(station_a.desk, case_id)
    assert station_a.desk.verify_audit().ok and station_b.desk.verify_audit().ok
    # B's import is not a change of B's to publish back.
    assert station_b.bundles.sync(shared).pushed == []


def test_the_same_sync_twice_changes_nothing(station_a, station_b, shared, canary_pdf, dir_snapshot):
    case_id = station_a.desk.intake(canary_pdf, "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    station_a.bundles.sync(shared)  # A reads the roster B published
    for station in (station_a, station_b):
        share_before = dir_snapshot(shared)
        events_before = len(station.desk.audit_trail())
        store_before = station.data_dir.store_path.read_bytes()
        again = station.bundles.sync(shared)
        assert (again.pushed, again.pulled, again.conflicts, again.refused) == ([], [], [], [])
        assert dir_snapshot(shared) == share_before
        assert len(station.desk.audit_trail()) == events_before
        assert station.data_dir.store_path.read_bytes() == store_before
    assert station_b.desk.facts(case_id)["case_id"] == case_id


def test_edits_on_both_sides_conflict_on_each_and_settle_on_both(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)

    station_a.desk.correct_fact(case_id, "issuing_authority", "Western District of Washington", "read again")
    Review(station_b.desk).set_context(case_id, "enterprise_customer", True, "the account is a company's")
    station_a.bundles.sync(shared)
    on_b = station_b.bundles.sync(shared)
    assert on_b.pushed == [case_id] and on_b.conflicts == [case_id] and on_b.pulled == []
    on_a = station_a.bundles.sync(shared)
    assert on_a.conflicts == [case_id] and on_a.pulled == []
    # Nothing was overwritten on either side while the conflict is open.
    assert station_b.desk.facts(case_id)["issuing_authority"] != "Western District of Washington"
    assert [c["case_id"] for c in station_a.bundles.conflicts()] == [case_id]

    view = station_a.bundles.conflict_view(case_id)
    changed = {(d.table, d.row, d.column): (d.mine, d.theirs) for d in view.differences}
    assert changed[("facts", "issuing_authority", "value")][0] == '"Western District of Washington"'
    assert changed[("review_context", "enterprise_customer", "value")] == (None, "true")
    assert view.theirs["workstation"] == "wsB" and view.events_only_theirs >= 1

    station_a.bundles.resolve(case_id, Keep.MINE)
    assert station_a.bundles.conflicts() == []
    settled = station_a.bundles.sync(shared)
    assert settled.pushed == [case_id] and settled.conflicts == []
    on_b = station_b.bundles.sync(shared)
    assert on_b.pulled == [case_id] and on_b.conflicts == []
    assert station_b.bundles.conflicts() == []

    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    assert station_b.desk.facts(case_id)["issuing_authority"] == "Western District of Washington"
    # Audit events are a union: B's context change survives in the trail on both sides.
    assert event_ids(station_a.desk, case_id) == event_ids(station_b.desk, case_id)
    actions = [e.action for e in station_a.desk.audit_trail(case_id)]
    assert ("wsB", "case_fact.set") in {
        (e.workstation, e.action) for e in station_a.desk.audit_trail(case_id)
    }
    assert "case.conflict_resolved" in actions
    assert station_a.desk.verify_audit().ok and station_b.desk.verify_audit().ok
    # And it stays settled.
    for station in (station_a, station_b):
        again = station.bundles.sync(shared)
        assert (again.pushed, again.pulled, again.conflicts) == ([], [], [])


def test_keeping_theirs_takes_their_case_data_whole(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    Review(station_a.desk).decide(case_id, "reject", ["validity.signed"])
    Review(station_b.desk).decide(case_id, "narrow")
    station_a.bundles.sync(shared)
    assert station_b.bundles.sync(shared).conflicts == [case_id]

    station_b.bundles.resolve(case_id, Keep.THEIRS)
    [decision] = station_b.desk.store.get_decisions(case_id)
    assert decision["outcome"] == "reject"  # A's decision whole, B's dropped from the data
    assert station_b.desk.verify_audit().ok
    station_b.bundles.sync(shared)
    station_a.bundles.sync(shared)  # A never saw a conflict: B's resolution descends from A's version
    assert station_a.bundles.conflicts() == [] and station_b.bundles.conflicts() == []
    assert comparable(station_a.desk, case_id) == comparable(station_b.desk, case_id)
    decided = [e for e in station_a.desk.audit_trail(case_id) if e.action == "decision.made"]
    assert len(decided) == 2  # both decisions stay on the record


def test_a_damaged_bundle_is_refused_and_reported_while_the_rest_syncs(station_a, station_b, shared):
    first = station_a.desk.intake(demand_pdf(*SUBPOENA), "one.pdf")
    second = station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], "/s/ John Doe, Clerk"), "two.pdf")
    station_a.bundles.sync(shared)
    damaged = shared / "demand-desk" / "cases" / first
    [path] = list(damaged.iterdir())
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))

    report = station_b.bundles.sync(shared)
    assert report.pulled == [second]
    [refusal] = report.refused
    assert refusal.file == f"demand-desk/cases/{first}/{path.name}"
    assert "does not decrypt" in refusal.reason
    assert [c.case_id for c in station_b.desk.cases()] == [second]
    assert station_b.desk.verify_audit().ok
    # Still reported next time, still nothing else changes.
    again = station_b.bundles.sync(shared)
    assert len(again.refused) == 1 and again.pulled == []


def test_half_written_files_from_another_workstation_are_left_alone(station_a, station_b, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    folder = shared / "demand-desk" / "cases" / case_id
    partial = folder / ".0123456789abcdef0123456789abcdef.ddb.a1b2c3.tmp"
    partial.write_bytes(b"age-encryption.org/v1\n-> X25519 half")
    report = station_b.bundles.sync(shared)
    assert report.pulled == [case_id] and report.refused == []
    assert partial.read_bytes() == b"age-encryption.org/v1\n-> X25519 half"


def _assert_nothing_half_published(shared: Path, station) -> None:
    """Every file with a final name opens whole; no temporary file of ours is left."""
    for path in published(shared):
        station.bundles.open_file(path)
    assert [p for p in shared.rglob("*.tmp")] == []


@pytest.mark.parametrize(
    "failure, message",
    [
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "full"),
    ],
)
def test_a_read_only_or_full_share_fails_cleanly_and_the_next_sync_completes(
    station_a, station_b, shared, monkeypatch, failure, message
):
    assert station_a.bundles.sync(shared).roster.published  # the team's roster is out already
    cases = [
        station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], f"/s/ Clerk {n}"), f"{n}.pdf") for n in range(3)
    ]
    real_fsync = os.fsync
    writes = []

    def failing_fsync(fd):
        writes.append(fd)
        if len(writes) > 1:  # the first bundle goes through, then the drive fails
            raise OSError(failure, os.strerror(failure))
        return real_fsync(fd)

    monkeypatch.setattr(share.os, "fsync", failing_fsync)
    report = station_a.bundles.sync(shared)
    assert len(report.pushed) == 1 and not report.ok
    [error] = report.errors
    assert message in error and "sync again" in error
    monkeypatch.undo()
    _assert_nothing_half_published(shared, station_a)
    assert len(published(shared)) == 1

    retry = station_a.bundles.sync(shared)
    assert retry.ok and sorted(retry.pushed) == sorted(set(cases) - set(report.pushed))
    assert sorted(station_b.bundles.sync(shared).pulled) == sorted(cases)


def test_a_share_that_vanishes_mid_push_loses_nothing(station_a, station_b, shared):
    cases = [
        station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], f"/s/ Clerk {n}"), f"{n}.pdf") for n in range(3)
    ]
    moved = shared.with_name("shared-unplugged")

    def unplug_after_first(done, total, message):
        if done == 1 and shared.exists():
            shared.rename(moved)  # the drive is unplugged mid-sync

    report = station_a.bundles.sync(shared, progress=unplug_after_first)
    assert len(report.pushed) == 1 and report.errors
    assert "went away" in report.errors[0] or "not reachable" in report.errors[0]
    assert not shared.exists()  # a missing mount point is never created

    moved.rename(shared)  # plugged back in
    _assert_nothing_half_published(shared, station_a)
    retry = station_a.bundles.sync(shared)
    assert retry.ok and len(retry.pushed) == 2
    assert sorted(station_b.bundles.sync(shared).pulled) == sorted(cases)


def test_a_missing_share_is_a_clear_error(station_a, tmp_path):
    with pytest.raises(share.ShareError, match="not reachable"):
        station_a.bundles.sync(tmp_path / "no-such-mount")


def test_cancelling_stops_between_cases_and_the_next_sync_finishes(station_a, station_b, shared):
    cases = [
        station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], f"/s/ Clerk {n}"), f"{n}.pdf") for n in range(3)
    ]
    seen = []
    report = station_a.bundles.sync(
        shared, progress=lambda d, t, m: seen.append((d, t)), cancelled=lambda: len(seen) > 1
    )
    assert report.cancelled and len(report.pushed) == 1
    assert seen[0] == (0, 3)
    assert len(station_a.bundles.sync(shared).pushed) == 2
    assert sorted(station_b.bundles.sync(shared).pulled) == sorted(cases)


def test_no_plaintext_on_the_share_or_in_temp_after_a_full_cycle(
    station_a, station_b, shared, canary_pdf, canary, private_tempdir, find_leaks
):
    from tests.bundle.test_bundle import full_case

    case_id = full_case(station_a.desk, canary_pdf)
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    station_b.desk.correct_fact(case_id, "issuing_authority", f"Court of {canary.text}", "read again")
    station_a.desk.correct_fact(case_id, "addressee", canary.email, "as on the envelope")
    station_b.bundles.sync(shared)
    station_a.bundles.sync(shared)
    station_a.bundles.resolve(case_id, Keep.THEIRS)
    station_a.bundles.sync(shared)
    station_b.bundles.sync(shared)
    assert len(published(shared)) == 4
    look_for = needles(canary_pdf, canary.text, canary.email)
    roots = (shared, private_tempdir, station_a.data_dir.root, station_b.data_dir.root)
    assert find_leaks(look_for, *roots) == []
    assert list(private_tempdir.iterdir()) == []


def test_the_share_holds_only_the_documented_layout(station_a, shared):
    case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    Review(station_a.desk).decide(case_id, "narrow")
    station_a.bundles.sync(shared)
    files = sorted(p.relative_to(shared) for p in shared.rglob("*") if p.is_file())
    cases = [f for f in files if f.parts[1] == "cases"]
    assert [f.parts[:3] for f in cases] == [("demand-desk", "cases", case_id)] * 2
    assert all(len(f.stem) == 32 and f.suffix == ".ddb" for f in cases)
    # The team's roster: one file, written when the workstation's set-up first went out.
    [roster] = [f for f in files if f.parts[1] == "roster"]
    assert (len(roster.stem), roster.suffix) == (32, ".ddr")
    # The workstation's signed audit head: one for each sync that moved its trail.
    heads = [f for f in files if f.parts[1] == "heads"]
    assert len(heads) == 2 and all(len(f.stem) == 32 and f.suffix == ".ddh" for f in heads)
    assert len(files) == len(cases) + 1 + len(heads)


def test_a_crafted_bundle_on_the_share_is_refused_each_sync_and_never_stops_the_others(
    station_a, station_b, shared
):
    from tests.bundle.test_bundle import HOSTILE, _plain, _reseal, _rezip

    good = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    station_a.bundles.sync(shared)
    [path] = published(shared)
    for name in ("case-nested", "seq-1e400", "null-received-at", "fact-not-json"):
        change, said = HOSTILE[name]
        version = os.urandom(16).hex()
        folder = shared / "demand-desk" / "cases" / f"x{name.replace('-', '')}"[:16]
        folder.mkdir()

        def rename(members, change=change, case=folder.name, version=version):
            change(members)
            for member in ("case.json", "audit.jsonl"):
                members[member] = members[member].replace(good.encode(), case.encode())
            manifest = json.loads(members["manifest.json"])
            manifest.update(case_id=case, version_id=version, ancestors=[], parent_version_id=None)
            for member in ("case.json", "audit.jsonl"):
                manifest["members"][member] = {
                    "sha256": hashlib.sha256(members[member]).hexdigest(),
                    "size": len(members[member]),
                }
            members["manifest.json"] = json.dumps(manifest).encode()

        _reseal(station_b, _rezip(_plain(station_b, path), rename), folder / f"{version}.ddb")
    for _ in range(2):  # refused again next time, never half-imported
        report = station_b.bundles.sync(shared)
        assert report.ok and report.pulled in ([good], [])
        assert len(report.refused) == 4, report.refused
    assert [c.case_id for c in station_b.desk.cases()] == [good]
    assert station_b.desk.verify_audit().ok


def test_published_files_are_the_teams_to_read_and_links_on_the_share_are_refused(
    station_a, shared, tmp_path
):
    old = os.umask(0o077)
    try:
        case_id = station_a.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
        assert station_a.bundles.sync(shared).ok
    finally:
        os.umask(old)
    [bundle] = published(shared)
    assert bundle.stat().st_mode & 0o777 == 0o640  # the team's group reads what the umask would hide
    assert bundle.parent.stat().st_mode & 0o7777 == 0o2770  # other accounts of the group add versions

    # A case folder replaced by a link to elsewhere: nothing is written through it.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = station_a.desk.intake(demand_pdf(*SUBPOENA[:-1], "/s/ Clerk 9"), "second.pdf")
    (shared / "demand-desk" / "cases" / other).symlink_to(elsewhere)
    report = station_a.bundles.sync(shared)
    assert not report.ok and "is a link or not a folder" in report.errors[0]
    assert list(elsewhere.iterdir()) == []
    assert case_id not in report.pushed
