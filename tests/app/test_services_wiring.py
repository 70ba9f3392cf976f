"""Services are built once per desk and shared: a letter and a schedule see the same review."""

from __future__ import annotations

from app import services


def test_each_service_is_built_once_and_the_review_is_shared(desk):
    built = services.Services(desk)
    assert built.letters is built.letters
    assert built.letters.review is built.review
    assert built.schedule.review is built.review
    assert built.prints.letters() is built.letters
    assert built.prints.review() is built.review
    assert built.prints.schedule() is built.schedule


def test_two_desks_do_not_share_services(desk):
    assert services.Services(desk).review is not services.Services(desk).review
