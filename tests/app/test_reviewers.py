"""Reviewers: roles, enrolment by an administrator, names, PINs and the wrong-PIN lockout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app import services
from app.model import Reviewer
from app.reviewers import Role
from tests.conftest import PIN

BOB_PIN = "135792"


def test_the_reviewer_who_sets_up_is_an_administrator(desk):
    assert desk.reviewers() == [Reviewer("Ada", Role.ADMINISTRATOR)]
    assert desk.roster()[0].enrolled_by is None


def test_an_administrator_enrols_a_reviewer_who_signs_in_with_their_own_pin(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    assert desk.sign_in("bob", BOB_PIN) == Reviewer("Bob", Role.REVIEWER)
    assert [(r.name, r.role, r.enrolled_by) for r in desk.roster()] == [
        ("Ada", Role.ADMINISTRATOR, None),
        ("Bob", Role.REVIEWER, "Ada"),
    ]
    added = desk.audit_trail()[-1]
    assert (added.action, added.reviewer) == ("reviewer.added", "Ada")
    assert added.payload == {"name": "Bob", "role": "reviewer", "enrolled_by": "Ada"}


def test_enrolment_needs_the_administrators_own_pin(desk):
    events = len(desk.audit_trail())
    with pytest.raises(services.DeskError, match="administrator's PIN"):
        desk.add_reviewer("Bob", BOB_PIN, admin_pin="000001")
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    assert len(desk.audit_trail()) == events


def test_a_reviewer_who_is_not_an_administrator_cannot_enrol_remove_or_promote(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    desk.sign_in("Bob", BOB_PIN)
    with pytest.raises(services.DeskError, match="only an administrator"):
        desk.add_reviewer("Mallory", "999990", admin_pin=BOB_PIN)
    with pytest.raises(services.DeskError, match="only an administrator"):
        desk.set_role("Bob", Role.ADMINISTRATOR, admin_pin=BOB_PIN)
    with pytest.raises(services.DeskError, match="only an administrator"):
        desk.remove_reviewer("Ada", admin_pin=BOB_PIN)
    assert desk.reviewers() == [Reviewer("Ada", Role.ADMINISTRATOR), Reviewer("Bob", Role.REVIEWER)]


def test_an_administrator_walks_up_to_enrol_while_another_reviewer_is_signed_in(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    desk.sign_in("Bob", BOB_PIN)
    desk.add_reviewer("Grace", "424242", admin="Ada", admin_pin=PIN)
    assert desk.reviewer_record("Grace").enrolled_by == "Ada"
    assert desk.reviewer == Reviewer("Bob", Role.REVIEWER)  # the walk-up signs nobody in


def test_role_changes_and_removal_are_audited_and_keep_the_last_administrator(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    assert desk.set_role("Bob", "senior", admin_pin=PIN) == Reviewer("Bob", Role.SENIOR)
    with pytest.raises(services.DeskError, match="only administrator"):
        desk.set_role("Ada", Role.REVIEWER, admin_pin=PIN)
    with pytest.raises(services.DeskError, match="only administrator"):
        desk.remove_reviewer("Ada", admin_pin=PIN)
    desk.remove_reviewer("Bob", admin_pin=PIN)
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    bob = desk.reviewer_record("Bob")
    assert bob is not None and not bob.present and bob.removed_by == "Ada"
    with pytest.raises(services.WrongPinError, match="no reviewer named 'Bob'"):
        desk.sign_in("Bob", BOB_PIN)
    actions = [e.action for e in desk.audit_trail()][-2:]
    assert actions == ["reviewer.role_changed", "reviewer.removed"]


def test_a_removed_reviewers_name_is_not_given_to_someone_else(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    desk.remove_reviewer("Bob", admin_pin=PIN)
    with pytest.raises(services.DeskError, match="already exists"):
        desk.add_reviewer("BOB", "424242", admin_pin=PIN)


def test_wrong_pin_is_refused_and_the_signed_in_reviewer_stays(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    with pytest.raises(services.WrongPinError, match="not Bob's"):
        desk.sign_in("Bob", PIN)  # Ada's PIN is not Bob's
    assert desk.reviewer == Reviewer("Ada", Role.ADMINISTRATOR)


def test_unknown_reviewer_cannot_sign_in(desk):
    with pytest.raises(services.WrongPinError, match="no reviewer named 'Eve'"):
        desk.sign_in("Eve", PIN)


def test_pin_is_not_stored_in_the_clear(desk):
    row = desk.store.get_reviewer("Ada")
    assert row["pin_hash"].startswith("$argon2id$")
    assert PIN not in row["pin_hash"]


@pytest.mark.parametrize(
    "name, pin, message",
    [
        ("ada", "999999", "already exists"),
        ("Bob", "1357", "6 to 32 digits"),
        ("Bob", "13579x", "6 to 32 digits"),
        ("", BOB_PIN, "needs a name"),
        ("x" * 81, BOB_PIN, "needs a name"),
        ("\u0410da", BOB_PIN, "looks like the existing reviewer 'Ada'"),  # a Cyrillic А
        ("Ad\u0430", BOB_PIN, "looks like"),
        ("Bob\u202e", BOB_PIN, "direction-changing"),
        ("Bo\u200bb", BOB_PIN, "invisible"),
        ("Bob\n", BOB_PIN, None),  # trailing white space is trimmed, not refused
    ],
    ids=[
        "same-name-any-case",
        "short-pin",
        "pin-not-digits",
        "blank-name",
        "too-long",
        "cyrillic-look-alike",
        "mixed-script",
        "bidi-override",
        "zero-width",
        "trimmed",
    ],
)
def test_bad_new_reviewer_is_refused_and_not_recorded(desk, name, pin, message):
    events = len(desk.audit_trail())
    if message is None:
        assert desk.add_reviewer(name, pin, admin_pin=PIN).name == "Bob"
        return
    with pytest.raises(services.DeskError, match=message):
        desk.add_reviewer(name, pin, admin_pin=PIN)
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    assert len(desk.audit_trail()) == events
    desk.sign_in("Ada", PIN)  # Ada's PIN is untouched


def test_a_name_in_compatibility_forms_is_stored_normalised(desk):
    assert desk.add_reviewer("\uff27race", BOB_PIN, admin_pin=PIN).name == "Grace"  # fullwidth G


class _Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(days=1)  # after the fixture set the workstation up

    def __call__(self) -> datetime:
        return self.now


def test_five_wrong_pins_lock_the_reviewer_for_a_growing_delay(desk):
    clock = _Clock()
    desk.clock = clock
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    for _ in range(4):
        with pytest.raises(services.WrongPinError, match="not Bob's"):
            desk.sign_in("Bob", "000000")
    with pytest.raises(services.WrongPinError, match="not Bob's"):
        desk.sign_in("Bob", "000000")  # the fifth locks
    locked = desk.audit_trail()[-1]
    assert (locked.action, locked.payload["wrong_pins"]) == ("reviewer.locked", 5)
    # Locked: even the right PIN is refused, and says for how long.
    with pytest.raises(services.WrongPinError, match="locked after 5 wrong PINs.*1 minute"):
        desk.sign_in("Bob", BOB_PIN)
    clock.now += timedelta(minutes=1, seconds=1)
    with pytest.raises(services.WrongPinError, match="not Bob's"):
        desk.sign_in("Bob", "000000")  # the sixth: twice as long
    with pytest.raises(services.WrongPinError, match="2 minutes"):
        desk.sign_in("Bob", BOB_PIN)
    clock.now += timedelta(minutes=2, seconds=1)
    assert desk.sign_in("Bob", BOB_PIN).name == "Bob"
    # The right PIN starts the count again.
    for _ in range(4):
        with pytest.raises(services.WrongPinError, match="not Bob's"):
            desk.sign_in("Bob", "000000")
    assert desk.sign_in("Bob", BOB_PIN).name == "Bob"


def test_the_lockout_survives_reopening_the_store(desk, data_dir, passphrase):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    for _ in range(5):
        with pytest.raises(services.WrongPinError):
            desk.sign_in("Bob", "000000")
    desk.close()
    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        with pytest.raises(services.WrongPinError, match="locked"):
            reopened.sign_in("Bob", BOB_PIN)
        assert reopened.sign_in("Ada", PIN).name == "Ada"  # others are not locked
    finally:
        reopened.close()


def test_a_reviewer_changes_their_own_pin(desk):
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    with pytest.raises(services.WrongPinError):
        desk.change_pin("Bob", "000000", "424242")
    desk.change_pin("Bob", BOB_PIN, "424242")
    assert desk.sign_in("Bob", "424242").name == "Bob"


def test_reopened_store_has_nobody_signed_in(desk, data_dir, passphrase):
    desk.close()
    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        assert reopened.reviewer is None
        with pytest.raises(services.NotSignedInError):
            reopened.actor()
        assert reopened.default_reviewer() == "Ada"  # offered first by the sign-in dialog, no more
    finally:
        reopened.close()


# -- who may approve (app/review/approval.py) ---------------------------------------------


def _disclosure_awaiting_approval(desk, clock, decider: str, decider_pin: str):
    from app.review.service import Review
    from tests.review_support import answer_blocking_pass
    from tests.ui.conftest import make_pdf

    desk.sign_in(decider, decider_pin)
    case_id = desk.intake(
        make_pdf(
            [
                "GRAND JURY SUBPOENA",
                "Date: March 2, 2026",
                "To: Custodian of Records, Example Online Services LLC",
                "You are commanded to produce basic subscriber information for the account",
                "wren.s4fe9@example.net.",
                "/s/ Jane Roe, Assistant United States Attorney",
            ]
        ),
        "subpoena.pdf",
    )
    review = Review(desk)
    answer_blocking_pass(review, case_id)
    clock.now += timedelta(minutes=5)
    review.decide(case_id, "disclose_noncontent")
    clock.now += timedelta(minutes=5)
    return review, case_id


def test_an_approver_enrolled_by_the_decider_is_allowed_but_flagged(desk):
    clock = _Clock()
    desk.clock = clock
    desk.add_reviewer("Grace", "424242", admin_pin=PIN)  # Ada, an administrator, enrols Grace
    review, case_id = _disclosure_awaiting_approval(desk, clock, "Ada", PIN)
    summary = review.approval_summary(case_id)
    assert summary.warnings == ["Grace was enrolled by Ada, who made this decision."]
    approved = review.approve(case_id, "Grace", "424242")
    assert approved.approved_by == "Grace"
    event = desk.audit_trail(case_id)[-1]
    assert event.action == "decision.approved" and event.payload["flags"] == summary.warnings
    assert review.approval_notes(case_id) == summary.warnings


def test_a_reviewer_enrolled_after_the_decision_cannot_approve_it(desk):
    clock = _Clock()
    desk.clock = clock
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    review, case_id = _disclosure_awaiting_approval(desk, clock, "Bob", BOB_PIN)
    desk.sign_in("Ada", PIN)
    desk.add_reviewer("Grace", "424242", admin_pin=PIN)
    assert "not allowed to approve it: Grace" in review.approval_summary(case_id).warnings[-1]
    events = len(desk.audit_trail())
    with pytest.raises(services.DeskError, match="Grace was enrolled .* after this decision was recorded"):
        review.approve(case_id, "Grace", "424242")
    with pytest.raises(services.DeskError, match="Bob made this decision"):
        review.approve(case_id, "bob", BOB_PIN)  # the decider, whatever the case of the name
    assert len(desk.audit_trail()) == events
    assert review.decision(case_id).needs_approval
    assert review.approve(case_id, "Ada", PIN).approved_by == "Ada"  # enrolled before: allowed
    assert review.approval_notes(case_id) == []


def test_a_removed_reviewers_approval_stands_and_the_case_says_they_left(desk):
    clock = _Clock()
    desk.clock = clock
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    review, case_id = _disclosure_awaiting_approval(desk, clock, "Ada", PIN)
    review.approve(case_id, "Bob", BOB_PIN)
    desk.remove_reviewer("Bob", admin_pin=PIN)
    decision = review.decision(case_id)
    assert decision.approved_by == "Bob" and not decision.needs_approval
    assert any("Bob has since left" in n for n in review.approval_notes(case_id))
