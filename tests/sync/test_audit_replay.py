"""``audit verify`` replays the trail against the case tables and holds the chain to its
anchor: a wiped trail, a decision changed, approved or deleted with no event, an event
deleted and the chain re-chained, a cut tail — each fails naming what, through the real
command on a real SQLCipher store; a busy store with a synced case passes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app import audit, services
from app.corrections import Corrections
from app.datadir import DataDir
from app.letters.service import Letters
from app.review.service import Review
from app.schedule.service import Schedule
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.bundle.test_bundle import full_case
from tests.cli.test_cli import DEMAND_DESK
from tests.conftest import use_our_letterhead
from tests.review_support import answer_blocking_pass
from tests.sync.stations import PASSPHRASE, PIN, open_station

CY_PIN = "135792"


@pytest.fixture(scope="module")
def busy_template(tmp_path_factory: pytest.TempPathFactory, _stations_template: Path) -> tuple[Path, dict]:
    """A and B after a morning's work: A's case (narrowed, final letter) synced to B and
    revised there; B's own case corrected, decided to disclose, approved by Cy, with its
    cover letter final; all synced back to A."""
    root = tmp_path_factory.mktemp("busy")
    for name in ("A", "B"):
        shutil.copytree(_stations_template / name, root / name)
    shared = root / "shared"
    shared.mkdir()
    a, b = open_station(root / "A"), open_station(root / "B")
    try:
        synced = full_case(a.desk, demand_pdf(*SUBPOENA))
        a.bundles.sync(shared)
        b.bundles.sync(shared)
        b.desk.add_reviewer("Cy", CY_PIN, admin_pin=PIN)
        local = b.desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
        b.desk.correct_fact(local, "issuing_authority", "FBI Seattle", reason="the cover page names it")
        Corrections(b.desk).add_identifier(local, "email", "bob@example.org", "named on the attachment")
        review = Review(b.desk)
        answer_blocking_pass(review, local)
        review.decide(local, "disclose_noncontent")
        review.approve(local, "Cy", CY_PIN)
        letters = Letters(b.desk)
        use_our_letterhead(letters)
        letters.finalise(letters.draft(local, "disclosure_cover").id)
        # Revision 2 of the cover letter, a draft edited once; a pause and its end; a notice given.
        letters.edit(letters.draft(local, "disclosure_cover").id, "Dear Sir or Madam,\n\nEnclosed.\n")
        schedule = Schedule(b.desk)
        schedule.pause_deadline(local, "waiting for the requester", on=date(2026, 3, 10))
        schedule.resume_deadline(local, on=date(2026, 3, 20))
        schedule.record_notice_given(local, "e-mail to the account's address", date(2026, 3, 21))
        review.decide(synced, "reject", ["validity.signed"])  # B's revision 2 of A's case
        b.bundles.sync(shared)
        a.bundles.sync(shared)
        references = {c.case_id: c.reference for c in b.desk.cases()}
    finally:
        a.desk.close()
        b.desk.close()
    return root, {"synced": synced, "local": local, "references": references}


@pytest.fixture
def stations(tmp_path: Path, busy_template: tuple[Path, dict]) -> tuple[Path, Path, dict]:
    root, cases = busy_template
    for name in ("A", "B"):
        shutil.copytree(root / name, tmp_path / name)
    return tmp_path / "A", tmp_path / "B", cases


def verify(home: Path, *extra: str) -> tuple[int, Any, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEMAND_DESK_")}
    env["DEMAND_DESK_PASSPHRASE"] = PASSPHRASE
    if "DEMAND_DESK_TEST_NETLOG" in os.environ:
        env["DEMAND_DESK_TEST_NETLOG"] = os.environ["DEMAND_DESK_TEST_NETLOG"]
    done = subprocess.run(
        [str(DEMAND_DESK), "--data-dir", str(home), "audit", "verify", *extra],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    out = json.loads(done.stdout) if "--json" in extra else done.stdout
    return done.returncode, out, done.stderr


def tamper(home: Path, *statements: tuple[str, list[Any]]) -> None:
    """Edit the store with its own key and connection, as a key holder could."""
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        with desk.store.atomic():
            for sql, params in statements:
                desk.store.db.execute(sql, params)
    finally:
        desk.close()


def rechain(home: Path) -> None:
    """Renumber and re-hash every event and move the recorded head: what a key holder does
    after deleting or editing events so that the chain alone verifies again."""
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        rows = list(desk.store.audit_events())
        conn = desk.store.db.conn
        with desk.store.atomic():
            conn.execute("DELETE FROM audit_events")
            prev = audit.GENESIS
            for seq, row in enumerate(rows, 1):
                digest = audit.event_hash(
                    seq=seq,
                    at=row["at"],
                    reviewer=row["reviewer"],
                    workstation=row["workstation"],
                    case_id=row["case_id"],
                    action=row["action"],
                    payload=json.loads(row["payload"]),
                    prev_hash=prev,
                    origin=audit.origin_of(row),
                )
                desk.store.insert_audit({**row, "seq": seq, "prev_hash": prev, "hash": digest})
                prev = digest
            desk.store.set_setting("audit_head", f"{len(rows)}:{prev}")
    finally:
        desk.close()


def problems_of(report: dict) -> list[tuple[str | None, str]]:
    return [(p["case_id"], p["what"]) for p in report["problems"]]


NO_ANCHOR = ("DELETE FROM settings WHERE key = 'audit_anchor'", [])
# The heads this workstation published, kept in the store: a key holder rewrites them too. The
# copies on the share and what colleagues hold are tests/sync/test_audit_heads.py's.
NO_HEADS = ("DELETE FROM audit_heads", [])


def test_a_busy_store_with_a_synced_case_verifies_on_both_workstations(stations):
    home_a, home_b, cases = stations
    for home in (home_a, home_b):
        code, report, err = verify(home, "--json")
        assert code == 0, (report["problems"], err)
        assert report["ok"] is True and report["problems"] == [] and report["events"] > 20
    code, text, _ = verify(home_b)
    assert code == 0 and "the case tables agree" in text


def test_a_wiped_trail_fails_naming_every_case(stations):
    _, home, cases = stations
    # All the events, the recorded head and the anchor: the chain alone has nothing to hold.
    tamper(
        home,
        ("DELETE FROM audit_events", []),
        ("DELETE FROM settings WHERE key IN ('audit_head', 'audit_anchor')", []),
    )
    code, report, _ = verify(home, "--json")
    assert code == 1 and report["ok"] is False and report["events"] == 0
    found = problems_of(report)
    for case_id in (cases["synced"], cases["local"]):
        assert (case_id, "the case has no intake event") in found
    assert (cases["local"], "decision revision 1 (disclose_noncontent) has no event") in found
    code, text, _ = verify(home)
    assert code == 1 and f"Case {cases['references'][cases['local']]}: the case has no intake event" in text


def test_a_deleted_decision_event_fails_even_when_the_chain_is_rebuilt(stations):
    _, home, cases = stations
    tamper(
        home,
        ("DELETE FROM audit_events WHERE case_id = ? AND action = 'decision.made'", [cases["local"]]),
        NO_ANCHOR,
        NO_HEADS,
    )
    rechain(home)
    code, report, _ = verify(home, "--json")
    assert code == 1
    assert report["problem"] is None  # the chain itself is whole again
    assert problems_of(report) == [(cases["local"], "decision revision 1 (disclose_noncontent) has no event")]


@pytest.mark.parametrize(
    "sql, case, expected",
    [
        (
            "UPDATE decisions SET outcome = 'disclose_content' WHERE case_id = ? AND revision = 1",
            "local",
            "decision revision 1 differs from its event: outcome disclose_content in the table, "
            "disclose_noncontent in the event",
        ),
        (
            "UPDATE decisions SET approved_by = 'Mallory' WHERE case_id = ? AND revision = 1",
            "local",
            (
                "decision revision 1 is approved by Mallory in the table with no approval event by them",
                "Cy approved decision revision 1 but the table shows it approved by Mallory",
            ),
        ),
        (
            "UPDATE decisions SET approved_by = NULL, approved_at = NULL WHERE case_id = ? AND revision = 1",
            "local",
            "Cy approved decision revision 1 but the table shows it not approved",
        ),
        (
            "DELETE FROM decisions WHERE case_id = ? AND revision = 2",
            "synced",
            "the event records decision revision 2 (reject) but the table has no such decision",
        ),
        (
            "UPDATE decisions SET scope = '{}' WHERE case_id = ? AND revision = 1",
            "synced",
            "decision revision 1 differs from its event: its scope differs",
        ),
        (
            "UPDATE facts SET value = '\"Nobody\"' WHERE case_id = ? AND key = 'issuing_authority'",
            "local",
            "fact issuing_authority holds 'Nobody' but its last correction set 'FBI Seattle'",
        ),
        (
            "UPDATE letters SET pdf = x'00' WHERE case_id = ? AND status = 'final'",
            "local",
            "final letter disclosure_cover (revision 1): its stored PDF no longer matches its SHA-256",
        ),
        (
            "DELETE FROM identifiers WHERE case_id = ? AND source = 'reviewer'",
            "local",
            "target bob@example.org was added but is not in the table",
        ),
        (
            "UPDATE letters SET body = 'We will disclose everything.' WHERE case_id = ? AND status = 'draft'",
            "local",
            "draft letter disclosure_cover (revision 2): its text is not the one its last edit recorded",
        ),
        (
            "DELETE FROM letters WHERE case_id = ? AND status = 'draft'",
            "local",
            "the event records letter disclosure_cover (revision 2) but the table has no such letter",
        ),
        (
            "UPDATE checklist_answers SET answer = 'fail' WHERE case_id = ? AND item_id = 'validity.signed'",
            "synced",
            "checklist answer validity.signed (fail) differs from its event: the event gave pass",
        ),
        (
            "DELETE FROM checklist_answers WHERE case_id = ? AND item_id = 'validity.signed'",
            "synced",
            "checklist item validity.signed was answered pass but the table has no answer",
        ),
        (
            "INSERT INTO checklist_answers (case_id, item_id, answer, source, reviewer, answered_at) "
            "VALUES (?, 'hr.political_speech', 'pass', 'reviewer', 'Bob', '2026-03-04T00:00:00+00:00')",
            "local",
            "checklist answer hr.political_speech (pass) was given with no event",
        ),
        (
            "UPDATE notices SET exception_kind = 'court_order' WHERE case_id = ?",
            "synced",
            (
                "notice to user withheld (court_order) has no event that records it as it stands",
                "notice to user withheld (danger) was recorded but the table does not hold it",
            ),
        ),
        (
            "DELETE FROM notices WHERE case_id = ?",
            "local",
            "notice to user given (2026-03-21) was recorded but the table does not hold it",
        ),
        (
            "UPDATE deadline_changes SET starts = '2027-06-30' WHERE case_id = ? AND kind = 'extension'",
            "synced",
            (
                "deadline extended to 2027-06-30 (the requester agreed a later date) has no event that "
                "records it as it stands",
                "deadline extended to 2026-12-31 was recorded but the table does not hold it",
            ),
        ),
        (
            "UPDATE deadline_changes SET ends = NULL WHERE case_id = ? AND kind = 'pause'",
            "local",
            "the deadline was resumed on 2026-03-20, but no pause in the table ends then",
        ),
    ],
)
def test_a_table_changed_with_no_event_fails_naming_the_case_and_what(stations, sql, case, expected):
    _, home, cases = stations
    tamper(home, (sql, [cases[case]]))
    code, report, _ = verify(home, "--json")
    assert code == 1 and report["ok"] is False
    wanted = (expected,) if isinstance(expected, str) else expected
    assert problems_of(report) == [(cases[case], w) for w in wanted], report
    assert all(p["reference"] == cases["references"][cases[case]] for p in report["problems"])


def test_a_cut_tail_with_its_head_moved_back_fails_against_the_anchor(stations):
    _, home, _ = stations
    code, report, _ = verify(home, "--json")  # a whole verify: the anchor is the head now
    assert code == 0
    last = report["events"]
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        keep = next(r for r in desk.store.audit_events() if r["seq"] == last - 3)
    finally:
        desk.close()
    tamper(
        home,
        ("DELETE FROM audit_events WHERE seq > ?", [last - 3]),
        ("UPDATE settings SET value = ? WHERE key = 'audit_head'", [f"{keep['seq']}:{keep['hash']}"]),
    )
    code, report, _ = verify(home, "--json")
    assert code == 1 and report["problem"] is None  # the chain alone is whole
    assert (
        None,
        f"the trail ends at event {last - 3} but this workstation last verified it up to event {last}: "
        "events were cut off or wiped",
    ) in problems_of(report)


def test_a_rechain_after_the_anchor_fails(stations):
    _, home, _ = stations
    assert verify(home)[0] == 0
    last = verify(home, "--json")[1]["events"]
    # Who set the workstation up, rewritten; no case row shows it, only the anchor can.
    forged = json.dumps({"name": "Mallory", "role": "administrator", "enrolled_by": None})
    tamper(home, ("UPDATE audit_events SET payload = ? WHERE seq = 2", [forged]), NO_HEADS)
    rechain(home)
    code, report, _ = verify(home, "--json")
    assert code == 1 and report["problem"] is None  # the chain alone is whole
    assert problems_of(report) == [
        (None, f"event {last} is not the one this workstation last verified: the trail was rewritten")
    ]


def test_a_sync_moves_the_anchor(stations, tmp_path):
    home_a, _, _ = stations
    station = open_station(home_a)
    try:
        before = station.desk.store.get_setting("audit_anchor")
        station.desk.set_idle_lock_minutes(7)  # one more event
        shared = tmp_path / "share2"
        shared.mkdir()
        station.bundles.sync(shared)
        last = station.desk.store.audit_last()
        assert station.desk.store.get_setting("audit_anchor") == f"{last['seq']}:{last['hash']}" != before
    finally:
        station.desk.close()


def test_an_edited_event_is_the_first_problem_listed(stations):
    _, home, cases = stations
    tamper(home, ("UPDATE audit_events SET reviewer = 'Mallory' WHERE seq = 2", []))
    code, report, _ = verify(home, "--json")
    assert code == 1 and report["first_bad_seq"] == 2
    assert report["problems"][0] == {
        "case_id": None,
        "reference": None,
        "what": "event 2 was edited",
        "seq": 2,
    }
    code, text, _ = verify(home)
    assert code == 1 and "  - event 2 was edited\n" in text


def test_a_deleted_case_fails_naming_it(stations):
    _, home, cases = stations
    tamper(home, ("DELETE FROM cases WHERE id = ?", [cases["local"]]))  # its rows go with it
    code, report, _ = verify(home, "--json")
    assert code == 1
    [(case_id, what)] = problems_of(report)
    assert (
        case_id == cases["local"] and what == "the trail records this case (case.intake) but the case is gone"
    )
