"""Reviewers: adding them, and signing in with a PIN."""

from __future__ import annotations

import pytest

from app import services
from app.model import Reviewer


def test_added_reviewer_signs_in_with_their_pin(desk):
    desk.add_reviewer("Bob", "1357")
    assert desk.sign_in("bob", "1357") == Reviewer("Bob", senior=False)
    assert desk.reviewer == Reviewer("Bob", senior=False)
    assert desk.reviewers() == [Reviewer("Ada", senior=True), Reviewer("Bob", senior=False)]


def test_wrong_pin_is_refused_and_the_signed_in_reviewer_stays(desk):
    desk.add_reviewer("Bob", "1357")
    with pytest.raises(services.WrongPinError, match="not Bob's"):
        desk.sign_in("Bob", "2468")  # Ada's PIN is not Bob's
    assert desk.reviewer == Reviewer("Ada", senior=True)


def test_unknown_reviewer_cannot_sign_in(desk):
    with pytest.raises(services.WrongPinError, match="no reviewer named 'Eve'"):
        desk.sign_in("Eve", "2468")


def test_pin_is_not_stored_in_the_clear(desk):
    row = desk.store.get_reviewer("Ada")
    assert row["pin_hash"].startswith("$argon2id$")
    assert "2468" not in row["pin_hash"]


@pytest.mark.parametrize(
    "name, pin, message",
    [
        ("ada", "9999", "already exists"),
        ("Bob", "12", "at least 4"),
        ("", "1357", "needs a name"),
        ("x" * 81, "1357", "needs a name"),
    ],
    ids=["same-name-any-case", "short-pin", "blank-name", "too-long"],
)
def test_bad_new_reviewer_is_refused_and_not_recorded(desk, name, pin, message):
    events = len(desk.audit_trail())
    with pytest.raises(services.DeskError, match=message):
        desk.add_reviewer(name, pin)
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    assert len(desk.audit_trail()) == events
    desk.sign_in("Ada", "2468")  # Ada's PIN is untouched


def test_default_reviewer_is_the_first_one(desk, data_dir, passphrase):
    desk.add_reviewer("Bob", "1357")
    desk.close()
    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        assert reopened.act_as_default_reviewer() == Reviewer("Ada", senior=True)
    finally:
        reopened.close()
