"""``demand-desk disclosure``: record, approve and show a disclosure without legal process."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import (  # noqa: F401 - fixtures
    NEW_PIN,
    assert_failed_cleanly,
    cli,
    home,
    initialised,
    initialised_template,
    pdf_file,
)


def _audited(run) -> int:
    done = run("audit", "show", "--json")
    assert done.code == 0, done.err
    return len(done.json())


def test_an_ncmec_report_is_recorded_approved_by_a_second_reviewer_and_shown(initialised, pdf_file):  # noqa: F811 - the fixture
    assert initialised("reviewer", "add", "Grace", pin="246813", env=NEW_PIN).code == 0
    done = initialised(
        "disclosure",
        "new",
        "--ground",
        "ncmec",
        "--to",
        "National Center for Missing and Exploited Children",
        "--identifier",
        "email=wren.h4x@example.net",
        "--category",
        "content",
        "--document",
        str(pdf_file),
        "--json",
    )
    assert done.code == 0, done.err
    data = done.json()
    case = data["case_id"]
    assert data["ground"] == "ncmec" and data["recipient_country"] == "US"
    assert data["awaiting_approval"] is True and data["recorded_by"] == "Ada"
    assert data["identifiers"] == [{"kind": "email", "value": "wren.h4x@example.net"}]
    assert data["document"] == "grand-jury-subpoena.pdf"
    assert data["notice"].startswith("Withheld: child-exploitation")
    assert_failed_cleanly(initialised("disclosure", "approve", case, "--reviewer", "Ada"), "four eyes")
    # A disclosure is approved, never decided like a demand.
    assert_failed_cleanly(initialised("decide", case, "--outcome", "disclose_content"), "no demand to decide")
    approved = initialised("disclosure", "approve", case, "--reviewer", "Grace", "--json", pin="135792")
    assert approved.code == 0, approved.err
    assert approved.json()["approved_by"] == "Grace" and approved.json()["flags"] == []
    shown = initialised("disclosure", "show", case)
    assert shown.code == 0 and "approved by Grace" in shown.out
    [row] = initialised("cases", "--json").json()
    assert row["instrument"] == "voluntary_disclosure" and row["status"] == "decided"


def test_an_emergency_made_before_approval_is_flagged(initialised):  # noqa: F811 - the fixture
    done = initialised(
        "disclosure",
        "new",
        "--ground",
        "emergency",
        "--to",
        "Portland Police Bureau",
        "--justification",
        "A child abducted; the login IPs locate her.",
        "--made-before-approval",
        "--json",
    )
    assert done.code == 0, done.err
    assert done.json()["made_before_approval"] is True
    assert "before a second reviewer approved" in done.json()["flags"][0]


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--to", "NCMEC"], "Name the ground"),
        (["--ground", "curiosity", "--to", "NCMEC"], "not a ground the policy pack lists"),
        (["--ground", "ncmec"], "to whom"),
        (
            ["--ground", "crime_victim", "--to", "FBI", "--justification", "x", "--made-before-approval"],
            "waits for a second reviewer",
        ),  # fmt: skip
        (["--ground", "ncmec", "--to", "NCMEC", "--date", "2026-13-01"], "--date is a date"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(initialised, args, phrase):  # noqa: F811 - the fixture
    before = _audited(initialised)
    assert_failed_cleanly(initialised("disclosure", "new", *args, "--json"), phrase)
    assert _audited(initialised) == before
    assert initialised("cases", "--json").json() == []


def test_recording_a_disclosure_names_its_reviewer(initialised):  # noqa: F811 - the fixture
    done = initialised(
        "disclosure", "new", "--ground", "ncmec", "--to", "NCMEC", env={"DEMAND_DESK_REVIEWER": ""}
    )
    assert_failed_cleanly(done, "needs a reviewer")


def test_the_grounds_are_the_packs(initialised):  # noqa: F811 - the fixture
    done = initialised("disclosure", "grounds", "--json")
    assert done.code == 0, done.err
    assert [g["ground"] for g in done.json()] == ["ncmec", "harm", "crime_victim", "emergency"]
