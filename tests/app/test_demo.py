"""The demo workstation: its dates fall relative to the day it is made, its instruments are
named as their countries name them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app import demo, services
from app.datadir import DataDir
from app.fact_editors import instrument_words
from app.model import KeyStorage
from app.schedule.service import Schedule
from tests.ui.conftest import make_pdf


def test_a_french_subpoena_kind_demand_is_a_requisition_and_a_us_one_keeps_the_kind_name():
    assert instrument_words("subpoena", "FR") == "Réquisition judiciaire"
    # The United States has two kinds of subpoena: the pack's name for the kind, not a guess.
    assert instrument_words("subpoena", "US") == "Subpoena (or equivalent)"
    assert instrument_words("production_order", "XX") == "Production order"  # the default's
    assert instrument_words(None, "FR") == "—"


def test_every_sample_has_a_placement_in_demo_toml():
    names = {path.name for path in demo.sample_pdfs()}
    assert names and all(demo.placement(name) is not None for name in names)


def test_moving_a_case_puts_its_due_date_where_it_belongs_and_keeps_the_scan_date(tmp_path: Path):
    desk = services.set_up(
        DataDir(tmp_path / "d"),
        workstation="demo",
        reviewer=demo.DEMO_REVIEWER,
        pin=demo.DEMO_PIN,
        passphrase=demo.DEMO_PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
        demo=True,
    )
    pdf = make_pdf(
        [
            "GRAND JURY SUBPOENA",
            "Date: March 2, 2026",
            "Produce subscriber information for wombat.demo7@example.org",
            "Respond by April 1, 2026.",
        ]
    )
    case_id = desk.intake(pdf, "s.pdf")
    read = desk.fact_map(case_id)
    assert read["response_due"].value == "2026-04-01"
    today = desk.clock().date()

    demo.move_dates(desk, case_id, demo.Placement("response_due", -2))

    facts = desk.fact_map(case_id)
    assert facts["response_due"].value == (today - timedelta(days=2)).isoformat()
    shift = today - timedelta(days=2) - date(2026, 4, 1)
    assert facts["date_issued"].value == (date(2026, 3, 2) + shift).isoformat()
    assert facts["response_due"].original == "2026-04-01"  # the scan's own date, beside it
    assert facts["received"].value == today.isoformat()  # served the day the demo is made
    desk.close()


@pytest.fixture(scope="module")
def demo_desk(tmp_path_factory: pytest.TempPathFactory):
    desk = demo.create_demo(DataDir(tmp_path_factory.mktemp("demo") / "demo"))
    yield desk
    desk.close()


@pytest.mark.corpus
def test_a_fresh_demo_has_one_overdue_case_two_due_this_week_and_the_rest_later(demo_desk):
    today = demo_desk.clock().date()
    now = Schedule(demo_desk).today(today)
    assert len(now.responses_overdue) == 1
    assert [e.urgency for e in now.emergencies] == ["today"]  # hours from intake, not overdue
    assert len(now.responses_due) == 1 and now.responses_due[0].urgency == "soon"
    week_ahead = today + timedelta(days=7)
    dues = [date.fromisoformat(c.response_due) for c in demo_desk.cases() if c.response_due]
    later = [due for due in dues if due > week_ahead]
    assert len(later) == 3
    for case in demo_desk.cases():
        issued = demo_desk.fact_map(case.case_id)["date_issued"].value
        assert issued is not None and date.fromisoformat(issued) <= today, case.title


@pytest.mark.corpus
def test_the_demo_names_each_instrument_as_its_country_does(demo_desk):
    names = {c.title: instrument_words(c.instrument, c.country) for c in demo_desk.cases()}
    assert names["fr-requisition"] == "Réquisition judiciaire"
    assert names["us-search-warrant"] == "Search warrant"
    assert names["us-emergency-request"] == "Emergency disclosure request"
    assert "subpoena" not in names["fr-requisition"].casefold()


@pytest.mark.corpus
def test_the_demo_checklists_name_each_instrument_as_its_country_does(demo_desk):
    from app.review.service import Review

    review = Review(demo_desk)
    cases = {c.title: c.case_id for c in demo_desk.cases()}
    french = {a.id: a.note for a in review.assess(cases["fr-requisition"]).answers}
    assert "réquisition judiciaire" in french["validity.readable"]
    assert not any("subpoena" in note.casefold() for note in french.values()), french
    # A US subpoena may be a grand-jury or an administrative one: the kind's name stays.
    american = {a.id: a.note for a in review.assess(cases["us-grand-jury-subpoena"]).answers}
    assert "subpoena (or equivalent)" in american["validity.readable"]


@pytest.mark.corpus
def test_every_demo_cases_notes_and_explanation_say_themselves_in_german(demo_desk):
    from app.review.service import Review
    from tests.review.test_notes_said import assert_said_in_german

    review = Review(demo_desk)
    for case in demo_desk.cases():
        assessed = review.assess(case.case_id)
        for answer in assessed.answers:
            if answer.source == "auto":
                assert_said_in_german(f"{case.title}: {answer.id}", answer.note)
        for sentence in assessed.recommendation.explanation:
            assert_said_in_german(f"{case.title}: the recommendation", sentence)


@pytest.mark.corpus
def test_every_demo_cases_facts_json_reads_back_byte_identically(demo_desk):
    import json

    from app.domain.facts import Facts
    from app.review.service import Review
    from tests.review.test_facts_json import _old_review_facts

    review = Review(demo_desk)
    for case in demo_desk.cases():
        stored = demo_desk.facts(case.case_id)
        assert json.dumps(Facts.from_json(stored).to_json()) == json.dumps(stored), case.title
        # What a decision keeps as its basis is what it kept before the facts were typed.
        old = _old_review_facts(demo_desk, review, case.case_id)
        assert json.dumps(review.review_facts(case.case_id)) == json.dumps(old), case.title
