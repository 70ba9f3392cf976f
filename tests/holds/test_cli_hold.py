"""``demand-desk hold`` as a user or a script runs it (issue 19, point 1)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_failed_cleanly
from tests.holds.test_holds_service import HELD, preservation, subpoena


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, data in (("hold", preservation()), ("demand", subpoena()), ("bad", preservation("kestrel@@x"))):
        out[name] = tmp_path / f"{name}.pdf"
        out[name].write_bytes(data)
    return out


def _intake(run, path: Path, received: date) -> str:
    done = run("intake", str(path), "--received", received.isoformat(), "--json")
    assert done.code == 0, done.err
    return done.json()["case_id"]


def test_a_preservation_request_becomes_a_hold_that_a_later_demand_links_to(initialised, files):
    run = initialised
    served = date.today() - timedelta(days=3)
    held = _intake(run, files["hold"], served)
    [hold] = run("hold", "list", "--json").json()
    assert hold["case_id"] == held and hold["identifiers"] == [{"kind": "email", "value": HELD}]
    assert (hold["since"], hold["until"]) == (served.isoformat(), (served + timedelta(days=90)).isoformat())
    assert hold["requester"] == "Federal Bureau of Investigation" and hold["state"] == "active"
    later = _intake(run, files["demand"], date.today())
    [link] = run("facts", later, "--json").json()["preservation_holds"]
    assert link["case_id"] == held and link["requester"] == "Federal Bureau of Investigation"
    assert run("assess", later, "--json").json()["preservation_holds"] == [link]
    assert run("hold", "list", "--json").json()[0]["linked_demands"][0]["case_id"] == later


def test_extend_and_release_name_their_reviewer_and_are_audited(initialised, files):
    run = initialised
    served = date.today() - timedelta(days=80)
    held = _intake(run, files["hold"], served)
    new_until = (served + timedelta(days=150)).isoformat()
    nobody = run("hold", held, "--extend", new_until, "--reason", "renewed", env={"DEMAND_DESK_REVIEWER": ""})
    assert_failed_cleanly(nobody, "needs a reviewer")
    no_reason = run("hold", held, "--extend", new_until)
    assert_failed_cleanly(no_reason, "renewed request")
    done = run("hold", held, "--extend", new_until, "--reason", "FBI renewed request of today", "--json")
    assert done.code == 0, done.err
    assert done.json()["until"] == new_until and done.json()["extensions"][0]["by"] == "Ada"
    released = run("hold", held, "--release", "--reason", "FBI: no process will follow", "--json")
    assert released.code == 0 and released.json()["state"] == "released"
    trail = run("audit", "show", held, "--json").json()
    assert [(e["action"], e["reviewer"]) for e in trail if e["action"].startswith("hold.")] == [
        ("hold.recorded", "Ada"),
        ("hold.extended", "Ada"),
        ("hold.released", "Ada"),
    ]
    again = run("hold", held, "--extend", new_until, "--reason", "too late")
    assert_failed_cleanly(again, f"was released on {date.today()}")


def test_a_hold_extended_after_it_expired_is_refused_with_the_day_it_ended(initialised, files):
    run = initialised
    served = date.today() - timedelta(days=100)
    held = _intake(run, files["hold"], served)
    before = run("hold", held, "--json").json()
    assert before["state"] == "expired"
    later = (date.today() + timedelta(days=30)).isoformat()
    done = run("hold", held, "--extend", later, "--reason", "renewed request, late")
    assert_failed_cleanly(done, f"last day was {served + timedelta(days=90)}")
    assert run("hold", held, "--json").json() == before


def test_a_hold_on_a_malformed_identifier_is_refused(initialised, files):
    run = initialised
    case = _intake(run, files["bad"], date.today())
    if not run("facts", case, "--json").json()["identifiers"]:
        fixed = run("facts", case, "--add-identifier", "email=kestrel@@x", "--reason", "as served")
        assert fixed.code == 0, fixed.err
    done = run("hold", case, "--record")
    assert_failed_cleanly(done, "not a well-formed email")
    assert run("hold", "list", "--json").json() == []
    assert_failed_cleanly(run("hold", case), "has no preservation hold")
