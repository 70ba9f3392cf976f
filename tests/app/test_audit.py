"""The hash-chained audit trail: every action is recorded and attributed; any edit is caught."""

from __future__ import annotations

import json

import pytest

from app import audit, services
from app.model import Reviewer
from app.reviewers import Role


def test_set_up_records_the_workstation_and_its_first_reviewer(desk):
    events = desk.audit_trail()
    assert [(e.seq, e.action, e.reviewer, e.workstation) for e in events] == [
        (1, "workstation.created", "Ada", "test"),
        (2, "reviewer.added", "Ada", "test"),
    ]
    assert events[0].prev_hash == audit.GENESIS
    assert events[1].prev_hash == events[0].hash
    assert events[1].payload == {"name": "Ada", "role": "administrator", "enrolled_by": None}


def test_every_action_appends_an_event_by_the_signed_in_reviewer(desk, canary_pdf):
    desk.add_reviewer("Bob", "135792", admin_pin="246813")
    desk.sign_in("Bob", "135792")
    case_id = desk.intake(canary_pdf, "demand.pdf")
    desk.correct_fact(case_id, "country", "gb", reason="letterhead")
    desk.set_idle_lock_minutes(5)

    events = desk.audit_trail()
    assert [(e.action, e.reviewer, e.workstation, e.case_id) for e in events[2:]] == [
        ("reviewer.added", "Ada", "test", None),
        ("case.intake", "Bob", "test", case_id),
        ("fact.corrected", "Bob", "test", case_id),
        ("settings.changed", "Bob", "test", None),
    ]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert all(e.at.endswith("+00:00") for e in events)  # times are UTC
    report = desk.verify_audit()
    assert report.ok and report.events == 6


def test_actions_need_a_signed_in_reviewer(desk, data_dir, passphrase):
    desk.close()
    locked = services.unlock(data_dir, passphrase=passphrase)
    try:
        with pytest.raises(services.NotSignedInError, match="Sign in"):
            locked.set_idle_lock_minutes(5)
        with pytest.raises(services.NotSignedInError):
            locked.add_reviewer("Bob", "135792", admin_pin="246813")
        assert len(locked.audit_trail()) == 2
        assert locked.reviewers() == [Reviewer("Ada", Role.ADMINISTRATOR)]
    finally:
        locked.close()


@pytest.fixture
def busy_desk(desk):
    """Five events: set-up (2), a reviewer, two settings changes."""
    desk.add_reviewer("Bob", "135792", admin_pin="246813")
    desk.set_idle_lock_minutes(5)
    desk.set_idle_lock_minutes(6)
    assert desk.verify_audit().ok
    return desk


@pytest.mark.parametrize(
    "column, value",
    [
        ("payload", json.dumps({"name": "Mallory", "senior": True})),
        ("reviewer", "Bob"),
        ("workstation", "elsewhere"),
        ("at", "2020-01-01T00:00:00+00:00"),
        ("action", "reviewer.removed"),
        ("case_id", "c0ffee"),
        ("payload", "{not json"),
    ],
)
def test_edited_event_is_caught_and_named(busy_desk, column, value):
    sql = f"UPDATE audit_events SET {column} = ? WHERE seq = 2"  # noqa: S608 - column from the list above
    busy_desk.store.db.execute(sql, [value])
    report = busy_desk.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == 2
    assert "event 2" in report.problem


def test_deleted_middle_event_is_caught_and_named(busy_desk):
    busy_desk.store.db.execute("DELETE FROM audit_events WHERE seq = 3")
    report = busy_desk.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "3" in report.problem and "removed" in report.problem


def test_deleted_last_event_is_caught(busy_desk):
    busy_desk.store.db.execute("DELETE FROM audit_events WHERE seq = 5")
    report = busy_desk.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == 5


def test_rehashed_forgery_after_the_head_is_caught(busy_desk):
    # Rewriting the last event and its hash consistently still disagrees with the head.
    last = list(busy_desk.store.audit_events())[-1]
    forged = dict(last, payload=json.dumps({"idle_lock_minutes": 240}))
    forged["hash"] = audit.event_hash(
        seq=forged["seq"],
        at=forged["at"],
        reviewer=forged["reviewer"],
        workstation=forged["workstation"],
        case_id=forged["case_id"],
        action=forged["action"],
        payload=json.loads(forged["payload"]),
        prev_hash=forged["prev_hash"],
    )
    busy_desk.store.db.execute(
        "UPDATE audit_events SET payload = ?, hash = ? WHERE seq = ?",
        [forged["payload"], forged["hash"], forged["seq"]],
    )
    report = busy_desk.verify_audit()
    assert not report.ok and report.first_bad_seq == 5


def test_missing_chain_head_is_caught(busy_desk):
    busy_desk.store.db.execute("DELETE FROM settings WHERE key = 'audit_head'")
    report = busy_desk.verify_audit()
    assert not report.ok and "head" in report.problem


def test_damaged_chain_head_is_reported_not_a_crash(busy_desk):
    busy_desk.store.db.execute("UPDATE settings SET value = 'garbage' WHERE key = 'audit_head'")
    report = busy_desk.verify_audit()
    assert not report.ok and "head" in report.problem


def test_emptied_trail_is_caught(busy_desk):
    busy_desk.store.db.execute("DELETE FROM audit_events")
    report = busy_desk.verify_audit()
    assert not report.ok and report.first_bad_seq == 1


def test_audit_trail_of_one_case_holds_only_its_events(desk, canary_pdf, scanned_pdf):
    first = desk.intake(canary_pdf, "a.pdf")
    second = desk.intake(scanned_pdf, "b.pdf")
    desk.correct_fact(first, "emergency", "yes")
    assert [e.action for e in desk.audit_trail(first)] == ["case.intake", "fact.corrected"]
    assert [e.action for e in desk.audit_trail(second)] == ["case.intake"]
