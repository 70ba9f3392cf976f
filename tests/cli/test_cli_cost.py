"""``demand-desk cost``: hours, seek or waive, payment, each audited under its reviewer; the
refusals (an emergency request, negative hours, no reviewer) exit 1 and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import services
from app.datadir import DataDir
from tests.app.test_costs import EMERGENCY, decided
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.cli.test_cli import (  # noqa: F401 - fixtures
    PASSPHRASE,
    assert_failed_cleanly,
    cli,
    home,
    initialised,
    initialised_template,
)
from tests.conftest import PIN, REVIEWER


def intake(initialised, tmp_path: Path, lines: tuple[str, ...], name: str) -> str:  # noqa: F811
    path = tmp_path / name
    path.write_bytes(demand_pdf(*lines))
    done = initialised("intake", str(path), "--json")
    assert done.code == 0, done.err
    return str(done.json()["case_id"])


def trail(initialised, case_id: str) -> list[tuple[str, str]]:  # noqa: F811
    return [(e["action"], e["reviewer"]) for e in initialised("audit", "show", case_id, "--json").json()]


def test_hours_are_added_and_read_back_as_json(initialised, tmp_path):  # noqa: F811
    case_id = intake(initialised, tmp_path, SUBPOENA, "subpoena.pdf")
    done = initialised("cost", case_id, "--add-hours", "review", "1.5", "--json")
    assert done.code == 0, done.err
    assert done.json()["amount"] == "112.50" and done.json()["currency"] == "USD"
    shown = initialised("cost", case_id)
    assert "Legal review of the demand" in shown.out and "USD 112.50" in shown.out
    assert ("cost.hours_added", "Ada") in trail(initialised, case_id)


def test_seeking_a_cost_on_an_emergency_request_fails_and_changes_nothing(initialised, tmp_path):  # noqa: F811
    case_id = intake(initialised, tmp_path, EMERGENCY, "emergency.pdf")
    before = trail(initialised, case_id)
    done = initialised("cost", case_id, "--seek", "--reason", "test")
    assert_failed_cleanly(done, "No cost may be sought", "emergency")
    assert trail(initialised, case_id) == before
    assert initialised("cost", case_id, "--json").json()["decision"] == "open"


@pytest.mark.parametrize("hours", ["-2", "0", "two"])
def test_bad_hours_fail_cleanly(initialised, tmp_path, hours):  # noqa: F811
    case_id = intake(initialised, tmp_path, SUBPOENA, "subpoena.pdf")
    done = initialised("cost", case_id, "--add-hours", "review", hours)
    assert_failed_cleanly(done, "Nothing was recorded")
    assert initialised("cost", case_id, "--json").json()["lines"] == []


def test_a_change_needs_a_reviewer_and_one_change_at_a_time(initialised, tmp_path):  # noqa: F811
    case_id = intake(initialised, tmp_path, SUBPOENA, "subpoena.pdf")
    nobody = initialised("cost", case_id, "--waive", "--reason", "small", env={"DEMAND_DESK_REVIEWER": ""})
    assert_failed_cleanly(nobody, "needs a reviewer")
    both = initialised("cost", case_id, "--seek", "--waive", "--reason", "x")
    assert_failed_cleanly(both, "One change at a time")


def test_waive_then_paid_is_refused(initialised, tmp_path):  # noqa: F811
    case_id = intake(initialised, tmp_path, SUBPOENA, "subpoena.pdf")
    done = initialised("cost", case_id, "--waive", "--reason", "a small request", "--json")
    assert done.code == 0, done.err
    assert (done.json()["decision"], done.json()["reason"]) == ("waived", "a small request")
    assert_failed_cleanly(initialised("cost", case_id, "--paid", "2026-01-01"), "Only an unpaid invoice")
    assert_failed_cleanly(initialised("cost", case_id, "--paid", "soon"), "--paid is a date")
    assert ("cost.waived", "Ada") in trail(initialised, case_id)


def test_seek_and_paid_on_a_decided_demand(initialised, home, tmp_path):  # noqa: F811
    case_id = intake(initialised, tmp_path, SUBPOENA, "subpoena.pdf")
    # The decision is taken in-process: a dozen `answer` commands would only make the test slow.
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        desk.sign_in(REVIEWER, PIN)
        decided(desk, case_id)
    finally:
        desk.close()
    assert initialised("cost", case_id, "--add-hours", "search", "2").code == 0
    sought = initialised("cost", case_id, "--seek", "--reason", "standard rates", "--json")
    assert sought.code == 0, sought.err
    assert (sought.json()["decision"], sought.json()["invoice"]) == ("sought", "unpaid")
    paid = initialised("cost", case_id, "--paid", sought.json()["decided_on"], "--json")
    assert paid.code == 0, paid.err
    assert (paid.json()["invoice"], paid.json()["settled_on"]) == ("paid", sought.json()["decided_on"])
    assert [a for a, _ in trail(initialised, case_id) if a.startswith("cost.")] == [
        "cost.hours_added",
        "cost.sought",
        "cost.paid",
    ]
