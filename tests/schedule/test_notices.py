from datetime import date

from app.schedule.notices import (
    NoticeException,
    NoticeGiven,
    OrderExtension,
    SecrecyOrder,
    expiring_within,
    notice_recipient,
    notice_status,
    reconsideration_due,
)

ISSUED = date(2026, 1, 10)
ORDER = SecrecyOrder(issued=ISSUED, expires=date(2026, 7, 10), covers="both", statute="18 U.S.C. 2705(b)")


def test_recipient_by_service() -> None:
    assert notice_recipient("consumer") == "user"
    assert notice_recipient("commercial") == "enterprise"


def test_prior_notice_without_order() -> None:
    s = notice_status(None, [], None, date(2026, 3, 1))
    assert (s.due, s.due_on, s.kind) == (True, date(2026, 3, 1), "prior")


def test_order_not_covering_recipient_leaves_prior_notice() -> None:
    order = SecrecyOrder(issued=ISSUED, expires=date(2026, 7, 10), covers="user")
    s = notice_status(order, [], None, date(2026, 3, 1), recipient="enterprise")
    assert s.kind == "prior" and s.due


def test_order_expiring_makes_delayed_notice_due_that_day() -> None:
    before = notice_status(ORDER, [], None, date(2026, 7, 9))
    assert (before.due, before.due_on, before.kind) == (False, date(2026, 7, 10), "delayed")
    on = notice_status(ORDER, [], None, date(2026, 7, 10))
    assert (on.due, on.due_on, on.kind) == (True, date(2026, 7, 10), "delayed")
    assert "expired" in on.reason


def test_duration_gives_expiry() -> None:
    order = SecrecyOrder(issued=ISSUED, duration_days=180)
    s = notice_status(order, [], None, date(2026, 7, 9))
    assert s.due and s.due_on == date(2026, 7, 9)


def test_exception_suppresses_and_says_why() -> None:
    exc = NoticeException("compromised_account", "attacker controls the recovery email", "J. Counsel")
    s = notice_status(ORDER, [exc], None, date(2026, 8, 1))
    assert not s.due and s.kind is None
    assert "attacker" in s.reason and "J. Counsel" in s.reason
    assert notice_status(None, [exc], None, date(2026, 8, 1)).due is False


def test_extension_moves_delayed_notice() -> None:
    extended = SecrecyOrder(
        issued=ISSUED,
        expires=date(2026, 7, 10),
        extensions=(OrderExtension(date(2026, 10, 10), "court granted 90 more days"),),
    )
    s = notice_status(extended, [], None, date(2026, 7, 10))
    assert (s.due, s.due_on) == (False, date(2026, 10, 10))
    assert "court granted" in s.reason
    assert notice_status(extended, [], None, date(2026, 10, 10)).due
    assert expiring_within(extended, date(2026, 9, 15))
    assert not expiring_within(extended, date(2026, 9, 9))


def test_lifted_order_makes_notice_due() -> None:
    order = SecrecyOrder(issued=ISSUED, open_ended=True, lifted_on=date(2026, 5, 1))
    s = notice_status(order, [], None, date(2026, 5, 3))
    assert (s.due, s.due_on, s.kind) == (True, date(2026, 5, 1), "delayed")
    assert reconsideration_due(order, date(2026, 5, 3)) is None


def test_given_notice_is_no_longer_due() -> None:
    s = notice_status(ORDER, [], NoticeGiven("email", date(2026, 7, 11)), date(2026, 7, 20))
    assert not s.due and "email" in s.reason


def test_open_ended_order_comes_back_after_cycle() -> None:
    order = SecrecyOrder(issued=ISSUED, open_ended=True)
    s = notice_status(order, [], None, date(2026, 2, 1))
    assert not s.due and s.due_on is None
    assert reconsideration_due(order, date(2026, 2, 1)) == date(2026, 4, 10)
    assert reconsideration_due(order, date(2026, 2, 1), cycle_days=30) == date(2026, 2, 9)
    later = SecrecyOrder(issued=ISSUED, open_ended=True, reconsidered_on=date(2026, 4, 12))
    assert reconsideration_due(later, date(2026, 5, 1)) == date(2026, 7, 11)
    assert not expiring_within(order, date(2026, 2, 1))
    assert reconsideration_due(ORDER, date(2026, 2, 1)) is None
    assert reconsideration_due(None, date(2026, 2, 1)) is None
